/*
 * ikescope probe HOST [options]: discover what an IKE gateway accepts, or
 * (with --psk) run a full test negotiation and report it like analyze.
 * docs/probe.md describes the command.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "ikescope/consts.h"
#include "ikescope/diagnose.h"
#include "ikescope/names.h"
#include "ikescope/probe.h"
#include "ikescope/report.h"
#include "ikescope/track.h"

static void probe_usage(FILE *f)
{
	fputs("usage: ikescope probe HOST [options]\n"
	      "Discovery (default): which IKE proposals HOST accepts and prefers.\n"
	      "  --ikev1 | --ikev2      one IKE version (default: IKEv2, then IKEv1)\n"
	      "  --aggressive           IKEv1 Aggressive Mode (needs --id)\n"
	      "  --ike PROPOSALS        candidates, strongSwan syntax, comma list\n"
	      "                         (aes256-sha256-modp2048,aes128gcm16-prfsha256-ecp256)\n"
	      "  --preset NAME          candidates: modern, legacy, all (default all)\n"
	      "  --auth METHODS         IKEv1 auth methods to sweep (default psk,rsa-sig)\n"
	      "Test negotiation (with --psk): phase 1 + phase 2, then delete.\n"
	      "  --psk SECRET | --psk-file FILE   pre-shared key (0x... is hex)\n"
	      "  --id ID  --remote-id ID          our identity, the gateway's\n"
	      "  --esp PROPOSALS                  ESP proposals (aes256-sha256)\n"
	      "  --pfs GROUP                      PFS group (modp2048, ecp256, ...)\n"
	      "  --local-ts CIDR --remote-ts CIDR traffic selectors (default: the hosts)\n"
	      "Common:\n"
	      "  --json                 JSON Lines records\n"
	      "  --write FILE           save the exchange as a pcap, key tables next to it\n"
	      "  --port N               target port (500)\n"
	      "  --local-addr ADDR      source address\n"
	      "  --timeout SEC          first retransmission timeout (1), doubled each time\n"
	      "  --retries N            retransmissions (3): no-response after 15 s\n"
	      "  --max-time SEC         hard limit for the whole run (300)\n"
	      "  --rate N               new requests per second (20)\n"
	      "  --inflight N           exchanges waiting at once (4)\n"
	      "  --half-open N          discovery: at most N accepted offers younger than\n"
	      "                         --half-open-wait SEC (31) at once (4; 0 = no limit)\n"
	      "  --fail-on-error        exit 1 when the negotiation failed / nothing accepted\n",
	      f);
}

static int parse_group(const char *s, uint16_t *out)
{
	size_t n = 0;
	const struct iks_name_entry *rows = iks_table_rows(IKS_TAB_V2_KE, &n);
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (!*end && end != s && v < 65536) {
		*out = (uint16_t)v;
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		if (rows[i].keyword && !strcasecmp(rows[i].keyword, s)) {
			*out = (uint16_t)rows[i].value;
			return 0;
		}
	return -1;
}

static double parse_num(const char *s, bool *ok)
{
	char *end;
	double v = strtod(s, &end);

	*ok = end != s && !*end && v >= 0;
	return v;
}

/* strongSwan's secret syntax: 0x... is hex */
static size_t psk_bytes(const char *s, uint8_t *out, size_t cap)
{
	size_t n = strlen(s), k = 0;

	if (n > 2 && !strncasecmp(s, "0x", 2) && n % 2 == 0 &&
	    strspn(s + 2, "0123456789abcdefABCDEF") == n - 2) {
		for (size_t i = 2; i < n && k < cap; i += 2) {
			unsigned v;

			sscanf(s + i, "%2x", &v);
			out[k++] = (uint8_t)v;
		}
		return k;
	}
	if (n > cap)
		n = cap;
	memcpy(out, s, n);
	return n;
}

static json_t *combo_json(const struct iks_probe_discovery *d, const struct iks_probe_combo *c)
{
	char e[32], i[32], f[32], g[32], a[32];
	json_t *o;

	if (iks_keyword_v2(IKS_V2_XFT_ENCR, c->encr, c->key_bits, e, sizeof e) < 0)
		snprintf(e, sizeof e, "%u", c->encr);
	if (iks_keyword_v2(IKS_V2_XFT_INTEG, c->integ, 0, i, sizeof i) < 0)
		snprintf(i, sizeof i, "%u", c->integ);
	if (iks_keyword_v2(IKS_V2_XFT_PRF, c->prf, 0, f, sizeof f) < 0)
		snprintf(f, sizeof f, "%u", c->prf);
	if (iks_keyword_dh(c->dh, g, sizeof g) < 0)
		snprintf(g, sizeof g, "%u", c->dh);
	o = json_pack("{s:s,s:s?,s:s?,s:s,s:s}", "proposal", c->text, "enc", e,
		      d->version == 1 ? "hash" : "integ", c->integ ? i : NULL,
		      "prf", f, "dh", g);
	if (d->version == 1) {
		if (iks_keyword_v1_phase1(IKS_V1_ATTR_AUTH_METHOD, c->v1_auth, 0, a, sizeof a) < 0)
			snprintf(a, sizeof a, "%u", c->v1_auth);
		json_object_set_new(o, "auth", json_string(a));
	}
	return o;
}

static const char *disc_mode(const struct iks_probe_discovery *d)
{
	return d->version == 2 ? "ike_sa_init" : d->aggressive ? "aggressive" : "main";
}

static void print_discovery(const struct iks_probe_discovery *d, const char *host, bool json)
{
	char a[32];

	if (json) {
		json_t *o = json_pack("{s:s,s:s,s:i,s:s,s:b,s:b,s:i,s:i,s:i,s:i}", "type",
				      "probe_discovery", "target", host, "ike_version", d->version,
				      "exchange", disc_mode(d), "answered", d->answered,
				      "complete", d->complete, "exchanges", d->exchanges,
				      "unanswered", d->unanswered, "candidates", d->candidates,
				      "ke_retries", d->retries_ke);
		json_t *acc = json_array(), *v = json_array();

		for (unsigned i = 0; i < d->n_combos; i++)
			json_array_append_new(acc, combo_json(d, &d->combos[i]));
		json_object_set_new(o, "accepted", acc);
		json_object_set_new(o, "preferred", d->preferred >= 0 ?
				    combo_json(d, &d->combos[d->preferred]) : json_null());
		for (unsigned i = 0; i < d->n_vids; i++)
			json_array_append_new(v, json_string(d->vids[i]));
		json_object_set_new(o, "vendor_ids", v);
		json_object_set_new(o, "refusal", d->refusal ?
				    json_string(iks_name_or_number(d->version == 2 ?
								   IKS_TAB_V2_NOTIFY :
								   IKS_TAB_V1_NOTIFY,
								   d->refusal, a, sizeof a)) :
				    json_null());
		json_object_set_new(o, "port_unreachable", json_boolean(d->port_unreachable));
		json_object_set_new(o, "status", json_string(!d->answered ? "no-response" :
							     d->n_combos ? "accepted" :
							     "nothing-accepted"));
		json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
		json_decref(o);
		return;
	}
	printf("IKEv%u %s on %s: ", d->version, disc_mode(d), host);
	if (!d->answered) {
		printf("no response (%u request%s given up%s)\n", d->unanswered,
		       d->unanswered == 1 ? "" : "s",
		       d->port_unreachable ? "; ICMP port unreachable: nothing listens there" : "");
		return;
	}
	printf("%u accepted combination%s of %u candidates, %u exchange%s%s\n", d->n_combos,
	       d->n_combos == 1 ? "" : "s", d->candidates, d->exchanges,
	       d->exchanges == 1 ? "" : "s", d->complete ? "" : " (sweep incomplete)");
	if (d->preferred >= 0)
		printf("  preferred: %s%s%s\n", d->combos[d->preferred].text,
		       d->version == 1 ? " auth " : "",
		       d->version == 1 ? (iks_keyword_v1_phase1(IKS_V1_ATTR_AUTH_METHOD,
								d->combos[d->preferred].v1_auth,
								0, a, sizeof a) < 0 ? "?" : a) : "");
	for (unsigned i = 0; i < d->n_combos; i++) {
		printf("  accepted:  %s", d->combos[i].text);
		if (d->version == 1 &&
		    iks_keyword_v1_phase1(IKS_V1_ATTR_AUTH_METHOD, d->combos[i].v1_auth, 0, a,
					  sizeof a) >= 0)
			printf(" auth %s", a);
		putchar('\n');
	}
	if (!d->n_combos && d->refusal)
		printf("  every offer refused: %s\n",
		       iks_name_or_number(d->version == 2 ? IKS_TAB_V2_NOTIFY : IKS_TAB_V1_NOTIFY,
					  d->refusal, a, sizeof a));
	for (unsigned i = 0; i < d->n_vids; i++)
		printf("  vendor ID: %s\n", d->vids[i]);
	if (d->unanswered)
		printf("  %u request%s unanswered (rate limits or half-open SA limits?)\n",
		       d->unanswered, d->unanswered == 1 ? "" : "s");
}

static int write_capture(struct iks_probe *p, const char *path)
{
	char err[IKS_ERRBUF_SIZE], base[4096];
	const struct iks_keytab *kt = iks_probe_keys(p);
	FILE *f = fopen(path, "wb");
	size_t bl;
	int rc;

	if (!f) {
		perror(path);
		return -1;
	}
	rc = iks_probe_write_pcap(p, f, err, sizeof err);
	if (fclose(f) || rc < 0) {
		fprintf(stderr, "ikescope probe: %s: %s\n", path, err);
		return -1;
	}
	snprintf(base, sizeof base, "%s", path);
	bl = strlen(base);
	if (bl > 5 && !strcmp(base + bl - 5, ".pcap"))
		base[bl - 5] = '\0';
	for (int v = 1; v <= 2; v++) {
		char kp[4200];

		if ((v == 1 && !kt->n_v1) || (v == 2 && !kt->n_v2))
			continue;
		snprintf(kp, sizeof kp, "%s.ikev%d_decryption_table", base, v);
		f = fopen(kp, "w");
		if (!f) {
			perror(kp);
			return -1;
		}
		rc = iks_keytab_write(kt, v == 1 ? IKS_KEYTAB_V1 : IKS_KEYTAB_V2, f, NULL, err,
				      sizeof err);
		if (fclose(f) || rc < 0) {
			fprintf(stderr, "ikescope probe: %s: cannot write\n", kp);
			return -1;
		}
	}
	return 0;
}

/* The result word: established, or the first error finding's code. */
static const char *result_code(const struct iks_probe *p, const struct iks_tracker *t)
{
	const struct iks_probe_outcome *o = iks_probe_outcome(p);

	if (o->ike_established && o->child_established && (!o->pfs_tested || o->pfs_established))
		return "established";
	for (size_t i = 0; t && i < iks_track_count(t); i++) {
		struct iks_findings fs;

		if (!iks_probe_nego_is_main(p, iks_track_get(t, i)))
			continue;
		iks_probe_diagnose(p, iks_track_get(t, i), &fs);
		for (unsigned k = 0; k < fs.n; k++)
			if (fs.f[k].severity == IKS_SEV_ERROR)
				return fs.f[k].code;
	}
	return o->answered ? "failed" : "no-response";
}

int iks_cmd_probe(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "ikev1", no_argument, NULL, '1' },
		{ "ikev2", no_argument, NULL, '2' },
		{ "aggressive", no_argument, NULL, 'A' },
		{ "ike", required_argument, NULL, 'i' },
		{ "esp", required_argument, NULL, 'e' },
		{ "preset", required_argument, NULL, 'P' },
		{ "auth", required_argument, NULL, 'a' },
		{ "psk", required_argument, NULL, 'K' },
		{ "psk-file", required_argument, NULL, 'f' },
		{ "id", required_argument, NULL, 'I' },
		{ "remote-id", required_argument, NULL, 'R' },
		{ "pfs", required_argument, NULL, 'g' },
		{ "local-ts", required_argument, NULL, 'l' },
		{ "remote-ts", required_argument, NULL, 'r' },
		{ "json", no_argument, NULL, 'j' },
		{ "write", required_argument, NULL, 'w' },
		{ "port", required_argument, NULL, 'p' },
		{ "local-addr", required_argument, NULL, 'L' },
		{ "timeout", required_argument, NULL, 't' },
		{ "retries", required_argument, NULL, 'n' },
		{ "max-time", required_argument, NULL, 'm' },
		{ "rate", required_argument, NULL, 'q' },
		{ "inflight", required_argument, NULL, 'F' },
		{ "fail-on-error", no_argument, NULL, 'E' },
		{ "half-open", required_argument, NULL, 'H' },
		{ "half-open-wait", required_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct iks_probe_opts o = { 0 };
	struct iks_probe *p = NULL;
	char err[IKS_ERRBUF_SIZE], secret[1024];
	uint8_t psk[1024];
	const char *write_path = NULL;
	bool json = false, fail_on_error = false, have_psk = false, ok;
	int c, rc, status = IKS_EXIT_OK;
	double v;

	while ((c = getopt_long(argc, argv, ":12Ai:e:P:a:K:f:I:R:g:l:r:jw:p:L:t:n:m:q:F:EH:W:h",
				longopts, NULL)) != -1) {
		switch (c) {
		case '1':
		case '2':
			o.version = (uint8_t)(c - '0');
			break;
		case 'A':
			o.aggressive = true;
			o.version = 1;
			break;
		case 'i':
		case 'e':
			if (iks_probe_check_proposals(optarg, c == 'e', err, sizeof err) < 0) {
				fprintf(stderr, "ikescope probe: --%s: %s\n", c == 'e' ? "esp" : "ike",
					err);
				return IKS_EXIT_USAGE;
			}
			if (c == 'i')
				o.ike = optarg;
			else
				o.esp = optarg;
			break;
		case 'P':
			o.preset = optarg;
			break;
		case 'a':
			o.v1_auth = optarg;
			break;
		case 'K':
		case 'f':
			if (iks_cli_read_secret(c == 'K' ? optarg : NULL, c == 'f' ? optarg : NULL,
						secret, sizeof secret) < 0)
				return IKS_EXIT_USAGE;
			o.psk_len = psk_bytes(secret, psk, sizeof psk);
			o.psk = psk;
			have_psk = true;
			iks_crypto_wipe(secret, sizeof secret);
			break;
		case 'I':
			o.id = optarg;
			break;
		case 'R':
			o.remote_id = optarg;
			break;
		case 'g':
			if (parse_group(optarg, &o.pfs_group) < 0 ||
			    !iks_crypto_kex_supported(o.pfs_group)) {
				fprintf(stderr, "ikescope probe: --pfs: unknown group '%s'\n", optarg);
				return IKS_EXIT_USAGE;
			}
			break;
		case 'l':
			o.local_ts = optarg;
			break;
		case 'r':
			o.remote_ts = optarg;
			break;
		case 'j':
			json = true;
			break;
		case 'w':
			write_path = optarg;
			break;
		case 'p':
			o.port = (uint16_t)iks_cli_parse_port(optarg);
			if (!o.port) {
				fprintf(stderr, "ikescope probe: bad --port '%s'\n", optarg);
				return IKS_EXIT_USAGE;
			}
			break;
		case 'L':
			o.local_addr = optarg;
			break;
		case 't':
		case 'm':
			v = parse_num(optarg, &ok);
			if (!ok || v <= 0 || v > 3600) {
				fprintf(stderr, "ikescope probe: bad --%s '%s' (seconds)\n",
					c == 't' ? "timeout" : "max-time", optarg);
				return IKS_EXIT_USAGE;
			}
			if (c == 't')
				o.timeout_ms = (unsigned)(v * 1000 + 0.5);
			else
				o.max_time_ms = (unsigned)(v * 1000 + 0.5);
			break;
		case 'n':
		case 'q':
		case 'F':
			v = parse_num(optarg, &ok);
			if (!ok || v != (unsigned)v || v > 1000 || (c != 'n' && v < 1)) {
				fprintf(stderr, "ikescope probe: bad number '%s'\n", optarg);
				return IKS_EXIT_USAGE;
			}
			if (c == 'n') {
				o.retries = (unsigned)v;
				o.retries_set = true;
			} else if (c == 'q') {
				o.rate = (unsigned)v;
			} else {
				o.inflight = (unsigned)v;
			}
			break;
		case 'E':
			fail_on_error = true;
			break;
		case 'H':
			v = parse_num(optarg, &ok);
			if (!ok || v != (unsigned)v || v > 1000) {
				fprintf(stderr, "ikescope probe: bad --half-open '%s'\n", optarg);
				return IKS_EXIT_USAGE;
			}
			o.half_open = (unsigned)v;
			o.half_open_set = true;
			break;
		case 'W':
			v = parse_num(optarg, &ok);
			if (!ok || v <= 0 || v > 3600) {
				fprintf(stderr, "ikescope probe: bad --half-open-wait '%s'\n", optarg);
				return IKS_EXIT_USAGE;
			}
			o.half_open_wait_ms = (unsigned)(v * 1000 + 0.5);
			break;
		case 'h':
			probe_usage(stdout);
			return IKS_EXIT_OK;
		default:
			return iks_cli_option_error("probe", c, argv);
		}
	}
	if (optind >= argc)
		return iks_cli_missing_operand("probe", "host");
	if (optind + 1 != argc) {
		fprintf(stderr, "ikescope probe: one host at a time, not '%s' too (see ikescope probe --help)\n",
			argv[optind + 1]);
		return IKS_EXIT_USAGE;
	}
	o.host = argv[optind];
	if (o.aggressive && !o.id) {
		fprintf(stderr, "ikescope probe: --aggressive needs --id (sent in message 1)\n");
		return IKS_EXIT_USAGE;
	}
	if (o.preset && strcmp(o.preset, "modern") && strcmp(o.preset, "legacy") &&
	    strcmp(o.preset, "all")) {
		fprintf(stderr, "ikescope probe: unknown --preset '%s' (modern, legacy, all)\n",
			o.preset);
		return IKS_EXIT_USAGE;
	}
	rc = iks_probe_new(&p, &o, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, "ikescope probe: %s\n", err);
		iks_crypto_wipe(psk, sizeof psk);
		return IKS_EXIT_USAGE;
	}
	rc = have_psk ? iks_probe_negotiate(p, err, sizeof err) :
			iks_probe_discover(p, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, "ikescope probe: %s\n", err);
		status = IKS_EXIT_USAGE;
	} else if (have_psk) {
		const struct iks_tracker *t = iks_probe_tracker(p);
		const struct iks_probe_outcome *out = iks_probe_outcome(p);
		const char *code = result_code(p, t);

		for (size_t i = 0; t && i < iks_track_count(t); i++) {
			const struct iks_nego *n = iks_track_get(t, i);
			struct iks_findings fs;

			if (!iks_probe_nego_is_main(p, n))
				continue;
			iks_probe_diagnose(p, n, &fs);
			if (json) {
				json_t *j = iks_report_nego_json(n, &fs);

				json_dumpf(j, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER |
							      JSON_REAL_PRECISION(16));
				fputc('\n', stdout);
				json_decref(j);
			} else {
				iks_report_nego_text(stdout, n, &fs,
						     isatty(STDOUT_FILENO) && !getenv("NO_COLOR") ?
						     IKS_REPORT_COLOR : 0);
			}
		}
		if (json) {
			json_t *j = json_pack("{s:s,s:s,s:i,s:s,s:b,s:b,s:b,s:b,s:b,s:s,s:s,s:s}",
					      "type", "probe", "target", o.host, "ike_version",
					      o.version == 1 ? 1 : 2, "result", code, "answered",
					      out->answered, "ike_established", out->ike_established,
					      "child_established", out->child_established,
					      "deleted", out->deleted, "floated", out->floated,
					      "chosen_ike", out->chosen_ike, "chosen_esp",
					      out->chosen_esp, "note", out->note);

			if (out->pfs_tested)
				json_object_set_new(j, "pfs_established",
						    json_boolean(out->pfs_established));
			if (out->dh_wanted) {
				char g[32];

				if (iks_keyword_dh(out->dh_wanted, g, sizeof g) < 0)
					snprintf(g, sizeof g, "%u", out->dh_wanted);
				json_object_set_new(j, "dh_wanted", json_string(g));
			}
			json_dumpf(j, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
			fputc('\n', stdout);
			json_decref(j);
		} else {
			printf("probe %s: %s — %s%s\n", o.host, code, out->note,
			       out->deleted ? " (deleted again)" : "");
		}
		if (fail_on_error && strcmp(code, "established"))
			status = IKS_EXIT_FAILED_NEGOTIATION;
	} else {
		bool any = false;

		for (size_t i = 0; i < iks_probe_discovery_count(p); i++) {
			const struct iks_probe_discovery *d = iks_probe_discovery_get(p, i);

			print_discovery(d, o.host, json);
			any |= d->n_combos > 0;
		}
		if (fail_on_error && !any)
			status = IKS_EXIT_FAILED_NEGOTIATION;
	}
	if (write_path && write_capture(p, write_path) < 0)
		status = IKS_EXIT_USAGE;
	iks_probe_free(p);
	iks_crypto_wipe(psk, sizeof psk);
	return status;
}
