#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/plugin-cost.sh - what the GCC plugin costs at compile time, on real kernel code.
#
#   bench/plugin-cost.sh [--runs N] [--jobs J] [--file OBJ] [--plugin SO] [--cpu-only] [DIR...]
#
# Three measures (results and method: docs/performance.md; target: at most 2% extra CPU):
#  1. CPU time of a directory build.  N times (default 3), alternating which goes first:
#     `make M=DIR clean`, then `make -jJ M=DIR` without, and the same with
#     KCFLAGS=-fplugin=SO.  CPU time is user+sys of make and all its children (bash's `time`).
#     Prints every run, the median of the per-run ratios with/without, and the overhead in %.
#  2. -ftime-report of one file (OBJ, default DIR/ftdi_sio.o when it exists, else the object
#     of the largest .c of DIR) compiled with the plugin by its exact kbuild command
#     (scripts/obj-cmd.sh).  The plugin's pass is registered with TV_NONE, so its time is not
#     a line of its own: it is added to whatever timer is running around it.  The report's
#     "plugin execution" line is GCC's callback dispatch (TV_PLUGIN_RUN): once a plugin is
#     loaded every plugin event (each pass of each function, each declaration) is dispatched,
#     and with -ftime-report each dispatch is timed; it is printed for completeness.
#  3. Instructions: the same command without and with the plugin under
#     `valgrind --tool=callgrind --trace-children=yes`; the total Ir of cc1 in each, their ratio,
#     and the inclusive Ir of the plugin's two entry points (its pass and its end-of-unit hook).
#     Deterministic, so this is the measure to compare against the target; CPU time on these
#     VMs varies by about 5% between identical runs.
# At the end a Markdown table row for docs/performance.md.
#
# Options:
#   --runs N      build pairs (default 3)
#   --jobs J      make -jJ (default 1: least noise in CPU time)
#   --file OBJ    the single file of measures 2 and 3, relative to the tree
#   --plugin SO   the plugin (default: `make plugin` here, then plugin/dmacheck.so)
#   --cpu-only    measure 1 only (for a whole corpus, where callgrind would take hours)
#   --ir-only     measure 3 only (the deterministic one): the file is built first if the tree
#                 has no object of it (--file, default DIR/ftdi_sio.o)
# Several DIRs: a build is all of them in turn (the corpus: the DIRs of dmacheck scan);
# measures 2 and 3 use the first. DIR defaults to drivers/usb/serial (108 compiles, ~50 CPU-s a
# build: ~6 minutes for N=3
# plus ~3 minutes of callgrind).
#
# Exit: 0 measured; 1 a build or compile failed; 2 usage or set-up.
# Limits: builds the tree of scripts/kernel-tree.sh and holds its lock (<tree>.lock) while
# measuring; other load on the machine skews measure 1 (not 3); the callgrind runs take
# about 50 times the compile's CPU time.

set -eu
set -o pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=3
jobs=1
cpu_only=0
ir_only=0
file=
plugin=
dir=

usage() {
	echo "usage: $0 [--runs N] [--jobs J] [--file OBJ] [--plugin SO] [--cpu-only|--ir-only] [DIR...]" >&2
	exit 2
}
die() { echo "plugin-cost: $*" >&2; exit 2; }
fail() { echo "plugin-cost: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
	case $1 in
	--runs|--jobs|--file|--plugin)
		[ $# -ge 2 ] || usage
		case $1 in
		--runs)		runs=$2 ;;
		--jobs)		jobs=$2 ;;
		--file)		file=$2 ;;
		--plugin)	plugin=$2 ;;
		esac
		shift 2 ;;
	--cpu-only)	cpu_only=1; shift ;;
	--ir-only)	ir_only=1; shift ;;
	-h|--help)	usage ;;
	-*)		echo "$0: unknown option '$1'" >&2; usage ;;
	*)		dir="$dir ${1%/}"; shift ;;
	esac
done
dir=${dir# }
dir=${dir:-drivers/usb/serial}
case $runs in ''|*[!0-9]*|0) die "--runs needs a positive number" ;; esac
case $jobs in ''|*[!0-9]*|0) die "--jobs needs a positive number" ;; esac

unset MAKEFLAGS MFLAGS MAKELEVEL
export LC_ALL=C

tree=$("$root/scripts/kernel-tree.sh" | tail -n 1) || die "scripts/kernel-tree.sh failed"
for d in $dir; do [ -d "$tree/$d" ] || die "no directory $d in $tree"; done
if [ -z "$plugin" ]; then
	make -s -C "$root" plugin >&2 || die "make plugin failed"
	plugin=$root/plugin/dmacheck.so
fi
[ -f "$plugin" ] || die "no plugin at $plugin"
plugin=$(cd "$(dirname "$plugin")" && pwd)/$(basename "$plugin")
command -v valgrind >/dev/null || die "valgrind not found"

exec 9>"$tree.lock"
if ! flock -n 9; then
	echo "plugin-cost: waiting for another build in $tree" >&2
	flock 9
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# build with|without: clean, then a timed build of $dir; sets $cpu (s) and $ncc (compiles)
build() {
	local kc='' t

	[ "$1" = without ] || kc="-fplugin=$plugin"
	cpu=0 ncc=0
	for d in $dir; do	# several DIRs: one build is all of them, one after the other
		make -s -C "$tree" M="$d" clean > "$tmp/log" 2>&1 ||
			{ cat "$tmp/log" >&2; fail "make M=$d clean failed"; }
		TIMEFORMAT='%3U %3S'
		{ time make -C "$tree" -j"$jobs" M="$d" KCFLAGS="$kc" > "$tmp/log" 2>&1; } \
			2> "$tmp/time" || { tail -n 30 "$tmp/log" >&2; fail "make M=$d ($1 plugin) failed"; }
		t=$(tail -n 1 "$tmp/time")
		cpu=$(echo "$t $cpu" | awk '{ printf "%.2f", $1 + $2 + $3 }')
		ncc=$((ncc + $(grep -cE '^ +CC \[M\] ' "$tmp/log" || true)))
	done
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if [ "$ir_only" = 1 ]; then
	runs=0
	file=${file:-${dir%% *}/ftdi_sio.o}
	[ -f "$tree/$(dirname "$file")/.$(basename "$file").cmd" ] ||
		make -s -C "$tree" "$file" > "$tmp/log" 2>&1 ||
		{ tail -n 30 "$tmp/log" >&2; fail "make $file failed"; }
else
echo "== 1. CPU time: make -j$jobs M=$dir, $runs pairs, alternating ($(nproc) CPUs)"
fi
: > "$tmp/ratios"; : > "$tmp/without"; : > "$tmp/with"
for i in $(seq "$runs"); do
	if [ $((i % 2)) -eq 1 ]; then order="without with"; else order="with without"; fi
	for m in $order; do
		build "$m"
		echo "$cpu" >> "$tmp/$m"
		eval "cpu_$m=\$cpu"
	done
	# shellcheck disable=SC2154 # cpu_with, cpu_without are set by the eval above
	r=$(awk -v a="$cpu_with" -v b="$cpu_without" 'BEGIN { printf "%.4f", a / b }')
	echo "$r" >> "$tmp/ratios"
	printf 'run %d (%s first): without %7.2f s   with %7.2f s   ratio %s   (%d compiles)\n' \
		"$i" "${order%% *}" "$cpu_without" "$cpu_with" "$r" "$ncc"
done
if [ "$ir_only" = 0 ]; then
m_without=$(median < "$tmp/without")
m_with=$(median < "$tmp/with")
m_ratio=$(median < "$tmp/ratios")
overhead=$(awk -v r="$m_ratio" 'BEGIN { printf "%+.1f", (r - 1) * 100 }')
echo "median CPU: without $m_without s, with $m_with s; median ratio $m_ratio, overhead $overhead%"
fi

if [ "$cpu_only" = 1 ]; then
	echo
	echo "| directories | files | runs | CPU-s without | CPU-s with | ratio | overhead |"
	echo "|---|---|---|---|---|---|---|"
	echo "| $dir | $ncc | $runs | $m_without | $m_with | $m_ratio | $overhead% |"
	exit 0
fi
dir=${dir%% *}	# measures 2 and 3: the first DIR

# The single file: DIR/ftdi_sio.o, else the object of DIR's largest compiled .c.
if [ -z "$file" ]; then
	if [ -f "$tree/$dir/.ftdi_sio.o.cmd" ]; then
		file=$dir/ftdi_sio.o
	else
		for c in $(cd "$tree" && find "$dir" -name '*.c' ! -name '*.mod.c' -printf '%s %p\n' |
			   sort -rn | cut -d' ' -f2); do
			[ -f "$tree/$(dirname "$c")/.$(basename "$c" .c).o.cmd" ] || continue
			file=${c%.c}.o
			break
		done
	fi
fi
[ -n "$file" ] || die "no compiled .c file in $dir"
cmd=$("$root/scripts/obj-cmd.sh" "$tree" "$file" "$tmp/o.o") || die "no command for $file"

if [ "$ir_only" = 0 ]; then
echo
echo "== 2. gcc -ftime-report, $file with the plugin (exact kbuild command)"
(cd "$tree" && eval "$cmd -ftime-report -fplugin=$plugin") > "$tmp/tr" 2>&1 ||
	{ cat "$tmp/tr" >&2; fail "compile of $file failed"; }
grep -E '^ (phase [a-z ]+|plugin execution|TOTAL) +:' "$tmp/tr"
echo "(the dmacheck pass is TV_NONE: its time is inside the phase lines, not a line of its own)"
fi

echo
echo "== 3. instructions: valgrind --tool=callgrind --trace-children=yes, $file"
ir_of_cc1() {	# $1: with|without; prints cc1's total Ir, leaves its profile in $tmp/cc1.$1
	local extra='' f

	[ "$1" = without ] || extra="-fplugin=$plugin"
	rm -f "$tmp"/cg.*
	(cd "$tree" && eval "valgrind -q --tool=callgrind --trace-children=yes \
		--callgrind-out-file=$tmp/cg.%p $cmd $extra") > "$tmp/cglog" 2>&1 ||
		{ tail -n 20 "$tmp/cglog" >&2; fail "callgrind run ($1 plugin) failed"; }
	f=$(grep -lE '^cmd: .*/cc1 ' "$tmp"/cg.* | sed -n 1p)
	[ -n "$f" ] || fail "no cc1 profile among $(ls "$tmp"/cg.*)"
	mv "$f" "$tmp/cc1.$1"
	awk '/^(summary|totals):/ { print $2; exit }' "$tmp/cc1.$1"
}
ir_without=$(ir_of_cc1 without)
ir_with=$(ir_of_cc1 with)
ir_ratio=$(awk -v a="$ir_with" -v b="$ir_without" 'BEGIN { printf "%.5f", a / b }')
printf 'cc1 Ir without %d, with %d: ratio %s (%+.3f%%)\n' "$ir_without" "$ir_with" "$ir_ratio" \
	"$(awk -v r="$ir_ratio" 'BEGIN { print (r - 1) * 100 }')"
# Where the difference goes, inclusive Ir: the plugin's two entry points (its pass; the
# end-of-unit hook, which runs inside GCC's callback dispatch), loading it, and dispatching
# every plugin event to the callbacks.
echo "inclusive Ir in the run with the plugin:"
callgrind_annotate --inclusive=yes --threshold=100 "$tmp/cc1.with" 2>/dev/null |
	grep -E ':(dmacheck_pass::execute|dmacheck_finish_unit|analysis_finish_unit|initialize_plugins|invoke_plugin_callbacks_full)\(' |
	sed -E 's/^ *([0-9,]+) *\( *([0-9.]+%)\) *[^:]*:([^(]*)\(.*/  \1 Ir (\2)  \3/' |
	awk '!seen[$NF]++' || true	# the largest line per function; others are inlined parts

if [ "$ir_only" = 1 ]; then
	echo
	echo "| file | cc1 Ir without | cc1 Ir with | ratio |"
	echo "|---|---|---|---|"
	echo "| ${file%.o}.c | $ir_without | $ir_with | $ir_ratio |"
	exit 0
fi
echo
echo "| directory | files | runs | CPU-s without | CPU-s with | ratio | overhead | Ir ratio ($(basename "$file" .o).c) |"
echo "|---|---|---|---|---|---|---|---|"
echo "| $dir | $ncc | $runs | $m_without | $m_with | $m_ratio | $overhead% | $ir_ratio |"
