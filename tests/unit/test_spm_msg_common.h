/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The world shared by test_spm_sched.c, test_spm_direct.c and
 * test_spm_indirect.c: a host and three partitions, booted, driven only
 * through spm_boot/spm_call/spm_abort with registers written as literals
 * from ffa-abi.md.
 *
 *   id      vCPUs  boot order  properties
 *   0x0001  4      -           host: REQ send, REQ2 send, indirect
 *   0x8001  1      2           REQ/REQ2 send+recv, indirect, UUID U1
 *   0x8002  2      0           REQ/REQ2 send+recv, indirect
 *   0x8003  1      1           REQ recv only
 *
 * Boot order is therefore 0x8002 (vCPU 0, then 1), 0x8003, 0x8001, host.
 * Each endpoint owns 4 pages at FAKE_MEM_BASE + index * 16 KiB: its TX at
 * the first page, its RX at the second once map_mailbox() ran.
 */
#ifndef TEST_SPM_MSG_COMMON_H
#define TEST_SPM_MSG_COMMON_H

#include "test_spm_common.h"

/* Endpoint index i's pages. */
#define EP_BASE(i)	(FAKE_MEM_BASE + (uint64_t)(i) * 0x4000U)
#define EP_TX(i)	EP_BASE(i)
#define EP_RX(i)	(EP_BASE(i) + 0x1000U)
#define IDX_HOST	0
#define IDX_P1		1
#define IDX_P2		2
#define IDX_P3		3

/* Properties (ffa-abi.md 7.2): bit 0 recv, 1 send, 2 indirect, 9/10 REQ2. */
#define PROPS_HOST	0x00000406U
#define PROPS_FULL	0x00000607U
#define PROPS_RECV	0x00000001U

/* a1a2a3a4-b1b2-c1c2-d1d2-d3d4d5d6d7d8 as x2/x3 (ffa-abi.md 7.3). */
#define U1_X2		0xc2c1b2b1a4a3a2a1ULL
#define U1_X3		0xd8d7d6d5d4d3d2d1ULL

/* FFA_ERROR codes as w2 carries them. */
#define NOT_SUPPORTED	0xffffffffU
#define INVALID		0xfffffffeU
#define BUSY		0xfffffffcU
#define DENIED		0xfffffffaU
#define ABORTED		0xfffffff8U
/* Peer of boot vCPUs and of the host's own vCPU: FFA_ID_INVALID. */
#define NOBODY		0x7fffU

struct world {
	struct spm_harness h;
};

HELPER struct spm_endpoint *ep_of(struct world *w, uint16_t id)
{
	return spm_ep(&w->h, id);
}

HELPER struct spm_vcpu *vcpu_of(struct world *w, uint16_t id, uint16_t v)
{
	return &ep_of(w, id)->vcpus[v];
}

HELPER void add_ep(struct world *w, uint32_t index, uint16_t id,
		   uint32_t props, uint16_t nr_vcpus, uint32_t boot_order)
{
	struct spm_endpoint_config cfg;
	static const uint8_t u1[16] = {
		0xa1, 0xa2, 0xa3, 0xa4, 0xb1, 0xb2, 0xc1, 0xc2,
		0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8,
	};

	memset(&cfg, 0, sizeof(cfg));
	snprintf(cfg.name, sizeof(cfg.name), "ep-%04x", id);
	cfg.id = id;
	cfg.nr_vcpus = nr_vcpus;
	cfg.ffa_version = 0x00010002;
	cfg.properties = props;
	cfg.is_host = id == HOST;
	cfg.boot_order = boot_order;
	cfg.nr_regions = 1;
	cfg.regions[0].base = EP_BASE(index);
	cfg.regions[0].pages = 4;
	cfg.regions[0].access = SPM_ACCESS_RW;
	if (id == P1) {
		cfg.nr_uuids = 1;
		memcpy(cfg.uuids[0].b, u1, sizeof(u1));
	}
	assert_int_equal(spm_add_endpoint(w->h.spm, &cfg), 0);
}

/* The world before boot, the host's properties being host_props. */
HELPER struct world *world_new_host(uint32_t host_props)
{
	struct world *w = calloc(1, sizeof(*w));

	assert_non_null(w);
	harness_init(&w->h, 64, 64);
	add_ep(w, IDX_HOST, HOST, host_props, 4, 0);
	add_ep(w, IDX_P1, P1, PROPS_FULL, 1, 2);
	add_ep(w, IDX_P2, P2, PROPS_FULL, 2, 0);
	add_ep(w, IDX_P3, P3, PROPS_RECV, 1, 1);
	return w;
}

HELPER struct world *world_new(void)
{
	return world_new_host(PROPS_HOST);
}

HELPER void world_free(struct world *w)
{
	harness_fini(&w->h);
	free(w);
}

HELPER struct spm_decision call(struct world *w, uint16_t ep, uint16_t vcpu,
				const uint64_t *x)
{
	struct ffa_regs in;

	memcpy(in.x, x, sizeof(in.x));
	return harness_call(&w->h, ep, vcpu, &in);
}

HELPER void expect(const struct spm_decision *d, enum spm_next next,
		   uint16_t ep, uint16_t vcpu, const uint64_t *x)
{
	expect_decision(d, next, ep, vcpu, x);
}

HELPER void expect_error(const struct spm_decision *d, uint16_t ep,
			 uint16_t vcpu, uint32_t code)
{
	expect(d, SPM_RESUME, ep, vcpu, X(0x84000060, 0, code));
}

HELPER void expect_vcpu(struct world *w, uint16_t id, uint16_t v,
			enum spm_vcpu_state state, enum spm_run_reason reason,
			uint16_t peer_ep, uint16_t peer_vcpu)
{
	const struct spm_vcpu *vc = vcpu_of(w, id, v);

	assert_int_equal(vc->state, state);
	assert_int_equal(vc->reason, reason);
	assert_int_equal(vc->peer_ep, peer_ep);
	assert_int_equal(vc->peer_vcpu, peer_vcpu);
}

/* Everything, for a step that is no FF-A call (state_snapshot.h). */
HELPER struct harness_snapshot *snap(struct world *w)
{
	return harness_snapshot(&w->h);
}

/* Compare and free: nothing at all may have changed. */
HELPER void expect_unchanged(struct world *w, struct harness_snapshot *s)
{
	harness_expect_unchanged(&w->h, s, FFA_ID_INVALID, NULL);
}

/* The call fails with code and changes nothing (test_spm_common.h). */
HELPER void expect_rejected(struct world *w, uint16_t ep, uint16_t vcpu,
			    const uint64_t *x, uint32_t code)
{
	expect_call_refused(&w->h, ep, vcpu, x, code);
}

HELPER struct spm_decision boot(struct world *w)
{
	struct spm_decision d;

	memset(&d, 0xa5, sizeof(d));
	spm_boot(w->h.spm, 0, &d);
	assert_int_equal(w->h.fp.locks_held, 0);
	harness_check_mappings(&w->h);
	return d;
}

HELPER struct spm_decision abort_ep(struct world *w, uint16_t ep,
				    uint16_t vcpu)
{
	struct spm_decision d;

	memset(&d, 0xa5, sizeof(d));
	spm_abort(w->h.spm, 0, ep, vcpu, &d);
	assert_int_equal(w->h.fp.locks_held, 0);
	harness_check_mappings(&w->h);
	return d;
}

/* FFA_MSG_WAIT, no flags. */
HELPER struct spm_decision msg_wait(struct world *w, uint16_t ep,
				    uint16_t vcpu)
{
	return call(w, ep, vcpu, X(0x8400006B));
}

/* Go on from boot decision d: each boot vCPU waits at once. */
HELPER struct world *finish_boot(struct world *w, struct spm_decision d)
{
	while (d.next == SPM_SWITCH && d.ep != HOST)
		d = msg_wait(w, d.ep, d.vcpu);
	expect(&d, SPM_SWITCH, HOST, 0, X(0));
	return w;
}

HELPER struct world *world_boot(struct world *w)
{
	return finish_boot(w, boot(w));
}

HELPER struct world *world_booted(void)
{
	return world_boot(world_new());
}

HELPER int setup_booted(void **state)
{
	*state = world_booted();
	return 0;
}

HELPER int teardown_world(void **state)
{
	world_free(*state);
	return 0;
}

#define BOOTED_TEST(f) \
	cmocka_unit_test_setup_teardown(f, setup_booted, teardown_world)

/* A call that must switch to ep/vcpu with exactly `out`. */
HELPER void relay(struct world *w, uint16_t from, uint16_t fv,
		  const uint64_t *in, uint16_t to, uint16_t tv,
		  const uint64_t *out)
{
	struct spm_decision d = call(w, from, fv, in);

	expect(&d, SPM_SWITCH, to, tv, out);
}

/* host vCPU hv runs id/v: it is entered with FFA_RUN and its info. */
HELPER void run(struct world *w, uint16_t hv, uint16_t id, uint16_t v)
{
	uint64_t info = ((uint64_t)id << 16) | v;

	relay(w, HOST, hv, X(0x8400006D, info), id, v,
	      X(0x8400006D, info));
}

/* fid with any one of the registers regs[] non-zero: rejected. */
HELPER void expect_each_reg_rejected(struct world *w, uint16_t ep,
				     uint32_t fid, const uint32_t *regs,
				     uint32_t n, uint32_t code)
{
	uint64_t x[FFA_NREGS];
	uint32_t i;

	for (i = 0; i < n; i++) {
		memset(x, 0, sizeof(x));
		x[0] = fid;
		x[regs[i]] = 1;
		expect_rejected(w, ep, 0, x, code);
	}
}

/* Map a 1-page RX/TX pair for endpoint id (index i). */
HELPER void map_mailbox(struct world *w, uint16_t id, uint32_t i)
{
	struct spm_decision d = call(w, id, 0,
				     X(0xC4000066, EP_TX(i), EP_RX(i), 1));

	expect(&d, SPM_RESUME, id, 0, X(0x84000061));
}

/* FFA_VERSION(v) before any other call: the endpoint now speaks v. */
HELPER void speak(struct world *w, uint16_t id, uint32_t v)
{
	struct spm_decision d = call(w, id, 0, X(0x84000063, v));

	assert_int_equal(d.regs.x[0], 0x00010002);
	assert_int_equal(ep_of(w, id)->version, v);
}

#endif /* TEST_SPM_MSG_COMMON_H */
