/*
 * ikescope/diagnose.h - stage 4: a tracked negotiation in, findings out.
 *
 * A table of rules, each a small function reading one struct iks_nego and
 * adding findings with the codes of shared/spec/findings.md.  Confidence
 * is `certain` only when a peer said so in a message the analyzer read
 * (a notification in the clear or decrypted, an SA payload, identical
 * copies of a message); everything inferred from timing, sizes or what
 * is missing is `likely`, and its summary names the other possible cause.
 */
#ifndef IKESCOPE_DIAGNOSE_H
#define IKESCOPE_DIAGNOSE_H

#include <stdint.h>

#include "ikescope/track.h"

enum iks_severity { IKS_SEV_ERROR, IKS_SEV_WARNING, IKS_SEV_INFO };
enum iks_confidence { IKS_CONF_CERTAIN, IKS_CONF_LIKELY };

enum { IKS_FINDING_MAX_EVIDENCE = 8, IKS_MAX_FINDINGS = 16 };

struct iks_finding {
	const char *code;        /* findings.md code, e.g. "psk-mismatch" */
	enum iks_severity severity;
	enum iks_confidence confidence;
	uint8_t phase;           /* 1 or 2 */
	char summary[640];
	char remedy[480];
	unsigned n_evidence;
	uint64_t evidence[IKS_FINDING_MAX_EVIDENCE]; /* frame numbers */
};

struct iks_findings {
	unsigned n;
	struct iks_finding f[IKS_MAX_FINDINGS];
};

/* Run every rule over n. */
void iks_diagnose(const struct iks_nego *n, struct iks_findings *out);

const char *iks_severity_name(enum iks_severity s);   /* "error", ... */
const char *iks_confidence_name(enum iks_confidence c); /* "certain", ... */

#endif
