/*
 * Helpers shared by the unit tests that read real IKE messages from
 * "<frame>\t<hex>" files (tests/data/crypto/README.md).  Include after
 * <cmocka.h>.
 */
#ifndef IKS_TESTUTIL_H
#define IKS_TESTUTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ikescope/cursor.h"

/* Hex digits to bytes; stops at the first non-pair.  Returns the count. */
static inline size_t iks_test_unhex(const char *hex, uint8_t *out, size_t cap)
{
	size_t n = 0;

	while (hex[0] && hex[1] && n < cap) {
		unsigned v;

		if (sscanf(hex, "%2x", &v) != 1)
			break;
		out[n++] = (uint8_t)v;
		hex += 2;
	}
	return n;
}

/* The message of frame `frame` in the hex file at `path`; 0 if absent. */
static inline size_t iks_test_load_frame(const char *path, unsigned frame, uint8_t *out,
					 size_t cap)
{
	char *line = NULL;
	size_t lcap = 0, n = 0;
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	while (getline(&line, &lcap, f) > 0) {
		char *tab = strchr(line, '\t');

		if (tab && (unsigned)atoi(line) == frame) {
			n = iks_test_unhex(tab + 1, out, cap);
			break;
		}
	}
	free(line);
	fclose(f);
	return n;
}

/* Offset and length of the first payload of type `want` in an IKEv2
 * payload chain starting at `off` with first type `np`. */
static inline bool iks_test_find_payload(const uint8_t *b, size_t len, size_t off,
					 uint8_t np, uint8_t want, size_t *p_off,
					 size_t *p_len, uint8_t *inner_np)
{
	struct iks_cur c = iks_cur_make(b, len);

	assert_true(iks_cur_skip(&c, off));
	while (np != 0) {
		size_t at = c.off;
		uint8_t next, crit;
		uint16_t plen;

		if (!iks_cur_u8(&c, &next) || !iks_cur_u8(&c, &crit) ||
		    !iks_cur_be16(&c, &plen) || plen < 4 || !iks_cur_skip(&c, plen - 4u))
			return false;
		if (np == want) {
			*p_off = at;
			*p_len = plen;
			if (inner_np)
				*inner_np = next;
			return true;
		}
		np = next;
	}
	return false;
}

#endif
