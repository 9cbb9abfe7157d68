/* lib/'s world: talks FF-A through lib/, exports the neutral API. */
#include <libffa/client.h>
#include <libffa/errno.h>
#include "neutral.h"
