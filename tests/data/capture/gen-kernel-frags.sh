#!/bin/sh
# Regenerates kernel-frags.pcap: IKE-sized UDP datagrams fragmented by the
# Linux kernel itself (loopback MTU 1280), in a private network namespace so
# nothing else is touched.  Needs root, tcpdump, python3 and editcap.
#   kernel-frags.pcap       3 fragmented datagrams (IPv4 500, IPv4 4500 with
#                           the non-ESP marker, IPv6 500), a NAT-T keepalive
#                           and an unfragmented IPv6 one
#   kernel-frags-lost.pcapng  the same without frames 2 and 9 (one fragment
#                           of the IPv4 500 and of the IPv6 datagram)
# The IKE messages are stand-ins: a 28-byte header and a byte pattern.
set -e
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cat > "$tmp/send.py" <<'PY'
import socket, struct, time
def ike(tag, extra):
    body = bytes((i * 7 + tag) & 0xff for i in range(extra))
    return struct.pack('!II8sBBBBII', 0x11223344, tag, b'\0' * 8, 33, 0x20,
                       34, 0x08, 0, 28 + extra) + body
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 500))
s.sendto(ike(1, 3000), ('127.0.0.1', 500))
s4 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s4.bind(('127.0.0.1', 4500))
s4.sendto(b'\0\0\0\0' + ike(2, 2500), ('127.0.0.1', 4500))
s4.sendto(b'\xff', ('127.0.0.1', 4500))
s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s6.bind(('::1', 500))
s6.sendto(ike(3, 4000), ('::1', 500))
s6.sendto(ike(4, 100), ('::1', 500))
time.sleep(0.5)
PY
cat > "$tmp/run.sh" <<SH
set -e
ip link set lo mtu 1280 up
tcpdump -i lo -w "$tmp/k.pcap" -s 0 -U 2>/dev/null &
t=\$!
sleep 1
python3 "$tmp/send.py"
sleep 1
kill \$t; wait \$t 2>/dev/null || true
SH
unshare -n sh "$tmp/run.sh"
cp "$tmp/k.pcap" "$here/kernel-frags.pcap"
editcap "$here/kernel-frags.pcap" "$here/kernel-frags-lost.pcapng" 2 9
rm -rf "$tmp"
