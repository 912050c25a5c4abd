/*
 * Helpers shared by the libFuzzer targets (docs/robustness.md): an
 * in-memory file for the entry points that read a path, the fixed key
 * table, and the invariants every decoded message must keep.
 */
#ifndef IKS_FUZZ_COMMON_H
#define IKS_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ikescope/crypto.h"
#include "ikescope/ike.h"

/* libFuzzer's entry points (declared for -Wmissing-prototypes). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A broken invariant is a finding: say which and abort, so that libFuzzer
 * keeps the input. */
#define IKS_FUZZ_CHECK(cond)                                                   \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: invariant broken: %s\n",       \
				__FILE__, __LINE__, #cond);                    \
			abort();                                               \
		}                                                              \
	} while (0)

/*
 * Replace the contents of one anonymous in-memory file (memfd) with data
 * and return a path that opens it ("/proc/self/fd/N").  The same file is
 * reused by every call.
 */
const char *iks_fuzz_file(const uint8_t *data, size_t size);

/*
 * The fixed key table: every key table of the test data (Wireshark's
 * templates, the lab captures' tables) and the rows the charon logs of
 * tests/data/crypto/lab give.  Loaded once from IKS_SOURCE_DIR; a missing
 * file aborts, so a target never fuzzes silently without its keys.
 */
const struct iks_keytab *iks_fuzz_keys(void);

/*
 * Write kt in Wireshark's formats, read the text back and compare: the
 * same rows, less those the writer says it skipped.  Aborts otherwise.
 */
void iks_fuzz_keytab_round_trip(const struct iks_keytab *kt);

/* A stream that discards what is written to it (report text output). */
FILE *iks_fuzz_null(void);

/*
 * Check what readers of a decoded message rely on: counts within the pools,
 * each payload's pool ranges within the counts, parents before children,
 * byte views inside their payload.  Aborts on the first violation.
 */
void iks_fuzz_check_msg(const struct iks_msg *m);

#endif
