/*
 * Name tables generated from the X-macro lists of consts.h (names.h).
 *
 * Each list becomes a const array in value order; lookups are binary
 * searches, since they run for every payload, transform and attribute.
 * The lists are written in ascending order; the unit tests check that
 * and that no value appears twice in a list.
 */
#include <stdio.h>

#include "ikescope/names.h"

/*
 * A list row is X(SYM, value, "Name") or X(SYM, value, "Name", "keyword",
 * flags); the padding arguments give the short form a NULL keyword and no
 * flags, and the trailing ~ keeps the variadic part non-empty (C11).
 */
#define IKS_NAMES_ROW(sym, val, ...) IKS_NAMES_ROW_(val, __VA_ARGS__, NULL, 0, ~)
#define IKS_NAMES_ROW_(val, nm, kw, fl, ...) { (val), (nm), (kw), (fl) },

#define IKS_NAMES_ROWS(tab, list, desc)                                      \
	static const struct iks_name_entry rows_##tab[] = { list(IKS_NAMES_ROW) };
IKS_TABLE_LIST(IKS_NAMES_ROWS)

struct iks_table_def {
	const struct iks_name_entry *rows;
	size_t n;
	const char *desc;
};

#define IKS_NAMES_DEF(tab, list, desc)                                       \
	[tab] = { rows_##tab, sizeof rows_##tab / sizeof rows_##tab[0], desc },
static const struct iks_table_def tables[IKS_TAB_COUNT] = {
	IKS_TABLE_LIST(IKS_NAMES_DEF)
};

const struct iks_name_entry *iks_name_lookup(enum iks_table t, uint32_t value)
{
	if ((unsigned)t >= IKS_TAB_COUNT)
		return NULL;
	const struct iks_name_entry *rows = tables[t].rows;
	size_t lo = 0, hi = tables[t].n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rows[mid].value == value)
			return &rows[mid];
		if (rows[mid].value < value)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *iks_name(enum iks_table t, uint32_t value)
{
	const struct iks_name_entry *e = iks_name_lookup(t, value);

	return e ? e->name : NULL;
}

const char *iks_name_or_number(enum iks_table t, uint32_t value, char *buf,
			       size_t len)
{
	const char *name = iks_name(t, value);

	if (name)
		return name;
	if (buf && len > 0)
		snprintf(buf, len, "%lu", (unsigned long)value);
	return buf;
}

const char *iks_payload_name(unsigned version, uint32_t type)
{
	if (version == 1)
		return iks_name(IKS_TAB_V1_PAYLOAD, type);
	if (version == 2)
		return iks_name(IKS_TAB_V2_PAYLOAD, type);
	return NULL;
}

const char *iks_exchange_name(unsigned version, uint32_t type)
{
	if (version == 1)
		return iks_name(IKS_TAB_V1_EXCHANGE, type);
	if (version == 2)
		return iks_name(IKS_TAB_V2_EXCHANGE, type);
	return NULL;
}

const struct iks_name_entry *iks_table_rows(enum iks_table t, size_t *n)
{
	if ((unsigned)t >= IKS_TAB_COUNT) {
		if (n)
			*n = 0;
		return NULL;
	}
	if (n)
		*n = tables[t].n;
	return tables[t].rows;
}

const char *iks_table_desc(enum iks_table t)
{
	return (unsigned)t < IKS_TAB_COUNT ? tables[t].desc : NULL;
}
