/*
 * Name tables generated from the X-macro lists of consts.h (names.h).
 *
 * Each list becomes a const array in value order; lookups are binary
 * searches, since they run for every payload, transform and attribute.
 * The lists are written in ascending order; the unit tests check that
 * and that no value appears twice in a list.
 */
#include <stdio.h>
#include <string.h>

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

unsigned iks_flags(enum iks_table t, uint32_t value)
{
	const struct iks_name_entry *e = iks_name_lookup(t, value);

	return e ? e->flags : 0;
}

bool iks_weak(enum iks_table t, uint32_t value)
{
	return (iks_flags(t, value) & IKS_F_WEAK) != 0;
}

bool iks_notify_is_error(uint32_t type)
{
	return type != 0 && type < IKS_NOTIFY_STATUS_MIN;
}

enum iks_table iks_v1_transform_table(unsigned protocol)
{
	switch (protocol) {
	case IKS_V1_PROTO_ISAKMP:
		return IKS_TAB_V1_XF_ISAKMP;
	case IKS_V1_PROTO_IPSEC_AH:
		return IKS_TAB_V1_AH;
	case IKS_V1_PROTO_IPSEC_ESP:
		return IKS_TAB_V1_ESP;
	case IKS_V1_PROTO_IPCOMP:
		return IKS_TAB_IPCOMP;
	}
	return IKS_TAB_COUNT;
}

enum iks_table iks_v2_transform_table(unsigned transform_type)
{
	switch (transform_type) {
	case IKS_V2_XFT_ENCR:
		return IKS_TAB_V2_ENCR;
	case IKS_V2_XFT_PRF:
		return IKS_TAB_V2_PRF;
	case IKS_V2_XFT_INTEG:
		return IKS_TAB_V2_INTEG;
	case IKS_V2_XFT_ESN:
		return IKS_TAB_V2_ESN;
	case IKS_V2_XFT_KE:
	case IKS_V2_XFT_ADDKE1:
	case IKS_V2_XFT_ADDKE2:
	case IKS_V2_XFT_ADDKE3:
	case IKS_V2_XFT_ADDKE4:
	case IKS_V2_XFT_ADDKE5:
	case IKS_V2_XFT_ADDKE6:
	case IKS_V2_XFT_ADDKE7:
		return IKS_TAB_V2_KE;
	}
	return IKS_TAB_COUNT;
}

enum iks_table iks_v1_attr_value_table(unsigned protocol, unsigned attr_type)
{
	if (protocol == IKS_V1_PROTO_ISAKMP) {
		switch (attr_type) {
		case IKS_V1_ATTR_ENCRYPTION_ALGORITHM:
			return IKS_TAB_V1_ENCR;
		case IKS_V1_ATTR_HASH_ALGORITHM:
			return IKS_TAB_V1_HASH;
		case IKS_V1_ATTR_AUTH_METHOD:
			return IKS_TAB_V1_AUTH;
		case IKS_V1_ATTR_GROUP_DESCRIPTION:
			return IKS_TAB_V1_GROUP;
		case IKS_V1_ATTR_GROUP_TYPE:
			return IKS_TAB_V1_GROUP_TYPE;
		case IKS_V1_ATTR_LIFE_TYPE:
			return IKS_TAB_V1_LIFE_TYPE;
		}
		return IKS_TAB_COUNT;
	}
	switch (attr_type) {
	case IKS_V1_IPSEC_ATTR_SA_LIFE_TYPE:
		return IKS_TAB_V1_LIFE_TYPE;
	case IKS_V1_IPSEC_ATTR_GROUP_DESCRIPTION:
		return IKS_TAB_V1_GROUP;
	case IKS_V1_IPSEC_ATTR_ENCAPSULATION_MODE:
		return IKS_TAB_V1_ENCAP;
	case IKS_V1_IPSEC_ATTR_AUTH_ALGORITHM:
		return IKS_TAB_V1_AUTH_ALG;
	}
	return IKS_TAB_COUNT;
}

enum iks_table iks_attr_type_table(unsigned version, unsigned protocol)
{
	if (version == 2)
		return IKS_TAB_V2_TRANSFORM_ATTR;
	if (version != 1)
		return IKS_TAB_COUNT;
	return protocol == IKS_V1_PROTO_ISAKMP ? IKS_TAB_V1_ATTR :
						 IKS_TAB_V1_IPSEC_ATTR;
}

enum iks_table iks_field_table(enum iks_field_kind field, unsigned version)
{
	static const enum iks_table by_field[][2] = {
		[IKS_FK_NOTIFY] = { IKS_TAB_V1_NOTIFY, IKS_TAB_V2_NOTIFY },
		[IKS_FK_PROTO] = { IKS_TAB_V1_PROTO, IKS_TAB_V2_PROTO },
		[IKS_FK_ID] = { IKS_TAB_V1_ID, IKS_TAB_V2_ID },
		[IKS_FK_CERT] = { IKS_TAB_V1_CERT, IKS_TAB_V2_CERT },
		[IKS_FK_CFG_TYPE] = { IKS_TAB_V1_CFG_TYPE, IKS_TAB_V2_CFG_TYPE },
		[IKS_FK_CFG_ATTR] = { IKS_TAB_V1_CFG_ATTR, IKS_TAB_V2_CFG_ATTR },
	};

	if ((unsigned)field >= sizeof by_field / sizeof by_field[0] ||
	    (version != 1 && version != 2))
		return IKS_TAB_COUNT;
	return by_field[field][version - 1];
}

/*
 * Expand a keyword template: '*' stands for the key length in bits and
 * disappears when there is none.  Returns the length, or -1 when buf is
 * too small.
 */
static int expand_keyword(const char *prefix, const char *tmpl,
			  unsigned key_length_bits, char *buf, size_t len)
{
	const char *star = strchr(tmpl, '*');
	int n;

	if (!buf || len == 0)
		return -1;
	if (!star)
		n = snprintf(buf, len, "%s%s", prefix, tmpl);
	else if (key_length_bits)
		n = snprintf(buf, len, "%s%.*s%u%s", prefix, (int)(star - tmpl),
			     tmpl, key_length_bits, star + 1);
	else
		n = snprintf(buf, len, "%s%.*s%s", prefix, (int)(star - tmpl),
			     tmpl, star + 1);
	if (n < 0 || (size_t)n >= len) {
		buf[0] = '\0';
		return -1;
	}
	return n;
}

static int table_keyword(enum iks_table t, uint32_t value, const char *prefix,
			 unsigned key_length_bits, char *buf, size_t len)
{
	const struct iks_name_entry *e = iks_name_lookup(t, value);

	if (!e || !e->keyword) {
		if (buf && len > 0)
			buf[0] = '\0';
		return -1;
	}
	return expand_keyword(prefix, e->keyword, key_length_bits, buf, len);
}

int iks_keyword_v2(unsigned transform_type, unsigned id,
		   unsigned key_length_bits, char *buf, size_t len)
{
	enum iks_table t = iks_v2_transform_table(transform_type);
	char prefix[8] = "";

	if (t == IKS_TAB_COUNT)
		return table_keyword(t, id, "", 0, buf, len);
	/* RFC 9370 additional key exchanges: strongSwan's "ke1_mlkem768" */
	if (transform_type >= IKS_V2_XFT_ADDKE1 &&
	    transform_type <= IKS_V2_XFT_ADDKE7)
		snprintf(prefix, sizeof prefix, "ke%u_",
			 transform_type - IKS_V2_XFT_ADDKE1 + 1);
	if (transform_type != IKS_V2_XFT_ENCR)
		key_length_bits = 0;
	return table_keyword(t, id, prefix, key_length_bits, buf, len);
}

int iks_keyword_v1_phase1(unsigned attr_type, unsigned value,
			  unsigned key_length_bits, char *buf, size_t len)
{
	enum iks_table t = IKS_TAB_COUNT;

	switch (attr_type) {
	case IKS_V1_ATTR_ENCRYPTION_ALGORITHM:
		t = IKS_TAB_V1_ENCR;
		break;
	case IKS_V1_ATTR_HASH_ALGORITHM:
		t = IKS_TAB_V1_HASH;
		break;
	case IKS_V1_ATTR_AUTH_METHOD:
		t = IKS_TAB_V1_AUTH;
		break;
	case IKS_V1_ATTR_GROUP_DESCRIPTION:
		t = IKS_TAB_V1_GROUP;
		break;
	}
	if (attr_type != IKS_V1_ATTR_ENCRYPTION_ALGORITHM)
		key_length_bits = 0;
	return table_keyword(t, value, "", key_length_bits, buf, len);
}

int iks_keyword_v1_esp(unsigned esp_transform_id, unsigned key_length_bits,
		       char *buf, size_t len)
{
	return table_keyword(IKS_TAB_V1_ESP, esp_transform_id, "",
			     key_length_bits, buf, len);
}

int iks_keyword_v1_auth_alg(unsigned ipsec_auth_alg, char *buf, size_t len)
{
	return table_keyword(IKS_TAB_V1_AUTH_ALG, ipsec_auth_alg, "", 0, buf,
			     len);
}

int iks_keyword_dh(unsigned group, char *buf, size_t len)
{
	return table_keyword(IKS_TAB_V2_KE, group, "", 0, buf, len);
}

bool iks_weak_v2_transform(unsigned transform_type, unsigned id)
{
	return iks_weak(iks_v2_transform_table(transform_type), id);
}

bool iks_weak_v1_phase1(unsigned attr_type, unsigned value)
{
	return iks_weak(iks_v1_attr_value_table(IKS_V1_PROTO_ISAKMP, attr_type),
			value);
}
