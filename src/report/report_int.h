/* Private interface between the files of the report module. */
#ifndef IKS_REPORT_INT_H
#define IKS_REPORT_INT_H

#include <stdlib.h>

#include "ikescope/report.h"

/* Decoded protocol fields that have registry names; which registry
 * depends on the IKE version (and for attributes, on the protocol). */
enum iks_field {
	IKS_FIELD_NOTIFY,
	IKS_FIELD_PROTOCOL,
	IKS_FIELD_ID_TYPE,
	IKS_FIELD_CERT_ENCODING,
	IKS_FIELD_AUTH_METHOD,
	IKS_FIELD_TS_TYPE,
	IKS_FIELD_CFG_TYPE,
	IKS_FIELD_CFG_ATTR,
	IKS_FIELD_TRANSFORM_TYPE,
	IKS_FIELD_EAP_CODE,
	IKS_FIELD_EAP_TYPE,
	IKS_FIELD_KE_GROUP,
};

/* Registry name of a field value, or NULL when unknown. */
const char *iks_report_field_name(enum iks_field f, unsigned version, uint32_t value);

/* Name of a transform id given its (IKEv2) transform type or (IKEv1)
 * proposal protocol; NULL when unknown. */
const char *iks_report_transform_name(unsigned version, unsigned protocol,
				      unsigned type, unsigned id);

/* Name of an SA attribute type / value (IKEv1 phase 1 or IPsec DOI, IKEv2). */
const char *iks_report_attr_name(unsigned version, unsigned protocol, unsigned type);
const char *iks_report_attr_value_name(unsigned version, unsigned protocol,
				       unsigned type, uint32_t value);

/* Vendor ID name, or NULL. */
const char *iks_report_vendor_name(const uint8_t *p, size_t n);

/* Payload name for the JSON "name" field. */
const char *iks_report_payload_name(const struct iks_msg *m, const struct iks_payload *p,
				    char *buf, size_t len);

/* Short payload label for the one-line summary, e.g. "N(COOKIE)". */
const char *iks_report_payload_short(const struct iks_msg *m, const struct iks_payload *p,
				     char *buf, size_t len);

/* Decoded fields of p, added to the object o. */
void iks_report_payload_details(const struct iks_msg *m, const struct iks_payload *p,
				json_t *o);

json_t *iks_json_hex(const uint8_t *p, size_t n);

/* Whether a phase 2 record is reported (see nego.c). */
bool iks_report_child_shown(const struct iks_nego *n, const struct iks_child *c);

#endif
