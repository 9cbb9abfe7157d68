/* Both worlds, one of them through a local header. */
#include <linux/arm_ffa.h>
#include "leaky.h"
