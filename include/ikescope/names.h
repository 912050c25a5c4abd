/*
 * ikescope/names.h - names for the constants of consts.h, generated from
 * the same X-macro lists, and strongSwan proposal keywords.
 *
 * Unknown values have no name (NULL); callers print them as numbers, via
 * iks_name_or_number().
 */
#ifndef IKESCOPE_NAMES_H
#define IKESCOPE_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ikescope/consts.h"

/*
 * Every name table: T(enum symbol, X-macro list of consts.h, description).
 * The enum iks_table and the tables in names.c are generated from it.
 * Append only: the first four are used by the decoder by value.
 */
#define IKS_TABLE_LIST(T)                                                    \
	T(IKS_TAB_V1_PAYLOAD, IKS_V1_PAYLOAD_LIST, "IKEv1 payload type")     \
	T(IKS_TAB_V1_EXCHANGE, IKS_V1_EXCHANGE_LIST, "IKEv1 exchange type")  \
	T(IKS_TAB_V2_PAYLOAD, IKS_V2_PAYLOAD_LIST, "IKEv2 payload type")     \
	T(IKS_TAB_V2_EXCHANGE, IKS_V2_EXCHANGE_LIST, "IKEv2 exchange type")

#define IKS_TABLE_ENUM_ENTRY(sym, list, desc) sym,
enum iks_table {
	IKS_TABLE_LIST(IKS_TABLE_ENUM_ENTRY)
	IKS_TAB_COUNT
};

/* One row of a generated table, in ascending order of value. */
struct iks_name_entry {
	uint32_t value;
	const char *name;
	const char *keyword; /* strongSwan keyword (template), or NULL */
	unsigned flags;      /* IKS_F_* */
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

/* The row of `value` in table t, or NULL when unknown. */
const struct iks_name_entry *iks_name_lookup(enum iks_table t, uint32_t value);

/* All rows of table t (sorted by value); *n receives their number. */
const struct iks_name_entry *iks_table_rows(enum iks_table t, size_t *n);

/* What table t lists, e.g. "IKEv2 notify message type"; NULL if t is bad. */
const char *iks_table_desc(enum iks_table t);

#endif
