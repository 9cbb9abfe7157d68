// SPDX-License-Identifier: BSD-3-Clause
/* The scripted conduit: exact input registers in, scripted results out. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <inttypes.h>

#include <libffa/status.h>

#include "script_conduit.h"

/* Report every register that differs, then fail once for the step. */
static void script_check_input(const struct script_conduit *s,
			       const struct ffa_regs *got)
{
	const struct ffa_regs *want = &s->steps[s->next].in;
	unsigned int i, bad = 0;

	for (i = 0; i < FFA_NREGS; i++) {
		if (got->x[i] == want->x[i])
			continue;
		print_error("%s step %zu: x%u = 0x%" PRIx64
			    ", expected 0x%" PRIx64 "\n", s->label,
			    s->next, i, got->x[i], want->x[i]);
		bad++;
	}
	if (bad)
		fail_msg("%s step %zu: %u input register(s) differ",
			 s->label, s->next, bad);
}

static void script_call(void *ctx, struct ffa_regs *regs)
{
	struct script_conduit *s = ctx;

	if (s->next >= s->nr_steps)
		fail_msg("%s: unexpected call %zu (x0 = 0x%" PRIx64
			 "): the script has %zu step(s)",
			 s->label, s->next, regs->x[0], s->nr_steps);
	script_check_input(s, regs);
	*regs = s->steps[s->next].out;
	s->next++;
}

void script_init(struct script_conduit *s, const struct script_step *steps,
		 size_t nr_steps)
{
	s->conduit.call = script_call;
	s->conduit.ctx = s;
	s->steps = steps;
	s->nr_steps = nr_steps;
	s->next = 0;
	s->label = "script";
}

void script_assert_done(const struct script_conduit *s)
{
	if (s->next != s->nr_steps)
		fail_msg("%s: %zu of %zu step(s) consumed",
			 s->label, s->next, s->nr_steps);
}

int script_setup(void **state)
{
	struct script_conduit *s = test_calloc(1, sizeof(*s));

	assert_non_null(s);
	script_init(s, NULL, 0);
	*state = s;
	return 0;
}

int script_teardown(void **state)
{
	struct script_conduit *s = *state;
	struct script_conduit left = *s;

	/* Free first: a failed check does not return here. */
	*state = NULL;
	test_free(s);
	script_assert_done(&left);
	return 0;
}

const struct ffa_conduit *script_load(void **state,
				      const struct script_step *steps,
				      size_t nr_steps)
{
	struct script_conduit *s = *state;

	/* A script replaced before its end would hide a missing call. */
	script_assert_done(s);
	script_init(s, steps, nr_steps);
	return &s->conduit;
}

struct plain_answer {
	struct ffa_regs out;
	int want;
};

static const struct plain_answer plain_answers[] = {
	{ REGS(0x84000061), 0 },
	{ REGS(0x84000060, 0, 0xfffffffa), FFA_RET_DENIED },
	{ REGS(0x84000060, 0, 0xfffffff5), FFA_EPROTO },
	{ REGS(0x84000063), FFA_EPROTO },
};

void script_check_plain(void **state, const struct script_plain_case *cases,
			size_t nr_cases)
{
	const size_t nr_answers = sizeof(plain_answers) /
				  sizeof(plain_answers[0]);
	struct script_conduit *s = *state;
	const struct ffa_conduit *c;
	struct script_step step;
	size_t i, a;
	int rc;

	for (i = 0; i < nr_cases; i++) {
		for (a = 0; a < nr_answers; a++) {
			step.in = cases[i].in;
			step.out = plain_answers[a].out;
			c = script_load(state, &step, 1);
			s->label = cases[i].name;
			rc = cases[i].call(c);
			if (rc != plain_answers[a].want)
				fail_msg("%s, answer %zu: returned %d, "
					 "expected %d", cases[i].name, a, rc,
					 plain_answers[a].want);
			script_assert_done(s);
		}
	}
}
