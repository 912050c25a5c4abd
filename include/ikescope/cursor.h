/*
 * ikescope/cursor.h - the one bounds-checked reader for packet bytes, and
 * its matching writer.
 *
 * Every parser in ikescope reads wire data through struct iks_cur: each
 * getter checks that enough bytes are left and fails (returns false, reads
 * nothing, moves nothing) otherwise.  Parsers never do pointer arithmetic on
 * packet data themselves (DESIGN.md practice 1).  A failed read leaves the
 * cursor where it was, so the caller can report the offset of the problem.
 *
 * struct iks_wr is the encoder side: writes past the capacity set
 * `overflow` and are dropped, so an encoder can write a whole message and
 * check once at the end.
 */
#ifndef IKESCOPE_CURSOR_H
#define IKESCOPE_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A view of bytes owned by someone else (a packet, a decrypted buffer). */
struct iks_bytes {
	const uint8_t *ptr;
	uint32_t len;
};

struct iks_cur {
	const uint8_t *base;
	size_t len;
	size_t off;
};

static inline struct iks_cur iks_cur_make(const uint8_t *base, size_t len)
{
	struct iks_cur c = { base, len, 0 };
	return c;
}

static inline size_t iks_cur_left(const struct iks_cur *c)
{
	return c->len - c->off;
}

static inline bool iks_cur_has(const struct iks_cur *c, size_t n)
{
	return iks_cur_left(c) >= n;
}

static inline bool iks_cur_skip(struct iks_cur *c, size_t n)
{
	if (!iks_cur_has(c, n))
		return false;
	c->off += n;
	return true;
}

static inline bool iks_cur_u8(struct iks_cur *c, uint8_t *v)
{
	if (!iks_cur_has(c, 1))
		return false;
	*v = c->base[c->off++];
	return true;
}

static inline bool iks_cur_be16(struct iks_cur *c, uint16_t *v)
{
	if (!iks_cur_has(c, 2))
		return false;
	*v = (uint16_t)((unsigned)c->base[c->off] << 8 | c->base[c->off + 1]);
	c->off += 2;
	return true;
}

static inline bool iks_cur_be24(struct iks_cur *c, uint32_t *v)
{
	if (!iks_cur_has(c, 3))
		return false;
	*v = (uint32_t)c->base[c->off] << 16 |
	     (uint32_t)c->base[c->off + 1] << 8 | c->base[c->off + 2];
	c->off += 3;
	return true;
}

static inline bool iks_cur_be32(struct iks_cur *c, uint32_t *v)
{
	if (!iks_cur_has(c, 4))
		return false;
	*v = (uint32_t)c->base[c->off] << 24 |
	     (uint32_t)c->base[c->off + 1] << 16 |
	     (uint32_t)c->base[c->off + 2] << 8 | c->base[c->off + 3];
	c->off += 4;
	return true;
}

/* Little-endian reads exist for capture headers (pcap, BSD null). */
static inline bool iks_cur_le16(struct iks_cur *c, uint16_t *v)
{
	if (!iks_cur_has(c, 2))
		return false;
	*v = (uint16_t)(c->base[c->off] | (unsigned)c->base[c->off + 1] << 8);
	c->off += 2;
	return true;
}

static inline bool iks_cur_le32(struct iks_cur *c, uint32_t *v)
{
	if (!iks_cur_has(c, 4))
		return false;
	*v = (uint32_t)c->base[c->off] | (uint32_t)c->base[c->off + 1] << 8 |
	     (uint32_t)c->base[c->off + 2] << 16 |
	     (uint32_t)c->base[c->off + 3] << 24;
	c->off += 4;
	return true;
}

/* Copy n bytes out. */
static inline bool iks_cur_copy(struct iks_cur *c, void *dst, size_t n)
{
	if (!iks_cur_has(c, n))
		return false;
	if (n)
		memcpy(dst, c->base + c->off, n);
	c->off += n;
	return true;
}

/* Take a view of the next n bytes (no copy). */
static inline bool iks_cur_view(struct iks_cur *c, size_t n, struct iks_bytes *out)
{
	if (!iks_cur_has(c, n) || n > UINT32_MAX)
		return false;
	out->ptr = c->base + c->off;
	out->len = (uint32_t)n;
	c->off += n;
	return true;
}

/* Split off the next n bytes as a cursor of their own. */
static inline bool iks_cur_sub(struct iks_cur *c, size_t n, struct iks_cur *sub)
{
	if (!iks_cur_has(c, n))
		return false;
	*sub = iks_cur_make(c->base + c->off, n);
	c->off += n;
	return true;
}

/* Look at the byte at offset `ahead` from the current position. */
static inline bool iks_cur_peek8(const struct iks_cur *c, size_t ahead, uint8_t *v)
{
	if (!iks_cur_has(c, ahead + 1))
		return false;
	*v = c->base[c->off + ahead];
	return true;
}

static inline struct iks_cur iks_cur_from_bytes(struct iks_bytes b)
{
	return iks_cur_make(b.ptr, b.len);
}

/* ---- writer ---- */

struct iks_wr {
	uint8_t *buf;
	size_t cap;
	size_t len;
	bool overflow;
};

static inline struct iks_wr iks_wr_make(uint8_t *buf, size_t cap)
{
	struct iks_wr w = { buf, cap, 0, false };
	return w;
}

static inline bool iks_wr_room(struct iks_wr *w, size_t n)
{
	if (w->overflow || w->cap - w->len < n) {
		w->overflow = true;
		return false;
	}
	return true;
}

static inline void iks_wr_u8(struct iks_wr *w, uint8_t v)
{
	if (iks_wr_room(w, 1))
		w->buf[w->len++] = v;
}

static inline void iks_wr_be16(struct iks_wr *w, uint16_t v)
{
	if (iks_wr_room(w, 2)) {
		w->buf[w->len++] = (uint8_t)(v >> 8);
		w->buf[w->len++] = (uint8_t)v;
	}
}

static inline void iks_wr_be24(struct iks_wr *w, uint32_t v)
{
	if (iks_wr_room(w, 3)) {
		w->buf[w->len++] = (uint8_t)(v >> 16);
		w->buf[w->len++] = (uint8_t)(v >> 8);
		w->buf[w->len++] = (uint8_t)v;
	}
}

static inline void iks_wr_be32(struct iks_wr *w, uint32_t v)
{
	if (iks_wr_room(w, 4)) {
		w->buf[w->len++] = (uint8_t)(v >> 24);
		w->buf[w->len++] = (uint8_t)(v >> 16);
		w->buf[w->len++] = (uint8_t)(v >> 8);
		w->buf[w->len++] = (uint8_t)v;
	}
}

static inline void iks_wr_bytes(struct iks_wr *w, const void *src, size_t n)
{
	if (n && iks_wr_room(w, n)) {
		memcpy(w->buf + w->len, src, n);
		w->len += n;
	}
}

static inline void iks_wr_zero(struct iks_wr *w, size_t n)
{
	if (n && iks_wr_room(w, n)) {
		memset(w->buf + w->len, 0, n);
		w->len += n;
	}
}

/* Overwrite a big-endian 16-bit field written earlier (a length). */
static inline void iks_wr_patch_be16(struct iks_wr *w, size_t at, uint16_t v)
{
	if (!w->overflow && at + 2 <= w->len) {
		w->buf[at] = (uint8_t)(v >> 8);
		w->buf[at + 1] = (uint8_t)v;
	}
}

static inline void iks_wr_patch_be32(struct iks_wr *w, size_t at, uint32_t v)
{
	if (!w->overflow && at + 4 <= w->len) {
		w->buf[at] = (uint8_t)(v >> 24);
		w->buf[at + 1] = (uint8_t)(v >> 16);
		w->buf[at + 2] = (uint8_t)(v >> 8);
		w->buf[at + 3] = (uint8_t)v;
	}
}

#endif
