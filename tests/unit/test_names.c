/* Unit tests for the generated name tables (ikescope/names.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "ikescope/names.h"

static void test_payload_and_exchange_names(void **state)
{
	(void)state;
	assert_string_equal(iks_payload_name(1, IKS_V1_PL_SA),
			    "Security Association");
	assert_string_equal(iks_payload_name(1, 132), "Fragment (Cisco)");
	assert_string_equal(iks_payload_name(2, IKS_V2_PL_SK),
			    "Encrypted and Authenticated");
	assert_string_equal(iks_payload_name(2, 53),
			    "Encrypted and Authenticated Fragment");
	assert_null(iks_payload_name(2, 1));
	assert_null(iks_payload_name(3, 33));
	assert_string_equal(iks_exchange_name(1, IKS_V1_EX_AGGRESSIVE),
			    "Aggressive");
	assert_string_equal(iks_exchange_name(2, 34), "IKE_SA_INIT");
	assert_null(iks_exchange_name(2, 33));
}

static void test_unknown_prints_number(void **state)
{
	(void)state;
	char buf[16];

	assert_string_equal(iks_name_or_number(IKS_TAB_V2_PAYLOAD, 200, buf,
					       sizeof buf), "200");
	assert_string_equal(iks_name_or_number(IKS_TAB_V2_PAYLOAD, 41, buf,
					       sizeof buf), "Notify");
	assert_null(iks_name(IKS_TAB_COUNT, 0));
	assert_null(iks_name((enum iks_table)-1, 0));
}

/* Binary search needs ascending values; a duplicate would hide a row. */
static void test_tables_sorted_unique(void **state)
{
	(void)state;
	for (int t = 0; t < IKS_TAB_COUNT; t++) {
		size_t n;
		const struct iks_name_entry *rows =
			iks_table_rows((enum iks_table)t, &n);

		assert_non_null(rows);
		assert_true(n > 0);
		assert_non_null(iks_table_desc((enum iks_table)t));
		for (size_t i = 0; i < n; i++) {
			assert_non_null(rows[i].name);
			assert_true(rows[i].name[0] != '\0');
			if (i > 0 && rows[i - 1].value >= rows[i].value)
				fail_msg("%s: %lu after %lu",
					 iks_table_desc((enum iks_table)t),
					 (unsigned long)rows[i].value,
					 (unsigned long)rows[i - 1].value);
			assert_ptr_equal(iks_name_lookup((enum iks_table)t,
							 rows[i].value),
					 &rows[i]);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_payload_and_exchange_names),
		cmocka_unit_test(test_unknown_prints_number),
		cmocka_unit_test(test_tables_sorted_unique),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
