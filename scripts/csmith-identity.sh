#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/csmith-identity.sh - the plugin on random programs: no compiler crash, and the same
# object code with and without it.
#
#   scripts/csmith-identity.sh [--plugin SO] [--cc CC] [--seeds N] [--first S]
#
# For seeds S .. S+N-1 (default 1..300): `csmith --seed S` writes a random C program (Debian's
# csmith and libcsmith-dev, scripts/deps.sh fuzz); it is compiled at one of -O0, -O2, -Os,
# -O2 -g (by seed, so every level gets programs) once without and once with -fplugin=SO,
# both with -gno-record-gcc-switches, and the objects are compared with cmp(1).
# A compiler crash (exit status >= 128, "internal compiler error"), a compile that fails only
# with the plugin, or objects that differ are failures; a program that GCC rejects without the
# plugin too (csmith rarely makes one) is skipped and counted.
#
# Prints the failing seeds with their level, then one PASS/FAIL line per property and
# "csmith-identity: N passed, N failed". The failing programs are kept in
# build/csmith/<seed>.c for a report.
# Exit: 0 all passed, 1 a failure, 2 usage or set-up (no csmith, no plugin).
# Limits: csmith's programs are plain C, without the kernel's constructs; the kernel's own
# code is compared by scripts/plugin-identity.sh. Compiles run one at a time per CPU.

set -u
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=$root/plugin/dmacheck.so
cc=gcc
seeds=300
first=1

usage() { echo "usage: $0 [--plugin SO] [--cc CC] [--seeds N] [--first S]" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case $1 in
	--plugin|--cc|--seeds|--first)
		[ $# -ge 2 ] || usage
		case $1 in
		--plugin) plugin=$2 ;; --cc) cc=$2 ;; --seeds) seeds=$2 ;; --first) first=$2 ;;
		esac
		shift 2 ;;
	*)	usage ;;
	esac
done
case $seeds$first in *[!0-9]*) usage ;; esac
command -v csmith >/dev/null || { echo "csmith-identity: no csmith (scripts/deps.sh fuzz)" >&2; exit 2; }
inc=/usr/include/csmith
[ -f $inc/csmith.h ] || { echo "csmith-identity: no $inc/csmith.h (scripts/deps.sh fuzz)" >&2; exit 2; }
[ -f "$plugin" ] || { echo "csmith-identity: no plugin at $plugin (make plugin)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
keep=$root/build/csmith
mkdir -p "$keep"
export LC_ALL=C
levels=("-O0" "-O2" "-Os" "-O2 -g")

one() {		# one SEED: prints "ok", "skip", "crash", "plugin-fail" or "differ"
	local s=$1 d=$work/$1 lvl
	mkdir -p "$d"
	lvl=${levels[$((s % 4))]}
	# in $d: csmith writes platform.info into the current directory
	(cd "$d" && csmith --seed "$s" > t.c 2>/dev/null) || { echo "skip $s"; return; }
	# shellcheck disable=SC2086 # $lvl is one or two words
	if ! $cc -w -I$inc $lvl -gno-record-gcc-switches -c "$d/t.c" -o "$d/a.o" 2>"$d/a.err"; then
		echo "skip $s"; return
	fi
	# shellcheck disable=SC2086
	$cc -w -I$inc $lvl -gno-record-gcc-switches -fplugin="$plugin" -c "$d/t.c" -o "$d/b.o" 2>"$d/b.err"
	local rc=$?
	if [ $rc -ge 128 ] || grep -q 'internal compiler error' "$d/b.err"; then
		cp "$d/t.c" "$keep/$s.c"; echo "crash $s $lvl"
	elif [ $rc -ne 0 ]; then
		cp "$d/t.c" "$keep/$s.c"; echo "plugin-fail $s $lvl"
	elif ! cmp -s "$d/a.o" "$d/b.o"; then
		cp "$d/t.c" "$keep/$s.c"; echo "differ $s $lvl"
	else
		echo "ok $s"
	fi
	rm -rf "$d"
}

results=$work/results
: > "$results"
jobs=$(nproc)
running=0
for s in $(seq "$first" $((first + seeds - 1))); do
	one "$s" >> "$results" &
	running=$((running + 1))
	if [ $running -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait

n_ok=$(grep -c '^ok ' "$results")
n_skip=$(grep -c '^skip ' "$results")
grep -E '^(crash|plugin-fail|differ) ' "$results" | sort -k2n | sed 's/^/    /'
pass=0 fail=0
verdict() {	# verdict NAME COUNT
	if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "PASS $1"
	else fail=$((fail + 1)); echo "FAIL $1 ($2 programs, kept in build/csmith/)"; fi
}
echo "csmith-identity: $seeds seeds from $first, $n_ok compared, $n_skip rejected by $cc itself"
verdict "no compiler crash with the plugin on random programs" "$(grep -c '^crash ' "$results")"
verdict "the plugin never makes a compile fail" "$(grep -c '^plugin-fail ' "$results")"
verdict "identical objects with and without the plugin" "$(grep -c '^differ ' "$results")"
if [ "$n_ok" -eq 0 ]; then fail=$((fail + 1)); echo "FAIL no program was compared"; fi
echo "csmith-identity: $pass passed, $fail failed"
[ $fail -eq 0 ]
