#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# testsuite/oracle-selftest.sh - shows that the testsuite fails when a rule or the core is
# wrong: the runner's own test for the oracle (testsuite/oracle.py).
#
#   testsuite/oracle-selftest.sh [--plugin SO]
#
# Each check runs testsuite/run.py on two cases (dma-on-stack/001 and urb-dma-flag-missing/001)
# with one thing broken on purpose, and requires the run to FAIL with the expected complaint:
#   0. nothing broken: both engines pass (the control: the mutants are the only difference)
#   1. a broken model branch in the core: the memory model files a task's stack as kmalloc
#      memory (core/mem.c dmc_register_current_stack); the core engine must report "static
#      only" for the dma-on-stack line (the static side says bug, the core not). (Breaking
#      only usb_hcd_map_urb_for_dma()'s object_is_on_stack() test is not enough, rightly: the
#      buffer then reaches dma_map_single(), which refuses the vmap stack, as 6.1 does.)
#   2. a second broken branch: check_flag_missing() returns at once; "static only" for the
#      urb-dma-flag-missing line
#   3. a broken rule in the analysis: analysis/check-dma-on-stack.c never reports; the gcc engine must
#      report the dg-warning "missing"
#   4. a rule and its expectation wrong together (what only the oracle can catch): the case's
#      dg-warning turned into a dg-bogus and compiled without the plugin (a rule that misses
#      the bug) passes the gcc engine, and the core engine must fail it with "core only"
# Ends with "oracle-selftest: N passed, N failed"; exit 1 if any check failed.
# Limits: builds a mutated core (~10 s) and plugin (~40 s) in a temporary directory.

set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
plugin=plugin/dmacheck.so
while [ $# -gt 0 ]; do
	case $1 in
	--plugin) plugin=$2; shift 2 ;;
	*) echo "usage: $0 [--plugin SO]" >&2; exit 2 ;;
	esac
done
tmp=$(mktemp -d /tmp/dmacheck-oracle-selftest.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
cases="dma-on-stack/001-rndis urb-dma-flag-missing/001-usbmouse"
stack_line=$(grep -n 'dg-warning "dmacheck-dma-on-stack"' \
	testsuite/cases/dma-on-stack/001-rndis-interrupt-notification.c | cut -d: -f1)
flag_line=$(grep -n 'dg-warning "dmacheck-urb-dma-flag-missing"' \
	testsuite/cases/urb-dma-flag-missing/001-usbmouse-probe.c | cut -d: -f1)

check() {	# check NAME EXPECTED-RC PATTERN CMD...: the run's exit status and a line it prints
	local name=$1 want=$2 pattern=$3 out rc
	shift 3
	out=$("$@" 2>&1); rc=$?
	if [ "$rc" -eq "$want" ] && { [ -z "$pattern" ] || grep -qE -- "$pattern" <<<"$out"; }; then
		pass=$((pass + 1)); echo "PASS $name"
	else
		fail=$((fail + 1)); echo "FAIL $name (exit $rc, wanted $want${pattern:+ and /$pattern/})"
		sed 's/^/    | /' <<<"$out" | head -40
	fi
}

# A copy of the core with one mutation applied; prints the library's path.
mutant_core() {	# mutant_core NAME FILE SED-EXPRESSION
	local dir=$tmp/core-$1 f
	mkdir -p "$dir/core"
	cp core/*.c core/*.h "$dir/core/"
	sed -i "$3" "$dir/core/$2"
	cmp -s "core/$2" "$dir/core/$2" && { echo "mutation $1 changed nothing" >&2; return 1; }
	for f in "$dir"/core/*.c; do
		gcc -std=gnu11 -O2 -g -Icore/include -Irules -I"$dir/core" -c "$f" \
			-o "${f%.c}.o" || return 1
	done
	ar rcs "$dir/libdmacore.a" "$dir"/core/*.o && echo "$dir/libdmacore.a"
}

run() { python3 testsuite/run.py -j 2 "$@"; }

# 0. control
check "control: gcc and core pass on the unmodified cases" 0 "" \
	run --plugin "$plugin" --engine gcc,core $cases

# 1. + 2. broken model branches in the core
core_mutant_check() {	# NAME FILE SED-EXPRESSION WHAT LINE RULE: the core engine must fail
	local lib
	if lib=$(mutant_core "$1" "$2" "$3"); then
		check "core: $4 fails line $5" 1 "ehci-dma: static only: line $5 $6" \
			run --engine core --core-lib "$lib" $cases
	else
		fail=$((fail + 1)); echo "FAIL core mutant '$1' did not build"
	fi
}
core_mutant_check stack mem.c \
	's/dmc_region_add(DMC_MEM_STACK, addr, size, "task stack")/dmc_region_add(DMC_MEM_KMALLOC, addr, size, "task stack")/' \
	"a model that files the stack as kmalloc memory" "$stack_line" dma-on-stack
core_mutant_check flag usb_hcd.c \
	'/^static void check_flag_missing/,/^}/s/^\tif (!driver_dma\( \|)\)/\treturn;\n\tif (!driver_dma\1/' \
	"check_flag_missing() disabled" "$flag_line" urb-dma-flag-missing

# 3. a broken rule in the analysis, seen through the plugin
mkdir -p "$tmp/analysis"
cp analysis/*.c analysis/*.h "$tmp/analysis/"
sed -i 's/if ((o.kinds \& O_STACK) \&\& report(RULE_DMA_ON_STACK,/if (0 \&\& (o.kinds \& O_STACK) \&\& report(RULE_DMA_ON_STACK,/' \
	"$tmp/analysis/check-dma-on-stack.c"
if ! cmp -s analysis/check-dma-on-stack.c "$tmp/analysis/check-dma-on-stack.c" &&
   make -s plugin B="$tmp/build" PLUGIN_SO="$tmp/broken.so" \
	ANALYSIS_SRC="$(ls "$tmp"/analysis/*.c | tr '\n' ' ') rules/catalogue.c" >"$tmp/make.out" 2>&1; then
	check "plugin: dma-on-stack never reported fails line $stack_line" 1 \
		"missing: $stack_line dma-on-stack" \
		run --plugin "$tmp/broken.so" --engine gcc --opt -O2 $cases
else
	fail=$((fail + 1)); echo "FAIL plugin mutant did not build"; cat "$tmp/make.out"
fi

# 4. rule and expectation wrong together: only the core notices
mkdir -p "$tmp/cases/dma-on-stack"
sed 's/{ dg-warning "dmacheck-dma-on-stack" }/{ dg-bogus "dmacheck" }/' \
	testsuite/cases/dma-on-stack/001-rndis-interrupt-notification.c \
	>"$tmp/cases/dma-on-stack/001-rndis-interrupt-notification.c"
check "static: the wrong expectation passes without the plugin" 0 "" \
	run --cases "$tmp/cases" --no-plugin --engine gcc --opt -O2 001-rndis
check "core: the wrong expectation fails with 'core only' on line $stack_line" 1 \
	"ehci-dma: core only: line [0-9]+ dma-on-stack" \
	run --cases "$tmp/cases" --engine core 001-rndis

echo "oracle-selftest: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
