// SPDX-License-Identifier: GPL-2.0
/*
 * Memory transactions of user buffers through /dev/ffa/self (dev.h):
 * FFA_DEV_IOC_MEM_SHARE, _LEND, _DONATE and _RECLAIM. The argument is
 * checked whole before anything is pinned; the pages are pinned for the
 * long term (dev_pin.c) and sent from the page array as they are (the
 * core's ffa_core_mem_send_pages()); each share or lend stays on its
 * file's list until reclaimed. docs/userspace-memory.md has the rules.
 */
#include <linux/err.h>
#include <linux/file.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <linux/ffa_dev.h>

#include "core.h"
#include "dev.h"
#include "dev_mem.h"

static_assert(FFA_DEV_MEM_MAX_BORROWERS == FFA_CORE_MEM_MAX_ACCESS);
/* FFA_DEV_MEM_MAX_LENGTH in pages fits the pin call's int. */
static_assert(FFA_DEV_MEM_MAX_LENGTH / PAGE_SIZE <= INT_MAX);

/* FF-A's memory access permissions byte (ffa-abi.md 9.5), data [1:0]. */
#define FFA_PERM_DATA_RO	0x1
#define FFA_PERM_DATA_RW	0x2
/* FF-A's transaction flag and reclaim flag: zero the memory. */
#define FFA_TX_FLAG_ZERO	0x1
#define FFA_RECLAIM_FLAG_ZERO	0x1

#define FFA_DEV_MEM_PERMS \
	(FFA_DEV_MEM_READ | FFA_DEV_MEM_WRITE | FFA_DEV_MEM_EXEC)

struct ffa_dev_mem_owner {
	struct mutex lock;	/* owns txs */
	struct list_head txs;	/* ffa_dev_mem_tx, shares and lends */
};

struct ffa_dev_mem_owner *ffa_dev_mem_open(void)
{
	struct ffa_dev_mem_owner *o = kzalloc(sizeof(*o), GFP_KERNEL);

	if (!o)
		return NULL;
	mutex_init(&o->lock);
	INIT_LIST_HEAD(&o->txs);
	return o;
}

/* Everything of m but the borrowers (the errno table's memory rows). */
static int check_mem(enum ffa_core_mem_op op, const struct ffa_dev_mem *m)
{
	if (m->size != sizeof(*m) || m->flags & ~FFA_DEV_MEM_CLEAR ||
	    m->attrs != FFA_DEV_MEM_ATTR_DEFAULT)
		return -EINVAL;
	/* FF-A: a share is never cleared (the owner keeps using it). */
	if (op == FFA_CORE_MEM_SHARE && (m->flags & FFA_DEV_MEM_CLEAR))
		return -EINVAL;
	if (!m->length || !PAGE_ALIGNED(m->addr) || !PAGE_ALIGNED(m->length))
		return -EINVAL;
	if (m->length > FFA_DEV_MEM_MAX_LENGTH)
		return -E2BIG;
	if (m->addr + m->length < m->addr)
		return -EINVAL;
	if (!m->nr_borrowers)
		return -EINVAL;
	if (m->nr_borrowers > FFA_DEV_MEM_MAX_BORROWERS)
		return -E2BIG;
	/* FF-A: a donation has exactly one receiver. */
	if (op == FFA_CORE_MEM_DONATE && m->nr_borrowers != 1)
		return -EINVAL;
	return 0;
}

/*
 * FF-A's permissions byte for b. The data access: READ is read-only,
 * READ | WRITE read-write; a donation states none (FF-A: "data access
 * [...] specified in DONATE" is INVALID_PARAMETERS, ffa-abi.md 10.2).
 * The instruction access is never stated: "Send: instruction access
 * specified (Hafnium requires 00 for every send)" (ffa-abi.md 10.2),
 * which lib's validator (lib/mem/parse_access.c) enforces for our
 * manager too. A share or a lend to several is never executable, a
 * borrower of a lend to one asks for it when it retrieves, and no
 * manager we know grants it on normal-world memory: so EXEC is EINVAL
 * rather than a promise nobody keeps.
 */
static int borrower_perms(enum ffa_core_mem_op op,
			  const struct ffa_dev_mem_borrower *b, u8 *perms)
{
	if (b->flags || b->reserved || b->perms & ~FFA_DEV_MEM_PERMS)
		return -EINVAL;
	if (op == FFA_CORE_MEM_DONATE) {
		*perms = 0;
		return b->perms ? -EINVAL : 0;
	}
	if (!(b->perms & FFA_DEV_MEM_READ) || b->perms & FFA_DEV_MEM_EXEC)
		return -EINVAL;
	*perms = b->perms & FFA_DEV_MEM_WRITE ? FFA_PERM_DATA_RW :
						FFA_PERM_DATA_RO;
	return 0;
}

/* The partition behind fd, an open partition node: else -EBADF. */
static int borrower_id(int fd, u16 *id)
{
	struct fd f = fdget(fd);
	int rc;

	if (!fd_file(f))
		return -EBADF;
	rc = ffa_dev_file_partition(fd_file(f), id);
	fdput(f);
	return rc;
}

/*
 * m's borrowers as the core's access descriptors; *written when one of
 * them may write.
 */
static int get_borrowers(enum ffa_core_mem_op op, const struct ffa_dev_mem *m,
			 struct ffa_core_mem_access *acc, bool *written)
{
	struct ffa_dev_mem_borrower b[FFA_DEV_MEM_MAX_BORROWERS];
	u32 i, j;
	int rc;

	if (copy_from_user(b, u64_to_user_ptr(m->borrowers),
			   m->nr_borrowers * sizeof(b[0])))
		return -EFAULT;
	*written = false;
	for (i = 0; i < m->nr_borrowers; i++) {
		acc[i] = (struct ffa_core_mem_access){ 0 };
		rc = borrower_perms(op, &b[i], &acc[i].perms);
		if (!rc)
			rc = borrower_id(b[i].fd, &acc[i].receiver);
		if (rc)
			return rc;
		for (j = 0; j < i; j++)
			if (acc[j].receiver == acc[i].receiver)
				return -EINVAL;
		*written |= !!(b[i].perms & FFA_DEV_MEM_WRITE);
	}
	return 0;
}

/* Send m's range, pinned into tx; the handle in tx->handle. */
static int send_pinned(enum ffa_core_mem_op op, const struct ffa_dev_mem *m,
		       const struct ffa_core_mem_access *acc,
		       struct ffa_dev_mem_tx *tx)
{
	struct ffa_core_mem_req req = {
		.op = op,
		.flags = m->flags & FFA_DEV_MEM_CLEAR ? FFA_TX_FLAG_ZERO : 0,
		.tag = m->tag,
		.access = acc,
		.nr_access = m->nr_borrowers,
	};
	unsigned long addr = untagged_addr(m->addr);
	int rc;

	/* A lent or donated page is written by its borrower, or cleared. */
	tx->written |= op != FFA_CORE_MEM_SHARE;
	if (op != FFA_CORE_MEM_SHARE) {
		rc = ffa_dev_mem_check_dontfork(addr, addr + m->length);
		if (rc)
			return rc;
	}
	tx->count = m->length >> PAGE_SHIFT;
	tx->pages = ffa_dev_mem_pin(addr, tx->count, tx->written);
	if (IS_ERR(tx->pages))
		return PTR_ERR(tx->pages);
	rc = ffa_core_mem_send_pages(&req, tx->pages, tx->count, &tx->handle);
	if (rc)
		ffa_dev_mem_unpin(tx->pages, tx->count, false);
	return rc;
}

/*
 * A sent share or lend joins o's list; a donation's pages stay pinned
 * for ever and nothing of it is kept (it cannot be reclaimed).
 */
static void keep(struct ffa_dev_mem_owner *o, enum ffa_core_mem_op op,
		 struct ffa_dev_mem_tx *tx)
{
	atomic_long_add(tx->count, &ffa_dev_mem_stats.pinned_pages);
	if (op == FFA_CORE_MEM_DONATE) {
		atomic_long_add(tx->count, &ffa_dev_mem_stats.donated_pages);
		kvfree(tx->pages);
		kfree(tx);
		return;
	}
	mutex_lock(&o->lock);
	list_add_tail(&tx->node, &o->txs);
	atomic_long_inc(&ffa_dev_mem_stats.shares);
	mutex_unlock(&o->lock);
}

static int mem_send(struct ffa_dev_mem_owner *o, enum ffa_core_mem_op op,
		    struct ffa_dev_mem __user *uarg)
{
	struct ffa_core_mem_access acc[FFA_DEV_MEM_MAX_BORROWERS];
	struct ffa_dev_mem_tx *tx;
	struct ffa_dev_mem m;
	u64 handle;
	int rc;

	if (copy_from_user(&m, uarg, sizeof(m)))
		return -EFAULT;
	rc = check_mem(op, &m);
	if (rc)
		return rc;
	tx = kzalloc(sizeof(*tx), GFP_KERNEL);
	if (!tx)
		return -ENOMEM;
	rc = get_borrowers(op, &m, acc, &tx->written);
	if (!rc)
		rc = send_pinned(op, &m, acc, tx);
	if (rc) {
		kfree(tx);
		return rc;
	}
	handle = tx->handle;
	keep(o, op, tx);
	/* Made all the same: the file's close reclaims it. */
	return put_user(handle, &uarg->handle) ? -EFAULT : 0;
}

static struct ffa_dev_mem_tx *find_tx(struct ffa_dev_mem_owner *o, u64 handle)
{
	struct ffa_dev_mem_tx *tx;

	list_for_each_entry(tx, &o->txs, node)
		if (tx->handle == handle)
			return tx;
	return NULL;
}

/*
 * Reclaim a share or lend of o's. Refused (e.g. DENIED, EACCES: a
 * borrower still holds it), it stays as it was, pinned and on the list.
 */
static int mem_reclaim(struct ffa_dev_mem_owner *o,
		       struct ffa_dev_reclaim __user *uarg)
{
	struct ffa_dev_mem_tx *tx;
	struct ffa_dev_reclaim r;
	int rc = -ENOENT;

	if (copy_from_user(&r, uarg, sizeof(r)))
		return -EFAULT;
	if (r.size != sizeof(r) || r.flags & ~FFA_DEV_MEM_RECLAIM_CLEAR)
		return -EINVAL;
	mutex_lock(&o->lock);
	tx = find_tx(o, r.handle);
	if (tx) {
		rc = ffa_core_mem_reclaim(r.handle,
					  r.flags & FFA_DEV_MEM_RECLAIM_CLEAR ?
					  FFA_RECLAIM_FLAG_ZERO : 0);
		if (!rc)
			list_del(&tx->node);
	}
	mutex_unlock(&o->lock);
	if (rc)
		return rc;
	atomic_long_dec(&ffa_dev_mem_stats.shares);
	ffa_dev_mem_tx_free(tx);
	return 0;
}

long ffa_dev_mem_ioctl(struct ffa_dev_mem_owner *o, unsigned int cmd,
		       void __user *arg)
{
	switch (cmd) {
	case FFA_DEV_IOC_MEM_SHARE:
		return mem_send(o, FFA_CORE_MEM_SHARE, arg);
	case FFA_DEV_IOC_MEM_LEND:
		return mem_send(o, FFA_CORE_MEM_LEND, arg);
	case FFA_DEV_IOC_MEM_DONATE:
		return mem_send(o, FFA_CORE_MEM_DONATE, arg);
	case FFA_DEV_IOC_MEM_RECLAIM:
		return mem_reclaim(o, arg);
	default:
		return -ENOTTY;
	}
}

void ffa_dev_mem_close(struct ffa_dev_mem_owner *o)
{
	struct ffa_dev_mem_tx *tx, *next;

	/* The last reference to the file: nobody else walks the list. */
	list_for_each_entry_safe(tx, next, &o->txs, node) {
		list_del(&tx->node);
		atomic_long_dec(&ffa_dev_mem_stats.shares);
		if (ffa_core_mem_reclaim(tx->handle, 0))
			ffa_dev_mem_orphan(tx);
		else
			ffa_dev_mem_tx_free(tx);
	}
	mutex_destroy(&o->lock);
	kfree(o);
}
