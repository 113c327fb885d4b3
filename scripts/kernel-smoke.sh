#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/kernel-smoke.sh - build real kernel directories with the GCC plugin: the plugin must
# not crash the compiler, and every diagnostic it gives goes to a findings file for triage
# (docs/findings-6.1.md).
#
#   scripts/kernel-smoke.sh [--plugin SO] [--kernel 6.1|6.12] [--out FILE | --out-dir DIR]
#                           [--quick] [--compare] [DIR...]
#
# DIR is a directory of the kernel tree (default drivers/usb).  For each DIR, in order:
#   make M=DIR clean                                   force a full rebuild
#   make -Otarget -j$(nproc) M=DIR KCFLAGS=-fplugin=SO  modules of DIR (kernel-notes.md: M= style)
# then the findings file (default testsuite/kernel-smoke[-6.12]/<DIR, '/' -> '-'>.txt, e.g.
# drivers-usb.txt) gets: a header (kernel version, config, compiler, plugin revision, date,
# files compiled, CPU seconds of the build), every dmacheck warning with its notes (paths
# relative to the tree; warning blocks sorted by file, line, column and de-duplicated, since
# a header's finding repeats in every file that includes it), and a count per rule.
#
# Options:
#   --plugin SO    use this plugin (default: `make plugin` here, then plugin/dmacheck.so)
#   --kernel V     the Debian tree scripts/kernel-tree.sh --kernel V prepares (default 6.1);
#                  6.12's triaged lists are testsuite/kernel-smoke-6.12/ (the default
#                  --out-dir and what --compare reads for it)
#   --out FILE     the findings file; only with a single DIR
#   --out-dir DIR  where the findings files go (default testsuite/kernel-smoke[-6.12])
#   --compare      also compare each DIR's warnings (the warning lines, not the notes) with
#                  the triaged ones of the committed testsuite/kernel-smoke/*.txt for files
#                  under DIR (drivers-usb.txt holds drivers/usb/serial's): a new or a vanished
#                  finding fails, so that a change of the plugin shows on real code in CI
#   --quick        the CI smoke test: DIRs default to drivers/usb/misc drivers/usb/storage
#                  (83 compiles, 40 CPU-s, 21 s on 2 CPUs; storage holds 9 triaged true
#                  findings, so --compare has something to compare; drivers/usb: 397
#                  compiles, 255 CPU-s, 2.5 minutes; docs/performance.md)
#
# The tree is scripts/kernel-tree.sh's (DMACHECK_CACHE; prepared on first use).  The full build
# log of DIR is kept in build/kernel-smoke/<name>.log.  Builds in one tree must not overlap:
# the script holds the lock kernel-tree.sh uses (<tree>.lock) while it builds.
#
# Prints "PASS ..."/"FAIL ..." per DIR (and per comparison) and "kernel-smoke: N passed, N failed".
# Exit: 0 every build succeeded (findings are not failures); 1 a build failed or the compiler
# crashed (internal compiler error, a signal, a plugin that failed to load, a make error, or
# no object compiled with the plugin): the offending log lines are printed; 2 usage or set-up.
# Limits: modules only (M= builds obj-m; built-in objects of DIR are not compiled); the
# compiled-file count is kbuild's `CC [M]` lines, which include the generated *.mod.c; with
# CONFIG_MODVERSIONS files that export symbols are preprocessed a second time with the same
# flags, which the plugin sees as an empty unit.

set -eu
set -o pipefail
# Under pipefail a reader that stops early (head) can kill its writer with SIGPIPE and, through
# set -e, this script with exit 141 and no word (CI, stop 21): every reader here reads its
# whole input (sed -n 1,Np), and a command that stops the script says which line it was.
trap 'rc=$?; echo "kernel-smoke: line $LINENO: a command failed (exit $rc); stopping" >&2' ERR

root=$(cd "$(dirname "$0")/.." && pwd)
plugin=
out=
outdir=
kernel=6.1
quick=0
compare=0
npass=0
nfail=0
dirs=()

usage() {
	echo "usage: $0 [--plugin SO] [--kernel 6.1|6.12] [--out FILE | --out-dir DIR] [--quick] [--compare] [DIR...]" >&2
	exit 2
}
die() { echo "kernel-smoke: $*" >&2; exit 2; }
log() { echo "kernel-smoke: $*" >&2; }

while [ $# -gt 0 ]; do
	case $1 in
	--plugin|--out|--out-dir|--kernel)
		[ $# -ge 2 ] || { echo "$0: $1 needs an argument" >&2; usage; }
		case $1 in
		--plugin)	plugin=$2 ;;
		--kernel)	kernel=$2 ;;
		--out)		out=$2 ;;
		--out-dir)	outdir=$2 ;;
		esac
		shift 2 ;;
	--quick)	quick=1; shift ;;
	--compare)	compare=1; shift ;;
	-h|--help)	usage ;;
	-*)		echo "$0: unknown option '$1'" >&2; usage ;;
	*)		dirs+=("${1%/}"); shift ;;
	esac
done
if [ ${#dirs[@]} -eq 0 ]; then
	if [ $quick -eq 1 ]; then
		dirs=(drivers/usb/misc drivers/usb/storage)
	else
		dirs=(drivers/usb)
	fi
fi
[ -z "$out" ] || [ ${#dirs[@]} -eq 1 ] || die "--out FILE needs exactly one DIR (use --out-dir)"
# the committed, triaged findings of this kernel version (--compare reads them)
triaged=$root/testsuite/kernel-smoke
[ "$kernel" = 6.1 ] || triaged=$root/testsuite/kernel-smoke-$kernel
outdir=${outdir:-$triaged}

# Under `make` our MAKEFLAGS (-j jobserver, V=1, CC=...) would leak into the kernel's make.
unset MAKEFLAGS MFLAGS MAKELEVEL
export LC_ALL=C		# plain quotes in GCC's messages, byte order in sort
# M= builds have no Module.symvers: 6.12's modpost fails on the symbols it cannot resolve
# unless told to warn, as 6.1's does by itself then
export KBUILD_MODPOST_WARN=1

tree=$("$root/scripts/kernel-tree.sh" --kernel "$kernel" | tail -n 1) ||
	die "scripts/kernel-tree.sh --kernel $kernel failed"
[ -f "$tree/.dmacheck-prepared" ] || die "$tree is not prepared"

if [ -z "$plugin" ]; then
	make -s -C "$root" plugin >&2 || die "make plugin failed"
	plugin=$root/plugin/dmacheck.so
fi
[ -f "$plugin" ] || die "no plugin at $plugin"
plugin=$(cd "$(dirname "$plugin")" && pwd)/$(basename "$plugin")

for d in "${dirs[@]}"; do
	[ -f "$tree/$d/Makefile" ] || [ -f "$tree/$d/Kbuild" ] ||
		die "$d: not a kernel directory with a Makefile in $tree"
done

# Facts for the header, the same for every DIR.
kver=$(make -s -C "$tree" kernelversion)
cc_ver=$(gcc --version | sed -n 1p)
rev=unknown
if git -C "$root" rev-parse --short HEAD >/dev/null 2>&1; then
	rev=$(git -C "$root" rev-parse --short HEAD)
	git -C "$root" diff --quiet HEAD -- plugin rules 2>/dev/null || rev="$rev-dirty"
fi

exec 9>"$tree.lock"
if ! flock -n 9; then
	log "waiting for another build in $tree"
	flock 9
fi

mkdir -p "$root/build/kernel-smoke"
failed=0

# The dmacheck warnings of a build log, one block per line (warning, then its notes, joined
# by a tab), paths relative to the tree.  A warning's notes are the note lines that follow it
# up to the next line that is neither a note, a source excerpt (" 12 | ...") nor context
# ("In function", "In file included from", ...).
# make -Otarget keeps each compile's output together, so notes stay with their warning.
extract() {
	awk -v tree="$tree/" '
	function rel(s) {
		if (index(s, tree) == 1)
			s = substr(s, length(tree) + 1)
		sub(/^\.\//, "", s)
		return s
	}
	function flush() {
		if (blk != "")
			print blk
		blk = ""
	}
	/^[^ ]+:[0-9]+:[0-9]+: (warning|error): .*\[dmacheck-[a-z0-9-]+\]$/ {
		flush(); blk = rel($0); next
	}
	/^[^ ]+:[0-9]+:[0-9]+: note: / {
		if (blk != "")
			blk = blk "\t" rel($0)
		next
	}
	# source excerpts, and the context GCC prints before a diagnostic (also before a note)
	/^ *[0-9]* *\|( |$)/ || /^ *\+\+\+ / { next }
	/^In file included from / || /^ +from / || /: In( member)? function / { next }
	/: At top level:$/ || /: +inlined from / { next }
	{ flush() }
	END { flush() }'
}

for d in "${dirs[@]}"; do
	name=${d//\//-}
	file=${out:-$outdir/$name.txt}
	blog=$root/build/kernel-smoke/$name.log
	[ "$kernel" = 6.1 ] || blog=$root/build/kernel-smoke/$name-$kernel.log

	log "$d: make M=$d clean"
	make -s -C "$tree" M="$d" clean > "$blog" 2>&1 ||
		{ cat "$blog" >&2; die "make M=$d clean failed"; }

	log "$d: make -j$(nproc) M=$d KCFLAGS=-fplugin=$plugin (log: $blog)"
	TIMEFORMAT='%3U %3S %3R'
	rc=0
	{ time make -C "$tree" -Otarget -j"$(nproc)" M="$d" KCFLAGS="-fplugin=$plugin" \
		> "$blog" 2>&1; } 2> "$blog.time" || rc=$?
	read -r usr sys wall < <(tail -n 1 "$blog.time")
	rm -f "$blog.time"
	cpu=$(awk -v u="$usr" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
	ncc=$(grep -cE '^ +CC \[M\] ' "$blog" || true)
	nmod=$(grep -cE '^ +CC \[M\] .*\.mod\.o$' "$blog" || true)
	nplug=$({ grep -rlF --include='*.o.cmd' -- "-fplugin=$plugin" "$tree/$d" || true; } | wc -l)

	# A crash or a plugin that did not load fails the run even if make carried on (-k).
	crash='internal compiler error|Segmentation fault|Killed signal|terminated by signal'
	crash="$crash|cannot load plugin|failed to initialize plugin|plugin [^ ]+ failed"
	crash="$crash|incompatible gcc/plugin versions|there are active plugins"
	crash="$crash|^make(\[[0-9]+\])?: \*\*\*"
	bad=$(grep -E "$crash" "$blog" || true)
	if [ $rc -ne 0 ] || [ -n "$bad" ] || [ "$nplug" -eq 0 ]; then
		echo "kernel-smoke: $d: FAILED (make exit $rc, $nplug objects built with the plugin)" >&2
		[ -z "$bad" ] || printf '%s\n' "$bad" | sed -n 1,40p >&2
		echo "kernel-smoke: full log: $blog" >&2
		failed=1
		nfail=$((nfail + 1)); echo "FAIL kernel-smoke: $d builds with the plugin"
		continue
	fi

	mkdir -p "$(dirname "$file")"
	{
		echo "# dmacheck GCC plugin on Linux $kver $d"
		echo "# config:   Debian config.amd64_none_amd64, scripts/kernel-tree.sh recipe"
		echo "# compiler: $cc_ver"
		echo "# plugin:   dmacheck $rev"
		echo "# command:  make -j$(nproc) M=$d KCFLAGS=-fplugin=.../$(basename "$plugin")"
		echo "# date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
		echo "# compiled: $ncc files (CC [M] lines, $nmod of them *.mod.c)"
		echo "# cpu:      $cpu s (user+sys of make and its children; wall $wall s, -j$(nproc))"
		echo
		extract < "$blog" | sort -u -t: -k1,1 -k2,2n -k3,3n -k4 | tr '\t' '\n' > "$blog.findings"
		if [ -s "$blog.findings" ]; then
			cat "$blog.findings"
		else
			echo "(no dmacheck diagnostics)"
		fi
		echo
		echo "# per rule"
		{ grep -oE '(warning|error): .*\[dmacheck-[a-z0-9-]+\]$' "$blog.findings" || true; } |
			sed -E 's/.*\[dmacheck-([a-z0-9-]+)\]$/\1/' | sort | uniq -c |
			awk '{ printf "#   %-28s %d\n", $2, $1; n += $1 }
			     END { printf "#   %-28s %d\n", "total", n }'
	} > "$file.tmp"
	mv "$file.tmp" "$file"
	nw=$(grep -cE '\[dmacheck-[a-z0-9-]+\]$' "$blog.findings" || true)
	npass=$((npass + 1)); echo "PASS kernel-smoke: $d builds with the plugin ($ncc files, no crash)"
	if [ $compare -eq 1 ]; then
		warnings_under() {	# warnings_under DIR FILE...: the warning lines of files in DIR
			cat "${@:2}" 2>/dev/null |
				awk -v d="$1/" 'index($0, d) == 1 && /: (warning|error): .*\[dmacheck-/' |
				sort -u
		}
		warnings_under "$d" "$triaged"/*.txt > "$blog.want"
		warnings_under "$d" "$blog.findings" > "$blog.got"
		covered=0	# a committed file whose DIR (end of its first line) holds d
		for f in "$triaged"/*.txt; do
			hd=$(head -n 1 "$f" | awk '{ print $NF }')
			case $d/ in "$hd"/*) covered=1 ;; esac
		done
		if [ $covered -eq 0 ]; then
			nfail=$((nfail + 1))
			echo "FAIL kernel-smoke: $d: no committed findings file in ${triaged#"$root"/}/ covers it"
		elif cmp -s "$blog.want" "$blog.got"; then
			npass=$((npass + 1))
			echo "PASS kernel-smoke: $d: $nw warnings, as triaged in ${triaged#"$root"/}/"
		else
			nfail=$((nfail + 1))
			echo "FAIL kernel-smoke: $d: warnings differ from ${triaged#"$root"/}/ (- triaged, + now)"
			diff "$blog.want" "$blog.got" | grep -E '^[<>]' | sed 's/^</    -/; s/^>/    +/'
		fi
		rm -f "$blog.want" "$blog.got"
	fi
	rm -f "$blog.findings"
	log "$d: ok: $ncc files, $cpu CPU-s, ${wall} s wall, $nw warnings -> ${file#"$root"/}"
done

echo "kernel-smoke: $npass passed, $nfail failed"
exit $failed
