/*
 * net.c - the probe's UDP engine: sockets to the one target (ports 500 and
 * 4500, IPv4 or IPv6), requests with retransmission and exponential
 * backoff, a bound on exchanges in flight, a rate limit on new requests,
 * the overall deadline, and the record of every datagram sent and
 * received (for track and for the pcap).
 */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ikescope/consts.h"
#include "probe/probe_int.h"


double probe_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

double probe_now(const struct iks_probe *p)
{
	return p->base_real + (probe_mono() - p->base_mono);
}

static void addr_from_sa(const struct sockaddr_storage *ss, struct iks_addr *a,
			 uint16_t *port)
{
	memset(a, 0, sizeof *a);
	if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *s4 = (const struct sockaddr_in *)ss;

		a->family = 4;
		memcpy(a->a, &s4->sin_addr, 4);
		*port = ntohs(s4->sin_port);
	} else {
		const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)ss;

		a->family = 6;
		memcpy(a->a, &s6->sin6_addr, 16);
		*port = ntohs(s6->sin6_port);
	}
}

static void set_port(struct sockaddr_storage *ss, uint16_t port)
{
	if (ss->ss_family == AF_INET)
		((struct sockaddr_in *)ss)->sin_port = htons(port);
	else
		((struct sockaddr_in6 *)ss)->sin6_port = htons(port);
}

/* A socket bound to lport (0: ephemeral) and connected to the target's
 * rport; -errno on failure. */
static int open_sock(struct iks_probe *p, uint16_t lport, uint16_t rport, uint16_t *bound)
{
	struct sockaddr_storage local, peer = p->peer;
	socklen_t llen = p->peer_len;
	struct iks_addr a;
	int fd, err;

	memset(&local, 0, sizeof local);
	local.ss_family = (sa_family_t)p->family;
	if (p->o.local_addr) {
		struct addrinfo hints = { 0 }, *res = NULL;

		hints.ai_family = p->family;
		hints.ai_socktype = SOCK_DGRAM;
		hints.ai_flags = AI_NUMERICHOST;
		if (getaddrinfo(p->o.local_addr, NULL, &hints, &res) || !res)
			return -EINVAL;
		memcpy(&local, res->ai_addr, res->ai_addrlen);
		freeaddrinfo(res);
	}
	set_port(&local, lport);
	fd = socket(p->family, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&local, p->peer_len) < 0) {
		err = errno;
		close(fd);
		return -err;
	}
	set_port(&peer, rport);
	if (connect(fd, (struct sockaddr *)&peer, p->peer_len) < 0) {
		err = errno;
		close(fd);
		return -err;
	}
	if (getsockname(fd, (struct sockaddr *)&local, &llen) < 0) {
		err = errno;
		close(fd);
		return -err;
	}
	addr_from_sa(&local, &a, bound);
	p->laddr = a;
	return fd;
}

int probe_net_open(struct iks_probe *p, char *errbuf, size_t errlen)
{
	struct addrinfo hints = { 0 }, *res = NULL;
	int rc, fd;

	hints.ai_socktype = SOCK_DGRAM;
	rc = getaddrinfo(p->o.host, NULL, &hints, &res);
	if (rc || !res) {
		iks_errf(errbuf, errlen, "cannot resolve '%s': %s", p->o.host,
			 rc ? gai_strerror(rc) : "no address");
		return IKS_ERR_USAGE;
	}
	memcpy(&p->peer, res->ai_addr, res->ai_addrlen);
	p->peer_len = res->ai_addrlen;
	p->family = res->ai_family;
	freeaddrinfo(res);
	addr_from_sa(&p->peer, &p->raddr, &p->rport);
	p->rport = p->o.port ? p->o.port : IKS_PORT_IKE;
	if (p->o.local_port) {
		fd = open_sock(p, p->o.local_port, p->rport, &p->lport500);
	} else {
		fd = open_sock(p, IKS_PORT_IKE, p->rport, &p->lport500);
		if (fd == -EADDRINUSE || fd == -EACCES)
			fd = open_sock(p, 0, p->rport, &p->lport500);
	}
	if (fd < 0) {
		iks_errf(errbuf, errlen, "cannot open a UDP socket to %s: %s", p->o.host,
			 strerror(-fd));
		return IKS_ERR_IO;
	}
	p->fd500 = fd;
	return IKS_OK;
}

int probe_net_open4500(struct iks_probe *p)
{
	int fd;

	if (p->fd4500 >= 0)
		return IKS_OK;
	fd = open_sock(p, p->lport500 == IKS_PORT_IKE ? IKS_PORT_NATT : 0, IKS_PORT_NATT,
		       &p->lport4500);
	if (fd == -EADDRINUSE || fd == -EACCES)
		fd = open_sock(p, 0, IKS_PORT_NATT, &p->lport4500);
	if (fd < 0)
		return IKS_ERR_IO;
	p->fd4500 = fd;
	return IKS_OK;
}

void probe_net_close(struct iks_probe *p)
{
	if (p->fd500 >= 0)
		close(p->fd500);
	if (p->fd4500 >= 0)
		close(p->fd4500);
	p->fd500 = p->fd4500 = -1;
}

/* Enough for any run; a peer flooding us cannot grow the record beyond. */
#define MAX_RECORDS 20000

static int record(struct iks_probe *p, bool sent, bool natt, const uint8_t *data,
		  size_t len)
{
	struct rec *r;

	if (p->n_recs >= MAX_RECORDS)
		return IKS_ERR_TOO_MANY;
	if (p->n_recs == p->cap_recs) {
		size_t cap = p->cap_recs ? p->cap_recs * 2 : 64;
		struct rec *n = realloc(p->recs, cap * sizeof *n);

		if (!n)
			return IKS_ERR_NOMEM;
		p->recs = n;
		p->cap_recs = cap;
	}
	r = &p->recs[p->n_recs];
	r->data = malloc(len ? len : 1);
	if (!r->data)
		return IKS_ERR_NOMEM;
	{
		struct iks_cur c = iks_cur_make(data, len);

		iks_cur_copy(&c, r->data, len);
	}
	r->len = len;
	r->t = probe_now(p);
	r->sent = sent;
	r->natt = natt;
	r->lport = natt ? p->lport4500 : p->lport500;
	r->rport = natt ? IKS_PORT_NATT : p->rport;
	p->n_recs++;
	return IKS_OK;
}

/* Datagrams are kept only when they belong to an SA this probe started:
 * a gateway still retransmitting to an earlier run on the same port is
 * not part of this one. */
static bool own_spi(const struct iks_probe *p, const uint8_t spi[8])
{
	for (size_t i = p->n_spis; i-- > 0;)
		if (!memcmp(p->spis[i], spi, 8))
			return true;
	return false;
}

static void note_spi(struct iks_probe *p, const uint8_t *msg, size_t len)
{
	if (len < 8 || own_spi(p, msg))
		return;
	if (p->n_spis == p->cap_spis) {
		size_t cap = p->cap_spis ? 2 * p->cap_spis : 64;
		uint8_t (*n)[8] = realloc(p->spis, cap * sizeof *n);

		if (!n)
			return;
		p->spis = n;
		p->cap_spis = cap;
	}
	memcpy(p->spis[p->n_spis++], msg, 8);
}

static int send_raw(struct iks_probe *p, const uint8_t *msg, size_t len, bool natt)
{
	uint8_t buf[8192 + 4];
	int fd = natt ? p->fd4500 : p->fd500;
	size_t n = 0;

	if (fd < 0 || len > 8192)
		return IKS_ERR_IO;
	if (natt) {
		memset(buf, 0, 4); /* RFC 3948 2.2 non-ESP marker */
		n = 4;
	}
	memcpy(buf + n, msg, len);
	n += len;
	note_spi(p, msg, len);
	/* an ICMP error for an earlier datagram is reported by the next
	 * send() instead of sending: collect it first, so every send goes
	 * out (and the record holds only what went out) */
	{
		int e = 0;
		socklen_t el = sizeof e;

		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &el) == 0 && e == ECONNREFUSED)
			p->refused++;
	}
	if (send(fd, buf, n, 0) != (ssize_t)n)
		return IKS_ERR_IO;
	return record(p, true, natt, msg, len);
}

int probe_send_once(struct iks_probe *p, const uint8_t *msg, size_t len, bool natt)
{
	return send_raw(p, msg, len, natt);
}

/* Read what is waiting on one socket; returns the message (without the
 * marker) in buf, 0 when nothing usable. */
static size_t recv_one(struct iks_probe *p, int fd, bool natt, uint8_t *buf, size_t cap)
{
	uint8_t raw[65536];
	ssize_t n = recv(fd, raw, sizeof raw, 0);
	struct iks_cur c;
	uint32_t marker;
	size_t len;

	if (n < 0 && errno == ECONNREFUSED)
		p->refused++; /* ICMP port unreachable: nothing listens there */
	if (n <= 0)
		return 0;
	c = iks_cur_make(raw, (size_t)n);
	/* RFC 3948 2.2: on 4500 IKE follows a zero marker; anything else is
	 * ESP (or a keepalive) */
	if (natt && (!iks_cur_be32(&c, &marker) || marker != 0))
		return 0;
	len = iks_cur_left(&c);
	if (len < IKS_IKE_HDR_LEN || len > cap || !iks_cur_copy(&c, buf, len) ||
	    !own_spi(p, buf))
		return 0;
	record(p, false, natt, buf, len);
	return len;
}

/* Is message m (a datagram from the target) the answer to x? */
static bool matches(const struct xchg *x, const uint8_t *m, size_t len)
{
	struct iks_cur c = iks_cur_make(m, len);
	uint8_t spi_i[8], ver, exch, flags;
	uint32_t msgid;

	if (!iks_cur_copy(&c, spi_i, 8) || memcmp(spi_i, x->spi_i, 8) || !iks_cur_skip(&c, 9) ||
	    !iks_cur_u8(&c, &ver) || !iks_cur_u8(&c, &exch) || !iks_cur_u8(&c, &flags) ||
	    !iks_cur_be32(&c, &msgid))
		return false;
	if (x->version == 2)
		return (flags & IKS_V2_FLAG_R) && msgid == x->msgid && (ver >> 4) == 2;
	if ((ver >> 4) != 1)
		return false;
	return x->want_any || msgid == x->msgid || exch == IKS_V1_EX_INFO;
}

static double wait_of(const struct iks_probe *p, unsigned sends)
{
	double w = p->o.timeout_ms / 1000.0;

	for (unsigned i = 1; i < sends; i++)
		w *= 2;
	return w;
}

static void deliver(struct iks_probe *p, struct xchg **x, size_t n, const uint8_t *m,
		    size_t len)
{
	for (size_t i = 0; i < n; i++) {
		if (!x[i]->started || x[i]->done || !matches(x[i], m, len))
			continue;
		struct iks_cur c = iks_cur_make(m, len);

		if (!iks_cur_copy(&c, x[i]->resp, len) || len > sizeof x[i]->resp)
			continue;
		x[i]->resp_len = len;
		x[i]->answered = x[i]->done = true;
		return;
	}
	(void)p;
}

int probe_transact(struct iks_probe *p, struct xchg **x, size_t n)
{
	uint8_t buf[65536];

	for (size_t i = 0; i < n; i++) {
		x[i]->started = x[i]->done = x[i]->answered = false;
		x[i]->sends = 0;
		x[i]->resp_len = 0;
	}
	for (;;) {
		double now = probe_now(p), next = now + 1.0;
		size_t active = 0, left = 0;
		struct pollfd pf[2];
		int npf = 0, timeout;

		if (now >= p->deadline) {
			p->cut = true;
			for (size_t i = 0; i < n; i++)
				x[i]->done = true;
			return IKS_OK;
		}
		for (size_t i = 0; i < n; i++) {
			if (x[i]->done)
				continue;
			left++;
			if (!x[i]->started)
				continue;
			active++;
			if (now >= x[i]->next_at) {
				if (x[i]->sends > p->o.retries) {
					x[i]->done = true; /* given up */
					left--;
					active--;
					continue;
				}
				send_raw(p, x[i]->req, x[i]->req_len, x[i]->natt);
				x[i]->sends++;
				x[i]->next_at = now + wait_of(p, x[i]->sends);
			}
			if (x[i]->next_at < next)
				next = x[i]->next_at;
		}
		if (!left)
			return IKS_OK;
		/* start new requests: bounded in flight, rate-limited */
		for (size_t i = 0; i < n && active < p->o.inflight; i++) {
			if (x[i]->started || x[i]->done)
				continue;
			if (now - p->last_start < 1.0 / p->o.rate) {
				double at = p->last_start + 1.0 / p->o.rate;

				if (at < next)
					next = at;
				break;
			}
			if (x[i]->natt && probe_net_open4500(p) < 0) {
				x[i]->done = true;
				continue;
			}
			x[i]->started = true;
			x[i]->sends = 1;
			x[i]->next_at = now + wait_of(p, 1);
			p->last_start = now;
			send_raw(p, x[i]->req, x[i]->req_len, x[i]->natt);
			active++;
			if (x[i]->next_at < next)
				next = x[i]->next_at;
		}
		if (next > p->deadline)
			next = p->deadline;
		pf[npf++] = (struct pollfd){ .fd = p->fd500, .events = POLLIN };
		if (p->fd4500 >= 0)
			pf[npf++] = (struct pollfd){ .fd = p->fd4500, .events = POLLIN };
		timeout = (int)((next - probe_now(p)) * 1000.0) + 1;
		if (timeout < 0)
			timeout = 0;
		if (timeout > 1000)
			timeout = 1000;
		if (poll(pf, (nfds_t)npf, timeout) <= 0)
			continue;
		for (int f = 0; f < npf; f++) {
			size_t len;

			if (!(pf[f].revents & POLLIN))
				continue;
			/* drain, bounded */
			for (int k = 0; k < 64; k++) {
				len = recv_one(p, pf[f].fd, pf[f].fd == p->fd4500, buf, sizeof buf);
				if (!len)
					break;
				deliver(p, x, n, buf, len);
			}
		}
	}
}

void probe_linger(struct iks_probe *p, unsigned ms)
{
	double end = probe_now(p) + ms / 1000.0;
	uint8_t buf[65536];

	if (end > p->deadline)
		end = p->deadline;
	for (;;) {
		struct pollfd pf[2];
		int npf = 0, timeout = (int)((end - probe_now(p)) * 1000.0);

		if (timeout <= 0)
			return;
		pf[npf++] = (struct pollfd){ .fd = p->fd500, .events = POLLIN };
		if (p->fd4500 >= 0)
			pf[npf++] = (struct pollfd){ .fd = p->fd4500, .events = POLLIN };
		if (poll(pf, (nfds_t)npf, timeout) <= 0)
			continue;
		for (int f = 0; f < npf; f++)
			if (pf[f].revents & POLLIN)
				for (int k = 0; k < 64; k++)
					if (!recv_one(p, pf[f].fd, pf[f].fd == p->fd4500, buf,
						      sizeof buf))
						break;
	}
}

void probe_pace_opened(struct iks_probe *p)
{
	if (p->n_opened == sizeof p->opened / sizeof p->opened[0]) {
		memmove(p->opened, p->opened + 1, (p->n_opened - 1) * sizeof p->opened[0]);
		p->n_opened--;
	}
	p->opened[p->n_opened++] = probe_now(p);
}

void probe_pace_stall(struct iks_probe *p)
{
	p->pause_until = probe_now(p) + p->o.half_open_wait_ms / 1000.0;
}

unsigned probe_pace(struct iks_probe *p, unsigned want)
{
	for (;;) {
		double now = probe_now(p), w = p->o.half_open_wait_ms / 1000.0, until = 0;
		unsigned live = 0;

		if (now >= p->deadline)
			return want;
		if (p->pause_until > now) {
			until = p->pause_until;
		} else if (p->o.half_open) {
			for (unsigned i = 0; i < p->n_opened; i++)
				if (p->opened[i] + w > now)
					live++;
			if (live < p->o.half_open)
				return want < p->o.half_open - live ? want : p->o.half_open - live;
			/* the oldest live one expires first */
			for (unsigned i = 0; i < p->n_opened; i++)
				if (p->opened[i] + w > now) {
					until = p->opened[i] + w;
					break;
				}
		} else {
			return want;
		}
		probe_linger(p, (unsigned)((until - now) * 1000.0) + 1);
	}
}
