/* A neutral header: kernel types only, names neither world defines. */
#include <linux/types.h>
int ffa_core_direct_req(u16 dst, u64 *regs);
