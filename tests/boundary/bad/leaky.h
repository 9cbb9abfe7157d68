/* A "neutral" header that is not: it pulls in lib/'s world. */
#include <libffa/status.h>
