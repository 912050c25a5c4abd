/*
 * ikescope/names.h - names for the constants of consts.h, generated from
 * the same X-macro lists, and strongSwan proposal keywords.
 *
 * Unknown values have no name (NULL); callers print them as numbers, via
 * iks_name_or_number().
 */
#ifndef IKESCOPE_NAMES_H
#define IKESCOPE_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "ikescope/consts.h"

enum iks_table {
	IKS_TAB_V1_PAYLOAD,
	IKS_TAB_V1_EXCHANGE,
	IKS_TAB_V2_PAYLOAD,
	IKS_TAB_V2_EXCHANGE,
	IKS_TAB_COUNT
};

/* The registry name of `value` in table t, or NULL when unknown. */
const char *iks_name(enum iks_table t, uint32_t value);

/* The name, or the number in decimal written into buf when unknown. */
const char *iks_name_or_number(enum iks_table t, uint32_t value, char *buf,
			       size_t len);

/* Name of a payload type of the given IKE major version (1 or 2). */
const char *iks_payload_name(unsigned version, uint32_t type);

/* Name of an exchange type of the given IKE major version (1 or 2). */
const char *iks_exchange_name(unsigned version, uint32_t type);

#endif
