/*
 * link.c - the link layers in front of IP: Ethernet with 802.1Q/802.1ad
 * tags and PPPoE sessions, Linux cooked capture v1/v2, raw IP and BSD
 * loopback.
 */
#include "capture/capture_int.h"

#define ETHERTYPE_IPV4 0x0800
#define ETHERTYPE_IPV6 0x86dd
#define ETHERTYPE_VLAN 0x8100  /* IEEE 802.1Q C-tag */
#define ETHERTYPE_QINQ 0x88a8  /* IEEE 802.1ad S-tag */
#define ETHERTYPE_QINQ_OLD 0x9100 /* pre-standard S-tag, still seen */
#define ETHERTYPE_PPPOE_SESSION 0x8864

/* RFC 1661 / RFC 5072 PPP protocol numbers for IP */
#define PPP_IPV4 0x0021
#define PPP_IPV6 0x0057

/* Stacks deeper than this are not real traffic; stop rather than loop. */
#define MAX_VLAN_TAGS 8

/* BSD address families in DLT_NULL/DLT_LOOP headers: AF_INET is 2
 * everywhere, AF_INET6 is 24 (NetBSD, OpenBSD), 28 (FreeBSD, DragonFly)
 * or 30 (Darwin). */
#define BSD_AF_INET 2
#define BSD_AF_INET6_BSD 24
#define BSD_AF_INET6_FREEBSD 28
#define BSD_AF_INET6_DARWIN 30

/* The version nibble must agree with what the link layer announced. */
static int ip_version_is(const struct iks_cur *c, int want)
{
	uint8_t b;

	if (!iks_cur_peek8(c, 0, &b))
		return -1;
	return (b >> 4) == want ? want : 0;
}

/*
 * RFC 2516 section 4: version/type, code 0, session id, length, then the
 * PPP protocol field (RFC 1661 section 2).  VPN routers on DSL lines send
 * their IKE this way, and captures on their WAN side show it.
 */
static int pppoe_session(struct iks_cur *c)
{
	uint8_t vt, code;
	uint16_t len, proto;

	if (!iks_cur_u8(c, &vt) || !iks_cur_u8(c, &code) ||
	    !iks_cur_skip(c, 2) || !iks_cur_be16(c, &len) ||
	    !iks_cur_be16(c, &proto))
		return -1;
	if (vt != 0x11 || code != 0)
		return 0;
	if (proto == PPP_IPV4)
		return ip_version_is(c, 4);
	if (proto == PPP_IPV6)
		return ip_version_is(c, 6);
	return 0;
}

/* Follows an EtherType through any VLAN tags (IEEE 802.1Q-2018 9.6: a
 * tag is TPID, 2 bytes of TCI, then the next EtherType). */
static int after_ethertype(struct iks_cur *c, uint16_t type)
{
	unsigned tags = 0;

	while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ ||
	       type == ETHERTYPE_QINQ_OLD) {
		if (++tags > MAX_VLAN_TAGS)
			return 0;
		if (!iks_cur_skip(c, 2) || !iks_cur_be16(c, &type))
			return -1;
	}
	if (type == ETHERTYPE_PPPOE_SESSION)
		return pppoe_session(c);
	if (type == ETHERTYPE_IPV4)
		return ip_version_is(c, 4);
	if (type == ETHERTYPE_IPV6)
		return ip_version_is(c, 6);
	return 0;
}

/* IEEE 802.3: destination, source, EtherType (or a length below 0x600,
 * i.e. 802.2 LLC, which carries no IP we care about). */
static int ethernet(struct iks_cur *c)
{
	uint16_t type;

	if (!iks_cur_skip(c, 12) || !iks_cur_be16(c, &type))
		return -1;
	return after_ethertype(c, type);
}

/* https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html: packet type,
 * ARPHRD type, address length, 8 address bytes, protocol. */
static int linux_sll(struct iks_cur *c)
{
	uint16_t proto;

	if (!iks_cur_skip(c, 14) || !iks_cur_be16(c, &proto))
		return -1;
	return after_ethertype(c, proto);
}

/* https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html: protocol,
 * reserved, interface index, ARPHRD type, packet type, address length,
 * 8 address bytes (20 bytes). */
static int linux_sll2(struct iks_cur *c)
{
	uint16_t proto;

	if (!iks_cur_be16(c, &proto) || !iks_cur_skip(c, 18))
		return -1;
	return after_ethertype(c, proto);
}

static int raw_ip(const struct iks_cur *c)
{
	uint8_t b;

	if (!iks_cur_peek8(c, 0, &b))
		return -1;
	b >>= 4;
	return b == 4 || b == 6 ? b : 0;
}

static uint32_t swap32(uint32_t v)
{
	return v >> 24 | (v >> 8 & 0xff00u) | (v << 8 & 0xff0000u) | v << 24;
}

/* https://www.tcpdump.org/linktypes/LINKTYPE_NULL.html: a 4-byte address
 * family.  DLT_NULL has it in the capturing host's byte order, which the
 * file does not record: a value with its high half set is byte-swapped.
 * DLT_LOOP is in network order, but writers disagree, so both tolerate. */
static int bsd_loopback(struct iks_cur *c, bool big_endian)
{
	uint32_t af = 0;

	if (!(big_endian ? iks_cur_be32(c, &af) : iks_cur_le32(c, &af)))
		return -1;
	if (af & 0xffff0000u)
		af = swap32(af);
	switch (af) {
	case BSD_AF_INET:
		return ip_version_is(c, 4);
	case BSD_AF_INET6_BSD:
	case BSD_AF_INET6_FREEBSD:
	case BSD_AF_INET6_DARWIN:
		return ip_version_is(c, 6);
	}
	return 0;
}

int iks_capture_link(enum iks_link link, struct iks_cur *c)
{
	switch (link) {
	case IKS_LINK_ETHERNET:
		return ethernet(c);
	case IKS_LINK_SLL:
		return linux_sll(c);
	case IKS_LINK_SLL2:
		return linux_sll2(c);
	case IKS_LINK_RAW:
		return raw_ip(c);
	case IKS_LINK_IPV4:
		return ip_version_is(c, 4);
	case IKS_LINK_IPV6:
		return ip_version_is(c, 6);
	case IKS_LINK_NULL:
		return bsd_loopback(c, false);
	case IKS_LINK_LOOP:
		return bsd_loopback(c, true);
	}
	return 0;
}
