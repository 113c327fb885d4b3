#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# sparse/behaviour.sh - what dmacheck-sparse promises besides its findings (those are the
# testsuite's, engine sparse):
#   - every kind of argument kbuild passes to a checker is accepted without a word
#     (CHECKFLAGS, -Wp,-MMD, -nostdinc, -I, -isystem, -include, -D, -W, -f, -m, --arch, -o);
#   - --also-sparse prints exactly what `sparse` prints, then dmacheck's findings;
#   - option errors name the option and exit 2; --dmacheck-disable and --dmacheck-error work;
#   - no crash and no non-zero exit on bad input (syntax errors, binary junk, an empty file);
#   - the diagnostics carry the catalogue's message and tag.
#
#   sparse/behaviour.sh [--bin BIN] [--sparse SPARSE]
#
# SPARSE defaults to the `sparse` program built from the same fetched source (make sparse
# builds the library; this script builds the program next to it if missing).
# Ends with "sparse-behaviour: N passed, N failed"; exit 1 if anything failed.

set -u
bin=build/sparse/dmacheck-sparse
sp=
while [ $# -gt 0 ]; do
	case $1 in
	--bin) bin=$2; shift 2 ;;
	--sparse) sp=$2; shift 2 ;;
	*) echo "behaviour: unknown argument $1" >&2; exit 2 ;;
	esac
done
cd "$(dirname "$0")/.."
[ -x "$bin" ] || { echo "behaviour: $bin not built (make sparse)"; echo "sparse-behaviour: 0 passed, 1 failed"; exit 1; }
if [ -z "$sp" ]; then
	src=$(cat build/sparse/../sparse-src/CURRENT 2>/dev/null || true)
	if [ -n "$src" ] && [ ! -x "$src/sparse" ]; then
		make -s -C "$src" sparse CFLAGS="-O2 -g -fPIC" HAVE_LLVM=no HAVE_GTK=no \
			HAVE_LIBXML=no HAVE_SQLITE=no >/dev/null 2>&1 || true
	fi
	sp=$src/sparse
fi

pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/    /'; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
inc="-nostdinc -isystem testsuite/include"
case1=testsuite/cases/dma-on-stack/002-alauda-bulk-command.c
msg=$(sed -n 's/^RULE(DMA_ON_STACK, *"dma-on-stack", *[A-Z]*, *"\(.*\)")$/\1/p' rules/rules.def)

# 1. kbuild's arguments
echo '#define DMCS_FROM_INCLUDE 1' > "$t/extra.h"
out=$("$bin" -D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise -Wno-return-void \
	-Wno-unknown-attribute -D__x86_64__ --arch=x86 -mlittle-endian -m64 \
	-Wp,-MMD,"$t/x.o.d" $inc -include "$t/extra.h" -DKBUILD_MODNAME='"x"' -D__KERNEL__ \
	-fno-strict-aliasing -fno-common -fshort-wchar -fno-PIE -mno-sse -mno-red-zone \
	-mcmodel=kernel -fno-stack-protector -O2 -Wall -Wundef -Werror=implicit-function-declaration \
	-Wno-format-security -std=gnu11 -g -o "$t/x.o" "$case1" 2>&1); rc=$?
if [ $rc -eq 0 ] && ! echo "$out" | grep -v 'dmacheck-\|: note: ' | grep -q .; then
	ok "kbuild's checker arguments accepted silently"
else
	bad "kbuild's checker arguments (exit $rc)" "$out"
fi
[ ! -e "$t/x.o" ] && ok "-o is ignored (no file written)" || bad "-o wrote $t/x.o"
echo "$out" | grep -q "warning: $msg \[dmacheck-dma-on-stack\]" &&
	ok "diagnostic carries the catalogue's message and tag" || bad "message/tag" "$out"

# 2. --also-sparse == sparse, then dmacheck
if [ -x "$sp" ]; then
	n=0 diffs=
	for c in testsuite/cases/*/*.c; do
		a=$("$sp" $inc "$c" 2>&1)
		b=$("$bin" --also-sparse $inc "$c" 2>&1 | grep -v '\[dmacheck-' | grep -v ': note: ')
		[ "$a" = "$b" ] || { n=$((n + 1)); diffs="$diffs $c"; }
	done
	[ $n -eq 0 ] && ok "--also-sparse prints what sparse prints (every case)" ||
		bad "--also-sparse differs from sparse on $n cases" "$diffs"
	a=$("$bin" $inc "$case1" 2>&1 | grep '\[dmacheck-' | wc -l)
	b=$("$bin" --also-sparse $inc "$case1" 2>&1 | grep '\[dmacheck-' | wc -l)
	[ "$a" -gt 0 ] && [ "$a" = "$b" ] && ok "--also-sparse keeps dmacheck's findings" ||
		bad "--also-sparse findings: $b, without: $a"
	w=$("$sp" -Wsparse-all $inc "$case1" 2>&1 | wc -l)
	x=$("$bin" $inc -Wsparse-all "$case1" 2>&1 | grep -v '\[dmacheck-\|: note: ' | wc -l)
	[ "$w" -gt 0 ] && [ "$x" -eq 0 ] && ok "without --also-sparse, sparse's warnings are muted" ||
		bad "sparse warnings without --also-sparse: $x (sparse: $w)"
else
	bad "no sparse program at '$sp' to compare --also-sparse with"
fi

# 3. options
"$bin" --dmacheck-disable=dma-on-stack $inc "$case1" >"$t/o" 2>&1 && ! grep -q 'dmacheck-dma-on-stack' "$t/o" &&
	ok "--dmacheck-disable=dma-on-stack silences the rule" || bad "--dmacheck-disable" "$(cat "$t/o")"
"$bin" --dmacheck-disable=dmacheck-dma-on-stack,usb-dma-mask $inc "$case1" >"$t/o" 2>&1 && ! grep -q 'dmacheck-' "$t/o" &&
	ok "--dmacheck-disable takes a list and the dmacheck- prefix" || bad "--dmacheck-disable list" "$(cat "$t/o")"
"$bin" --dmacheck-disable=no-such-rule "$case1" >"$t/o" 2>&1; rc=$?
[ $rc -eq 2 ] && grep -q "unknown rule 'no-such-rule'" "$t/o" && ok "unknown rule: exit 2, named" || bad "unknown rule (exit $rc)" "$(cat "$t/o")"
"$bin" --dmacheck-frobnicate "$case1" >"$t/o" 2>&1; rc=$?
[ $rc -eq 2 ] && grep -q "unknown option '--dmacheck-frobnicate'" "$t/o" && ok "unknown option: exit 2, named" || bad "unknown option (exit $rc)" "$(cat "$t/o")"
"$bin" --dmacheck-disable= "$case1" >"$t/o" 2>&1; rc=$?
[ $rc -eq 2 ] && ok "empty --dmacheck-disable=: exit 2" || bad "empty disable (exit $rc)"
"$bin" --dmacheck-error $inc "$case1" >"$t/o" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q "error: $msg \[dmacheck-dma-on-stack\]" "$t/o" && ok "--dmacheck-error: errors, exit 1" || bad "--dmacheck-error (exit $rc)" "$(cat "$t/o")"
"$bin" --dmacheck-error $inc testsuite/cases/dma-on-stack/030-control-msg-recv-send.c >"$t/o" 2>&1; rc=$?
[ $rc -eq 0 ] && ok "--dmacheck-error without findings: exit 0" || bad "--dmacheck-error clean file (exit $rc)" "$(cat "$t/o")"

# 4. bad input never crashes
printf 'int f( { struct urb *u; u->transfer_dma = ;\n#include <nonexistent.h>\n' > "$t/syntax.c"
head -c 4096 /dev/urandom > "$t/junk.c"
printf '\0\0\0' >> "$t/junk.c"
: > "$t/empty.c"
printf 'struct urb { int transfer_dma; }; void f(struct urb *u) { u->transfer_dma = 1; }\n' > "$t/odd-urb.c"
printf 'void g(void *p); void f(void) { char b[4]; g(b); ((void (*)(void *))0)(b); }\n' > "$t/indirect.c"
for f in syntax junk empty odd-urb indirect; do
	"$bin" "$t/$f.c" >"$t/o" 2>&1; rc=$?
	if [ $rc -ge 128 ] || grep -Eqi 'segmentation|abort|internal' "$t/o"; then
		bad "bad input $f.c: exit $rc" "$(head -5 "$t/o")"
	else
		ok "bad input $f.c: no crash (exit $rc)"
	fi
done
"$bin" "$t/missing.c" >"$t/o" 2>&1; rc=$?
[ $rc -lt 128 ] && ok "missing file: an error, no crash (exit $rc)" || bad "missing file (exit $rc)"

echo "sparse-behaviour: $pass passed, $fail failed"
[ $fail -eq 0 ]
