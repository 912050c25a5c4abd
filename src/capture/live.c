/*
 * live.c - capture from a network interface through libpcap.
 *
 * The kernel filter keeps what the parser could use, so a busy interface
 * costs little: UDP on the IKE ports, ESP, IPv4 fragments (only the first
 * one carries ports) and IPv6 packets whose upper layer may sit behind
 * extension headers, which BPF cannot follow.
 */
#include <stdio.h>
#include <string.h>

#include <pcap/pcap.h>

#include "capture/capture_int.h"

#define LIVE_SNAPLEN 262144

static void build_filter(const struct iks_capture *cap, char *buf, size_t len)
{
	size_t used;
	unsigned i;

	used = (size_t)snprintf(buf, len,
		"udp port %u or udp port %u or ip proto 50 or ip6 proto 50 or "
		"(ip and ip[6:2] & 0x3fff != 0) or "
		"(ip6 and not ip6 proto 6 and not ip6 proto 17 and "
		"not ip6 proto 58)", IKS_PORT_IKE, IKS_PORT_NATT);
	for (i = 0; i < cap->opts.n_ike_ports && used < len; i++)
		if (cap->opts.ike_ports[i])
			used += (size_t)snprintf(buf + used, len - used,
						 " or udp port %u",
						 cap->opts.ike_ports[i]);
}

/* Without a filter everything is still parsed correctly, only slower. */
static void set_filter(struct iks_capture *cap, pcap_t *p)
{
	struct bpf_program prog;
	char filter[512];

	build_filter(cap, filter, sizeof filter);
	if (pcap_compile(p, &prog, filter, 1, PCAP_NETMASK_UNKNOWN) < 0)
		return;
	pcap_setfilter(p, &prog);
	pcap_freecode(&prog);
}

static int activate(pcap_t *p, char *errbuf, size_t errlen)
{
	int rc;

	pcap_set_snaplen(p, LIVE_SNAPLEN);
	pcap_set_promisc(p, 0);
	pcap_set_timeout(p, IKS_LIVE_TICK_MS);
	pcap_set_immediate_mode(p, 1);
	/* Not every platform has nanoseconds; then next() scales. */
	pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_NANO);
	rc = pcap_activate(p);
	if (rc >= 0)
		return IKS_OK; /* positive values are warnings */
	switch (rc) {
	case PCAP_ERROR_PERM_DENIED:
		snprintf(errbuf, errlen, "permission denied (capturing needs "
			 "CAP_NET_RAW)");
		break;
	case PCAP_ERROR_NO_SUCH_DEVICE:
		snprintf(errbuf, errlen, "no such interface");
		break;
	default:
		snprintf(errbuf, errlen, "%s", rc == PCAP_ERROR ?
			 pcap_geterr(p) : pcap_statustostr(rc));
	}
	return IKS_ERR_IO;
}

int iks_capture_open_live(struct iks_capture **out, const char *ifname,
			  const struct iks_capture_opts *opts, char *errbuf,
			  size_t errlen)
{
	char perr[PCAP_ERRBUF_SIZE] = "";
	struct iks_capture *cap;
	pcap_t *p;
	int rc;

	*out = NULL;
	if (!ifname || !*ifname) {
		snprintf(errbuf, errlen, "no interface name");
		return IKS_ERR_USAGE;
	}
	cap = iks_capture_new(opts);
	if (!cap) {
		snprintf(errbuf, errlen, "out of memory");
		return IKS_ERR_NOMEM;
	}
	p = pcap_create(ifname, perr);
	if (!p) {
		snprintf(errbuf, errlen, "%s", perr);
		iks_capture_close(cap);
		return IKS_ERR_IO;
	}
	cap->pcap = p;
	rc = activate(p, errbuf, errlen);
	if (rc == IKS_OK)
		rc = iks_capture_use_pcap(cap, p, errbuf, errlen);
	if (rc < 0) {
		iks_capture_close(cap);
		return rc;
	}
	if (pcap_get_tstamp_precision(p) != PCAP_TSTAMP_PRECISION_NANO)
		cap->ts_nsec_mul = 1000;
	set_filter(cap, p);
	/* Non-blocking, with our own poll(): libpcap's Linux TPACKET_V3
	 * reader does not return at its timeout when nothing comes, and a
	 * quiet interface must still let idle state expire (idle_ticks).
	 * Where there is no descriptor to poll, stay blocking. */
	if (cap->opts.idle_ticks && pcap_get_selectable_fd(p) >= 0 &&
	    pcap_setnonblock(p, 1, perr) == 0)
		cap->live_fd = pcap_get_selectable_fd(p);
	*out = cap;
	return IKS_OK;
}

bool iks_capture_live_stats(struct iks_capture *cap, struct iks_capture_live_stats *ls)
{
	struct pcap_stat ps;

	memset(ls, 0, sizeof *ls);
	if (cap->fp || !cap->pcap || pcap_stats(cap->pcap, &ps) < 0)
		return false;
	ls->received = ps.ps_recv;
	ls->dropped = ps.ps_drop;
	ls->if_dropped = ps.ps_ifdrop;
	return true;
}

void iks_capture_break(struct iks_capture *cap)
{
	cap->stop = 1;
	if (cap->pcap)
		pcap_breakloop(cap->pcap);
}
