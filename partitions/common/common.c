// SPDX-License-Identifier: BSD-3-Clause
#include "common.h"

/*
 * FFA_SPM_ID_GET came with v1.1: a v1.0 manager does not answer it, and
 * then the SPMC has the conventional ID.
 */
static int pt_spm_id(struct pt_self *self)
{
	if (self->version < FFA_VERSION_1_1) {
		self->spm_id = FFA_ID_SPMC;
		return 0;
	}
	return ffa_spm_id_get(self->c, &self->spm_id);
}

int pt_init(struct pt_self *self, const struct ffa_env *env)
{
	uint32_t version;
	int ret;

	self->env = env;
	self->c = &env->conduit;
	ret = ffa_version(self->c, FFA_VERSION_1_2, &version);
	if (ret)
		return ret;
	/* A newer manager answers with its own version: use ours then. */
	self->version = version < FFA_VERSION_1_2 ? version : FFA_VERSION_1_2;
	ret = ffa_id_get(self->c, &self->id);
	if (ret)
		return ret;
	ret = pt_spm_id(self);
	if (ret)
		return ret;
	self->tx_addr = env->mem_base;
	self->rx_addr = env->mem_base + PT_MAILBOX_SIZE;
	self->tx = env->ptr(env, self->tx_addr);
	self->rx = env->ptr(env, self->rx_addr);
	return ffa_rxtx_map(self->c, self->tx_addr, self->rx_addr,
			    PT_MAILBOX_PAGES, true);
}

void pt_resp_init(const struct pt_self *self, const struct ffa_direct_msg *req,
		  struct ffa_direct_msg *resp)
{
	unsigned int i;

	resp->sender = self->id;
	resp->receiver = req->sender;
	resp->flags = 0;
	for (i = 0; i < FFA_DIRECT_ARGS; i++)
		resp->args[i] = 0;
}

void pt_answer(const struct pt_self *self, struct ffa_event *ev,
	       struct ffa_direct_msg *resp)
{
	bool is_64 = ev->is_64;
	unsigned int i;

	if (!is_64)
		for (i = 0; i < FFA_DIRECT_ARGS; i++)
			resp->args[i] = (uint32_t)resp->args[i];
	ffa_direct_resp(self->c, resp, is_64, ev);
}

bool pt_wait(const struct pt_self *self, struct ffa_event *ev)
{
	return ffa_msg_wait(self->c, 0, ev) == 0 || ev->type != FFA_EV_ERROR;
}
