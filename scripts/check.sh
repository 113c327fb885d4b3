#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/check.sh - the body of `make check`: runs every test binary, the examples, the
# catalogue consistency checks and the coverage gate, and closes with one line
# "N passed, N failed" summing them all (what CI reads).
#
# Environment (set by the Makefile): B (build dir), TESTS, EXAMPLES, CORE_SRC.
# COVERAGE_MIN (default 95) is the line-coverage gate for core/.
# Limits: needs gcov from the same GCC that built build/cov.

set -u
B=${B:-build}
COVERAGE_MIN=${COVERAGE_MIN:-95}
pass=0
fail=0

count() {	# count NAME STATUS: a single pass/fail line
	if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "PASS $1"
	else fail=$((fail + 1)); echo "FAIL $1"; fi
}

# 1. unit tests: each prints "name: N passed, N failed"
rm -f "$B"/cov/core/*.gcda "$B"/cov/tests/*.gcda
for t in $TESTS; do
	out=$("$t" 2>&1); rc=$?
	echo "$out"
	line=$(echo "$out" | grep -E '^[^ ]+: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	if [ -z "$line" ]; then
		echo "FAIL $t: no summary line (exit $rc)"; fail=$((fail + 1)); continue
	fi
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\1/')
	f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\2/')
	pass=$((pass + p)); fail=$((fail + f))
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && { echo "FAIL $t exited $rc"; fail=$((fail + 1)); }
done

# 2. examples run and say what they must
for e in $EXAMPLES; do
	"$e" >"$B/$(basename "$e").out" 2>&1
	count "example $(basename "$e")" $?
done

# 3. the rule catalogue: every rule has a doc page that carries its slug and exact message
sh scripts/check-catalogue.sh >"$B/catalogue.out" 2>&1; rc=$?
cat "$B/catalogue.out"
p=$(grep -c '^ok ' "$B/catalogue.out"); f=$(grep -c '^FAIL ' "$B/catalogue.out")
pass=$((pass + p)); fail=$((fail + f))
[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && { echo "FAIL catalogue check exited $rc"; fail=$((fail + 1)); }

# 4. coverage of core/ by the unit tests
total=0; hit=0
for src in $CORE_SRC; do
	obj="$B/cov/${src%.c}.gcda"
	[ -f "$obj" ] || { echo "coverage: $src never ran"; total=$((total + 1)); continue; }
	res=$(gcov -n -o "$B/cov/core" "$src" 2>/dev/null | grep -A1 "^File '$src'" | \
	      sed -nE 's/Lines executed:([0-9.]+)% of ([0-9]+)/\1 \2/p')
	pct=${res% *}; n=${res#* }
	h=$(awk -v p="$pct" -v n="$n" 'BEGIN { printf "%d", p * n / 100 + 0.5 }')
	printf 'coverage: %-22s %6s%% of %s lines\n' "$src" "$pct" "$n"
	total=$((total + n)); hit=$((hit + h))
done
pct=$(awk -v h=$hit -v t=$total 'BEGIN { printf "%.1f", t ? 100 * h / t : 0 }')
echo "coverage: core/ total $pct% of $total lines (gate ${COVERAGE_MIN}%)"
awk -v p="$pct" -v m="$COVERAGE_MIN" 'BEGIN { exit !(p >= m) }'
count "core line coverage >= ${COVERAGE_MIN}%" $?

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
