#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/plugin-identity.sh - the plugin never changes generated code: every object of a
# kernel directory compiled with and without it must be byte-identical.
#
#   scripts/plugin-identity.sh [--plugin SO] [--kernel 6.1|6.12] [DIR]
#
# DIR is a directory of the kernel tree (default drivers/usb/misc).  For every object of DIR
# compiled from a .c file (the generated *.mod.c included), the exact command kbuild used
# (its .o.cmd, via scripts/obj-cmd.sh: the compile only, without objtool, any -fplugin
# removed) is run twice from the top of the tree into a temporary directory, once plain and
# once with -fplugin=SO, and the two object files are compared with cmp(1).  Both runs get
# -gno-record-gcc-switches, so that a tree with debug info does not differ only in
# DW_AT_producer (which records the -fplugin switch); the Debian tree of
# scripts/kernel-tree.sh has CONFIG_DEBUG_INFO_NONE, where the switch changes nothing.
# When DIR has no .o.cmd yet it is built first (make M=DIR, without the plugin).
#
# Options:
#   --plugin SO   the plugin (default: `make plugin` here, then plugin/dmacheck.so)
#   --kernel V    which Debian tree scripts/kernel-tree.sh prepares (default 6.1)
#
# Prints "N objects identical, N differ" (and the objects that differ or failed to compile),
# then one PASS/FAIL line and "plugin-identity: N passed, N failed".
# Exit: 0 all identical; 1 an object differs or a compile failed; 2 usage or set-up.
# Limits: objects of DIR that kbuild has compiled (modules: M= builds obj-m only); objtool's
# in-place rewrite is not part of the comparison (it is deterministic on identical input).
# Compiles run $(nproc) at a time; the tree's lock (<tree>.lock) is held throughout.

set -eu
set -o pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
plugin=
dir=
kernel=6.1

usage() { echo "usage: $0 [--plugin SO] [--kernel 6.1|6.12] [DIR]" >&2; exit 2; }
die() { echo "plugin-identity: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
	case $1 in
	--plugin)	[ $# -ge 2 ] || usage; plugin=$2; shift 2 ;;
	--kernel)	[ $# -ge 2 ] || usage; kernel=$2; shift 2 ;;
	-h|--help)	usage ;;
	-*)		echo "$0: unknown option '$1'" >&2; usage ;;
	*)		[ -z "$dir" ] || usage; dir=${1%/}; shift ;;
	esac
done
dir=${dir:-drivers/usb/misc}

unset MAKEFLAGS MFLAGS MAKELEVEL
export LC_ALL=C
# M= builds have no Module.symvers: 6.12's modpost fails on the symbols it cannot resolve
# unless told to warn, as 6.1's does by itself then
export KBUILD_MODPOST_WARN=1

tree=$("$root/scripts/kernel-tree.sh" --kernel "$kernel" | tail -n 1) ||
	die "scripts/kernel-tree.sh --kernel $kernel failed"
[ -d "$tree/$dir" ] || die "no directory $dir in $tree"
if [ -z "$plugin" ]; then
	make -s -C "$root" plugin >&2 || die "make plugin failed"
	plugin=$root/plugin/dmacheck.so
fi
[ -f "$plugin" ] || die "no plugin at $plugin"
plugin=$(cd "$(dirname "$plugin")" && pwd)/$(basename "$plugin")

exec 9>"$tree.lock"
if ! flock -n 9; then
	echo "plugin-identity: waiting for another build in $tree" >&2
	flock 9
fi

if [ -z "$(find "$tree/$dir" -name '.*.o.cmd' -print -quit)" ]; then
	echo "plugin-identity: $dir not built yet: make -j$(nproc) M=$dir" >&2
	make -s -C "$tree" -j"$(nproc)" M="$dir" >/dev/null ||
		die "make M=$dir failed"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# compare OBJ N: compile OBJ both ways into $tmp/N/{plain,plugin}/, result in $tmp/N/result
compare() {
	local obj=$1 w=$tmp/$2 cmd

	mkdir -p "$w/plain" "$w/plugin"
	if ! cmd=$("$root/scripts/obj-cmd.sh" "$tree" "$obj" "$w/OUT.o" 2>/dev/null); then
		echo skip > "$w/result"
		return
	fi
	if ! (cd "$tree" && eval "${cmd//"$w/OUT.o"/"$w/plain/o.o"} -gno-record-gcc-switches") \
			> "$w/log" 2>&1 ||
	   ! (cd "$tree" && eval "${cmd//"$w/OUT.o"/"$w/plugin/o.o"} -gno-record-gcc-switches" \
			"-fplugin=$plugin") >> "$w/log" 2>&1; then
		echo "fail $obj" > "$w/result"
	elif cmp -s "$w/plain/o.o" "$w/plugin/o.o"; then
		echo "same $obj" > "$w/result"
	else
		echo "differ $obj" > "$w/result"
	fi
	rm -f "$w/plain/o.o" "$w/plugin/o.o"
}

n=0
running=0
while IFS= read -r cmdfile; do
	f=${cmdfile#"$tree"/}		# dir/.x.o.cmd -> dir/x.o
	b=$(basename "$f" .cmd)
	obj=$(dirname "$f")/${b#.}
	n=$((n + 1))
	compare "$obj" "$n" &
	running=$((running + 1))
	if [ $running -ge "$(nproc)" ]; then
		wait -n || true
		running=$((running - 1))
	fi
done < <(find "$tree/$dir" -name '.*.o.cmd' | sort)
wait

same=0 differ=0 failed=0 skipped=0
for r in "$tmp"/*/result; do
	[ -f "$r" ] || continue
	read -r what obj < "$r"
	case $what in
	skip)	skipped=$((skipped + 1)) ;;
	same)	same=$((same + 1)) ;;
	differ)	differ=$((differ + 1)); echo "differs: $obj" ;;
	fail)	failed=$((failed + 1)); echo "compile failed: $obj"
		sed -n '1,20s/^/    /p' "$(dirname "$r")/log" ;;
	esac
done

[ $((same + differ + failed)) -gt 0 ] || die "no object of $dir compiled from a .c file"
msg="$dir: $same objects identical, $differ differ"
[ $failed -eq 0 ] || msg="$msg, $failed failed to compile"
[ $skipped -eq 0 ] || msg="$msg ($skipped linked objects skipped)"
echo "$msg"
if [ $differ -eq 0 ] && [ $failed -eq 0 ]; then
	echo "PASS plugin-identity: $dir: every object byte-identical with and without the plugin"
	echo "plugin-identity: 1 passed, 0 failed"
	exit 0
fi
echo "FAIL plugin-identity: $dir: objects differ or failed to compile"
echo "plugin-identity: 0 passed, 1 failed"
exit 1
