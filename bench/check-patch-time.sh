#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/check-patch-time.sh - how long `dmacheck check-patch` takes on a one-file patch,
# against the cost of compiling that one file once (results: docs/performance.md).
#
#   bench/check-patch-time.sh [--tree TREE] [--runs N] [--engine LIST] [PATCH]
#
# PATCH defaults to testsuite/patches/intro-dma-on-stack.patch (drivers/usb/misc/cytherm.c).
# Two cases, N runs each (default 3), wall and CPU time (user+sys of the command and its
# children, bash's `times`):
#   cold  the tree has no .o.cmd for the file: the compile command comes from kbuild's dry run
#         of the file's directory (`make -n M=DIR`), then two compiles (before, after)
#   built the file's object was built (`make M=DIR FILE.o` once, the .o.cmd is there)
# and, as the unit, the file's own compile by its kbuild command without the plugin.
# Prints every run and the medians, then a Markdown table row.
# Limits: wall time on these shared VMs varies by about 20%; the figures are medians.
# The "built" case builds the object in TREE (the default tree is dmacheck's own cache).

set -eu
cd "$(dirname "$0")/.."
tree=
runs=3
engine=gcc
patch=testsuite/patches/intro-dma-on-stack.patch
while [ $# -gt 0 ]; do
	case $1 in
	--tree) tree=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	--engine) engine=$2; shift 2 ;;
	-*) echo "usage: $0 [--tree TREE] [--runs N] [--engine LIST] [PATCH]" >&2; exit 2 ;;
	*) patch=$1; shift ;;
	esac
done
[ -n "$tree" ] || tree=$(sh scripts/kernel-tree.sh | tail -n 1)
src=$(sed -n 's|^+++ b/\(.*\.c\)$|\1|p' "$patch" | head -n 1)
[ -n "$src" ] || { echo "$0: $patch touches no .c file" >&2; exit 2; }
obj=${src%.c}.o
cmdfile=$tree/$(dirname "$obj")/.$(basename "$obj").cmd
unset MAKEFLAGS MFLAGS MAKELEVEL

# one_run CMD...: prints "wall cpu" of CMD (seconds)
one_run() {
	local t0 t1 c0 c1 me=$BASHPID
	c0=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$me/stat)
	t0=$(date +%s.%N)
	"$@" >/dev/null 2>&1 || [ $? -eq 1 ]
	t1=$(date +%s.%N)
	c1=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$me/stat)
	awk -v a="$t0" -v b="$t1" -v c="$c0" -v d="$c1" -v hz="$(getconf CLK_TCK)" \
		'BEGIN { printf "%.2f %.2f\n", b - a, (d - c) / hz }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure() {	# measure LABEL: runs check-patch N times, prints runs and medians
	local i out walls="" cpus=""
	for i in $(seq "$runs"); do
		out=$(one_run python3 bin/dmacheck check-patch -q --engine "$engine" --tree "$tree" "$patch")
		echo "$1 run $i: wall ${out% *} s, cpu ${out#* } s" >&2
		walls="$walls${out% *}"$'\n'; cpus="$cpus${out#* }"$'\n'
	done
	echo "$(printf '%s' "$walls" | median) $(printf '%s' "$cpus" | median)"
}

saved=
if [ -f "$cmdfile" ]; then saved=$(mktemp); cp "$cmdfile" "$saved"; mv "$cmdfile" "$cmdfile.bench"; fi
cold=$(measure cold)
[ -n "$saved" ] && mv "$cmdfile.bench" "$cmdfile" && rm -f "$saved"
if [ ! -f "$cmdfile" ]; then
	make -s -C "$tree" "$obj" >/dev/null 2>&1 || { echo "$0: make $obj failed" >&2; exit 1; }
fi
built=$(measure built)
cc=$(scripts/obj-cmd.sh "$tree" "$obj" /tmp/check-patch-bench.$$.o)
compile=$(cd "$tree" && one_run sh -c "$cc")
rm -f /tmp/check-patch-bench.$$.o /tmp/check-patch-bench.$$.o.d
echo "one compile of $src: wall ${compile% *} s, cpu ${compile#* } s" >&2
echo "| $(basename "$patch") ($src) | $engine | $runs | ${cold% *} s / ${cold#* } s | ${built% *} s / ${built#* } s | ${compile% *} s |"
