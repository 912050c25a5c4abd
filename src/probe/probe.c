/*
 * probe.c - the probe object: options and their defaults, the run
 * (discovery or negotiation), and what is done with the recorded
 * datagrams afterwards: track + the key table (the same path as a
 * capture), and a pcap writer.
 */
#include <stdlib.h>
#include <string.h>

#include <stdio.h>
#include <time.h>

#include "ikescope/consts.h"
#include "ikescope/diagnose.h"
#include "ikescope/names.h"
#include "probe/probe_int.h"

int iks_probe_new(struct iks_probe **out, const struct iks_probe_opts *opts, char *errbuf,
		  size_t errlen)
{
	struct iks_probe *p;
	int rc;

	*out = NULL;
	if (!opts->host) {
		iks_errf(errbuf, errlen, "no target host");
		return IKS_ERR_USAGE;
	}
	p = calloc(1, sizeof *p);
	if (!p)
		return IKS_ERR_NOMEM;
	p->o = *opts;
	if (!p->o.timeout_ms)
		p->o.timeout_ms = IKS_PROBE_TIMEOUT_MS;
	if (!p->o.retries_set && !p->o.retries)
		p->o.retries = IKS_PROBE_RETRIES;
	if (!p->o.max_time_ms)
		p->o.max_time_ms = IKS_PROBE_MAX_TIME_MS;
	if (!p->o.rate)
		p->o.rate = IKS_PROBE_RATE;
	if (!p->o.inflight)
		p->o.inflight = IKS_PROBE_INFLIGHT;
	if (p->o.inflight > 32)
		p->o.inflight = 32; /* a probe, not a flood */
	if (!p->o.half_open_set && !p->o.half_open)
		p->o.half_open = IKS_PROBE_HALF_OPEN;
	if (!p->o.half_open_wait_ms)
		p->o.half_open_wait_ms = IKS_PROBE_HALF_OPEN_WAIT_MS;
	p->fd500 = p->fd4500 = -1;
	{
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		p->base_real = (double)ts.tv_sec + ts.tv_nsec / 1e9;
		p->base_mono = probe_mono();
	}
	iks_keytab_init(&p->keys);
	rc = probe_net_open(p, errbuf, errlen);
	if (rc < 0) {
		iks_probe_free(p);
		return rc;
	}
	*out = p;
	return IKS_OK;
}

void iks_probe_free(struct iks_probe *p)
{
	if (!p)
		return;
	probe_net_close(p);
	for (size_t i = 0; i < p->n_recs; i++)
		free(p->recs[i].data);
	free(p->recs);
	free(p->spis);
	iks_keytab_free(&p->keys);
	if (p->tracker)
		iks_track_free(p->tracker);
	free(p);
}

/* One run per probe object: its records and keys are that run's. */
static int start_run(struct iks_probe *p, char *errbuf, size_t errlen)
{
	if (p->ran) {
		iks_errf(errbuf, errlen, "a probe object runs once");
		return IKS_ERR_USAGE;
	}
	p->ran = true;
	return IKS_OK;
}

static void start_clock(struct iks_probe *p)
{
	p->t0 = probe_now(p);
	p->deadline = p->t0 + p->o.max_time_ms / 1000.0;
}

int iks_probe_discover(struct iks_probe *p, char *errbuf, size_t errlen)
{
	int rc = start_run(p, errbuf, errlen);

	if (rc < 0)
		return rc;
	start_clock(p);
	if (p->o.version != 1)
		rc = probe_discover_v2(p);
	/* IKEv1 too, even after a silent IKEv2 sweep: an IKEv1-only
	 * gateway may drop IKEv2 without a word */
	if (rc == IKS_OK && p->o.version != 2 && !p->cut)
		rc = probe_discover_v1(p, p->o.aggressive);
	if (rc < 0)
		iks_errf(errbuf, errlen, "discovery failed: %s", iks_strerror(rc));
	return rc;
}

int iks_probe_negotiate(struct iks_probe *p, char *errbuf, size_t errlen)
{
	int rc = start_run(p, errbuf, errlen);

	if (rc < 0)
		return rc;
	start_clock(p);
	if (p->o.version == 1)
		return probe_negotiate_v1(p, errbuf, errlen);
	return probe_negotiate_v2(p, errbuf, errlen);
}

size_t iks_probe_discovery_count(const struct iks_probe *p)
{
	return p->n_disc;
}

const struct iks_probe_discovery *iks_probe_discovery_get(const struct iks_probe *p,
							  size_t i)
{
	return i < p->n_disc ? &p->disc[i] : NULL;
}

const struct iks_probe_outcome *iks_probe_outcome(const struct iks_probe *p)
{
	return &p->out;
}

const struct iks_keytab *iks_probe_keys(const struct iks_probe *p)
{
	return &p->keys;
}

size_t iks_probe_datagrams(const struct iks_probe *p)
{
	return p->n_recs;
}

static void rec_datagram(const struct iks_probe *p, size_t i, struct iks_datagram *dg)
{
	const struct rec *r = &p->recs[i];

	memset(dg, 0, sizeof *dg);
	dg->kind = IKS_DG_IKE;
	dg->frame = i + 1;
	dg->ts_sec = (int64_t)r->t;
	dg->ts_nsec = (uint32_t)((r->t - (double)dg->ts_sec) * 1e9);
	dg->src = r->sent ? p->laddr : p->raddr;
	dg->dst = r->sent ? p->raddr : p->laddr;
	dg->sport = r->sent ? r->lport : r->rport;
	dg->dport = r->sent ? r->rport : r->lport;
	dg->transport = IKS_TR_UDP;
	dg->non_esp_marker = r->natt;
	dg->data = r->data;
	dg->len = r->len;
	dg->wire_len = r->len;
}

const struct iks_tracker *iks_probe_tracker(struct iks_probe *p)
{
	struct iks_track_opts to = { 0 };

	if (p->tracked)
		return p->tracker;
	to.keys = &p->keys;
	to.psk = p->o.psk;
	to.psk_len = p->o.psk_len;
	if (iks_track_new(&p->tracker, &to) != IKS_OK)
		return NULL;
	for (size_t i = 0; i < p->n_recs; i++) {
		struct iks_datagram dg;

		rec_datagram(p, i, &dg);
		iks_track_datagram(p->tracker, &dg);
	}
	iks_track_finish(p->tracker);
	p->tracked = true;
	return p->tracker;
}

/* ------------------------------------------------------------- pcap */

static void put16(uint8_t *b, uint16_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

static uint32_t sum16(const uint8_t *b, size_t n, uint32_t s)
{
	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)b[i] << 8 | b[i + 1];
	if (n & 1)
		s += (uint32_t)b[n - 1] << 8;
	return s;
}

static uint16_t fold(uint32_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static int put_le32(FILE *f, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };

	return fwrite(b, 1, 4, f) == 4 ? 0 : -1;
}

int iks_probe_write_pcap(const struct iks_probe *p, FILE *out, char *errbuf, size_t errlen)
{
	uint8_t *pkt = malloc(65600);
	int bad = pkt == NULL;

	/* pcap header: magic, 2.4, zone, sigfigs, snaplen, LINKTYPE_RAW */
	bad |= put_le32(out, 0xa1b2c3d4);
	bad |= fwrite("\x02\x00\x04\x00", 1, 4, out) != 4;
	bad |= put_le32(out, 0);
	bad |= put_le32(out, 0);
	bad |= put_le32(out, 65535);
	bad |= put_le32(out, 101);
	for (size_t i = 0; i < p->n_recs && !bad; i++) {
		struct iks_datagram dg;
		size_t ip = 0, udp_len, total, alen;
		uint32_t s = 0;
		uint8_t *u;

		rec_datagram(p, i, &dg);
		alen = dg.src.family == 6 ? 16 : 4;
		udp_len = 8 + (dg.non_esp_marker ? 4 : 0) + dg.len;
		if (udp_len + 40 > 65600)
			continue;
		if (dg.src.family == 6) {
			memset(pkt, 0, 40);
			pkt[0] = 0x60;
			put16(pkt + 4, (uint16_t)udp_len);
			pkt[6] = 17;
			pkt[7] = 64;
			memcpy(pkt + 8, dg.src.a, 16);
			memcpy(pkt + 24, dg.dst.a, 16);
			ip = 40;
		} else {
			memset(pkt, 0, 20);
			pkt[0] = 0x45;
			put16(pkt + 2, (uint16_t)(20 + udp_len));
			put16(pkt + 4, (uint16_t)(i + 1));
			pkt[8] = 64;
			pkt[9] = 17;
			memcpy(pkt + 12, dg.src.a, 4);
			memcpy(pkt + 16, dg.dst.a, 4);
			put16(pkt + 10, fold(sum16(pkt, 20, 0)));
			ip = 20;
		}
		u = pkt + ip;
		put16(u, dg.sport);
		put16(u + 2, dg.dport);
		put16(u + 4, (uint16_t)udp_len);
		put16(u + 6, 0);
		{
			/* the marker and the message, through the writer */
			struct iks_wr w = iks_wr_make(u + 8, 65600 - ip - 8);

			if (dg.non_esp_marker)
				iks_wr_be32(&w, 0);
			iks_wr_bytes(&w, dg.data, dg.len);
			if (w.overflow)
				continue;
		}
		/* UDP checksum over the pseudo header (mandatory for IPv6) */
		s = sum16(dg.src.a, alen, 0);
		s = sum16(dg.dst.a, alen, s);
		s += 17 + (uint32_t)udp_len;
		s = sum16(u, udp_len, s);
		{
			uint16_t c = fold(s);

			put16(u + 6, c ? c : 0xffff);
		}
		total = ip + udp_len;
		bad |= put_le32(out, (uint32_t)dg.ts_sec);
		bad |= put_le32(out, dg.ts_nsec / 1000);
		bad |= put_le32(out, (uint32_t)total);
		bad |= put_le32(out, (uint32_t)total);
		bad |= fwrite(pkt, 1, total, out) != total;
	}
	free(pkt);
	if (bad || fflush(out)) {
		iks_errf(errbuf, errlen, "cannot write the capture");
		return IKS_ERR_IO;
	}
	return IKS_OK;
}

bool iks_probe_nego_is_main(const struct iks_probe *p, const struct iks_nego *n)
{
	for (unsigned i = 0; i < p->n_aux; i++)
		if (!memcmp(n->spi_i, p->aux_spi[i], 8) || !memcmp(n->first_spi_i, p->aux_spi[i], 8))
			return false;
	return true;
}

void iks_probe_diagnose(const struct iks_probe *p, const struct iks_nego *n,
			struct iks_findings *out)
{
	char g[32];

	iks_diagnose(n, out);
	if (!iks_probe_nego_is_main(p, n))
		return;
	/* an INVALID_KE_PAYLOAD retry that the responder then accepted is a
	 * lost round trip, even when the negotiation failed later (the
	 * probe read the accepting IKE_SA_INIT answer itself) */
	if (p->out.chosen_ike[0] && n->version == 2) {
		for (unsigned i = 0; i < out->n; i++) {
			struct iks_finding *f = &out->f[i];

			if (strcmp(f->code, "dh-group-mismatch"))
				continue;
			char sent[32] = "?", want[32] = "?";

			if (n->n_msgs)
				iks_keyword_dh(n->msgs[0].ke_group, sent, sizeof sent);
			iks_keyword_dh(n->retry_group, want, sizeof want);
			f->code = "dh-group-retry";
			f->severity = IKS_SEV_INFO;
			snprintf(f->summary, sizeof f->summary,
				 "The initiator's first key exchange used %s; the responder asked "
				 "for %s with INVALID_KE_PAYLOAD and accepted the retry (the "
				 "negotiation failed later, for another reason): one round trip "
				 "lost.", sent, want);
			snprintf(f->remedy, sizeof f->remedy,
				 "Put %s first in the initiator's IKE proposals to save the round "
				 "trip.", want);
		}
	}
	if (!p->out.dh_wanted)
		return;
	if (iks_keyword_dh(p->out.dh_wanted, g, sizeof g) < 0)
		snprintf(g, sizeof g, "group %u", p->out.dh_wanted);
	for (unsigned i = 0; i < out->n; i++) {
		struct iks_finding *f = &out->f[i];

		if (strcmp(f->code, "ike-proposal-mismatch"))
			continue;
		f->code = "dh-group-mismatch";
		f->confidence = IKS_CONF_CERTAIN;
		snprintf(f->summary, sizeof f->summary,
			 "The responder refused every IKE proposal offered, but accepted the same "
			 "encryption and integrity algorithms when the probe offered them again "
			 "with every Diffie-Hellman group: it wants %s, which the offer did not "
			 "contain. The DH group is the only disagreement.", g);
		snprintf(f->remedy, sizeof f->remedy,
			 "Add %s to the initiator's IKE proposals (e.g. `...-%s`), or configure "
			 "the responder with one of the offered groups.", g, g);
	}
}
