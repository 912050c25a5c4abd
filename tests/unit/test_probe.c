/*
 * Unit tests for the probe (src/probe): strongSwan proposal syntax,
 * identities and selectors, the message builder (encode -> decode), and
 * the network engine on loopback against a fake responder in a child
 * process: a refusal read and reported, retransmission timing of a silent
 * peer, and the written pcap read back by the capture stage.  The lab test
 * (tests/probe/run) covers real strongSwan responders.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ikescope/capture.h"
#include "ikescope/consts.h"
#include "ikescope/probe.h"
#include "probe/probe_int.h"

static void test_parse_proposals(void **state)
{
	struct pp_list l;
	char err[256];

	(void)state;
	assert_int_equal(pp_parse("aes256-sha256-modp2048", false, &l, err, sizeof err), IKS_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.p[0].n_encr, 1);
	assert_int_equal(l.p[0].encr[0].id, IKS_V2_ENCR_AES_CBC);
	assert_int_equal(l.p[0].encr[0].bits, 256);
	assert_int_equal(l.p[0].integ[0], IKS_V2_INTEG_HMAC_SHA2_256_128);
	/* the prf follows the integrity algorithm, as in strongSwan */
	assert_int_equal(l.p[0].n_prf, 1);
	assert_int_equal(l.p[0].prf[0], IKS_V2_PRF_HMAC_SHA2_256);
	assert_int_equal(l.p[0].dh[0], IKS_V2_KE_MODP2048);

	assert_int_equal(pp_parse("aes128gcm16-prfsha384-ecp256-x25519, 3des-sha1-modp1024",
				  false, &l, err, sizeof err), IKS_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.p[0].encr[0].id, IKS_V2_ENCR_AES_GCM_16);
	assert_int_equal(l.p[0].encr[0].bits, 128);
	assert_int_equal(l.p[0].n_integ, 0);
	assert_int_equal(l.p[0].prf[0], IKS_V2_PRF_HMAC_SHA2_384);
	assert_int_equal(l.p[0].n_dh, 2);
	assert_int_equal(l.p[0].dh[1], 31);
	assert_int_equal(l.p[1].encr[0].id, IKS_V2_ENCR_3DES);
	assert_int_equal(l.p[1].encr[0].bits, 0);

	assert_int_equal(pp_parse("aes256gcm16-esn", true, &l, err, sizeof err), IKS_OK);
	assert_int_equal(l.p[0].n_esn, 1);
	assert_int_equal(l.p[0].esn[0], IKS_V2_ESN_YES);
	/* aliases */
	assert_int_equal(pp_parse("aes-sha-modp2048", false, &l, err, sizeof err), IKS_OK);
	assert_int_equal(l.p[0].encr[0].bits, 128);
	assert_int_equal(l.p[0].integ[0], IKS_V2_INTEG_HMAC_SHA1_96);

	assert_int_equal(pp_parse("aes256-foo-modp2048", false, &l, err, sizeof err), IKS_ERR_USAGE);
	assert_non_null(strstr(err, "foo"));
	assert_int_equal(pp_parse("aes256-sha256", false, &l, err, sizeof err), IKS_ERR_USAGE);
	assert_int_equal(pp_parse("aes256-modp2048", false, &l, err, sizeof err), IKS_ERR_USAGE);
	assert_int_equal(pp_parse("aes256-sha256-prfsha256", true, &l, err, sizeof err),
			 IKS_ERR_USAGE);
	assert_int_equal(iks_probe_check_proposals("", false, err, sizeof err), IKS_ERR_USAGE);
}

static void test_presets_and_mapping(void **state)
{
	struct pp s;
	char err[128];

	(void)state;
	assert_int_equal(pp_preset("modern", &s, err, sizeof err), IKS_OK);
	assert_true(s.n_encr >= 4 && s.n_dh >= 5);
	assert_int_equal(pp_preset("all", &s, err, sizeof err), IKS_OK);
	assert_int_equal(pp_preset("legacy", &s, err, sizeof err), IKS_OK);
	assert_int_equal(pp_preset("nope", &s, err, sizeof err), IKS_ERR_USAGE);
	assert_int_equal(pp_v1_encr(IKS_V2_ENCR_AES_CBC), IKS_V1_ENCR_AES_CBC);
	assert_int_equal(pp_v2_encr_of_v1(IKS_V1_ENCR_3DES_CBC), IKS_V2_ENCR_3DES);
	assert_int_equal(pp_v1_hash(IKS_V2_INTEG_HMAC_SHA2_256_128), IKS_V1_HASH_SHA2_256);
	assert_int_equal(pp_v1_auth_alg(IKS_V2_INTEG_HMAC_SHA1_96), IKS_V1_AUTHALG_HMAC_SHA);
	assert_int_equal(pp_v1_esp(IKS_V2_ENCR_AES_GCM_16), IKS_V1_ESP_AES_GCM_16);
}

static void test_identity_and_cidr(void **state)
{
	struct iks_addr fb = { 4, { 198, 51, 100, 1 } };
	uint8_t d[64], t = 0;
	size_t l = 0;
	struct cidr c;

	(void)state;
	assert_int_equal(probe_identity(NULL, &fb, &t, d, sizeof d, &l), IKS_OK);
	assert_int_equal(t, IKS_V2_ID_IPV4_ADDR);
	assert_int_equal(l, 4);
	assert_int_equal(probe_identity("alice@lab.example", &fb, &t, d, sizeof d, &l), IKS_OK);
	assert_int_equal(t, IKS_V2_ID_RFC822_ADDR);
	assert_int_equal(probe_identity("@gw.example", &fb, &t, d, sizeof d, &l), IKS_OK);
	assert_int_equal(t, IKS_V2_ID_FQDN);
	assert_int_equal(l, 10);
	assert_int_equal(probe_identity("gw.example", &fb, &t, d, sizeof d, &l), IKS_OK);
	assert_int_equal(t, IKS_V2_ID_FQDN);
	assert_int_equal(probe_identity("2001:db8::1", &fb, &t, d, sizeof d, &l), IKS_OK);
	assert_int_equal(t, IKS_V2_ID_IPV6_ADDR);
	assert_int_equal(l, 16);
	assert_int_equal(probe_identity("@#0a0b", &fb, &t, d, sizeof d, &l), IKS_OK);
	assert_int_equal(t, IKS_V2_ID_KEY_ID);
	assert_int_equal(l, 2);

	assert_int_equal(probe_cidr("203.0.113.16/28", &fb, &c), IKS_OK);
	assert_int_equal(c.family, 4);
	assert_int_equal(c.start[3], 16);
	assert_int_equal(c.end[3], 31);
	assert_int_equal(probe_cidr("2001:db8:a::/64", &fb, &c), IKS_OK);
	assert_int_equal(c.family, 6);
	assert_int_equal(c.end[8], 0xff);
	assert_int_equal(c.end[7], 0x00);
	assert_int_equal(probe_cidr(NULL, &fb, &c), IKS_OK);
	assert_int_equal(c.prefix, 32);
	assert_int_equal(probe_cidr("203.0.113.0/33", &fb, &c), IKS_ERR_USAGE);
	assert_int_equal(probe_cidr("nonsense", &fb, &c), IKS_ERR_USAGE);
}

/* A message built with the builder decodes to what was put in. */
static void test_builder_roundtrip(void **state)
{
	uint8_t spi[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, buf[2048], nonce[32] = { 9 };
	struct bld *b = bld_new(2, spi, NULL, IKS_V2_EX_IKE_SA_INIT, IKS_V2_FLAG_I, 0);
	struct iks_payload *sa, *ke;
	struct iks_proposal *pr;
	struct iks_transform *t;
	struct rmsg *r;
	size_t len = 0;

	(void)state;
	assert_non_null(b);
	sa = bld_add(b, IKS_V2_PL_SA);
	pr = bld_proposal(b, sa, 1, IKS_V2_PROTO_IKE, NULL, 0);
	t = bld_transform(b, pr, IKS_V2_XFT_ENCR, IKS_V2_ENCR_AES_CBC);
	bld_attr_tv(b, t, IKS_V2_ATTR_KEY_LENGTH, 256);
	bld_transform(b, pr, IKS_V2_XFT_PRF, IKS_V2_PRF_HMAC_SHA2_256);
	bld_transform(b, pr, IKS_V2_XFT_INTEG, IKS_V2_INTEG_HMAC_SHA2_256_128);
	bld_transform(b, pr, IKS_V2_XFT_KE, IKS_V2_KE_ECP256);
	ke = bld_add(b, IKS_V2_PL_KE);
	ke->u.ke.group = IKS_V2_KE_ECP256;
	ke->u.ke.data.ptr = bld_keep(b, nonce, 32);
	ke->u.ke.data.len = 32;
	bld_bytes(b, IKS_V2_PL_NONCE, nonce, sizeof nonce);
	bld_notify(b, IKS_V2_N_NAT_DETECTION_SOURCE_IP, 0, NULL, 0, nonce, 20);
	assert_int_equal(bld_encode(b, buf, sizeof buf, &len), IKS_OK);
	bld_free(b);
	r = rmsg_decode(buf, len);
	assert_non_null(r);
	assert_int_equal(r->m.malformed, IKS_OK);
	assert_int_equal(r->m.n_payloads, 4);
	assert_int_equal(r->m.payloads[0].type, IKS_V2_PL_SA);
	assert_int_equal(r->m.n_transforms, 4);
	assert_int_equal(r->m.transforms[0].key_length, 256);
	assert_int_equal(r->m.payloads[1].u.ke.group, IKS_V2_KE_ECP256);
	assert_int_equal(r->m.payloads[3].u.notify.type, IKS_V2_N_NAT_DETECTION_SOURCE_IP);
	assert_int_equal(rmsg_notify(&r->m, IKS_V2_N_NAT_DETECTION_SOURCE_IP, -1), 3);
	free(r);
}

/* ------------------------------------------------ loopback responder */

/* A child that answers every IKEv2 request with N(NO_PROPOSAL_CHOSEN)
 * (answer = true) or reads and ignores them, until idle for 3 s. */
static pid_t fake_responder(bool answer, uint16_t *port)
{
	struct sockaddr_in a = { 0 };
	socklen_t al = sizeof a;
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	pid_t pid;

	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &al), 0);
	*port = ntohs(a.sin_port);
	pid = fork();
	assert_true(pid >= 0);
	if (pid) {
		close(fd);
		return pid;
	}
	for (;;) {
		struct pollfd pf = { fd, POLLIN, 0 };
		uint8_t m[4096], out[64];
		struct sockaddr_storage from;
		socklen_t fl = sizeof from;
		ssize_t n;

		if (poll(&pf, 1, 3000) <= 0)
			_exit(0);
		n = recvfrom(fd, m, sizeof m, 0, (struct sockaddr *)&from, &fl);
		if (n < 28 || !answer)
			continue;
		/* RFC 7296 header: SPIi, SPIr 0, N, 2.0, IKE_SA_INIT, R */
		memset(out, 0, sizeof out);
		memcpy(out, m, 8);
		out[16] = IKS_V2_PL_N;
		out[17] = 0x20;
		out[18] = IKS_V2_EX_IKE_SA_INIT;
		out[19] = IKS_V2_FLAG_R;
		out[27] = 36;
		out[30] = 0;
		out[31] = 8;
		out[34] = 0;
		out[35] = IKS_V2_N_NO_PROPOSAL_CHOSEN;
		sendto(fd, out, 36, 0, (struct sockaddr *)&from, fl);
	}
}

static void reap(pid_t pid)
{
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_engine_refusal(void **state)
{
	struct iks_probe_opts o = { 0 };
	struct iks_probe *p = NULL;
	const struct iks_probe_discovery *d;
	const struct iks_tracker *t;
	uint16_t port = 0;
	pid_t pid = fake_responder(true, &port);
	char err[256];
	FILE *f;
	struct iks_capture *cap = NULL;
	struct iks_datagram dg;
	size_t n = 0;

	(void)state;
	o.host = "127.0.0.1";
	o.port = port;
	o.local_port = 0;
	o.version = 2;
	o.ike = "aes128-sha256-modp2048";
	o.timeout_ms = 100;
	o.local_addr = "127.0.0.1";
	assert_int_equal(iks_probe_new(&p, &o, err, sizeof err), IKS_OK);
	assert_int_equal(iks_probe_discover(p, err, sizeof err), IKS_OK);
	assert_int_equal(iks_probe_discovery_count(p), 1);
	d = iks_probe_discovery_get(p, 0);
	assert_true(d->answered);
	assert_int_equal(d->n_combos, 0);
	assert_int_equal(d->refusal, IKS_V2_N_NO_PROPOSAL_CHOSEN);
	assert_int_equal(d->exchanges, 1);
	assert_int_equal(d->preferred, -1);
	/* both datagrams go through track: one failed negotiation */
	assert_int_equal(iks_probe_datagrams(p), 2);
	t = iks_probe_tracker(p);
	assert_non_null(t);
	assert_int_equal(iks_track_count(t), 1);
	assert_int_equal(iks_track_get(t, 0)->status, IKS_STATUS_FAILED);
	{
		struct iks_findings fs;

		iks_probe_diagnose(p, iks_track_get(t, 0), &fs);
		assert_true(fs.n >= 1);
		assert_string_equal(fs.f[0].code, "ike-proposal-mismatch");
	}
	/* the pcap reads back through the capture stage */
	f = tmpfile();
	assert_non_null(f);
	assert_int_equal(iks_probe_write_pcap(p, f, err, sizeof err), IKS_OK);
	rewind(f);
	{
		char path[64];

		snprintf(path, sizeof path, "/proc/self/fd/%d", fileno(f));
		assert_int_equal(iks_capture_open_file(&cap, path, NULL, err, sizeof err), 0);
		while (iks_capture_next(cap, &dg, err, sizeof err) == 1)
			if (dg.kind == IKS_DG_IKE) {
				assert_int_equal(dg.sport == port || dg.dport == port, 1);
				n++;
			}
		iks_capture_close(cap);
	}
	fclose(f);
	assert_int_equal(n, 2);
	iks_probe_free(p);
	reap(pid);
}

static void test_engine_silent(void **state)
{
	struct iks_probe_opts o = { 0 };
	struct iks_probe *p = NULL;
	const struct iks_probe_outcome *out;
	uint16_t port = 0;
	pid_t pid = fake_responder(false, &port);
	char err[256];
	double t0, el;
	uint8_t psk[] = "x";

	(void)state;
	o.host = "127.0.0.1";
	o.local_addr = "127.0.0.1";
	o.port = port;
	o.version = 2;
	o.psk = psk;
	o.psk_len = 1;
	o.timeout_ms = 50;
	o.retries = 2;
	o.retries_set = true;
	assert_int_equal(iks_probe_new(&p, &o, err, sizeof err), IKS_OK);
	t0 = now();
	assert_int_equal(iks_probe_negotiate(p, err, sizeof err), IKS_OK);
	el = now() - t0;
	out = iks_probe_outcome(p);
	assert_false(out->answered);
	assert_false(out->ike_established);
	/* sends at 0, 0.05, 0.15; given up at 0.35 s (+ 0.2 s listening) */
	assert_int_equal(iks_probe_datagrams(p), 3);
	assert_true(el >= 0.34 && el < 1.5);
	{
		const struct iks_tracker *t = iks_probe_tracker(p);
		struct iks_findings fs;

		assert_int_equal(iks_track_count(t), 1);
		iks_probe_diagnose(p, iks_track_get(t, 0), &fs);
		assert_true(fs.n >= 1);
		assert_string_equal(fs.f[0].code, "no-response");
	}
	iks_probe_free(p);
	reap(pid);
}

/* A port nobody listens on: the ICMP port unreachable is noticed, and
 * every retransmission still goes out (and is recorded). */
static void test_engine_port_unreachable(void **state)
{
	struct iks_probe_opts o = { 0 };
	struct iks_probe *p = NULL;
	const struct iks_probe_discovery *d;
	uint16_t port = 0;
	pid_t pid = fake_responder(false, &port);
	char err[256];

	(void)state;
	reap(pid); /* the port is free again: nothing listens */
	o.host = "127.0.0.1";
	o.local_addr = "127.0.0.1";
	o.port = port;
	o.version = 2;
	o.timeout_ms = 50;
	o.retries = 2;
	o.retries_set = true;
	assert_int_equal(iks_probe_new(&p, &o, err, sizeof err), IKS_OK);
	assert_int_equal(iks_probe_discover(p, err, sizeof err), IKS_OK);
	d = iks_probe_discovery_get(p, 0);
	assert_false(d->answered);
	assert_true(d->port_unreachable);
	assert_int_equal(iks_probe_datagrams(p), 3);
	iks_probe_free(p);
}

/* The hard limit stops a run whatever the schedule says. */
static void test_engine_max_time(void **state)
{
	struct iks_probe_opts o = { 0 };
	struct iks_probe *p = NULL;
	uint16_t port = 0;
	pid_t pid = fake_responder(false, &port);
	char err[256];
	double t0;

	(void)state;
	o.host = "127.0.0.1";
	o.local_addr = "127.0.0.1";
	o.port = port;
	o.timeout_ms = 1000;
	o.max_time_ms = 300;
	assert_int_equal(iks_probe_new(&p, &o, err, sizeof err), IKS_OK);
	t0 = now();
	assert_int_equal(iks_probe_discover(p, err, sizeof err), IKS_OK);
	assert_true(now() - t0 < 0.9);
	assert_false(iks_probe_discovery_get(p, 0)->complete);
	iks_probe_free(p);
	reap(pid);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_proposals),
		cmocka_unit_test(test_presets_and_mapping),
		cmocka_unit_test(test_identity_and_cidr),
		cmocka_unit_test(test_builder_roundtrip),
		cmocka_unit_test(test_engine_refusal),
		cmocka_unit_test(test_engine_silent),
		cmocka_unit_test(test_engine_port_unreachable),
		cmocka_unit_test(test_engine_max_time),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
