/*
 * capture.c - open a capture file (plain or gzip, file or stdin) and hand
 * its frames to the link and IP layers.
 *
 * Every input goes through zlib's gz* layer, which detects gzip by its
 * magic (0x1f 0x8b) and passes anything else through unchanged, so a pipe
 * on stdin needs no seeking: zlib keeps the bytes it peeked.  We read the
 * first bytes ourselves to give clear errors for empty and foreign files,
 * and give them back to libpcap through the fopencookie() stream.  Nothing
 * is loaded whole; libpcap reads record by record.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <poll.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>
#include <zlib.h>

#include "capture/capture_int.h"

enum cap_state {
	CAP_READING,
	CAP_ERROR, /* an error is waiting to be returned */
	CAP_END,
};

/* File magics: pcap (libpcap "File Format", micro/nanosecond and the
 * Kuznetzov variant, both byte orders) and the pcapng Section Header Block
 * type (draft-ietf-opsawg-pcapng section 4.1). */
#define MAGIC_PCAP_US 0xa1b2c3d4u
#define MAGIC_PCAP_NS 0xa1b23c4du
#define MAGIC_PCAP_KUZ 0xa1b2cd34u
#define MAGIC_PCAPNG 0x0a0d0d0au
#define PCAP_FILE_HDR_LEN 24
#define IKS_READ_BUFFER (1u << 20)
#define PCAPNG_SHB_MIN_LEN 28

static void set_err(char *errbuf, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_err(char *errbuf, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!errbuf || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(errbuf, errlen, fmt, ap);
	va_end(ap);
}

/* zlib names a stream opened on a descriptor "<fd:N>"; the file name is
 * the CLI's to add, so that prefix is dropped from its messages. */
static const char *gz_message(gzFile gz, int *errnum)
{
	const char *msg = gzerror(gz, errnum);

	if (msg && !strncmp(msg, "<fd:", 4)) {
		const char *end = strstr(msg, ">: ");

		if (end)
			msg = end + 3;
	}
	return msg;
}

void iks_capture_note_gz_error(struct iks_capture *cap)
{
	int errnum;
	const char *msg = gz_message(cap->gz, &errnum);

	cap->gz_errnum = errnum;
	snprintf(cap->gz_msg, sizeof cap->gz_msg, "%s", msg ? msg : "read error");
}

/* zlib reports a compressed stream cut short as a plain end of file with
 * Z_BUF_ERROR set. */
void iks_capture_note_gz_end(struct iks_capture *cap)
{
	int errnum;

	gzerror(cap->gz, &errnum);
	if (errnum == Z_BUF_ERROR)
		cap->gz_truncated = true;
}

static ssize_t cookie_read(void *arg, char *buf, size_t n)
{
	struct iks_capture *cap = arg;
	size_t from_peek = cap->peek_len - cap->peek_off;
	int got;

	if (from_peek) {
		if (from_peek > n)
			from_peek = n;
		memcpy(buf, cap->peek + cap->peek_off, from_peek);
		cap->peek_off += from_peek;
		return (ssize_t)from_peek;
	}
	if (n > INT_MAX)
		n = INT_MAX;
	got = gzread(cap->gz, buf, (unsigned)n);
	if (got < 0) {
		iks_capture_note_gz_error(cap);
		errno = EIO;
		return -1;
	}
	if (got == 0)
		iks_capture_note_gz_end(cap);
	return got;
}

static int cookie_close(void *arg)
{
	struct iks_capture *cap = arg;
	int rc = 0;

	if (cap->gz)
		rc = gzclose(cap->gz) == Z_OK ? 0 : EOF;
	cap->gz = NULL;
	return rc;
}

static uint32_t peek_magic(const struct iks_capture *cap)
{
	struct iks_cur c = iks_cur_make(cap->peek, cap->peek_len);
	uint32_t m = 0;

	iks_cur_be32(&c, &m);
	return m;
}

static uint32_t swap32(uint32_t v)
{
	return v >> 24 | (v >> 8 & 0xff00u) | (v << 8 & 0xff0000u) | v << 24;
}

static bool is_pcap_magic(uint32_t m)
{
	uint32_t s = swap32(m);

	return m == MAGIC_PCAP_US || m == MAGIC_PCAP_NS || m == MAGIC_PCAP_KUZ ||
	       s == MAGIC_PCAP_US || s == MAGIC_PCAP_NS || s == MAGIC_PCAP_KUZ;
}

/* Formats people hand us instead of pcap: say what it is and what to do. */
static const struct {
	const char *magic;
	size_t len;
	const char *hint;
} foreign_formats[] = {
	{ "\xfd" "7zXZ\0", 6, "xz-compressed; decompress it first" },
	{ "BZh", 3, "bzip2-compressed; decompress it first" },
	{ "\x28\xb5\x2f\xfd", 4, "zstd-compressed; decompress it first" },
	{ "PK\x03\x04", 4, "a zip archive; extract it first" },
	{ "GMBU", 4, "a Microsoft Network Monitor capture; convert it with "
		    "editcap -F pcapng" },
	{ "snoop\0\0\0", 8, "a snoop capture; convert it with "
			     "editcap -F pcapng" },
};

static const char *foreign_hint(const struct iks_capture *cap)
{
	size_t i;

	for (i = 0; i < sizeof foreign_formats / sizeof foreign_formats[0]; i++)
		if (cap->peek_len >= foreign_formats[i].len &&
		    memcmp(cap->peek, foreign_formats[i].magic,
			   foreign_formats[i].len) == 0)
			return foreign_formats[i].hint;
	return NULL;
}

/* Opens the file or stdin as a stream through zlib and checks its first
 * bytes; on success cap->gz is set. */
static int open_input(struct iks_capture *cap, const char *path, char *errbuf,
		      size_t errlen)
{
	struct stat sb;
	uint32_t magic;
	int fd, got;

	if (strcmp(path, "-") == 0)
		fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0);
	else
		fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		set_err(errbuf, errlen, "%s", strerror(errno));
		return IKS_ERR_IO;
	}
	if (fstat(fd, &sb) < 0) {
		set_err(errbuf, errlen, "%s", strerror(errno));
		close(fd);
		return IKS_ERR_IO;
	}
	if (S_ISDIR(sb.st_mode)) {
		set_err(errbuf, errlen, "is a directory");
		close(fd);
		return IKS_ERR_IO;
	}
	cap->gz = gzdopen(fd, "rb");
	if (!cap->gz) {
		set_err(errbuf, errlen, "out of memory");
		close(fd);
		return IKS_ERR_NOMEM;
	}
	gzbuffer(cap->gz, 64 * 1024);

	got = gzread(cap->gz, cap->peek, PCAPNG_SHB_MIN_LEN);
	if (got < 0) {
		int errnum;
		const char *msg = gz_message(cap->gz, &errnum);

		if (errnum == Z_ERRNO)
			msg = strerror(errno);
		set_err(errbuf, errlen, "%s%s", errnum == Z_DATA_ERROR ?
			"corrupt compressed data: " : "", msg);
		return errnum == Z_DATA_ERROR ? IKS_ERR_FORMAT : IKS_ERR_IO;
	}
	cap->peek_len = (size_t)got;
	cap->compressed = !gzdirect(cap->gz);
	if (got == 0) {
		set_err(errbuf, errlen, "empty file%s",
			cap->compressed ? " (after decompression)" : "");
		return IKS_ERR_FORMAT;
	}
	magic = peek_magic(cap);
	if (cap->peek_len < 4 ||
	    (!is_pcap_magic(magic) && magic != MAGIC_PCAPNG)) {
		const char *hint = foreign_hint(cap);

		if (hint)
			set_err(errbuf, errlen, "not a pcap or pcapng file (%s)",
				hint);
		else
			set_err(errbuf, errlen, "not a pcap or pcapng file");
		return IKS_ERR_FORMAT;
	}
	if (cap->peek_len < (magic == MAGIC_PCAPNG ? PCAPNG_SHB_MIN_LEN :
						     PCAP_FILE_HDR_LEN)) {
		set_err(errbuf, errlen, "truncated file header (%zu bytes)",
			cap->peek_len);
		return IKS_ERR_TRUNCATED;
	}
	return IKS_OK;
}

static int choose_link(int dlt, enum iks_link *link)
{
	switch (dlt) {
	case DLT_EN10MB:
		*link = IKS_LINK_ETHERNET;
		return 0;
	case DLT_LINUX_SLL:
		*link = IKS_LINK_SLL;
		return 0;
	case DLT_LINUX_SLL2:
		*link = IKS_LINK_SLL2;
		return 0;
	/* DLT_RAW is 12 on most systems and 14 on OpenBSD; LINKTYPE_RAW
	 * (101) is mapped to it by libpcap, but take all three. */
	case 12:
	case 14:
	case 101:
		*link = IKS_LINK_RAW;
		return 0;
	case DLT_IPV4:
		*link = IKS_LINK_IPV4;
		return 0;
	case DLT_IPV6:
		*link = IKS_LINK_IPV6;
		return 0;
	case DLT_NULL:
		*link = IKS_LINK_NULL;
		return 0;
	case 108: /* DLT_LOOP everywhere but OpenBSD */
		*link = IKS_LINK_LOOP;
		return 0;
	}
	return -1;
}

static void init_opts(struct iks_capture *cap,
		      const struct iks_capture_opts *opts)
{
	if (opts)
		cap->opts = *opts;
	if (cap->opts.n_ike_ports > 8)
		cap->opts.n_ike_ports = 8;
	if (!cap->opts.frag_timeout_s)
		cap->opts.frag_timeout_s = IKS_FRAG_TIMEOUT_DEFAULT;
	if (!cap->opts.frag_mem_limit)
		cap->opts.frag_mem_limit = IKS_FRAG_MEM_DEFAULT;
	iks_capture_reasm_init(&cap->reasm, cap->opts.frag_mem_limit,
			       cap->opts.frag_timeout_s);
}

struct iks_capture *iks_capture_new(const struct iks_capture_opts *opts)
{
	struct iks_capture *cap = calloc(1, sizeof *cap);

	if (cap) {
		init_opts(cap, opts);
		cap->ts_nsec_mul = 1;
		cap->live_fd = -1;
	}
	return cap;
}

int iks_capture_use_pcap(struct iks_capture *cap, void *pcap, char *errbuf,
			 size_t errlen)
{
	const char *name;

	cap->pcap = pcap;
	cap->dlt = pcap_datalink(pcap);
	if (choose_link(cap->dlt, &cap->link) == 0)
		return IKS_OK;
	name = pcap_datalink_val_to_name(cap->dlt);
	if (name)
		set_err(errbuf, errlen, "unsupported link type %s (%d)", name,
			cap->dlt);
	else
		set_err(errbuf, errlen, "unsupported link type %d", cap->dlt);
	return IKS_ERR_LINKTYPE;
}

int iks_capture_open_file(struct iks_capture **out, const char *path,
			  const struct iks_capture_opts *opts, char *errbuf,
			  size_t errlen)
{
	static const cookie_io_functions_t io = {
		.read = cookie_read,
		.close = cookie_close,
	};
	char pcap_err[PCAP_ERRBUF_SIZE] = "";
	struct iks_capture *cap;
	pcap_t *p;
	FILE *fp;
	int rc;

	*out = NULL;
	if (!path) {
		set_err(errbuf, errlen, "no file name");
		return IKS_ERR_USAGE;
	}
	cap = iks_capture_new(opts);
	if (!cap) {
		set_err(errbuf, errlen, "out of memory");
		return IKS_ERR_NOMEM;
	}
	rc = open_input(cap, path, errbuf, errlen);
	if (rc < 0)
		goto fail;
	/* classic pcap: our own record reader (pcapfile.c) */
	rc = cap->opts.libpcap_reader ? 1 : iks_pcapfile_open(cap, errbuf, errlen);
	if (rc <= 0) {
		if (rc < 0)
			goto fail;
		*out = cap;
		return IKS_OK;
	}

	fp = fopencookie(cap, "r", io);
	if (!fp) {
		set_err(errbuf, errlen, "%s", strerror(errno));
		rc = IKS_ERR_NOMEM;
		goto fail;
	}
	/* A large stdio buffer: each refill asks zlib for more than twice
	 * its own buffer, which it then reads straight into ours instead of
	 * copying through its own (one memcpy less per byte), in few
	 * system calls.  Measured in bench/ (docs/performance.md). */
	cap->iobuf = malloc(IKS_READ_BUFFER);
	if (cap->iobuf)
		setvbuf(fp, cap->iobuf, _IOFBF, IKS_READ_BUFFER);
	/* libpcap calls fread() twice a frame; one thread reads a capture,
	 * so the stream needs no lock around each call. */
	__fsetlocking(fp, FSETLOCKING_BYCALLER);
	p = pcap_fopen_offline_with_tstamp_precision(
		fp, PCAP_TSTAMP_PRECISION_NANO, pcap_err);
	if (!p) {
		/* libpcap leaves a stream it did not take to its caller. */
		fclose(fp);
		if (strstr(pcap_err, "truncated")) {
			set_err(errbuf, errlen, "truncated file header");
			rc = IKS_ERR_TRUNCATED;
		} else {
			set_err(errbuf, errlen, "%s", pcap_err);
			rc = IKS_ERR_FORMAT;
		}
		goto fail;
	}
	cap->fp = fp;
	rc = iks_capture_use_pcap(cap, p, errbuf, errlen);
	if (rc < 0)
		goto fail;
	*out = cap;
	return IKS_OK;
fail:
	iks_capture_close(cap);
	return rc;
}

/* Turns a failure to read the next record (msg: libpcap's words) into
 * our error and message. */
static void record_read_error(struct iks_capture *cap, const char *msg)
{
	uint64_t next = cap->st.frames + 1;

	if (cap->gz_errnum) {
		cap->pending_err = cap->gz_errnum == Z_DATA_ERROR ?
			IKS_ERR_FORMAT : IKS_ERR_IO;
		snprintf(cap->pending_msg, sizeof cap->pending_msg,
			 "frame %llu: corrupt compressed data: %s",
			 (unsigned long long)next, cap->gz_msg);
	} else if (msg && strstr(msg, "truncated")) {
		/* libpcap: "truncated dump file; tried to read N captured
		 * bytes, only got M" (and the same for record headers). */
		cap->pending_err = IKS_ERR_TRUNCATED;
		snprintf(cap->pending_msg, sizeof cap->pending_msg,
			 "truncated last record (frame %llu)%s: %s",
			 (unsigned long long)next,
			 cap->gz_truncated ? ", compressed stream ends early" : "",
			 msg);
	} else {
		/* a file that libpcap cannot parse, or an interface failing */
		cap->pending_err = cap->fp || cap->file ? IKS_ERR_FORMAT : IKS_ERR_IO;
		snprintf(cap->pending_msg, sizeof cap->pending_msg,
			 "frame %llu: %s", (unsigned long long)next,
			 msg ? msg : "read error");
	}
	cap->state = CAP_ERROR;
}

static int handle_frame(struct iks_capture *cap, const struct iks_record *r,
			struct iks_datagram *dg)
{
	struct iks_frame_meta m;
	struct iks_cur c;
	int version;

	cap->st.frames++;
	cap->st.bytes += r->caplen;
	cap->frame_cut = false;
	m.frame = cap->st.frames;
	m.ts_sec = r->ts_sec;
	m.ts_nsec = r->ts_nsec;
	iks_capture_reasm_expire(&cap->reasm, m.ts_sec, &cap->st);

	c = iks_cur_make(r->data, r->caplen);
	version = iks_capture_link(cap->link, &c);
	if (version < 0) {
		iks_capture_note_cut(cap);
		return 0;
	}
	if (version == 0) {
		cap->st.non_ip++;
		return 0;
	}
	return iks_capture_ip(cap, version, &c, &m, dg);
}

/* Live with opts.idle_ticks: an IKS_DG_IDLE when the last one is
 * IKS_LIVE_TICK_MS old (the first at once). */
static bool live_tick(struct iks_capture *cap, struct iks_datagram *dg)
{
	struct timespec mono, now;
	int64_t ms;

	if (!cap->opts.idle_ticks || cap->stop)
		return false;
	clock_gettime(CLOCK_MONOTONIC, &mono);
	ms = (int64_t)mono.tv_sec * 1000 + mono.tv_nsec / 1000000;
	if (cap->last_tick_ms && ms - cap->last_tick_ms < IKS_LIVE_TICK_MS)
		return false;
	cap->last_tick_ms = ms;
	clock_gettime(CLOCK_REALTIME, &now);
	memset(dg, 0, sizeof *dg);
	dg->kind = IKS_DG_IDLE;
	dg->frame = cap->st.frames;
	dg->ts_sec = now.tv_sec;
	dg->ts_nsec = (uint32_t)now.tv_nsec;
	return true;
}

int iks_capture_next(struct iks_capture *cap, struct iks_datagram *dg,
		     char *errbuf, size_t errlen)
{
	struct pcap_pkthdr *h;
	const u_char *bytes;
	struct iks_record rec;
	int rc;

	iks_capture_reasm_release(&cap->reasm);
	for (;;) {
		if (iks_capture_reasm_pop_lost(&cap->reasm, dg))
			return 1;
		if (cap->stop && cap->state == CAP_READING) {
			cap->state = CAP_END;
			iks_capture_reasm_flush(&cap->reasm, &cap->st);
			continue;
		}
		if (cap->state == CAP_END)
			return 0;
		if (cap->state == CAP_ERROR) {
			cap->state = CAP_END;
			set_err(errbuf, errlen, "%s", cap->pending_msg);
			return cap->pending_err;
		}
		if (cap->file) {
			char msg[PCAP_ERRBUF_SIZE] = "";

			rc = iks_pcapfile_next(cap, &rec, msg, sizeof msg);
			if (rc == 1) {
				if (handle_frame(cap, &rec, dg))
					return 1;
				continue;
			}
			if (rc == 0 || cap->stop)
				cap->state = CAP_END;
			else
				record_read_error(cap, msg);
			iks_capture_reasm_flush(&cap->reasm, &cap->st);
			continue;
		}
		/* live: a tick every IKS_LIVE_TICK_MS, even under traffic that
		 * yields nothing (other fragments), so state still expires */
		if (cap->live_fd >= 0 && live_tick(cap, dg))
			return 1;
		rc = pcap_next_ex(cap->pcap, &h, &bytes);
		if (rc == 1) {
			rec.ts_sec = h->ts.tv_sec;
			/* Files are opened with nanosecond precision, so
			 * tv_usec holds nanoseconds; a live capture may only
			 * have microseconds. */
			rec.ts_nsec = (uint32_t)h->ts.tv_usec * cap->ts_nsec_mul;
			rec.caplen = h->caplen;
			rec.data = bytes;
			if (handle_frame(cap, &rec, dg))
				return 1;
			continue;
		}
		if (rc == 0) { /* live: nothing now (or the read timeout) */
			if (cap->live_fd >= 0) {
				struct pollfd pfd = { .fd = cap->live_fd, .events = POLLIN };

				/* interrupted by a signal: the loop checks stop */
				poll(&pfd, 1, IKS_LIVE_TICK_MS);
			}
			if (live_tick(cap, dg))
				return 1;
			continue;
		}
		if (rc == PCAP_ERROR_BREAK || cap->stop)
			cap->state = CAP_END;
		else
			record_read_error(cap, pcap_geterr(cap->pcap));
		iks_capture_reasm_flush(&cap->reasm, &cap->st);
	}
}

const char *iks_capture_linktype_name(const struct iks_capture *cap)
{
	const char *name = pcap_datalink_val_to_name(cap->dlt);

	return name ? name : "unknown";
}

int iks_capture_linktype(const struct iks_capture *cap)
{
	return cap->dlt;
}

bool iks_capture_compressed(const struct iks_capture *cap)
{
	return cap->compressed;
}

void iks_capture_get_stats(const struct iks_capture *cap,
			   struct iks_capture_stats *st)
{
	*st = cap->st;
}

void iks_capture_close(struct iks_capture *cap)
{
	if (!cap)
		return;
	if (cap->pcap)
		pcap_close(cap->pcap); /* closes fp, which closes gz */
	else if (cap->fp)
		fclose(cap->fp);
	if (cap->gz)
		gzclose(cap->gz);
	iks_capture_reasm_free(&cap->reasm);
	iks_pcapfile_free(cap);
	free(cap->iobuf); /* after the stream that used it */
	free(cap);
}
