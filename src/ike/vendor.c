/*
 * Vendor ID payloads (RFC 2408 3.16, RFC 7296 3.12): who sent them.
 *
 * The table holds byte strings; most are MD5 hashes of a text, named in
 * the comment above each (tests/unit/test_names.c recomputes them).  The
 * facts come from Wireshark's packet-isakmp.c, libreswan's vendorid.c,
 * strongSwan's isakmp_vendor.c / ike_vendor.c and ike-scan's
 * ike-vendor-ids.  Rows are sorted by their bytes; `prefix` rows match any
 * longer vendor ID that starts with them (vendors append versions).
 */
#include <string.h>

#include "ikescope/names.h"

#define VID(bytes, prefix, features, name)                                   \
	{ (const uint8_t *)(bytes), (uint8_t)(sizeof(bytes) - 1), (prefix),   \
	  (features), (name) }

static const struct iks_vendor vendors[] = {
	/* as sent; no known source text */
	VID("\x01\x52\x8b\xbb\xc0\x06\x96\x12\x18\x49\xab\x9a\x1c\x5b\x2a\x51"
	    "\x00\x00\x00\x00",
	    false, IKS_VF_WINDOWS, "Windows KEY_MODS (IKE)"),
	/* as sent; no known source text */
	VID("\x01\x52\x8b\xbb\xc0\x06\x96\x12\x18\x49\xab\x9a\x1c\x5b\x2a\x51"
	    "\x00\x00\x00\x01",
	    false, IKS_VF_WINDOWS, "Windows KEY_MODS (AuthIP)"),
	/* as sent; no known source text */
	VID("\x01\x52\x8b\xbb\xc0\x06\x96\x12\x18\x49\xab\x9a\x1c\x5b\x2a\x51"
	    "\x00\x00\x00\x02",
	    false, IKS_VF_WINDOWS, "Windows KEY_MODS (IKEv2)"),
	/* as sent; no known source text */
	VID("\x03\x10\x17\xe0\x7f\x7a\x82\xe3\xaa\x69\x50\xc9\x99\x99\x01\x00",
	    false, 0, "Check Point R71 (CryptoPro/GOST 1.0)"),
	/* as sent; no known source text */
	VID("\x03\x10\x17\xe0\x7f\x7a\x82\xe3\xaa\x69\x50\xc9\x99\x99\x01\x01",
	    false, 0, "CryptoPro/GOST 1.1"),
	/* MD5("SSH Sentinel") */
	VID("\x05\x41\x82\xa0\x7c\x7a\xe2\x06\xf9\xd2\xcf\x9d\x24\x32\xc4\x82",
	    false, 0, "SSH Sentinel"),
	/* MD5("strongSwan 2.7.0") */
	VID("\x07\xfa\x12\x8e\x47\x54\xf9\x44\x7b\x1d\xd4\x63\x74\xee\xf3\x60",
	    false, 0, "strongSwan 2.7.0"),
	/* as sent; no known source text */
	VID("\x08\xdb\x45\xe6\xcb\x01\xf8\x0b\xb5\x76\xe9\xa7\x8c\x0f\x54\xe1"
	    "\x30\x0b\x88\x81",
	    true, 0, "ELVIS-PLUS Zastava"),
	/* MD5("draft-ietf-ipsra-isakmp-xauth-06.txt")[0..8) */
	VID("\x09\x00\x26\x89\xdf\xd6\xb7\x12",
	    false, IKS_VF_XAUTH, "XAUTH"),
	/* MD5("draft-ietf-ipsra-isakmp-xauth-06.txt") */
	VID("\x09\x00\x26\x89\xdf\xd6\xb7\x12\x80\xa2\x24\xde\xc3\x3b\x81\xe5",
	    false, IKS_VF_XAUTH, "XAUTH (full hash)"),
	/* MD5("Ssh Communications Security IPSEC Express version 1.2.2") */
	VID("\x09\xec\x27\xbf\xbc\x09\xc7\x58\x23\xcf\xec\xbf\xfe\x56\x5a\x2e",
	    false, 0, "SSH Communications Security IPSEC Express 1.2.2"),
	/* MD5("IKE Challenge/Response for Authenticated Cryptographic Keys\n") */
	VID("\x0d\x33\x61\x1a\x5d\x52\x1b\x5e\x3c\x9c\x03\xd2\xfc\x10\x7e\x12",
	    false, 0, "IKE Challenge/Response for Authenticated Cryptographic Keys"),
	/* MD5("SSH Communications Security IPSEC Express version 3.0.0") */
	VID("\x0e\x58\xd5\x77\x4d\xf6\x02\x00\x7d\x0b\x02\x44\x36\x60\xf7\xeb",
	    false, 0, "SSH Communications Security IPSEC Express 3.0.0"),
	/* as sent; no known source text */
	VID("\x10\x1f\xb0\xb3\x5c\x5a\x4f\x4c\x08\xb9\x19\xf1\xcb\x97\x77\xb0",
	    false, 0, "NCP client"),
	/* MD5("CISCO-UNITY")[0..14) */
	VID("\x12\xf5\xf2\x8c\x45\x71\x68\xa9\x70\x2d\x9f\xe2\x74\xcc",
	    true, IKS_VF_UNITY, "Cisco Unity"),
	/* MD5("CISCO-UNITY")[0..14) + 0100 */
	VID("\x12\xf5\xf2\x8c\x45\x71\x68\xa9\x70\x2d\x9f\xe2\x74\xcc\x01\x00",
	    false, IKS_VF_UNITY, "Cisco Unity 1.0"),
	/* MD5("IKE Challenge/Response for Authenticated Cryptographic Keys (Revised)\n") */
	VID("\x13\xf1\x18\x23\xf9\x66\xfa\x91\x90\x0f\x02\x4b\xa6\x6a\x86\xba",
	    false, 0, "IKE Challenge/Response for Authenticated Cryptographic Keys (Revised)"),
	/* MD5("strongSwan 4.1.2") */
	VID("\x15\xa1\xac\xe7\xee\x52\xfd\xdf\xef\x04\xf9\x28\xdb\x2d\xd1\x34",
	    false, 0, "strongSwan 4.1.2"),
	/* as sent; no known source text */
	VID("\x16\x6f\x93\x2d\x55\xeb\x64\xd8\xe4\xdf\x4f\xd3\x7e\x23\x13\xf0"
	    "\xd0\xfd\x84\x51",
	    false, 0, "Juniper NetScreen-15"),
	/* MD5("draft-ietf-ipsec-nat-t-ike-01") */
	VID("\x16\xf6\xca\x16\xe4\xa4\x06\x6d\x83\x82\x1a\x0f\x0a\xea\xa8\x62",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike-01"),
	/* MD5("Ssh Communications Security IPSEC Express version 1.1.1") */
	VID("\x19\x52\xdc\x91\xac\x20\xf6\x46\xfb\x01\xcf\x42\xa3\x3a\xee\x30",
	    false, 0, "SSH Communications Security IPSEC Express 1.1.1"),
	/* as sent; no known source text */
	VID("\x1d\x6e\x17\x8f\x6c\x2c\x0b\xe2\x84\x98\x54\x65\x45\x0f\xe9\xd4",
	    false, 0, "Fortinet FortiGate"),
	/* MD5("MS NT5 ISAKMPOAKLEY") + version */
	VID("\x1e\x2b\x51\x69\x05\x99\x1c\x7d\x7c\x96\xfc\xbf\xb5\x87\xe4\x61",
	    true, IKS_VF_WINDOWS, "MS NT5 ISAKMPOAKLEY (Windows)"),
	/* MD5("MS NT5 ISAKMPOAKLEY") + 00000002 */
	VID("\x1e\x2b\x51\x69\x05\x99\x1c\x7d\x7c\x96\xfc\xbf\xb5\x87\xe4\x61"
	    "\x00\x00\x00\x02",
	    false, IKS_VF_WINDOWS, "MS NT5 ISAKMPOAKLEY (Windows 2000)"),
	/* MD5("MS NT5 ISAKMPOAKLEY") + 00000003 */
	VID("\x1e\x2b\x51\x69\x05\x99\x1c\x7d\x7c\x96\xfc\xbf\xb5\x87\xe4\x61"
	    "\x00\x00\x00\x03",
	    false, IKS_VF_WINDOWS, "MS NT5 ISAKMPOAKLEY (Windows XP SP1)"),
	/* MD5("MS NT5 ISAKMPOAKLEY") + 00000004 */
	VID("\x1e\x2b\x51\x69\x05\x99\x1c\x7d\x7c\x96\xfc\xbf\xb5\x87\xe4\x61"
	    "\x00\x00\x00\x04",
	    false, IKS_VF_WINDOWS, "MS NT5 ISAKMPOAKLEY (Windows Server 2003 / XP SP2)"),
	/* MD5("MS NT5 ISAKMPOAKLEY") + 00000005 */
	VID("\x1e\x2b\x51\x69\x05\x99\x1c\x7d\x7c\x96\xfc\xbf\xb5\x87\xe4\x61"
	    "\x00\x00\x00\x05",
	    false, IKS_VF_WINDOWS, "MS NT5 ISAKMPOAKLEY (Windows Vista)"),
	/* MD5("MS NT5 ISAKMPOAKLEY") + 00000006 */
	VID("\x1e\x2b\x51\x69\x05\x99\x1c\x7d\x7c\x96\xfc\xbf\xb5\x87\xe4\x61"
	    "\x00\x00\x00\x06",
	    false, IKS_VF_WINDOWS, "MS NT5 ISAKMPOAKLEY (Windows Server 2008)"),
	/* MD5("MS NT5 ISAKMPOAKLEY") + 00000007 */
	VID("\x1e\x2b\x51\x69\x05\x99\x1c\x7d\x7c\x96\xfc\xbf\xb5\x87\xe4\x61"
	    "\x00\x00\x00\x07",
	    false, IKS_VF_WINDOWS, "MS NT5 ISAKMPOAKLEY (Windows 7)"),
	/* MD5("MS NT5 ISAKMPOAKLEY") + 00000008 */
	VID("\x1e\x2b\x51\x69\x05\x99\x1c\x7d\x7c\x96\xfc\xbf\xb5\x87\xe4\x61"
	    "\x00\x00\x00\x08",
	    false, IKS_VF_WINDOWS, "MS NT5 ISAKMPOAKLEY (Windows Server 2008 R2)"),
	/* MD5("MS NT5 ISAKMPOAKLEY") + 00000009 */
	VID("\x1e\x2b\x51\x69\x05\x99\x1c\x7d\x7c\x96\xfc\xbf\xb5\x87\xe4\x61"
	    "\x00\x00\x00\x09",
	    false, IKS_VF_WINDOWS, "MS NT5 ISAKMPOAKLEY (Windows 8 or later / Server 2012 or later)"),
	/* MD5("strongSwan 4.0.4") */
	VID("\x1e\xf2\x83\xf8\x35\x49\xb5\xff\x96\x08\xb6\xd6\x34\xf8\x4d\x75",
	    false, 0, "strongSwan 4.0.4"),
	/* MD5("ALTIGA GATEWAY")[0..14) */
	VID("\x1f\x07\xf7\x0e\xaa\x65\x14\xd3\xb0\xfa\x96\x54\x2a\x50",
	    true, 0, "Cisco VPN Concentrator (VPN 3000)"),
	/* MD5("ALTIGA GATEWAY")[0..14) + 0100 */
	VID("\x1f\x07\xf7\x0e\xaa\x65\x14\xd3\xb0\xfa\x96\x54\x2a\x50\x01\x00",
	    false, 0, "Cisco VPN Concentrator 1.0.0"),
	/* MD5("ALTIGA GATEWAY")[0..14) + 0300 */
	VID("\x1f\x07\xf7\x0e\xaa\x65\x14\xd3\xb0\xfa\x96\x54\x2a\x50\x03\x00",
	    false, 0, "Cisco VPN Concentrator 3.0.0"),
	/* MD5("ALTIGA GATEWAY")[0..14) + 0301 */
	VID("\x1f\x07\xf7\x0e\xaa\x65\x14\xd3\xb0\xfa\x96\x54\x2a\x50\x03\x01",
	    false, 0, "Cisco VPN Concentrator 3.0.1"),
	/* MD5("ALTIGA GATEWAY")[0..14) + 0305 */
	VID("\x1f\x07\xf7\x0e\xaa\x65\x14\xd3\xb0\xfa\x96\x54\x2a\x50\x03\x05",
	    false, 0, "Cisco VPN Concentrator 3.0.5"),
	/* MD5("ALTIGA GATEWAY")[0..14) + 0407 */
	VID("\x1f\x07\xf7\x0e\xaa\x65\x14\xd3\xb0\xfa\x96\x54\x2a\x50\x04\x07",
	    false, 0, "Cisco VPN Concentrator 4.0.7"),
	/* MD5("strongSwan 2.5.7") */
	VID("\x1f\x44\x42\x29\x6b\x83\xd7\xe3\x3a\x8b\x45\x20\x9b\xa0\xe5\x90",
	    false, 0, "strongSwan 2.5.7"),
	/* MD5("IPSec-Tools") */
	VID("\x20\xa3\x62\x2c\x1c\xea\x7c\xe3\x7b\xee\x3c\xa4\x84\x42\x52\x76",
	    false, 0, "IPsec-Tools (racoon)"),
	/* MD5("MS-MamieExists") */
	VID("\x21\x4c\xa4\xfa\xff\xa7\xf3\x2d\x67\x48\xe5\x30\x33\x95\xae\x83",
	    false, IKS_VF_WINDOWS, "AuthIP supported (MS-MamieExists)"),
	/* MD5("Vid-Initial-Contact") */
	VID("\x26\x24\x4d\x38\xed\xdb\x61\xb3\x17\x2a\x36\xe3\xd0\xcf\xb8\x19",
	    false, IKS_VF_WINDOWS, "Microsoft Vid-Initial-Contact"),
	/* MD5("draft-stenberg-ipsec-nat-traversal-01") */
	VID("\x27\xba\xb5\xdc\x01\xea\x07\x60\xea\x4e\x31\x90\xac\x27\xc0\xd0",
	    false, IKS_VF_NATT_DRAFT, "draft-stenberg-ipsec-nat-traversal-01"),
	/* MD5("SSH Communications Security IPSEC Express version 2.1.0") */
	VID("\x28\x36\xd1\xfd\x28\x07\xbc\x9e\x5a\xe3\x07\x86\x32\x04\x51\xec",
	    false, 0, "SSH Communications Security IPSEC Express 2.1.0"),
	/* MD5("strongSwan 2.8.2") */
	VID("\x29\x99\x32\x27\x7b\x7d\xfe\x38\x2c\xe2\x34\x65\x33\x3a\x7d\x23",
	    false, 0, "strongSwan 2.8.2"),
	/* as sent; no known source text */
	VID("\x29\x9e\xe8\x28\x9f\x40\xa8\x97\x3b\xc7\x86\x87\xe2\xe7\x22\x6b"
	    "\x53\x2c\x3b\x76",
	    false, 0, "Juniper NetScreen-1"),
	/* as sent; no known source text */
	VID("\x2a\x2b\xca\xc1\x9b\x8e\x91\xb4\x26\x10\x78\x07\xe0\x2e\x72\x49"
	    "\x56\x9d\x6f\xd3",
	    false, 0, "Juniper NetScreen-14"),
	/* MD5("strongSwan 4.2.2") */
	VID("\x2a\x51\x7d\x0d\x23\xc3\x7d\x08\xbc\xe7\xc2\x92\xa0\x21\x7b\x39",
	    false, 0, "strongSwan 4.2.2"),
	/* MD5("SSH Communications Security IPSEC Express version 5.0.0") */
	VID("\x2b\x2d\xad\x97\xc4\xd1\x40\x93\x00\x53\x28\x7f\x99\x68\x50\xb0",
	    false, 0, "SSH Communications Security IPSEC Express 5.0.0"),
	/* MD5("SSH Communications Security QuickSec 1.1.2") */
	VID("\x2c\xdf\x08\xe7\x12\xed\xe8\xa5\x97\x87\x61\x26\x7c\xd1\x9b\x91",
	    false, 0, "SSH Communications Security QuickSec 1.1.2"),
	/* MD5("strongSwan 4.0.0") */
	VID("\x2c\xe9\xc9\x46\xa4\xc8\x79\xbf\x11\xb5\x0b\x76\xcc\x56\x92\xcb",
	    false, 0, "strongSwan 4.0.0"),
	/* MD5("strongSwan 4.2.3") */
	VID("\x2d\x1f\x40\x61\x18\xfb\xd5\xd2\x84\x74\x79\x1f\xfa\x00\x48\x8a",
	    false, 0, "strongSwan 4.2.3"),
	/* as sent; no known source text */
	VID("\x2d\x79\x22\xc6\xb3\x01\xd9\xb0\xe1\x34\x27\x39\xe9\xcf\xbb\xd5",
	    false, 0, "DWR: Delete With Reason"),
	/* MD5("strongSwan 4.1.4") */
	VID("\x31\x2f\x9c\xb1\xa6\xb9\x0e\x19\xde\x75\x28\xc9\x04\xac\x30\x87",
	    false, 0, "strongSwan 4.1.4"),
	/* as sent; no known source text */
	VID("\x32\x5d\xf2\x9a\x23\x19\xf2\xdd",
	    false, 0, "draft-krywaniuk-ipsec-antireplay-00"),
	/* MD5("strongSwan 2.8.0") */
	VID("\x32\xf0\xe9\xb9\xc0\x6d\xfe\x8c\x9a\xd5\x59\x9a\x63\x69\x71\xa1",
	    false, 0, "strongSwan 2.8.0"),
	/* MD5("SSH Communications Security QuickSec 0.9.0") */
	VID("\x37\xeb\xa0\xc4\x13\x61\x84\xe7\xda\xf8\x56\x2a\x77\x06\x0b\x4a",
	    false, 0, "SSH Communications Security QuickSec 0.9.0"),
	/* MD5("strongSwan 2.8.7") */
	VID("\x3a\x0d\x4e\x7c\xa4\xe4\x92\xed\x4d\xfe\x47\x6d\x1a\xc6\x01\x8b",
	    false, 0, "strongSwan 2.8.7"),
	/* as sent; no known source text */
	VID("\x3a\x15\xe1\xf3\xcf\x2a\x63\x58\x2e\x3a\xc8\x2d\x1c\x64\xcb\xe3"
	    "\xb6\xd7\x79\xe7",
	    false, 0, "Juniper NetScreen-2"),
	/* as sent; no known source text */
	VID("\x3b\x90\x31\xdc\xe4\xfc\xf8\x8b\x48\x9a\x92\x39\x63\xdd\x0c\x49",
	    false, IKS_VF_DPD, "DPDv1_NG (Shrew Soft)"),
	/* MD5("strongSwan 2.5.6") */
	VID("\x3c\x5e\xba\x3d\x85\x64\x92\x8e\x32\xae\x43\xc3\xd9\x92\x4d\xee",
	    false, 0, "strongSwan 2.5.6"),
	/* as sent; no known source text */
	VID("\x3c\x8e\x70\xbd\xf9\xc7\xd7\x4a\xdd\x53\xe4\x10\x09\x15\xdc\x2e"
	    "\x4b\xb5\x12\x74",
	    false, 0, "Aruba Networks Controller"),
	/* as sent; no known source text */
	VID("\x3e\x98\x40\x48",
	    true, 0, "Cisco IOS"),
	/* MD5("SSH Communications Security IPSEC Express version 2.1.2") */
	VID("\x3f\x23\x72\x86\x7e\x23\x7c\x1c\xd8\x25\x0a\x75\x55\x9c\xae\x20",
	    false, 0, "SSH Communications Security IPSEC Express 2.1.2"),
	/* MD5("strongSwan 2.5.5") */
	VID("\x3f\x26\x7e\xd6\x21\xad\xa7\xee\x6c\x7d\x88\x93\xcc\xb0\xb1\x4b",
	    false, 0, "strongSwan 2.5.5"),
	/* MD5("strongSwan 2.6.0") */
	VID("\x3f\x32\x66\x49\x9f\xfd\xbd\x85\x95\x0e\x70\x22\x98\x06\x28\x44",
	    false, 0, "strongSwan 2.6.0"),
	/* MD5("FRAGMENTATION") */
	VID("\x40\x48\xb7\xd5\x6e\xbc\xe8\x85\x25\xe7\xde\x7f\x00\xd6\xc2\xd3",
	    true, IKS_VF_FRAG, "FRAGMENTATION"),
	/* as sent; no known source text */
	VID("\x40\x4b\xf4\x39\x52\x2c\xa3\xf6",
	    true, 0, "SonicWall (TZ 170)"),
	/* as sent; no known source text */
	VID("\x42\x4e\x45\x53\x00\x00\x00",
	    true, 0, "Nortel Contivity"),
	/* MD5("strongSwan 2.3.2") */
	VID("\x42\xa4\x83\x4c\x92\xab\x9a\x77\x77\x06\x3a\xfa\x25\x4b\xcb\x69",
	    false, 0, "strongSwan 2.3.2"),
	/* MD5("draft-ietf-ipsec-nat-t-ike-09") */
	VID("\x42\xea\x5b\x6f\x89\x8d\x97\x73\xa5\x75\xdf\x26\xe7\xdd\x19\xe1",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike-09"),
	/* "CISCO(COPYRIGHT)&Copyright (c) 2009 Cisco Systems, Inc." */
	VID("\x43\x49\x53\x43\x4f\x28\x43\x4f\x50\x59\x52\x49\x47\x48\x54\x29"
	    "\x26\x43\x6f\x70\x79\x72\x69\x67\x68\x74\x20\x28\x63\x29\x20\x32"
	    "\x30\x30\x39\x20\x43\x69\x73\x63\x6f\x20\x53\x79\x73\x74\x65\x6d"
	    "\x73\x2c\x20\x49\x6e\x63\x2e",
	    true, 0, "Cisco Copyright"),
	/* "CISCO-DELETE-REASON" */
	VID("\x43\x49\x53\x43\x4f\x2d\x44\x45\x4c\x45\x54\x45\x2d\x52\x45\x41"
	    "\x53\x4f\x4e",
	    false, 0, "Cisco Delete Reason Supported"),
	/* "CISCO-DYNAMIC-ROUTE" */
	VID("\x43\x49\x53\x43\x4f\x2d\x44\x59\x4e\x41\x4d\x49\x43\x2d\x52\x4f"
	    "\x55\x54\x45",
	    false, 0, "Cisco Dynamic Route Supported"),
	/* "CISCO-GRE-MODE" */
	VID("\x43\x49\x53\x43\x4f\x2d\x47\x52\x45\x2d\x4d\x4f\x44\x45",
	    false, 0, "Cisco GRE Mode Supported"),
	/* "CISCOVPN-REV-02" */
	VID("\x43\x49\x53\x43\x4f\x56\x50\x4e\x2d\x52\x45\x56\x2d\x30\x32",
	    false, 0, "Cisco VPN Revision 2"),
	/* MD5("draft-ietf-ipsec-nat-t-ike-07") */
	VID("\x43\x9b\x59\xf8\xba\x67\x6c\x4c\x77\x37\xae\x22\xea\xb8\xf5\x82",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike-07"),
	/* MD5("draft-ietf-ipsec-nat-t-ike-00") */
	VID("\x44\x85\x15\x2d\x18\xb6\xbb\xcd\x0b\xe8\xa8\x46\x95\x79\xdd\xcc",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike-00"),
	/* MD5("SSH Communications Security IPSEC Express version 5.1.0") */
	VID("\x45\xe1\x7f\x3a\xbe\x93\x94\x4c\xb2\x02\x91\x0c\x59\xef\x80\x6b",
	    false, 0, "SSH Communications Security IPSEC Express 5.1.0"),
	/* "FLEXVPN-SUPPORTED" */
	VID("\x46\x4c\x45\x58\x56\x50\x4e\x2d\x53\x55\x50\x50\x4f\x52\x54\x45"
	    "\x44",
	    false, 0, "Cisco FlexVPN Supported"),
	/* MD5("strongSwan 4.1.0") */
	VID("\x47\x94\xce\xf6\x84\x34\x22\x98\x0d\x1a\x3d\x06\xaf\x41\xc5\xcd",
	    false, 0, "strongSwan 4.1.0"),
	/* as sent; no known source text */
	VID("\x47\xbb\xe7\xc9\x93\xf1\xfc\x13\xb4\xe6\xd0\xdb\x56\x5c\x68\xe5",
	    true, 0, "SafeNet SoftRemote"),
	/* as sent; no known source text */
	VID("\x47\xd2\xb1\x26\xbf\xcd\x83\x48\x97\x60\xe2\xcf\x8c\x5d\x4d\x5a"
	    "\x03\x49\x7c\x15",
	    false, 0, "Juniper NetScreen-3"),
	/* MD5("strongSwan 2.4.4") */
	VID("\x48\x5a\x70\x36\x1b\x44\x33\xb3\x1d\xea\x1c\x6b\xe0\xdf\x24\x3e",
	    false, 0, "strongSwan 2.4.4"),
	/* "HeartBeat Notify" */
	VID("\x48\x65\x61\x72\x74\x42\x65\x61\x74\x20\x4e\x6f\x74\x69\x66\x79",
	    true, 0, "HeartBeat Notify"),
	/* "HeartBeat_Notify" */
	VID("\x48\x65\x61\x72\x74\x42\x65\x61\x74\x5f\x4e\x6f\x74\x69\x66\x79",
	    true, 0, "HeartBeat Notify"),
	/* "IKEv2" */
	VID("\x49\x4b\x45\x76\x32",
	    false, 0, "CAN-IKEv2 (Openswan/Libreswan, obsolete)"),
	/* MD5("RFC 3947") */
	VID("\x4a\x13\x1c\x81\x07\x03\x58\x45\x5c\x57\x28\xf2\x0e\x95\x45\x2f",
	    false, IKS_VF_NATT, "RFC 3947 NAT-T"),
	/* as sent; no known source text */
	VID("\x4a\x43\x40\xb5\x43\xe0\x2b\x84\xc8\x8a\x8b\x96\xa8\xaf\x9e\xbe"
	    "\x77\xd9\xac\xcc",
	    false, 0, "Juniper NetScreen-4"),
	/* MD5("forticlient connect license") */
	VID("\x4c\x53\x42\x7b\x6d\x46\x5d\x1b\x33\x7b\xb7\x55\xa3\x7a\x7f\xef",
	    false, 0, "Fortinet FortiClient connect license"),
	/* "LVC" */
	VID("\x4c\x56\x43",
	    true, 0, "Lucent VPN Client"),
	/* "LVG" */
	VID("\x4c\x56\x47",
	    true, 0, "Lucent VPN Gateway"),
	/* MD5("strongSwan 2.8.5") */
	VID("\x4c\x7e\xfa\x31\xb3\x9e\x51\x04\x32\xa3\x17\x57\x0d\x97\xbb\xb9",
	    false, 0, "strongSwan 2.8.5"),
	/* MD5("strongSwan 4.0.6") */
	VID("\x4c\x90\x13\x69\x46\x57\x7b\x51\x91\x9d\x8d\x9a\x6b\x8e\x4a\x9f",
	    false, 0, "strongSwan 4.0.6"),
	/* MD5("draft-ietf-ipsec-nat-t-ike-06") */
	VID("\x4d\x1e\x0e\x13\x6d\xea\xfa\x34\xc4\xf3\xea\x9f\x02\xec\x72\x85",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike-06"),
	/* "Mac OSX 10.x" */
	VID("\x4d\x61\x63\x20\x4f\x53\x58\x20\x31\x30\x2e\x78",
	    true, 0, "Mac OS X racoon"),
	/* MD5("draft-ietf-ipsec-nat-t-ike") */
	VID("\x4d\xf3\x79\x28\xe9\xfc\x4f\xd1\xb3\x26\x21\x70\xd5\x15\xc6\x62",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike"),
	/* "OE" */
	VID("\x4f\x45",
	    true, 0, "Openswan / FreeS/WAN"),
	/* "OE-Libreswan-" */
	VID("\x4f\x45\x2d\x4c\x69\x62\x72\x65\x73\x77\x61\x6e\x2d",
	    true, 0, "Libreswan"),
	/* FreeS/WAN hash of "Linux FreeS/WAN 2.00 PLUTO_SENDS_VENDORID" */
	VID("\x4f\x45\x44\x76\x5b\x57\x6b\x40\x45\x41\x74\x47",
	    false, 0, "FreeS/WAN 2.00"),
	/* FreeS/WAN hash of "Openswan 2.2.0" */
	VID("\x4f\x45\x48\x72\x4b\x6e\x5e\x68\x55\x7c\x60\x4f",
	    false, 0, "Openswan 2.2.0"),
	/* "OEN" */
	VID("\x4f\x45\x4e",
	    true, 0, "Libreswan 3.0-3.5"),
	/* FreeS/WAN hash of "Linux FreeS/WAN 2.00 X.509-1.3.1 LDAP PLUTO_SENDS_VENDORID" */
	VID("\x4f\x45\x57\x5d\x6a\x53\x43\x42\x46\x74\x79\x6e",
	    false, 0, "FreeS/WAN 2.00 (X.509-1.3.1 + LDAP)"),
	/* FreeS/WAN hash of "Linux FreeS/WAN 2.00 X.509-1.3.1 PLUTO_SENDS_VENDORID" */
	VID("\x4f\x45\x77\x4e\x4a\x43\x52\x71\x6e\x45\x48\x6f",
	    false, 0, "FreeS/WAN 2.00 (X.509-1.3.1)"),
	/* "OSW" */
	VID("\x4f\x53\x57",
	    true, 0, "Openswan (Xelerance)"),
	/* "OpenIKED" */
	VID("\x4f\x70\x65\x6e\x49\x4b\x45\x44",
	    true, 0, "OpenIKED"),
	/* "OpenPGP" */
	VID("\x4f\x70\x65\x6e\x50\x47\x50",
	    true, 0, "OpenPGP"),
	/* "Opportunistic IPsec" */
	VID("\x4f\x70\x70\x6f\x72\x74\x75\x6e\x69\x73\x74\x69\x63\x20\x49\x50"
	    "\x73\x65\x63",
	    false, 0, "Libreswan Opportunistic IPsec"),
	/* MD5("ESPThruNAT") */
	VID("\x50\x76\x0f\x62\x4c\x63\xe5\xc5\x3e\xea\x38\x6c\x68\x5c\xa0\x83",
	    false, IKS_VF_NATT_DRAFT, "draft-huttunen-ipsec-esp-in-udp-01 (ESPThruNAT)"),
	/* "Raptor PowerVpn Server" */
	VID("\x52\x61\x70\x74\x6f\x72\x20\x50\x6f\x77\x65\x72\x56\x70\x6e\x20"
	    "\x53\x65\x72\x76\x65\x72",
	    true, 0, "Symantec Raptor"),
	/* MD5("SSH Sentinel 1.2") */
	VID("\x54\x30\x88\x8d\xe0\x1a\x31\xa6\xfa\x8f\x60\x22\x4e\x44\x99\x58",
	    false, 0, "SSH Sentinel 1.2"),
	/* "TIMESTEP" */
	VID("\x54\x49\x4d\x45\x53\x54\x45\x50",
	    true, 0, "Timestep"),
	/* "VIA Auth Profile : " */
	VID("\x56\x49\x41\x20\x41\x75\x74\x68\x20\x50\x72\x6f\x66\x69\x6c\x65"
	    "\x20\x3a\x20",
	    true, 0, "Aruba Networks VIA Auth Profile"),
	/* MD5("strongSwan 4.1.3") */
	VID("\x58\x49\xab\x6d\x8b\xea\xbd\x6e\x4d\x09\xe5\xa3\xb8\x8c\x08\x9a",
	    false, 0, "strongSwan 4.1.3"),
	/* MD5("SSH Communications Security IPSEC Express version 5.1.1") */
	VID("\x59\x25\x85\x9f\x73\x77\xed\x78\x16\xd2\xfb\x81\xc0\x1f\xa5\x51",
	    false, 0, "SSH Communications Security IPSEC Express 5.1.1"),
	/* MD5("SSH Communications Security QuickSec 1.1.3") */
	VID("\x59\xe4\x54\xa8\xc2\xcf\x02\xa3\x49\x59\x12\x1f\x18\x90\xbc\x87",
	    false, 0, "SSH Communications Security QuickSec 1.1.3"),
	/* MD5("strongSwan 2.6.2") */
	VID("\x5b\x1c\xd6\xfe\x7d\x05\x0e\xda\x6c\x93\x87\x1c\x10\x7d\xb3\xd2",
	    false, 0, "strongSwan 2.6.2"),
	/* as sent; no known source text */
	VID("\x5b\x36\x2b\xc8\x20\xf6",
	    true, 0, "SonicWall"),
	/* as sent; no known source text */
	VID("\x5b\x36\x2b\xc8\x20\xf7",
	    true, 0, "SonicWall"),
	/* MD5("SSH Communications Security QuickSec 1.1.0") */
	VID("\x5d\x72\x92\x5e\x55\x94\x8a\x96\x61\xa7\xfc\x48\xfd\xec\x7f\xf9",
	    false, 0, "SSH Communications Security QuickSec 1.1.0"),
	/* MD5("draft-stenberg-ipsec-nat-traversal-02") */
	VID("\x61\x05\xc4\x22\xe7\x68\x47\xe4\x3f\x96\x84\x80\x12\x92\xae\xcd",
	    false, IKS_VF_NATT_DRAFT, "draft-stenberg-ipsec-nat-traversal-02"),
	/* MD5("GSSAPI") */
	VID("\x62\x1b\x04\xbb\x09\x88\x2a\xc1\xe1\x59\x35\xfe\xfa\x24\xae\xee",
	    false, 0, "GSSAPI"),
	/* as sent; no known source text */
	VID("\x62\x50\x27\x74\x9d\x5a\xb9\x7f\x56\x16\xc1\x60\x27\x65\xcf\x48"
	    "\x0a\x3b\x7d\x0b",
	    false, 0, "ZyXEL ZyWALL"),
	/* MD5("SSH Sentinel 1.4") */
	VID("\x63\xd9\xa1\xa7\x00\x94\x91\xb5\xa0\xa6\xfd\xeb\x2a\x82\x84\xf0",
	    false, 0, "SSH Sentinel 1.4"),
	/* as sent; no known source text */
	VID("\x64\x40\x5f\x46\xf0\x3b\x76\x60\xa2\x3b\xe1\x16\xa1\x97\x50\x58"
	    "\xe6\x9e\x83\x87",
	    false, 0, "Juniper NetScreen-5"),
	/* as sent; no known source text */
	VID("\x66\x08\x22\xb3\xa7\x3a\x24\x41\x49\x57\x8d\x62\xe0\xeb\x46\xa0",
	    false, 0, "Microsoft Xbox IKEv2 negotiation"),
	/* MD5("strongSwan 4.1.8") */
	VID("\x66\xa2\x04\x55\x07\xc1\x19\xda\x78\xa4\x66\x62\x59\xcd\xea\x48",
	    false, 0, "strongSwan 4.1.8"),
	/* MD5("strongSwan 2.6.1") */
	VID("\x66\xaf\xbc\x12\xbb\xfe\x6c\xe1\x08\xb1\xf6\x9f\x4b\xc9\x17\xb7",
	    false, 0, "strongSwan 2.6.1"),
	/* as sent; no known source text */
	VID("\x68\x6a\x8c\xbd\xfe\x63\x4b\x40\x51\x46\xfb\x2b\xaf\x33\xe9\xe8",
	    false, IKS_VF_WINDOWS, "MSFT IPsec Security Realm Id"),
	/* MD5("SSH Communications Security IPSEC Express version 4.2.0") */
	VID("\x68\x80\xc7\xd0\x26\x09\x91\x14\xe4\x86\xc5\x54\x30\xe7\xab\xee",
	    false, 0, "SSH Communications Security IPSEC Express 4.2.0"),
	/* as sent; no known source text */
	VID("\x69\x93\x69\x22\x87\x41\xc6\xd4\xca\x09\x4c\x93\xe2\x42\xc9\xde"
	    "\x19\xe7\xb7\xc6",
	    true, 0, "Juniper NetScreen-6"),
	/* MD5("draft-huttunen-ipsec-esp-in-udp-00.txt") */
	VID("\x6a\x74\x34\xc1\x9d\x7e\x36\x34\x80\x90\xa0\x23\x34\xc9\xc8\x05",
	    false, IKS_VF_NATT_DRAFT, "draft-huttunen-ipsec-esp-in-udp-00"),
	/* MD5("KAME/racoon") */
	VID("\x70\x03\xcb\xc1\x09\x7d\xbe\x9c\x26\x00\xba\x69\x83\xbc\x8b\x35",
	    false, 0, "KAME/racoon"),
	/* as sent; no known source text */
	VID("\x72\x87\x2b\x95\xfc\xda\x2e\xb7\x08\xef\xe3\x22\x11\x9b\x49\x71",
	    false, IKS_VF_WINDOWS, "NLB/MSCS fast failover supported (Microsoft)"),
	/* MD5("strongSwan 2.4.1") */
	VID("\x75\xb0\x65\x3c\xb2\x81\xeb\x26\xd3\x1e\xde\x38\xc8\xe1\xe2\x28",
	    false, 0, "strongSwan 2.4.1"),
	/* MD5("strongSwan 2.8.4") */
	VID("\x76\xc7\x2b\xfd\x39\x84\x24\xdd\x00\x1b\x86\xd0\x01\x2f\xe0\x61",
	    false, 0, "strongSwan 2.8.4"),
	/* MD5("SSH Communications Security QuickSec 1.1.1") */
	VID("\x77\x7f\xbf\x4c\x5a\xf6\xd1\xcd\xd4\xb8\x95\xa0\x5b\xf8\x25\x94",
	    false, 0, "SSH Communications Security QuickSec 1.1.1"),
	/* MD5("strongSwan 4.0.2") */
	VID("\x77\xe8\xee\xa6\xf5\x56\xa4\x99\xde\x3f\xfe\x7f\x7f\x95\x66\x1c",
	    false, 0, "strongSwan 4.0.2"),
	/* MD5("strongSwan 4.1.9") */
	VID("\x78\xfd\xd2\x87\xde\xf0\x1a\x3f\x07\x4b\x53\x69\xea\xb4\xfd\x1c",
	    false, 0, "strongSwan 4.1.9"),
	/* MD5("SSH Communications Security IPSEC Express version 4.0.1") */
	VID("\x7a\x54\xd3\xbd\xb3\xb1\xe6\xd9\x23\x89\x20\x64\xbe\x2d\x98\x1c",
	    false, 0, "SSH Communications Security IPSEC Express 4.0.1"),
	/* MD5("strongSwan 2.5.4") */
	VID("\x7a\x6b\xf5\xb7\xdf\x89\x64\x2a\x75\xa7\x8e\xf7\xd6\x57\xc1\xc0",
	    false, 0, "strongSwan 2.5.4"),
	/* as sent; no known source text */
	VID("\x7b\xb9\x38\x67\xd7\x6c\x8d\x80\xdf\x0f\x40\xfa\xe8\xfc\x3b\x19"
	    "\x00\x00\x00\x00",
	    false, IKS_VF_WINDOWS, "AuthIP INIT KE DH none (Microsoft)"),
	/* as sent; no known source text */
	VID("\x7b\xb9\x38\x67\xd7\x6c\x8d\x80\xdf\x0f\x40\xfa\xe8\xfc\x3b\x19"
	    "\x00\x00\x00\x01",
	    false, IKS_VF_WINDOWS, "AuthIP INIT KE DH1 (Microsoft)"),
	/* as sent; no known source text */
	VID("\x7b\xb9\x38\x67\xd7\x6c\x8d\x80\xdf\x0f\x40\xfa\xe8\xfc\x3b\x19"
	    "\x00\x00\x00\x02",
	    false, IKS_VF_WINDOWS, "AuthIP INIT KE DH2 (Microsoft)"),
	/* as sent; no known source text */
	VID("\x7b\xb9\x38\x67\xd7\x6c\x8d\x80\xdf\x0f\x40\xfa\xe8\xfc\x3b\x19"
	    "\x00\x00\x00\x03",
	    false, IKS_VF_WINDOWS, "AuthIP INIT KE DH14 (Microsoft)"),
	/* as sent; no known source text */
	VID("\x7b\xb9\x38\x67\xd7\x6c\x8d\x80\xdf\x0f\x40\xfa\xe8\xfc\x3b\x19"
	    "\x00\x00\x00\x04",
	    false, IKS_VF_WINDOWS, "AuthIP INIT KE DH19 (Microsoft)"),
	/* as sent; no known source text */
	VID("\x7b\xb9\x38\x67\xd7\x6c\x8d\x80\xdf\x0f\x40\xfa\xe8\xfc\x3b\x19"
	    "\x00\x00\x00\x05",
	    false, IKS_VF_WINDOWS, "AuthIP INIT KE DH20 (Microsoft)"),
	/* as sent; no known source text */
	VID("\x7b\xb9\x38\x67\xd7\x6c\x8d\x80\xdf\x0f\x40\xfa\xe8\xfc\x3b\x19"
	    "\x00\x00\x00\x06",
	    false, IKS_VF_WINDOWS, "AuthIP INIT KE DH21 (Microsoft)"),
	/* as sent; no known source text */
	VID("\x7b\xb9\x38\x67\xd7\x6c\x8d\x80\xdf\x0f\x40\xfa\xe8\xfc\x3b\x19"
	    "\x00\x00\x00\x07",
	    false, IKS_VF_WINDOWS, "AuthIP INIT KE DH max (Microsoft)"),
	/* MD5("draft-ietf-ipsec-nat-t-ike-03") */
	VID("\x7d\x94\x19\xa6\x53\x10\xca\x6f\x2c\x17\x9d\x92\x15\x52\x9d\x56",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike-03"),
	/* MD5("SSH Sentinel 1.3") */
	VID("\x7e\xe5\xcb\x85\xf7\x1c\xe2\x59\xc9\x4a\x5c\x73\x1e\xe4\xe7\x52",
	    false, 0, "SSH Sentinel 1.3"),
	/* MD5("SSH Communications Security IPSEC Express version 2.0.0") */
	VID("\x7f\x21\xa5\x96\xe4\xe3\x18\xf0\xb2\xf4\x94\x4c\x23\x84\xcb\x84",
	    false, 0, "SSH Communications Security IPSEC Express 2.0.0"),
	/* MD5("strongSwan 2.7.3") */
	VID("\x7f\x50\xcc\x4e\xbf\x04\xc2\xd9\xda\x73\xab\xfd\x69\xb7\x7a\xa2",
	    false, 0, "strongSwan 2.7.3"),
	/* as sent; no known source text */
	VID("\x80\x01\x00\x01\x80\x02\x00\x01\x80\x03\x00\x02",
	    false, 0, "Cisco Unity FW type"),
	/* MD5("draft-ietf-ipsec-nat-t-ike-05") */
	VID("\x80\xd0\xbb\x3d\xef\x54\x56\x5e\xe8\x46\x45\xd4\xc8\x5c\xe3\xee",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike-05"),
	/* MD5("RFC XXXX") */
	VID("\x81\x0f\xa5\x65\xf8\xab\x14\x36\x91\x05\xd7\x06\xfb\xd5\x72\x79",
	    false, IKS_VF_NATT_DRAFT, "RFC XXXX (Solaris 10 NAT-T)"),
	/* MD5("strongSwan 2.7.1") */
	VID("\x81\x34\x87\x85\x82\x12\x17\x85\xba\x65\xea\x34\x5d\x6b\xa7\x24",
	    false, 0, "strongSwan 2.7.1"),
	/* as sent; no known source text */
	VID("\x82\x99\x03\x17\x57\xa3\x60\x82\xc6\xa6\x21\xde",
	    true, 0, "Fortinet FortiGate"),
	/* as sent; no known source text */
	VID("\x84\x04\xad\xf9\xcd\xa0\x57\x60\xb2\xca\x29\x2e\x4b\xff\x53\x7b",
	    false, 0, "Secure Computing Sidewinder"),
	/* MD5("strongSwan 2.2.0") */
	VID("\x85\xb6\xcb\xec\x48\x0d\x5c\x8c\xd9\x88\x2c\x82\x5a\xc2\xc2\x44",
	    false, 0, "strongSwan 2.2.0"),
	/* MD5("strongSwan 2.5.2") */
	VID("\x86\x1c\xe5\xeb\x72\x16\x4b\x19\x0e\x9e\x62\x9a\x31\xcf\x49\x01",
	    false, 0, "strongSwan 2.5.2"),
	/* MD5("strongSwan") */
	VID("\x88\x2f\xe5\x6d\x6f\xd2\x0d\xbc\x22\x51\x61\x3b\x2e\xbe\x5b\xeb",
	    false, 0, "strongSwan"),
	/* as sent; no known source text */
	VID("\x88\xf0\xe3\x14\x9b\x3f\xa4\x8b\x05\xaa\x7f\x68\x5f\x0b\x76\x6b"
	    "\xe1\x86\xcc\xb8",
	    false, 0, "Aruba Networks VIA Client"),
	/* MD5("SSH Communications Security IPSEC Express version 4.1.1") */
	VID("\x89\xf7\xb7\x60\xd8\x6b\x01\x2a\xcf\x26\x33\x82\x39\x4d\x96\x2f",
	    false, 0, "SSH Communications Security IPSEC Express 4.1.1"),
	/* as sent; no known source text */
	VID("\x8a\xa3\x94\xcf\x8a\x55\x77\xdc\x31\x10\xc1\x13\xb0\x27\xa4\xf2",
	    false, 0, "Microsoft Xbox One 2013"),
	/* as sent; no known source text */
	VID("\x8c\x0d\xc6\xcf\x62\xa0\xef\x1b\x5c\x6e\xab\xd1\xb6\x7b\xa6\x98"
	    "\x66\xad\xf1\x6a",
	    false, 0, "Juniper NetScreen-7"),
	/* MD5("strongSwan 2.8.8") */
	VID("\x8c\x4a\x3b\xcb\x72\x9b\x11\xf7\x03\xd2\x2a\x5b\x39\x64\x0c\xa8",
	    false, 0, "strongSwan 2.8.8"),
	/* as sent; no known source text */
	VID("\x8d\xb7\xa4\x18\x11\x22\x16\x60",
	    false, 0, "draft-ietf-ipsec-heartbeats-00"),
	/* MD5("draft-ietf-ipsec-nat-t-ike-08") */
	VID("\x8f\x8d\x83\x82\x6d\x24\x6b\x6f\xc7\xa8\xa6\xa4\x28\xc1\x1d\xe8",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike-08"),
	/* MD5("draft-ietf-ipsec-nat-t-ike-02\n") */
	VID("\x90\xcb\x80\x91\x3e\xbb\x69\x6e\x08\x63\x81\xb5\xec\x42\x7b\x1f",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike-02\\n"),
	/* as sent; no known source text */
	VID("\x92\xd2\x7a\x9e\xcb\x31\xd9\x92\x46\x98\x6d\x34\x53\xd0\xc3\xd5"
	    "\x7a\x22\x2a\x61",
	    false, 0, "Juniper NetScreen-8"),
	/* MD5("strongSwan 2.4.3") */
	VID("\x98\x2b\x7a\x06\x3a\x33\xc1\x43\xa8\xea\xdc\x88\x24\x9f\x6b\xcc",
	    false, 0, "strongSwan 2.4.3"),
	/* MD5("draft-ietf-ipsec-nat-t-ike-04") */
	VID("\x99\x09\xb6\x4e\xed\x93\x7c\x65\x73\xde\x52\xac\xe9\x52\xfa\x6b",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike-04"),
	/* MD5("strongSwan 2.2.2") */
	VID("\x99\xdc\x7c\xc8\x23\x37\x6b\x3b\x33\xd0\x43\x57\x89\x6a\xe0\x7b",
	    false, 0, "strongSwan 2.2.2"),
	/* MD5("strongSwan 2.5.1") */
	VID("\x9a\x4a\x46\x48\xf6\x0f\x8e\xda\x7c\xfc\xbf\xe2\x71\xee\x5b\x7d",
	    false, 0, "strongSwan 2.5.1"),
	/* MD5("SSH Communications Security IPSEC Express version 4.1.0") */
	VID("\x9a\xa1\xf3\xb4\x34\x72\xa4\x5d\x5f\x50\x6a\xeb\x26\x0c\xf2\x14",
	    false, 0, "SSH Communications Security IPSEC Express 4.1.0 (also CyberGuard)"),
	/* as sent; no known source text */
	VID("\x9b\x09\x6d\x9a\xc3\x27\x5a\x7d\x6f\xe8\xb9\x1c\x58\x31\x11\xb0"
	    "\x9e\xfe\xd1\xa0",
	    false, 0, "Juniper NetScreen-9"),
	/* MD5("strongSwan 4.0.1") */
	VID("\x9d\xbb\xaf\xcf\x1d\xb0\xdd\x59\x5a\xe0\x65\x29\x40\x03\xad\x3e",
	    false, 0, "strongSwan 4.0.1"),
	/* MD5("strongSwan 2.5.0") */
	VID("\x9e\xb3\xd9\x07\xed\x7a\xda\x4e\x3c\xbc\xac\xb9\x17\xab\xc8\xe4",
	    false, 0, "strongSwan 2.5.0"),
	/* MD5("strongSwan 4.2.0") */
	VID("\x9f\x68\x90\x13\x25\xa9\x72\x89\x43\x35\x30\x2a\x95\x31\xab\x9f",
	    false, 0, "strongSwan 4.2.0"),
	/* MD5("strongSwan 2.7.2") */
	VID("\xa1\x94\xe2\xaa\xdd\xd0\xba\xfb\x95\x25\x3d\xd9\x6d\xc7\x33\xeb",
	    false, 0, "strongSwan 2.7.2"),
	/* as sent; no known source text */
	VID("\xa3\x5b\xfd\x05\xca\x1a\xc0\xb3\xd2\xf2\x4e\x9e\x82\xbf\xcb\xff"
	    "\x9c\x9e\x52\xb5",
	    false, 0, "Juniper NetScreen-16"),
	/* MD5("SSH Communications Security IPSEC Express version 2.1.1") */
	VID("\xa6\x8d\xe7\x56\xa9\xc5\x22\x9b\xae\x66\x49\x80\x40\x95\x1a\xd5",
	    false, 0, "SSH Communications Security IPSEC Express 2.1.1"),
	/* MD5("strongSwan 4.0.7") */
	VID("\xab\x07\x46\x22\x1c\xc8\xfd\x0d\x52\x38\xf7\x3a\x9b\x3d\xa5\x57",
	    false, 0, "strongSwan 4.0.7"),
	/* MD5("A GSS-API Authentication Method for IKE") */
	VID("\xad\x2c\x0d\xd0\xb9\xc3\x20\x83\xcc\xba\x25\xb8\x86\x1e\xc4\x55",
	    false, 0, "A GSS-API Authentication Method for IKE"),
	/* MD5("IKE Challenge/Response for Authenticated Cryptographic Keys (Revised)") */
	VID("\xad\x32\x51\x04\x2c\xdc\x46\x52\xc9\xe0\x73\x4c\xe5\xde\x4c\x7d",
	    false, 0, "IKE Challenge/Response for Authenticated Cryptographic Keys (Revised)"),
	/* as sent; no known source text */
	VID("\xaf\xca\xd7\x13\x68\xa1\xf1\xc9\x6b\x86\x96\xfc\x77\x57",
	    true, IKS_VF_DPD, "Dead Peer Detection (other version)"),
	/* as sent; no known source text */
	VID("\xaf\xca\xd7\x13\x68\xa1\xf1\xc9\x6b\x86\x96\xfc\x77\x57\x01\x00",
	    false, IKS_VF_DPD, "RFC 3706 DPD (Dead Peer Detection)"),
	/* MD5("SSH Communications Security IPSEC Express version 5.0") */
	VID("\xb0\x37\xa2\x1a\xce\xcc\xb5\x57\x0f\x60\x25\x46\xf9\x7b\xde\x8c",
	    false, 0, "SSH Communications Security IPSEC Express 5.0"),
	/* MD5("strongSwan 4.0.3") */
	VID("\xb1\x81\xb1\x8e\x11\x4f\xc2\x09\xb3\xc6\xe2\x6c\x3a\x80\x71\x8e",
	    false, 0, "strongSwan 4.0.3"),
	/* MD5("strongSwan 2.6.3") */
	VID("\xb2\x86\x0e\x78\x37\xf7\x11\xbe\xf3\xd0\xee\xb1\x06\x87\x2d\xed",
	    false, 0, "strongSwan 2.6.3"),
	/* MD5("A GSS-API Authentication Method for IKE\n") */
	VID("\xb4\x6d\x89\x14\xf3\xaa\xa3\xf2\xfe\xde\xb7\xc7\xdb\x29\x43\xca",
	    false, 0, "A GSS-API Authentication Method for IKE"),
	/* MD5("Fortinet Endpoint Control") */
	VID("\xb4\xf0\x1c\xa9\x51\xe9\xda\x8d\x0b\xaf\xbb\xd3\x4a\xd3\x04\x4e",
	    false, 0, "Fortinet Endpoint Control"),
	/* MD5("strongSwan 4.1.11") */
	VID("\xb7\xbd\x9f\x2f\x97\x8e\x32\x59\xa7\xaa\x9f\x7a\x13\x96\xad\x6c",
	    false, 0, "strongSwan 4.1.11"),
	/* as sent; no known source text */
	VID("\xb8\x58\xd1\xad\xdd\x08\xc1\xe8\xad\xaf\xea\x15\x06\x08\xaa\x44"
	    "\x97\xaa\x6c\xc8",
	    false, 0, "ZyXEL ZyWALL Router"),
	/* MD5("strongSwan 2.3.0") */
	VID("\xb8\xf9\x2b\x2f\xa2\xd3\xfe\x5f\xe1\x58\x34\x4b\xda\x1c\xc6\xae",
	    false, 0, "strongSwan 2.3.0"),
	/* MD5("SSH Sentinel 1.1") */
	VID("\xb9\x16\x23\xe6\x93\xca\x18\xa5\x4c\x6a\x27\x78\x55\x23\x05\xe8",
	    false, 0, "SSH Sentinel 1.1"),
	/* MD5("strongSwan 2.6.4") */
	VID("\xb9\x27\xf9\x52\x19\xa0\xfe\x36\x00\xdb\xa3\xc1\x18\x2a\xe5\x5f",
	    false, 0, "strongSwan 2.6.4"),
	/* MD5("IKE Challenge/Response for Authenticated Cryptographic Keys") */
	VID("\xba\x29\x04\x99\xc2\x4e\x84\xe5\x3a\x1d\x83\xa0\x5e\x5f\x00\xc9",
	    false, 0, "IKE Challenge/Response for Authenticated Cryptographic Keys"),
	/* MD5("strongSwan 4.2.1") */
	VID("\xba\xb2\x53\xf4\xcb\x10\xa8\x10\x8a\x7c\x92\x7c\x56\xc8\x78\x86",
	    false, 0, "strongSwan 4.2.1"),
	/* as sent; no known source text */
	VID("\xba\xeb\x23\x90\x37\xe1\x77\x87\xd7\x30\xee\xd9\xd9\x5d\x48\xaa",
	    false, 0, "Stonesoft StoneGate"),
	/* as sent; no known source text */
	VID("\xbf\x03\x74\x61\x08\xd7\x46\xc9\x04\xf1\xf3\x54\x7d\xe2\x4f\x78"
	    "\x47\x9f\xed\x12",
	    false, 0, "Juniper NetScreen-10"),
	/* MD5("strongSwan 4.1.5") */
	VID("\xbf\x0f\xbf\x73\x06\xeb\xb7\x82\x70\x42\xd8\x93\x53\x98\x86\xe2",
	    false, 0, "strongSwan 4.1.5"),
	/* MD5("strongSwan 4.1.10") */
	VID("\xbf\x3a\x89\xae\x5b\xef\x8e\x72\xd4\x4d\xac\x8b\xb8\x8d\x7d\x5f",
	    false, 0, "strongSwan 4.1.10"),
	/* MD5("Ssh Communications Security IPSEC Express version 1.2.1") */
	VID("\xc1\x11\x1b\x2d\xee\x8c\xbc\x3d\x62\x05\x73\xec\x57\xaa\xb9\xcb",
	    false, 0, "SSH Communications Security IPSEC Express 1.2.1"),
	/* as sent; no known source text */
	VID("\xc2\xe8\x05\x00\xf4\xcc\x5f\xbf\x5d\xaa\xee\xd3\xbb\x59\xab\xae"
	    "\xee\x56\xc6\x52",
	    false, 0, "Juniper NetScreen-11"),
	/* MD5("Testing NAT-T RFC") */
	VID("\xc4\x0f\xee\x00\xd5\xd3\x9d\xdb\x1f\xc7\x62\xe0\x9b\x7c\xfe\xa7",
	    false, IKS_VF_NATT_DRAFT, "Testing NAT-T RFC"),
	/* as sent; no known source text */
	VID("\xc5\x73\xb0\x56\xd7\xfa\xca\x36\xc2\xfb\xa2\x83\x74\x12\x7c\xbf",
	    false, 0, "Stonesoft StoneGate"),
	/* as sent; no known source text */
	VID("\xc6\x1b\xac\xa1\xf1\xa6\x0c\xc1\x08\x00\x00\x00\x00\x00\x00\x00",
	    false, 0, "NCP client"),
	/* as sent; no known source text */
	VID("\xc8\x66\x0a\x62\xb0\x3b\x1b\x61\x30\xbf\x78\x16\x08\xd3\x2a\x6a"
	    "\x8d\x0f\xb8\x9f",
	    false, 0, "Juniper NetScreen-12"),
	/* as sent; no known source text */
	VID("\xca\x3e\x2b\x85\x4b\xa8\x03\x00\x17\xdc\x10\x23\xa4\xfd\xe2\x04"
	    "\x1f\x9f\x74\x63",
	    false, 0, "Aruba Networks Remote AP"),
	/* as sent; no known source text */
	VID("\xcb\xe7\x94\x44\xa0\x87\x0d\xe4\x22\x4a\x2c\x15\x1f\xbf\xe0\x99",
	    false, 0, "NCP client"),
	/* MD5("draft-ietf-ipsec-nat-t-ike-02") */
	VID("\xcd\x60\x46\x43\x35\xdf\x21\xf8\x7c\xfd\xb2\xfc\x68\xb6\xa4\x48",
	    false, IKS_VF_NATT_DRAFT, "draft-ietf-ipsec-nat-t-ike-02"),
	/* MD5("strongSwan 4.1.6") */
	VID("\xd1\x96\x83\x36\x8a\xf4\xb0\xed\xc2\x1c\xcd\xe9\x82\xb1\xd1\xb0",
	    false, 0, "strongSwan 4.1.6"),
	/* MD5("strongSwan 4.1.1") */
	VID("\xd3\xf1\xc4\x88\xc3\x68\x17\x5d\x5f\x40\xa8\xf5\xca\x5f\x5e\x12",
	    false, 0, "strongSwan 4.1.1"),
	/* MD5("strongSwan 2.2.1") */
	VID("\xd9\x11\x8b\x1e\x9d\xe5\xef\xce\xd9\xcc\x9d\x88\x3f\x21\x68\xff",
	    false, 0, "strongSwan 2.2.1"),
	/* as sent; no known source text */
	VID("\xda\x8e\x93\x78\x80\x01\x00\x00",
	    true, 0, "SonicWall / WatchGuard / SafeNet"),
	/* as sent; no known source text */
	VID("\xdb\xfb\x81\xeb\x57\x60\xb0\x78\x85\x62\x06\x7d\xa1\x02\xd7\x55",
	    false, 0, "Netgear"),
	/* MD5("strongSwan 4.0.5") */
	VID("\xdd\x18\x0d\x21\xe5\xce\x65\x5a\x76\x8b\xa3\x22\x11\xdd\x8a\xd9",
	    false, 0, "strongSwan 4.0.5"),
	/* MD5("strongSwan 2.5.3") */
	VID("\xdf\x5b\x1f\x0f\x1d\x56\x79\xd9\xf8\x51\x2b\x16\xc5\x5a\x60\x65",
	    false, 0, "strongSwan 2.5.3"),
	/* MD5("strongSwan 2.8.1") */
	VID("\xe3\x7f\x2d\x5b\xa8\x9a\x62\xcd\x20\x2e\xe2\x7d\xac\x06\xc8\xa8",
	    false, 0, "strongSwan 2.8.1"),
	/* as sent; no known source text */
	VID("\xe3\xa5\x96\x6a\x76\x37\x9f\xe7\x07\x22\x82\x31\xe5\xce\x86\x52",
	    false, IKS_VF_WINDOWS, "IKE CGA Version 1 (Microsoft)"),
	/* MD5("strongSwan 2.4.2") */
	VID("\xe7\xa3\xfd\x0c\x6d\x77\x1a\x8f\x1b\x8a\x86\xa4\x16\x9c\x9e\xa4",
	    false, 0, "strongSwan 2.4.2"),
	/* MD5("strongSwan 2.4.0") */
	VID("\xe8\x29\xc8\x81\x49\xba\xb3\xc0\xce\xe8\x5d\xa6\x0e\x18\xae\x9b",
	    false, 0, "strongSwan 2.4.0"),
	/* MD5("Ssh Communications Security IPSEC Express version 1.1.2") */
	VID("\xe8\xbf\xfa\x64\x3e\x5c\x8f\x2c\xd1\x0f\xda\x73\x70\xb6\xeb\xe5",
	    false, 0, "SSH Communications Security IPSEC Express 1.1.2"),
	/* MD5("strongSwan 4.1.7") */
	VID("\xea\x84\x0a\xa4\xdf\xc9\x71\x2d\x6c\x32\xb5\xa1\x6e\xb3\x29\xa3",
	    false, 0, "strongSwan 4.1.7"),
	/* MD5("SSH Sentinel 1.4.1") */
	VID("\xeb\x4b\x0d\x96\x27\x6b\x4e\x22\x0a\xd1\x62\x21\xa7\xb2\xa5\xe6",
	    false, 0, "SSH Sentinel 1.4.1"),
	/* as sent; no known source text */
	VID("\xeb\x4c\x1b\x78\x8a\xfd\x4a\x9c\xb7\x73\x0a\x68\xd5\x6d\x08\x8b",
	    false, 0, "NCP client"),
	/* as sent; no known source text */
	VID("\xf1\x4b\x94\xb7\xbf\xf1\xfe\xf0\x27\x73\xb8\xc4\x9f\xed\xed\x26",
	    false, 0, "Shrew Soft VPN client"),
	/* as sent; no known source text */
	VID("\xf4\xed\x19\xe0\xc1\x14\xeb\x51\x6f\xaa\xac\x0e\xe3\x7d\xaf\x28"
	    "\x07\xb4\x38\x1f",
	    true, 0, "Check Point (CryptoPro/GOST 0.1, R65)"),
	/* MD5("SSH Communications Security IPSEC Express version 3.0.1") */
	VID("\xf5\xce\x31\xeb\xc2\x10\xf4\x43\x50\xcf\x71\x26\x5b\x57\x38\x0f",
	    false, 0, "SSH Communications Security IPSEC Express 3.0.1"),
	/* MD5("SSH Communications Security IPSEC Express version 4.0.0") */
	VID("\xf6\x42\x60\xaf\x2e\x27\x42\xda\xdd\xd5\x69\x87\x06\x8a\x99\xa0",
	    false, 0, "SSH Communications Security IPSEC Express 4.0.0"),
	/* MD5("strongSwan 2.3.1") */
	VID("\xf6\x97\xc1\xaf\xcc\x2e\xc8\xdd\xcd\xf9\x9d\xc7\xaf\x03\xa6\x7f",
	    false, 0, "strongSwan 2.3.1"),
	/* MD5("ALTIGA NETWORKS") */
	VID("\xf6\xf7\xef\xc7\xf5\xae\xb8\xcb\x15\x8c\xb9\xd0\x94\xba\x69\xe7",
	    false, 0, "Cisco VPN 3000 client"),
	/* as sent; no known source text */
	VID("\xf7\x58\xf2\x26\x68\x75\x0f\x03\xb0\x8d\xf6\xeb\xe1\xd0",
	    false, 0, "ZyXEL ZyWALL USG 100"),
	/* as sent; no known source text */
	VID("\xf8\x85\xda\x40\xb1\xe7\xa9\xab\xd1\x76\x55\xec\x5b\xbe\xc0\xf2"
	    "\x1f\x0e\xd5\x2e",
	    false, 0, "Juniper NetScreen-13"),
	/* MD5("MS-Negotiation Discovery Capable") */
	VID("\xfb\x1d\xe3\xcd\xf3\x41\xb7\xea\x16\xb7\xe5\xbe\x08\x55\xf1\x20",
	    false, IKS_VF_WINDOWS, "MS-Negotiation Discovery Capable"),
	/* MD5("strongSwan 2.8.3") */
	VID("\xfb\x46\x41\xad\x0e\xeb\x2a\x34\x49\x1d\x15\xf4\xef\xf5\x10\x63",
	    false, 0, "strongSwan 2.8.3"),
	/* MD5("Ssh Communications Security IPSEC Express version 1.1.0") */
	VID("\xfb\xf4\x76\x14\x98\x40\x31\xfa\x8e\x3b\xb6\x19\x80\x89\xb2\x23",
	    false, 0, "SSH Communications Security IPSEC Express 1.1.0"),
	/* as sent; no known source text */
	VID("\xfd\x80\x88\x04\xdf\x73\xb1\x51\x50\x70\x9d\x87\x80\x44\xcd\xe0"
	    "\xac\x1e\xfc\xde",
	    false, 0, "Juniper SRX"),
	/* MD5("strongSwan 2.8.6") */
	VID("\xfe\x3f\x49\x70\x6e\x26\xa9\xfb\x36\xa8\x7b\xfc\xe9\xea\x36\xce",
	    false, 0, "strongSwan 2.8.6"),
};

const struct iks_vendor *iks_vendor_table(size_t *n)
{
	if (n)
		*n = sizeof vendors / sizeof vendors[0];
	return vendors;
}

static bool vendor_matches(const struct iks_vendor *v, const uint8_t *vid,
			   size_t len)
{
	if (len < v->len || (len > v->len && !v->prefix))
		return false;
	return memcmp(vid, v->id, v->len) == 0;
}

const struct iks_vendor *iks_vendor_lookup(const uint8_t *vid, size_t len)
{
	const struct iks_vendor *best = NULL;

	if (!vid || len == 0)
		return NULL;
	/* A few hundred short memcmp()s per Vendor ID payload: a linear scan
	 * keeps prefix matching simple.  Exact beats prefix, longer beats
	 * shorter. */
	for (size_t i = 0; i < sizeof vendors / sizeof vendors[0]; i++) {
		const struct iks_vendor *v = &vendors[i];

		if (!vendor_matches(v, vid, len))
			continue;
		if (v->len == len && !v->prefix)
			return v;
		if (!best || v->len > best->len ||
		    (v->len == best->len && !v->prefix))
			best = v;
	}
	return best;
}

const char *iks_vendor_name(const uint8_t *vid, size_t len)
{
	const struct iks_vendor *v = iks_vendor_lookup(vid, len);

	return v ? v->name : NULL;
}
