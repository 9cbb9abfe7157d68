/* SPDX-License-Identifier: BSD-3-Clause */
/* The FF-A ABI as facts: include this to get all of include/ffa. */
#ifndef FFA_FFA_H
#define FFA_FFA_H

#include "types.h"
#include "func.h"
#include "error.h"
#include "version.h"
#include "ids.h"
#include "features.h"
#include "partition.h"
#include "msg.h"
#include "mem.h"
#include "notify.h"
#include "misc.h"

#endif /* FFA_FFA_H */
