// SPDX-License-Identifier: GPL-2.0
/*
 * The user pages of a memory transaction (dev_mem.h): checked, pinned
 * for the long term into one array, unpinned. One array for the whole
 * range and one pin call per batch the kernel hands back: nothing is
 * allocated per page, so 1 GiB costs what 4 KiB does, per page.
 */
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "dev_mem.h"

/*
 * A lent page is gone from Linux's view of memory (stage 2), and fork
 * copies a pinned anonymous page for the child: the kernel would read
 * a page it can no longer read, an abort in the kernel. So a lent range
 * must be left out of fork (MADV_DONTFORK). The VMAs are checked as
 * they are now; a later MADV_DOFORK is the caller's own hazard
 * (docs/userspace-memory.md).
 */
int ffa_dev_mem_check_dontfork(unsigned long start, unsigned long end)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long at;
	int rc = 0;

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	for (at = start; at < end; at = vma->vm_end) {
		vma = vma_lookup(mm, at);
		if (!vma) {
			rc = -EFAULT;
			break;
		}
		if (!(vma->vm_flags & VM_DONTCOPY)) {
			rc = -EINVAL;
			break;
		}
	}
	mmap_read_unlock(mm);
	return rc;
}

struct page **ffa_dev_mem_pin(unsigned long addr, size_t count, bool write)
{
	unsigned int gup = FOLL_LONGTERM | (write ? FOLL_WRITE : 0);
	struct page **pages;
	size_t done = 0;
	int n;

	/* The callers' count is at most 1 GiB of pages: it fits an int. */
	if (!count || count > INT_MAX)
		return ERR_PTR(-EINVAL);
	pages = kvmalloc_array(count, sizeof(*pages), GFP_KERNEL_ACCOUNT);
	if (!pages)
		return ERR_PTR(-ENOMEM);
	/*
	 * The kernel may pin less than asked; asked again, it pins on, or
	 * fails at the first page it cannot pin (-EFAULT: not mapped).
	 */
	while (done < count) {
		n = pin_user_pages_fast(addr + done * PAGE_SIZE, count - done,
					gup, pages + done);
		if (n <= 0) {
			unpin_user_pages(pages, done);
			kvfree(pages);
			return ERR_PTR(n ? n : -EFAULT);
		}
		done += n;
	}
	return pages;
}

void ffa_dev_mem_unpin(struct page **pages, size_t count, bool written)
{
	unpin_user_pages_dirty_lock(pages, count, written);
	kvfree(pages);
}
