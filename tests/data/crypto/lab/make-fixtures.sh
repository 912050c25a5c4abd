#!/bin/sh
# make-fixtures.sh NAME WORKDIR PCAP [full]
#
# Turn one kept lab run (tests/lab/lab run SCENARIO --keep) into crypto test
# fixtures in this directory:
#   NAME.hex    "<frame>\t<IKE message hex>" per ISAKMP frame; the 4-byte
#               non-ESP marker of UDP 4500 is removed, so each line is the
#               IKE message from its header on;
#   NAME.a.log  peer a's charon log, NAME.b.log peer b's.  With "full" the
#               logs are kept whole; otherwise only what iks_keylog_parse()
#               reads (Sk_e*/Sk_a*/Ka dumps, selected proposal, checkin
#               lines) plus the dump of "Sk_d" as an unwanted neighbour.
set -eu
name=$1 work=$2 pcap=$3 mode=${4:-filtered}
dir=$(cd "$(dirname "$0")" && pwd)
# either port may be 4500: behind a NAT the other one is translated
tshark -r "$pcap" -Y isakmp -T fields -e frame.number -e udp.srcport -e udp.dstport \
	-e udp.payload 2>/dev/null |
	awk -F'\t' '{ p = $4; if (($2 == 4500 || $3 == 4500) && substr(p, 1, 8) == "00000000") p = substr(p, 9); print $1 "\t" p }' \
	>"$dir/$name.hex"
for peer in a b; do
	if [ "$mode" = full ]; then
		cp "$work/$peer/charon.log" "$dir/$name.$peer.log"
	else
		awk '
			/ (Sk_d|Sk_ei|Sk_er|Sk_ai|Sk_ar) secret => / || /encryption key Ka => / { dump = 1; print; next }
			dump && /> +[0-9]+: / { print; next }
			{ dump = 0 }
			/selected proposal: IKE:/ || /checkin IKEv[12] SA / { print }
		' "$work/$peer/charon.log" >"$dir/$name.$peer.log"
	fi
done
