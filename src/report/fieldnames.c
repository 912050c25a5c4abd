/*
 * Which name table answers for which decoded field (names.h holds the
 * tables; this file only chooses among them by IKE version and protocol).
 */
#include "ikescope/names.h"
#include "report/report_int.h"

static const char *name_in(enum iks_table t, uint32_t value)
{
	return t == IKS_TAB_COUNT ? NULL : iks_name(t, value);
}

const char *iks_report_field_name(enum iks_field f, unsigned version, uint32_t value)
{
	bool v1 = version == 1;

	switch (f) {
	case IKS_FIELD_NOTIFY: return name_in(iks_field_table(IKS_FK_NOTIFY, version), value);
	case IKS_FIELD_PROTOCOL: return name_in(iks_field_table(IKS_FK_PROTO, version), value);
	case IKS_FIELD_ID_TYPE: return name_in(iks_field_table(IKS_FK_ID, version), value);
	case IKS_FIELD_CERT_ENCODING: return name_in(iks_field_table(IKS_FK_CERT, version), value);
	case IKS_FIELD_CFG_TYPE: return name_in(iks_field_table(IKS_FK_CFG_TYPE, version), value);
	case IKS_FIELD_CFG_ATTR: return name_in(iks_field_table(IKS_FK_CFG_ATTR, version), value);
	case IKS_FIELD_AUTH_METHOD: return name_in(v1 ? IKS_TAB_V1_AUTH : IKS_TAB_V2_AUTH, value);
	case IKS_FIELD_TS_TYPE: return name_in(IKS_TAB_V2_TS, value);
	case IKS_FIELD_TRANSFORM_TYPE: return name_in(IKS_TAB_V2_TRANSFORM_TYPE, value);
	case IKS_FIELD_EAP_CODE: return name_in(IKS_TAB_EAP_CODE, value);
	case IKS_FIELD_EAP_TYPE: return name_in(IKS_TAB_EAP_TYPE, value);
	case IKS_FIELD_KE_GROUP: return name_in(v1 ? IKS_TAB_V1_GROUP : IKS_TAB_V2_KE, value);
	}
	return NULL;
}

const char *iks_report_transform_name(unsigned version, unsigned protocol,
				      unsigned type, unsigned id)
{
	if (version == 1)
		return name_in(iks_v1_transform_table(protocol), id);
	return name_in(iks_v2_transform_table(type), id);
}

const char *iks_report_attr_name(unsigned version, unsigned protocol, unsigned type)
{
	return name_in(iks_attr_type_table(version, protocol), type);
}

const char *iks_report_attr_value_name(unsigned version, unsigned protocol,
				       unsigned type, uint32_t value)
{
	if (version != 1)
		return NULL; /* IKEv2 attributes (Key Length) are numbers */
	return name_in(iks_v1_attr_value_table(protocol, type), value);
}

const char *iks_report_vendor_name(const uint8_t *p, size_t n)
{
	return iks_vendor_name(p, n);
}
