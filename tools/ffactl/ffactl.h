/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/*
 * ffactl: FF-A partitions from the shell, on libffadev. Each command
 * group is a file (cmd_*.c); the pure parts (arguments, JSON, descriptor
 * decoding) have no I/O of their own and are unit tested
 * (tests/unit/test_ffactl_*.c). docs/ffactl.md documents the commands,
 * the JSON keys and the exit codes.
 */
#ifndef FFACTL_H
#define FFACTL_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Exit codes (docs/ffactl.md). */
#define EXIT_OK		0
#define EXIT_FAILED	1	/* the kernel or FF-A said no; an invalid descriptor */
#define EXIT_USAGE	2	/* bad command line */
#define EXIT_NOT_FOUND	3	/* no such partition, node, file; UUID ambiguous */
#define EXIT_DENIED	4	/* open refused: not root (EACCES), bus-bound (EPERM) */
#define EXIT_TIMEOUT	5	/* recv: nothing within --timeout */

/* ---- JSON (json.c): one object per run, built as the command goes ---- */

#define JW_DEPTH	8

struct jw {
	FILE *f;
	int depth;
	int count[JW_DEPTH];	/* members written at each level */
};

void json_escape(FILE *f, const char *s, size_t len);
void jw_init(struct jw *w, FILE *f);
void jw_obj(struct jw *w, const char *key);	/* key NULL in arrays */
void jw_arr(struct jw *w, const char *key);
void jw_end_obj(struct jw *w);
void jw_end_arr(struct jw *w);
void jw_str(struct jw *w, const char *key, const char *v);
void jw_strn(struct jw *w, const char *key, const char *v, size_t len);
void jw_num(struct jw *w, const char *key, uint64_t v);
void jw_bool(struct jw *w, const char *key, int v);
/* 64-bit values as "0x..." strings: JSON numbers lose bits past 2^53. */
void jw_hex(struct jw *w, const char *key, uint64_t v);

/* ---- a run ---- */

struct ctl {
	int json;
	struct jw w;		/* the command's members; printed at the end */
	const char *cmd;
	int err;		/* -errno of the failure, 0 if none */
	char msg[256];		/* what failed */
};

/* Human output: printed only without --json. */
void ctl_say(struct ctl *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Record a failure and return its exit code. */
int ctl_fail(struct ctl *c, int exit_code, int err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int ctl_usage(struct ctl *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Exit code for a failed open of a node, or of any other call. */
int exit_for_open(int err);
int exit_for_op(int err);
/* Open PART (or "self"); on failure record it and return -exit code. */
int ctl_open(struct ctl *c, const char *part);
/* True when arg is --help or -h. */
int is_help(const char *arg);
/* Print text and return 1 when argv[1..] asks for --help. */
int ctl_help(int argc, char **argv, const char *text);

/* ---- arguments (args.c) ---- */

/* N, NK, NM, NG (powers of 1024); 0 or -EINVAL; 0 bytes is -EINVAL. */
int parse_size(const char *s, uint64_t *out);
/* A number: decimal or 0x hex, 64 bits; 0 or -EINVAL. */
int parse_u64(const char *s, uint64_t *out);
/*
 * --to PART[:rw|:ro|:rx|:rwx]: splits at the last ':' when what follows
 * is a permission (a path may not contain one then); default rw. part
 * receives the PART text (cap bytes). 0 or -EINVAL.
 */
int parse_to(const char *s, char *part, size_t cap, uint32_t *perms);
const char *perms_name(uint32_t perms);

/* ---- desc decode (desc.c): pure, output to the writer and h ---- */

struct desc_opts {
	int op;			/* enum ffa_mem_op */
	uint32_t version;	/* 0: guess from the bytes */
};

/* 0 valid, -EINVAL invalid (details written), -E2BIG too large. */
int desc_decode(const uint8_t *d, size_t len, const struct desc_opts *o,
		struct jw *w, FILE *h);
int desc_parse_op(const char *s, int *op);
int desc_parse_version(const char *s, uint32_t *version);

/* ---- the hold FIFOs' protocol (hold_proto.c): pure ---- */

/*
 * Where share/lend --hold listens: HOLD_SOCK_DIR/0x<handle>.fifo; the
 * asker's answer comes on HOLD_SOCK_DIR/0x<handle>.<pid>.reply.
 */
#define HOLD_SOCK_DIR		"/run/ffactl"
#define HOLD_REQ_RECLAIM	"reclaim"
#define HOLD_LINE_MAX		32	/* bytes of a request or an answer */
#define HOLD_ERRNO_MAX		4095

/* The request FIFO's path for handle into buf; 0 or -ENAMETOOLONG. */
int hold_fifo_path(char *buf, size_t cap, uint64_t handle);
/* The reply FIFO's path for pid's request; 0 or -ENAMETOOLONG. */
int hold_reply_path(char *buf, size_t cap, uint64_t handle, uint32_t pid);
/* "reclaim FLAGS PID\n" into buf: its length, or -ENOSPC. */
int hold_req_format(char *buf, size_t cap, uint32_t flags, uint32_t pid);
/* buf[0..len) must be exactly one request line (PID > 0); 0 or -EINVAL. */
int hold_req_parse(const char *buf, size_t len, uint32_t *flags,
		   uint32_t *pid);
/* "0\n" or "-ERRNO\n": its length, -ENOSPC, or -EINVAL (err > 0). */
int hold_ans_format(char *buf, size_t cap, int err);
/* buf[0..len) must be exactly one answer line; 0 or -EINVAL. */
int hold_ans_parse(const char *buf, size_t len, int *err);

/* ---- commands ---- */

int cmd_list(struct ctl *c, int argc, char **argv);
int cmd_info(struct ctl *c, int argc, char **argv);
int cmd_send(struct ctl *c, int argc, char **argv);
int cmd_recv(struct ctl *c, int argc, char **argv);
int cmd_notify(struct ctl *c, int argc, char **argv);
int cmd_share(struct ctl *c, int argc, char **argv);
int cmd_reclaim(struct ctl *c, int argc, char **argv);
int cmd_desc(struct ctl *c, int argc, char **argv);

#endif /* FFACTL_H */
