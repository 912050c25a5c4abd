/*
 * ikescope analyze [--json] [--keys FILE]... [--fail-on-error] CAPTURE...
 * ikescope analyze -i IFACE [-Z USER] ...
 * Rebuild every negotiation, diagnose it, report it (shared/spec/cli.md).
 *
 * The tracker runs in streaming mode: each negotiation is diagnosed and
 * printed when it concludes (idle for --idle-timeout seconds of capture
 * time, or at the end) and then freed, so memory follows the negotiations
 * open at once, not the size of the capture.  Records come in order of
 * conclusion; those concluding together (all of them, in a capture
 * shorter than the idle timeout) in order of their first message.
 */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "ikescope/diagnose.h"
#include "ikescope/report.h"
#include "ikescope/track.h"

/* Live status line: how often, in seconds of wall time. */
#define STATUS_INTERVAL_S 1.0

struct analyze {
	struct iks_tracker *tracker;
	bool json, ladder, live, stats;
	int only;                 /* status filter, -1 = all */
	const char *peer, *spi;
	unsigned flags;           /* IKS_REPORT_* */
	size_t counts[3];
	size_t phase2_failed; /* IKE SA up, a phase 2 refused */
	size_t total;
	/* live */
	struct iks_capture *cap;
	const char *ifname;
	bool status_line;         /* stderr is a terminal */
	double last_status;
	char *jbuf;               /* one JSON record */
	size_t jcap;
};

/* The capture a signal ends (live only). */
static struct iks_capture *volatile live_cap;

static void on_signal(int sig)
{
	(void)sig;
	if (live_cap)
		iks_capture_break(live_cap);
}

static void analyze_usage(FILE *f)
{
	fputs("usage: ikescope analyze [--json] [--ladder] [--keys FILE]... [--fail-on-error]\n"
	      "                        [--status STATUS] [--peer ADDR] [--spi HEX]\n"
	      "                        [--ike-port PORT]... [--idle-timeout S] [--max-open N]\n"
	      "                        [--max-memory MB] [--stats] [--psk SECRET | --psk-file FILE]\n"
	      "                        CAPTURE... | -i IFACE [-Z USER]\n"
	      "  --json           one JSON record per IKE SA negotiation (JSON Lines)\n"
	      "  --ladder         draw each negotiation's messages between the peers\n"
	      "  --peer ADDR      only negotiations with ADDR as initiator or responder\n"
	      "  --spi HEX        only the negotiation with this initiator or responder SPI\n"
	      "  --psk SECRET     check an Aggressive Mode responder's HASH_R against SECRET\n"
	      "  --psk-file FILE  the same with the secret read from FILE (first line)\n"
	      "  --keys FILE      Wireshark ikev1/ikev2_decryption_table (repeatable)\n"
	      "  --fail-on-error  exit 1 when a negotiation failed\n"
	      "  --status STATUS  report only negotiations with this status\n"
	      "                   (established, failed, incomplete)\n"
	      "  --ike-port PORT  also decode UDP PORT as IKE (besides 500 and 4500)\n"
	      "  --idle-timeout S a negotiation without messages for S seconds (capture\n"
	      "                   time) is concluded and reported (default 180)\n"
	      "  --max-open N     negotiations open at once; at the limit the least\n"
	      "                   recently active is concluded early (default 1000000)\n"
	      "  --max-memory MB  the same for the memory their records take (default 512)\n"
	      "  --stats          at the end, counters of the tracker on stderr\n"
	      "  -i, --interface IFACE  capture live on IFACE (IKE, NAT-T, ESP, IP\n"
	      "                   fragments); reports as negotiations conclude, until\n"
	      "                   SIGINT or SIGTERM\n"
	      "  -Z, --user USER  with -i: drop privileges to USER once the interface is open\n"
	      "CAPTURE is a pcap or pcapng file, optionally gzip-compressed, or - for stdin.\n",
	      f);
}

/* --peer / --spi filters: textual comparison with what the report prints. */
static bool matches(const struct iks_nego *n, const char *peer, const char *spi)
{
	char a[64], b[64], si[17], sr[17];

	if (peer && strcmp(peer, iks_addr_format(&n->init_addr, a, sizeof a)) &&
	    strcmp(peer, iks_addr_format(&n->resp_addr, b, sizeof b)))
		return false;
	if (spi) {
		iks_report_hex(n->spi_i, 8, si, sizeof si);
		iks_report_hex(n->spi_r, 8, sr, sizeof sr);
		if (!strncasecmp(spi, "0x", 2))
			spi += 2;
		if (strcasecmp(spi, si) && strcasecmp(spi, sr))
			return false;
	}
	return true;
}

static void clear_status(struct analyze *a)
{
	if (a->status_line && a->last_status > 0)
		fputs("\r\033[K", stderr);
}

/*
 * One record, one line: dumped into a buffer and written at once
 * (json_dumpf() would call fwrite() for every token).
 */
static void write_json(struct analyze *a, const json_t *o)
{
	const size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(16);
	size_t need = json_dumpb(o, a->jbuf, a->jcap, flags);

	if (need >= a->jcap) {
		char *p = realloc(a->jbuf, need + 1024);

		if (!p) {
			json_dumpf(o, stdout, flags);
			fputc('\n', stdout);
			return;
		}
		a->jbuf = p;
		a->jcap = need + 1024;
		need = json_dumpb(o, a->jbuf, a->jcap, flags);
	}
	if (need) {
		a->jbuf[need] = '\n';
		fwrite(a->jbuf, 1, need + 1, stdout);
	}
}

/* The IKE SA came up but a tunnel did not: for --fail-on-error and the
 * summary, a VPN that carries no traffic has failed too. */
static bool phase2_failed(const struct iks_nego *n)
{
	if (n->status == IKS_STATUS_FAILED)
		return false;
	for (unsigned i = 0; i < n->n_children; i++)
		if (n->children[i].status == IKS_STATUS_FAILED && !n->children[i].ike_rekey)
			return true;
	return false;
}

/* The tracker hands over each negotiation as it concludes. */
static void concluded(void *ctx, const struct iks_nego *n)
{
	struct analyze *a = ctx;
	struct iks_findings fs;

	a->counts[n->status]++;
	a->total++;
	if (phase2_failed(n))
		a->phase2_failed++;
	if ((a->only >= 0 && (int)n->status != a->only) || !matches(n, a->peer, a->spi))
		return;
	iks_diagnose(n, &fs);
	clear_status(a);
	if (a->json) {
		json_t *o = iks_report_nego_json(n, &fs);

		write_json(a, o);
		json_decref(o);
	} else {
		iks_report_nego_text(stdout, n, &fs, a->flags);
		if (a->ladder)
			iks_report_ladder_text(stdout, n);
	}
	if (a->live)
		fflush(stdout);
}

static void analyze_datagram(void *ctx, const struct iks_datagram *dg)
{
	struct analyze *a = ctx;

	iks_track_datagram(a->tracker, dg);
}

static double wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void print_status(struct analyze *a)
{
	struct iks_track_stats ts;
	struct iks_capture_stats cs;
	struct iks_capture_live_stats ls;

	iks_track_get_stats(a->tracker, &ts);
	iks_capture_get_stats(a->cap, &cs);
	iks_capture_live_stats(a->cap, &ls);
	fprintf(stderr, "\r\033[Kikescope: %s: %llu open, %zu done, %llu frames, %llu IKE, "
		"%llu dropped",
		a->ifname, (unsigned long long)ts.open, a->total,
		(unsigned long long)cs.frames, (unsigned long long)cs.ike,
		(unsigned long long)(ls.dropped + ls.if_dropped));
	fflush(stderr);
}

/* What was given up to stay within the limits, if anything. */
static void print_limits_text(const struct iks_track_stats *ts,
			      const struct iks_capture_stats *cs)
{
	if (ts->evicted)
		printf("%llu negotiation%s concluded early at the limit of open negotiations "
		       "or of their memory (--max-open, --max-memory)\n",
		       (unsigned long long)ts->evicted, ts->evicted == 1 ? "" : "s");
	if (ts->not_tracked)
		printf("%llu message%s not filed: too many negotiations\n",
		       (unsigned long long)ts->not_tracked, ts->not_tracked == 1 ? "" : "s");
	if (ts->msgs_dropped)
		printf("%llu message%s not kept: over %u in one negotiation\n",
		       (unsigned long long)ts->msgs_dropped, ts->msgs_dropped == 1 ? "" : "s",
		       (unsigned)IKS_NEGO_MAX_MSGS);
	if (ts->frags_dropped)
		printf("%llu incomplete IKE fragment set%s given up (table full)\n",
		       (unsigned long long)ts->frags_dropped, ts->frags_dropped == 1 ? "" : "s");
	if (cs && cs->ip_frag_dropped)
		printf("%llu IP fragment%s dropped (reassembly memory limit or malformed)\n",
		       (unsigned long long)cs->ip_frag_dropped,
		       cs->ip_frag_dropped == 1 ? "" : "s");
}

static void print_summary(struct analyze *a, const struct iks_capture_stats *cs,
			  const struct iks_capture_live_stats *ls)
{
	struct iks_track_stats ts;

	iks_track_get_stats(a->tracker, &ts);
	if (a->json) {
		json_t *o = json_pack("{s:s,s:I,s:I,s:I,s:I,s:I}", "type", "summary",
				      "negotiations", (json_int_t)a->total,
				      "established", (json_int_t)a->counts[IKS_STATUS_ESTABLISHED],
				      "failed", (json_int_t)a->counts[IKS_STATUS_FAILED],
				      "incomplete", (json_int_t)a->counts[IKS_STATUS_INCOMPLETE],
				      "phase2_failed", (json_int_t)a->phase2_failed);

		/* only what happened: files within the limits read as before */
		if (ts.evicted)
			json_object_set_new(o, "evicted", json_integer((json_int_t)ts.evicted));
		if (ts.not_tracked)
			json_object_set_new(o, "not_tracked",
					    json_integer((json_int_t)ts.not_tracked));
		if (ts.msgs_dropped)
			json_object_set_new(o, "messages_dropped",
					    json_integer((json_int_t)ts.msgs_dropped));
		if (ts.frags_dropped)
			json_object_set_new(o, "ike_fragments_dropped",
					    json_integer((json_int_t)ts.frags_dropped));
		if (cs && cs->ip_frag_dropped)
			json_object_set_new(o, "ip_fragments_dropped",
					    json_integer((json_int_t)cs->ip_frag_dropped));
		if (a->live) {
			json_object_set_new(o, "interface", json_string(a->ifname));
			json_object_set_new(o, "frames", json_integer((json_int_t)cs->frames));
			json_object_set_new(o, "open_peak", json_integer((json_int_t)ts.open_peak));
			if (ls) {
				json_object_set_new(o, "received", json_integer((json_int_t)ls->received));
				json_object_set_new(o, "dropped", json_integer((json_int_t)ls->dropped));
				json_object_set_new(o, "if_dropped",
						    json_integer((json_int_t)ls->if_dropped));
			}
		}
		json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
		json_decref(o);
		return;
	}
	printf("%zu negotiation%s: %zu established, %zu failed, %zu incomplete", a->total,
	       a->total == 1 ? "" : "s", a->counts[IKS_STATUS_ESTABLISHED],
	       a->counts[IKS_STATUS_FAILED], a->counts[IKS_STATUS_INCOMPLETE]);
	if (a->phase2_failed)
		printf("; %zu with a phase 2 refused", a->phase2_failed);
	putchar('\n');
	print_limits_text(&ts, cs);
	if (a->live) {
		printf("%s: %llu frames", a->ifname, (unsigned long long)cs->frames);
		if (ls)
			printf(", %llu received by the filter, %llu dropped by the kernel, "
			       "%llu by the interface",
			       (unsigned long long)ls->received, (unsigned long long)ls->dropped,
			       (unsigned long long)ls->if_dropped);
		putchar('\n');
	}
}

static void print_stats(const struct analyze *a)
{
	struct iks_track_stats ts;

	iks_track_get_stats(a->tracker, &ts);
	fprintf(stderr, "ikescope: %llu negotiation(s), at most %llu open at once in %.1f MiB; "
		"concluded: %llu idle, %llu at the open or memory limit, %llu at the end; "
		"%llu messages not filed, %llu not kept, %llu IKE fragment sets given up\n",
		(unsigned long long)ts.negotiations, (unsigned long long)ts.open_peak,
		(double)ts.memory_peak / 1048576,
		(unsigned long long)ts.idle, (unsigned long long)ts.evicted,
		(unsigned long long)(ts.concluded - ts.idle - ts.evicted),
		(unsigned long long)ts.not_tracked, (unsigned long long)ts.msgs_dropped,
		(unsigned long long)ts.frags_dropped);
}

/* As tcpdump -Z: the interface is open, root is no longer needed. */
static int drop_privileges(const char *user)
{
	struct passwd *pw = getpwnam(user);

	if (!pw) {
		fprintf(stderr, "ikescope: -Z: no such user '%s'\n", user);
		return -1;
	}
	if (initgroups(pw->pw_name, pw->pw_gid) < 0 || setgid(pw->pw_gid) < 0 ||
	    setuid(pw->pw_uid) < 0) {
		fprintf(stderr, "ikescope: -Z %s: %s\n", user, strerror(errno));
		return -1;
	}
	if (pw->pw_uid != 0 && setuid(0) == 0) {
		fprintf(stderr, "ikescope: -Z %s: could not give up root\n", user);
		return -1;
	}
	return 0;
}

static int run_live(struct analyze *a, struct iks_capture_opts *opts, const char *user)
{
	char err[IKS_ERRBUF_SIZE] = "";
	struct iks_capture_stats cs;
	struct iks_capture_live_stats ls;
	struct sigaction sa;
	struct iks_datagram dg;
	bool have_ls;
	int rc;

	opts->idle_ticks = true;
	rc = iks_capture_open_live(&a->cap, a->ifname, opts, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, "ikescope: %s: %s\n", a->ifname, err[0] ? err : iks_strerror(rc));
		return IKS_EXIT_USAGE;
	}
	if (user && drop_privileges(user) < 0) {
		iks_capture_close(a->cap);
		return IKS_EXIT_USAGE;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	live_cap = a->cap;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	a->status_line = isatty(STDERR_FILENO);
	if (!a->status_line)
		fprintf(stderr, "ikescope: listening on %s\n", a->ifname);
	while ((rc = iks_capture_next(a->cap, &dg, err, sizeof err)) > 0) {
		iks_track_datagram(a->tracker, &dg);
		if (a->status_line) {
			double now = wall_now();

			if (now - a->last_status >= STATUS_INTERVAL_S) {
				a->last_status = now;
				print_status(a);
			}
		}
	}
	if (rc < 0)
		fprintf(stderr, "ikescope: %s: %s\n", a->ifname, err[0] ? err : iks_strerror(rc));
	live_cap = NULL;
	clear_status(a);
	iks_track_finish(a->tracker);
	iks_capture_get_stats(a->cap, &cs);
	have_ls = iks_capture_live_stats(a->cap, &ls);
	print_summary(a, &cs, have_ls ? &ls : NULL);
	fflush(stdout);
	iks_capture_close(a->cap);
	a->cap = NULL;
	return rc < 0 ? IKS_EXIT_USAGE : IKS_EXIT_OK;
}

static bool parse_seconds(const char *s, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !(v > 0) || v > 1e9)
		return false;
	*out = v;
	return true;
}

int iks_cmd_analyze(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "keys", required_argument, NULL, 'k' },
		{ "fail-on-error", no_argument, NULL, 'F' },
		{ "status", required_argument, NULL, 's' },
		{ "ike-port", required_argument, NULL, 'p' },
		{ "ladder", no_argument, NULL, 'L' },
		{ "peer", required_argument, NULL, 'P' },
		{ "spi", required_argument, NULL, 'S' },
		{ "psk", required_argument, NULL, 'K' },
		{ "psk-file", required_argument, NULL, 'f' },
		{ "interface", required_argument, NULL, 'i' },
		{ "user", required_argument, NULL, 'Z' },
		{ "idle-timeout", required_argument, NULL, 'T' },
		{ "max-open", required_argument, NULL, 'M' },
		{ "max-memory", required_argument, NULL, 'm' },
		{ "stats", no_argument, NULL, 'x' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct iks_capture_opts opts = { 0 };
	struct iks_keytab keys;
	struct iks_track_opts topts = { 0 };
	struct analyze a = { .only = -1 };
	bool fail_on_error = false;
	const char *user = NULL;
	char psk[1024];
	int c, status = IKS_EXIT_OK;

	iks_keytab_init(&keys);
	while ((c = getopt_long(argc, argv, ":jk:Fs:p:LP:S:K:f:i:Z:T:M:m:xh", longopts, NULL)) != -1) {
		switch (c) {
		case 'K':
		case 'f':
			if (iks_cli_read_secret(c == 'K' ? optarg : NULL, c == 'f' ? optarg : NULL,
						psk, sizeof psk) < 0) {
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			topts.psk = (const uint8_t *)psk;
			topts.psk_len = strlen(psk);
			break;
		case 'L':
			a.ladder = true;
			break;
		case 'P':
			a.peer = optarg;
			break;
		case 'S':
			a.spi = optarg;
			break;
		case 'j':
			a.json = true;
			break;
		case 'k':
			if (iks_cli_load_keys(&keys, optarg) < 0) {
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			topts.keys = &keys;
			break;
		case 'F':
			fail_on_error = true;
			break;
		case 's':
			for (int s = 0; s < 3; s++)
				if (!strcmp(optarg, iks_status_name((enum iks_status)s)))
					a.only = s;
			if (a.only < 0) {
				fprintf(stderr, "ikescope analyze: unknown status '%s'\n", optarg);
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			break;
		case 'p': {
			unsigned port = iks_cli_parse_port(optarg);

			if (!port || opts.n_ike_ports >= sizeof opts.ike_ports / sizeof opts.ike_ports[0]) {
				fprintf(stderr, "ikescope analyze: bad or too many --ike-port: %s\n", optarg);
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			opts.ike_ports[opts.n_ike_ports++] = (uint16_t)port;
			break;
		}
		case 'i':
			a.ifname = optarg;
			break;
		case 'x':
			a.stats = true;
			break;
		case 'Z':
			user = optarg;
			break;
		case 'T':
			if (!parse_seconds(optarg, &topts.idle_timeout)) {
				fprintf(stderr, "ikescope analyze: bad --idle-timeout: %s\n", optarg);
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			break;
		case 'M':
		case 'm': {
			char *end;
			unsigned long long v;

			errno = 0;
			v = strtoull(optarg, &end, 10);
			if (errno || end == optarg || *end || v == 0 ||
			    v > (c == 'M' ? 100000000ull : 1048576ull)) {
				fprintf(stderr, "ikescope analyze: bad --max-%s: %s\n",
					c == 'M' ? "open" : "memory", optarg);
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			if (c == 'M')
				topts.max_negotiations = (size_t)v;
			else
				topts.max_memory = (size_t)v << 20;
			break;
		}
		case 'h':
			analyze_usage(stdout);
			iks_keytab_free(&keys);
			return IKS_EXIT_OK;
		default:
			iks_keytab_free(&keys);
			return iks_cli_option_error("analyze", c, argv);
		}
	}
	if (a.ifname ? optind < argc || !*a.ifname : optind >= argc) {
		iks_keytab_free(&keys);
		if (!a.ifname)
			return iks_cli_missing_operand("analyze", "capture");
		fprintf(stderr, "ikescope analyze: %s (see ikescope analyze --help)\n",
			*a.ifname ? "-i and capture files exclude each other" : "-i needs an interface");
		return IKS_EXIT_USAGE;
	}
	if (user && !a.ifname) {
		fputs("ikescope analyze: -Z needs -i\n", stderr);
		iks_keytab_free(&keys);
		return IKS_EXIT_USAGE;
	}
	topts.on_concluded = concluded;
	topts.ctx = &a;
	if (iks_track_new(&a.tracker, &topts) != IKS_OK) {
		fputs("ikescope: out of memory\n", stderr);
		iks_keytab_free(&keys);
		return IKS_EXIT_USAGE;
	}
	if (!a.json && isatty(STDOUT_FILENO) && !getenv("NO_COLOR"))
		a.flags |= IKS_REPORT_COLOR;
	if (a.ifname) {
		a.live = true;
		status = run_live(&a, &opts, user);
	} else {
		bool any_read = false;

		/* one tracker over all files: a negotiation may span captures */
		for (int i = optind; i < argc; i++) {
			int rc = iks_cli_each_datagram(argv[i], &opts, analyze_datagram, &a);

			if (rc < 0)
				status = IKS_EXIT_USAGE;
			if (rc != IKS_CLI_UNREADABLE)
				any_read = true;
		}
		iks_track_finish(a.tracker);
		/* nothing could be read: no summary of nothing on stdout */
		if (any_read)
			print_summary(&a, NULL, NULL);
	}
	fflush(stdout);
	if (a.stats)
		print_stats(&a);
	iks_track_free(a.tracker);
	free(a.jbuf);
	iks_keytab_free(&keys);
	iks_crypto_wipe(psk, sizeof psk);
	if (status == IKS_EXIT_OK && fail_on_error &&
	    (a.counts[IKS_STATUS_FAILED] || a.phase2_failed))
		status = IKS_EXIT_FAILED_NEGOTIATION;
	return status;
}
