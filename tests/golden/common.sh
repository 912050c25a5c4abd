# Shared by tests/golden/run and tests/golden/regen (sourced, POSIX sh).
#
# TESTLIST: one case per line, fields separated by blanks:
#
#   NAME  CAPTURE  EXPECTED  COMMAND [OPTION...]
#
#   NAME      unique; letters, digits, '.', '_', '-' and '/' (a '/' puts the
#             expected file in a subdirectory)
#   CAPTURE   path from the top of the tree; "<PATH" feeds PATH on standard
#             input and passes "-" as the capture
#   EXPECTED  file under tests/golden/expected (normally NAME.out)
#   COMMAND   the ikescope subcommand and its options, e.g. "dissect -V --json"
#
# The case runs `ikescope COMMAND [OPTION...] CAPTURE` from the top of the
# tree; it passes when the exit status is 0, nothing is written on stderr and
# stdout equals EXPECTED byte for byte.  '#' starts a comment line.

golden_init() {
	if [ $# -lt 1 ]; then
		echo "usage: $0 IKESCOPE [NAME...]" >&2
		exit 2
	fi
	case $1 in
	/*) IKESCOPE=$1 ;;
	*) IKESCOPE=$(pwd)/$1 ;;
	esac
	if [ ! -x "$IKESCOPE" ]; then
		echo "$0: $IKESCOPE: not an executable" >&2
		exit 2
	fi
	GOLDEN=$(cd "$(dirname "$0")" && pwd)
	TOP=$(cd "$GOLDEN/../.." && pwd)
	TMP=$(mktemp -d)
	trap 'rm -rf "$TMP"' EXIT INT TERM
	cd "$TOP" || exit 2
	# Fixed environment: no colour, C locale, UTC.
	NO_COLOR=1 LC_ALL=C TZ=UTC
	export NO_COLOR LC_ALL TZ
}

# golden_cases [NAME...]: the selected TESTLIST lines, comments stripped.
golden_cases() {
	if [ $# -eq 0 ]; then
		grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$GOLDEN/TESTLIST"
	else
		for _case in "$@"; do
			awk -v n="$_case" '$1 == n' "$GOLDEN/TESTLIST" | grep . ||
				{ echo "$0: no case named $_case" >&2; exit 2; }
		done
	fi
}

# golden_exec CAPTURE COMMAND...: run one case; stdout to $TMP/out, stderr
# to $TMP/err; returns the exit status.
golden_exec() {
	cap=$1
	shift
	case $cap in
	"<"*) "$IKESCOPE" "$@" - <"${cap#<}" >"$TMP/out" 2>"$TMP/err" ;;
	*) "$IKESCOPE" "$@" "$cap" >"$TMP/out" 2>"$TMP/err" ;;
	esac
}
