#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# testsuite/plugin-behaviour.sh - what the plugin promises besides its rules: its arguments
# and their error wording, refusing a GCC it was not built for, and never changing the code
# GCC generates.
#
#   testsuite/plugin-behaviour.sh [--cc CC] [--plugin SO] [--other-cc CC2]
#
# Checks, one "PASS name" / "FAIL name" line each, then "plugin-behaviour: N passed, N failed":
#   - -fplugin-arg-dmacheck-disable=RULE silences that rule and only that rule; a list of two
#     works; an unknown rule, an empty value and an unknown argument are errors with the
#     kernel plugins' wording; -fplugin-arg-dmacheck-error turns the warnings into errors
#     (non-zero exit) and takes no value.
#   - with --other-cc (a GCC of another version that has plugin headers): loading SO there
#     fails with "incompatible gcc/plugin versions" and no crash.
#   - object identity: every testsuite case compiled at -O0, -O2, -Os (and -O2 -g) with and
#     without the plugin gives byte-identical object files (cmp).
#   - -fdiagnostics-format=json is valid JSON and carries the same findings.
# Defaults: CC=gcc, SO=plugin/dmacheck.so, --other-cc gcc-11 when it exists and differs.
# Exit: 0 all passed, 1 a check failed, 2 usage or missing plugin.
# Limits: the identity check covers the testsuite's C; real kernel code is compared by
# scripts/plugin-identity.sh.

set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cc=gcc
plugin=$root/plugin/dmacheck.so
other=

while [ $# -gt 0 ]; do
	case $1 in
	--cc|--plugin|--other-cc)
		[ $# -ge 2 ] || { echo "usage: $0 [--cc CC] [--plugin SO] [--other-cc CC2]" >&2; exit 2; }
		case $1 in --cc) cc=$2 ;; --plugin) plugin=$2 ;; --other-cc) other=$2 ;; esac
		shift 2 ;;
	*)	echo "usage: $0 [--cc CC] [--plugin SO] [--other-cc CC2]" >&2; exit 2 ;;
	esac
done
[ -f "$plugin" ] || { echo "plugin-behaviour: no plugin at $plugin (make plugin)" >&2; exit 2; }
if [ -z "$other" ] && command -v gcc-11 >/dev/null &&
   [ "$(gcc-11 -dumpfullversion)" != "$($cc -dumpfullversion)" ]; then
	other=gcc-11
fi

pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

ok()  { pass=$((pass + 1)); echo "PASS $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/    | /' "$2" | head -20; }

# A case with one finding of each of two rules.
cat >"$tmp/two.c" <<'EOF'
#include <linux/usb.h>
#include <linux/dma-mapping.h>
int f(struct usb_device *udev, struct usb_interface *intf)
{
	u8 buf[4];

	dma_set_mask(&intf->dev, DMA_BIT_MASK(32));
	return usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 1, 0xc0, 0, 0, buf, 4, 1000);
}
EOF
compile() {	# compile OUT ARGS...: stderr to OUT, exit status returned
	local out=$1; shift
	$cc -std=gnu11 -Wall -nostdinc -isystem "$root/testsuite/include" -fdiagnostics-color=never \
	    -O2 -c -o "$tmp/o.o" "$@" 2>"$out"
}
P=-fplugin=$plugin
A=-fplugin-arg-dmacheck

compile "$tmp/e" $P "$tmp/two.c"; rc=$?
if [ $rc -eq 0 ] && grep -q 'warning: .*\[dmacheck-dma-on-stack\]' "$tmp/e" &&
   grep -q 'warning: .*\[dmacheck-usb-dma-mask\]' "$tmp/e" &&
   [ "$(grep -c 'warning:' "$tmp/e")" -eq 2 ]; then ok "both rules warn by default, nothing else does"
else bad "both rules warn by default, nothing else does" "$tmp/e"; fi

compile "$tmp/e" $P $A-disable=dma-on-stack "$tmp/two.c"; rc=$?
if [ $rc -eq 0 ] && ! grep -q 'dmacheck-dma-on-stack' "$tmp/e" && grep -q 'dmacheck-usb-dma-mask' "$tmp/e"
then ok "disable=RULE silences only that rule"; else bad "disable=RULE silences only that rule" "$tmp/e"; fi

compile "$tmp/e" $P $A-disable=dma-on-stack,usb-dma-mask "$tmp/two.c"; rc=$?
if [ $rc -eq 0 ] && ! grep -q 'dmacheck' "$tmp/e"; then ok "disable=RULE,RULE"
else bad "disable=RULE,RULE" "$tmp/e"; fi

compile "$tmp/e" $P $A-disable=no-such-rule "$tmp/two.c"; rc=$?
if [ $rc -ne 0 ] && grep -q "error: unknown rule 'no-such-rule' in '-fplugin-arg-dmacheck-disable'" "$tmp/e"
then ok "unknown rule is an error"; else bad "unknown rule is an error" "$tmp/e"; fi

compile "$tmp/e" $P $A-disable "$tmp/two.c"; rc=$?
if [ $rc -ne 0 ] && grep -q "error: no value supplied for option '-fplugin-arg-dmacheck-disable'" "$tmp/e"
then ok "disable without a value is an error"; else bad "disable without a value is an error" "$tmp/e"; fi

compile "$tmp/e" $P $A-frobnicate "$tmp/two.c"; rc=$?
if [ $rc -ne 0 ] && grep -q "error: unknown option '-fplugin-arg-dmacheck-frobnicate'" "$tmp/e"
then ok "unknown argument is an error"; else bad "unknown argument is an error" "$tmp/e"; fi

compile "$tmp/e" $P $A-error "$tmp/two.c"; rc=$?
if [ $rc -ne 0 ] && grep -q 'error: .*\[dmacheck-dma-on-stack\]' "$tmp/e" &&
   ! grep -q 'warning: .*dmacheck' "$tmp/e"; then ok "-error makes findings errors"
else bad "-error makes findings errors" "$tmp/e"; fi

compile "$tmp/e" $P $A-error=yes "$tmp/two.c"; rc=$?
if [ $rc -ne 0 ] && grep -q "error: option '-fplugin-arg-dmacheck-error' takes no value" "$tmp/e"
then ok "-error=VALUE is an error"; else bad "-error=VALUE is an error" "$tmp/e"; fi

compile "$tmp/e" $P -fdiagnostics-format=json "$tmp/two.c"; rc=$?
if [ $rc -eq 0 ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
opts = sorted(x.get("option", "") for x in d if x["kind"] == "warning")
msgs = sorted(x["message"].rsplit("[", 1)[-1] for x in d if x["kind"] == "warning")
sys.exit(msgs != ["dmacheck-dma-on-stack]", "dmacheck-usb-dma-mask]"])' "$tmp/e"
then ok "-fdiagnostics-format=json"; else bad "-fdiagnostics-format=json" "$tmp/e"; fi

if [ -n "$other" ]; then
	$other -fplugin="$plugin" -c -x c /dev/null -o "$tmp/o.o" 2>"$tmp/e"; rc=$?
	if [ $rc -ne 0 ] && [ $rc -lt 128 ] && grep -q 'incompatible gcc/plugin versions' "$tmp/e" &&
	   ! grep -qi 'internal compiler error' "$tmp/e"
	then ok "$other refuses a plugin built for $($cc -dumpfullversion)"
	else bad "$other refuses a plugin built for $($cc -dumpfullversion)" "$tmp/e"; fi
fi

# Object identity over every testsuite case.
n=0 diff=0
for c in "$root"/testsuite/cases/*/*.c; do
	for lvl in -O0 -O2 -Os "-O2 -g"; do
		# -gno-record-gcc-switches: with -g, DW_AT_producer would record -fplugin
		# shellcheck disable=SC2086 # $lvl is two words on purpose
		$cc -std=gnu11 -nostdinc -isystem "$root/testsuite/include" -w $lvl \
		    -gno-record-gcc-switches -c -o "$tmp/a.o" "$c" 2>/dev/null || continue
		# shellcheck disable=SC2086
		$cc -std=gnu11 -nostdinc -isystem "$root/testsuite/include" -w $lvl \
		    -gno-record-gcc-switches -fplugin="$plugin" -c -o "$tmp/b.o" "$c" 2>"$tmp/e"
		n=$((n + 1))
		if ! cmp -s "$tmp/a.o" "$tmp/b.o"; then
			diff=$((diff + 1)); echo "    differs: ${c#"$root"/} $lvl"
		fi
	done
done
if [ $n -gt 0 ] && [ $diff -eq 0 ]; then ok "objects identical with and without the plugin ($n compiles)"
else bad "objects identical with and without the plugin ($diff of $n differ)"; fi

echo "plugin-behaviour: $pass passed, $fail failed"
[ $fail -eq 0 ]
