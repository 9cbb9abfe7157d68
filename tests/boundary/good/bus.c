/* Linux's world: implements struct ffa_ops on the neutral API. */
#include <linux/arm_ffa.h>
#include "neutral.h"
