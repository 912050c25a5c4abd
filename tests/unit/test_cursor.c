/* Unit tests for the bounds-checked cursor and writer (ikescope/cursor.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ikescope/cursor.h"
#include "ikescope/error.h"

static void test_reads_within_bounds(void **state)
{
	(void)state;
	const uint8_t b[] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07 };
	struct iks_cur c = iks_cur_make(b, sizeof b);
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;

	assert_true(iks_cur_u8(&c, &u8));
	assert_int_equal(u8, 0x01);
	assert_true(iks_cur_be16(&c, &u16));
	assert_int_equal(u16, 0x0203);
	assert_true(iks_cur_be32(&c, &u32));
	assert_int_equal(u32, 0x04050607);
	assert_int_equal(iks_cur_left(&c), 0);
	assert_false(iks_cur_u8(&c, &u8));
}

static void test_failed_read_does_not_move(void **state)
{
	(void)state;
	const uint8_t b[] = { 0xaa, 0xbb, 0xcc };
	struct iks_cur c = iks_cur_make(b, sizeof b);
	uint32_t u32 = 0x12345678;
	struct iks_bytes v;

	assert_false(iks_cur_be32(&c, &u32));
	assert_int_equal(u32, 0x12345678);
	assert_int_equal(c.off, 0);
	assert_false(iks_cur_view(&c, 4, &v));
	assert_false(iks_cur_skip(&c, 4));
	assert_true(iks_cur_be24(&c, &u32));
	assert_int_equal(u32, 0xaabbcc);
}

static void test_sub_cursor_is_confined(void **state)
{
	(void)state;
	const uint8_t b[] = { 1, 2, 3, 4, 5 };
	struct iks_cur c = iks_cur_make(b, sizeof b), s;
	uint16_t v;

	assert_true(iks_cur_sub(&c, 3, &s));
	assert_int_equal(iks_cur_left(&c), 2);
	assert_true(iks_cur_be16(&s, &v));
	assert_false(iks_cur_be16(&s, &v)); /* only one byte left in s */
	assert_true(iks_cur_be16(&c, &v));
	assert_int_equal(v, 0x0405);
}

static void test_writer_overflow_is_sticky(void **state)
{
	(void)state;
	uint8_t buf[5];
	struct iks_wr w = iks_wr_make(buf, sizeof buf);

	iks_wr_be16(&w, 0x1122);
	iks_wr_be16(&w, 0x3344);
	assert_false(w.overflow);
	iks_wr_be16(&w, 0x5566); /* needs 2, has 1 */
	assert_true(w.overflow);
	iks_wr_u8(&w, 0x77);     /* would fit, but overflow already happened */
	assert_int_equal(w.len, 4);
	assert_memory_equal(buf, ((uint8_t[]){ 0x11, 0x22, 0x33, 0x44 }), 4);
}

static void test_patch_length(void **state)
{
	(void)state;
	uint8_t buf[8];
	struct iks_wr w = iks_wr_make(buf, sizeof buf);

	iks_wr_be16(&w, 0);
	iks_wr_be32(&w, 0xdeadbeef);
	iks_wr_patch_be16(&w, 0, (uint16_t)w.len);
	struct iks_cur c = iks_cur_make(buf, w.len);
	uint16_t len;
	assert_true(iks_cur_be16(&c, &len));
	assert_int_equal(len, 6);
}

static void test_strerror_names_codes(void **state)
{
	(void)state;
	assert_string_equal(iks_strerror(IKS_OK), "success");
	assert_string_equal(iks_strerror(IKS_ERR_TRUNCATED), "truncated");
	assert_string_equal(iks_strerror(-9999), "unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_within_bounds),
		cmocka_unit_test(test_failed_read_does_not_move),
		cmocka_unit_test(test_sub_cursor_is_confined),
		cmocka_unit_test(test_writer_overflow_is_sticky),
		cmocka_unit_test(test_patch_length),
		cmocka_unit_test(test_strerror_names_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
