#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/cocci-cost.sh - dmacheck's Coccinelle scripts against the kernel's heaviest script,
# side by side in one run, the way a maintainer runs them.
#
#   bench/cocci-cost.sh [--runs N] [--tree TREE] [--jobs J] [--yardstick COCCI]
#                       [--keep OUTDIR] [DIR]
#
# In TREE (default $DMACHECK_CACHE/linux-6.1, else ~/.cache/dmacheck/linux-6.1), N times
# (default 1), alternating which goes first:
#   yardstick   make coccicheck MODE=report COCCI=<yardstick> M=DIR J=J
#               (default scripts/coccinelle/null/deref_null.cocci of the same tree)
#   dmacheck    the same command for each cocci/*.cocci of this repository (or each script
#               of COCCI_SCRIPTS, space-separated paths), one after the other; their times
#               summed
# DIR defaults to drivers/usb, J to 2 (the issue's set-up). Wall time is the command's; CPU
# time is user+sys of make and all its children (GNU time's %U+%S on the whole command).
# Prints each run ("yardstick|dmacheck|<script> wall cpu"), the ratio dmacheck/yardstick of
# wall and of CPU per run and their medians, and a Markdown row for docs/performance.md.
# --keep OUTDIR keeps each script's coccicheck output of the last run (OUTDIR/<script>.log),
# for triaging the findings. Also checks that spatch itself succeeded (coccicheck exits 0 when spatch fails): a run
# whose output holds a spatch error or Python traceback makes the bench exit 1.
#
# Exit: 0 measured; 1 a run failed; 2 usage or set-up.
# Limits: other load on the machine moves wall time by +-20% and CPU by +-5% (alternation
# spreads it over both sides; compare the ratios of one run, not runs of different days).

set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
runs=1
jobs=2
tree=${DMACHECK_CACHE:-$HOME/.cache/dmacheck}/linux-6.1
yard=
keep=
dir=drivers/usb
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=$2; shift 2 ;;
	--tree) tree=$2; shift 2 ;;
	--jobs) jobs=$2; shift 2 ;;
	--yardstick) yard=$2; shift 2 ;;
	--keep) keep=$2; shift 2 ;;
	-h|--help) sed -n '3,27p' "$0"; exit 0 ;;
	-*) echo "$0: unknown option '$1'" >&2; exit 2 ;;
	*) dir=$1; shift ;;
	esac
done
yard=${yard:-$tree/scripts/coccinelle/null/deref_null.cocci}
[ -d "$tree/$dir" ] || { echo "$0: no $tree/$dir (scripts/kernel-tree.sh prepares the tree)" >&2; exit 2; }
[ -f "$yard" ] || { echo "$0: no yardstick script $yard" >&2; exit 2; }
command -v spatch >/dev/null || { echo "$0: no spatch (scripts/deps.sh cocci)" >&2; exit 2; }
scripts=
for s in ${COCCI_SCRIPTS:-$(ls "$here"/cocci/*.cocci)}; do	# absolute: make runs in the tree
	scripts="$scripts $(cd "$(dirname "$s")" && pwd)/$(basename "$s")"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one coccicheck run: prints "wall cpu"; its output in $tmp/<name>.out
run_one() {
	local cocci=$1 name=$2
	/usr/bin/time -f "%e %U %S" -o "$tmp/$name.time" \
		make -s -C "$tree" coccicheck MODE=report COCCI="$cocci" M="$dir" J="$jobs" \
		> "$tmp/$name.out" 2>&1 || true
	if grep -qE "^(Traceback|Error in Python|Fatal error|exception|  File \".*\.cocci\")" "$tmp/$name.out"; then
		echo "$0: $name failed, see its output:" >&2
		head -20 "$tmp/$name.out" >&2
		exit 1
	fi
	awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$tmp/$name.time"
}

run_yard() {
	set -- $(run_one "$yard" yardstick)
	[ $# -eq 2 ] || exit 1		# run_one failed (in its subshell)
	yw=$1 yc=$2
	echo "yardstick $(basename "$yard") wall $yw cpu $yc"
}

run_ours() {
	dw=0 dc=0
	for s in $scripts; do
		n=$(basename "$s" .cocci)
		set -- $(run_one "$s" "$n")
		[ $# -eq 2 ] || exit 1
		echo "  $n wall $1 cpu $2 findings $(grep -c 'warning: .*\[dmacheck-' "$tmp/$n.out" || true)"
		dw=$(echo "$dw + $1" | bc) dc=$(echo "$dc + $2" | bc)
	done
	echo "dmacheck (all $(echo "$scripts" | wc -w) scripts) wall $dw cpu $dc"
}

echo "# bench/cocci-cost.sh: $dir of $tree, J=$jobs, $(spatch --version | head -1)"
echo "# $(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
wr=() cr=()
for i in $(seq 1 "$runs"); do
	if [ $((i % 2)) -eq 1 ]; then run_yard; run_ours; else run_ours; run_yard; fi
	w=$(echo "scale=3; $dw / $yw" | bc) c=$(echo "scale=3; $dc / $yc" | bc)
	echo "run $i: dmacheck/yardstick wall $w cpu $c"
	wr+=("$w") cr+=("$c")
	row="| $(date -u '+%F %H:%M') | $dir | J=$jobs | $yw / $yc | $dw / $dc | $w | $c |"
done
if [ -n "$keep" ]; then
	mkdir -p "$keep"
	for s in $scripts yardstick; do
		n=$(basename "$s" .cocci)
		cp "$tmp/$n.out" "$keep/$n.log"
	done
fi
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "median over $runs run(s): wall ratio $(median "${wr[@]}"), cpu ratio $(median "${cr[@]}")"
echo "# Markdown (last run): | date | dir | jobs | yardstick wall / CPU s | dmacheck wall / CPU s | wall ratio | CPU ratio |"
echo "$row"
