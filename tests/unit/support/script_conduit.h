/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A scripted conduit for cmocka tests. A test queues steps: the exact
 * register set (all 18) the next call must arrive with, and the registers
 * the "callee" answers with. A call that differs in any register, a call
 * with no step left, and a step left over at teardown all fail the test.
 *
 *	static const struct script_step steps[] = {
 *		{ REGS(0x84000063, 0x10002), REGS(0x10002) },
 *	};
 *	const struct ffa_conduit *c = SCRIPT(state, steps);
 *
 * REGS() lists x0, x1, ... in order; unnamed registers are 0, and a
 * designator reaches far ones: REGS(0xC400008D, 0x80010001, [17] = 7).
 * Include <cmocka.h> (and its prerequisites) before this header.
 */
#ifndef SCRIPT_CONDUIT_H
#define SCRIPT_CONDUIT_H

#include <libffa/regs.h>

struct script_step {
	struct ffa_regs in;	/* expected arguments, compared exactly */
	struct ffa_regs out;	/* results written back, all 18 */
};

struct script_conduit {
	struct ffa_conduit conduit;
	const struct script_step *steps;
	size_t nr_steps;
	size_t next;
	const char *label;	/* names the script in failure messages */
};

#define REGS(...)	{ .x = { __VA_ARGS__ } }
#define SCRIPT_LEN(steps)	(sizeof(steps) / sizeof((steps)[0]))

/* Point a conduit at a script (replacing any previous one). */
void script_init(struct script_conduit *s, const struct script_step *steps,
		 size_t nr_steps);
/* Fail the test unless every step of the script was consumed. */
void script_assert_done(const struct script_conduit *s);

/*
 * cmocka fixtures: setup puts a script_conduit in *state; teardown
 * checks that the script ran to its end and frees it.
 */
int script_setup(void **state);
int script_teardown(void **state);
/* Load a script into the fixture's conduit: replaces the previous one. */
const struct ffa_conduit *script_load(void **state,
				      const struct script_step *steps,
				      size_t nr_steps);

/*
 * A call that completes with a plain answer, for table-driven tests: in
 * is the exact register set it must issue, call makes it (any results go
 * to the thunk's own locals).
 */
struct script_plain_case {
	const char *name;
	struct ffa_regs in;
	int (*call)(const struct ffa_conduit *c);
};

/*
 * Run each case against four answers: FFA_SUCCESS_32 (expect 0),
 * FFA_ERROR DENIED (expect -6), FFA_ERROR with the unknown code -11 and
 * an FFA_VERSION ID where a completion belongs (both expect FFA_EPROTO).
 */
void script_check_plain(void **state, const struct script_plain_case *cases,
			size_t nr_cases);

#define SCRIPT(state, steps)	script_load(state, steps, SCRIPT_LEN(steps))
/* A script with no steps: the code under test must not call at all. */
#define SCRIPT_NONE(state)	script_load(state, NULL, 0)
#define SCRIPT_TEST(fn) \
	cmocka_unit_test_setup_teardown(fn, script_setup, script_teardown)

#endif /* SCRIPT_CONDUIT_H */
