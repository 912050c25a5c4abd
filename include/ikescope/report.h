/*
 * ikescope/report.h - stage 5: turns decoded messages (and, for analyze,
 * negotiations and findings) into text and JSON.  It formats into a stream
 * or a JSON value the caller hands over or receives; deciding where output
 * goes (stdout, a file) is the CLI's business.
 */
#ifndef IKESCOPE_REPORT_H
#define IKESCOPE_REPORT_H

#include <stdio.h>

#include <jansson.h>

#include "ikescope/capture.h"
#include "ikescope/diagnose.h"
#include "ikescope/ike.h"

enum iks_report_flags {
	IKS_REPORT_VERBOSE = 1 << 0, /* every decoded field, not a summary */
	IKS_REPORT_COLOR = 1 << 1,   /* ANSI colour (terminals only) */
};

/*
 * One IKE message as a JSON object with the fields of shared/spec/cli.md
 * (frame, time, src, dst, sport, dport, ike_version, ispi, rspi,
 * exchange_type, exchange, message_id, flags, payloads); with
 * IKS_REPORT_VERBOSE every payload also carries its decoded fields.
 * Returns a new reference, or NULL when out of memory.
 */
json_t *iks_report_message_json(const struct iks_datagram *dg,
				const struct iks_msg *m, unsigned flags);

/* A datagram on an IKE port that is no IKE message (err: why, an
 * iks_err), as JSON with the datagram's fields and "malformed", or as a
 * text line, so no input disappears silently. */
json_t *iks_report_not_ike_json(const struct iks_datagram *dg, int err);
void iks_report_not_ike_text(FILE *out, const struct iks_datagram *dg, int err);

/* One IKE message as text: a summary line, or with IKS_REPORT_VERBOSE a
 * tree of every payload's fields. */
void iks_report_message_text(FILE *out, const struct iks_datagram *dg,
			     const struct iks_msg *m, unsigned flags);

/*
 * One negotiation with its findings as the JSON record of
 * shared/spec/findings.md ("type": "ike_sa"); a new reference.
 */
json_t *iks_report_nego_json(const struct iks_nego *n, const struct iks_findings *fs);

/* The same as text: headline, phase 1 and phase 2 blocks, findings with
 * evidence frames and remedies. */
void iks_report_nego_text(FILE *out, const struct iks_nego *n,
			  const struct iks_findings *fs, unsigned flags);

/* The negotiation's messages as arrows between the two peers: exchange,
 * error notifications, encryption, retransmissions, frame and time. */
void iks_report_ladder_text(FILE *out, const struct iks_nego *n);

/* Lower-case hex of n bytes into buf (2n+1 bytes); returns buf. */
char *iks_report_hex(const uint8_t *p, size_t n, char *buf, size_t len);

#endif
