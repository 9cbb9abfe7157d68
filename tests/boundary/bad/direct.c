/* Both worlds in one file. */
#include <linux/arm_ffa.h>
#include <ffa/func.h>
