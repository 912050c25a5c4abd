/* Error codes and their text (ikescope/error.h). */
#include "ikescope/error.h"

const char *iks_strerror(int err)
{
	switch (err) {
#define IKS_ERR_CASE(name, value, text) \
	case value:                     \
		return text;
		IKS_ERRORS(IKS_ERR_CASE)
#undef IKS_ERR_CASE
	}
	return "unknown error";
}
