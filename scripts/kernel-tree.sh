#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/kernel-tree.sh - prepare a Debian Linux tree, the corpus every engine runs on:
# 6.1 (the default target) or 6.12 LTS (the second one).
#
#   scripts/kernel-tree.sh [--kernel 6.1|6.12] [--dir DIR]
#
# VERSION defaults to 6.1 (README: why).  DIR defaults to
# ${DMACHECK_CACHE:-$HOME/.cache/dmacheck}/linux-VERSION, so each version has its own tree,
# stamps and lock beside the other's.  Three steps, each skipped when its stamp file in DIR
# says it is done:
#   unpack     /usr/src/linux-source-VERSION.tar.xz        .dmacheck-unpacked
#   configure  Debian's amd64 config + the recipe below      .dmacheck-configured
#   prepare    make -j$(nproc) modules_prepare               .dmacheck-prepared
# A stamp is written only after its step succeeded, so an interrupted step is redone; redoing
# a step drops the later stamps.  The unpack stamp records the tarball's size and mtime and
# the configure stamp the gcc version, so a new linux-source-* upload or another compiler
# (a configured tree must never mix gcc versions) redoes the work.
#
# Recipe (/work/shared/kernel-notes.md): no debug info/BTF (time and disk), no module signing
# and empty trusted/revocation keys (Debian's certs are not in the source package), and
# GCC_PLUGINS off: with gcc-12-plugin-dev installed the first olddefconfig turns it back on,
# hence disable and olddefconfig a second time.  6.12 takes the same recipe (its Debian config
# also has DEBUG_INFO_BTF and MODULE_SIG_ALL on); what differed is in
# /work/shared/kernel-notes.md style in docs/kernel-6.12.md.
#
# Progress goes to stderr; stdout gets one line, the tree's path.  Needs `scripts/deps.sh
# kernel` (6.12: `scripts/deps.sh kernel kernel612`; exit 2 with that hint if the tarball or
# config is missing).
# Limits: x86_64 config only; DIR is only ever deleted if this script created it; concurrent
# runs on one DIR are serialised with flock(1) when it exists.

set -eu

ver=6.1
dir=

while [ $# -gt 0 ]; do
	case $1 in
	--dir)	[ $# -ge 2 ] || { echo "$0: --dir needs an argument" >&2; exit 2; }
		dir=$2; shift 2 ;;
	--kernel) [ $# -ge 2 ] || { echo "$0: --kernel needs an argument" >&2; exit 2; }
		ver=$2; shift 2 ;;
	*)	echo "usage: $0 [--kernel 6.1|6.12] [--dir DIR]" >&2; exit 2 ;;
	esac
done

case $ver in
6.1)	group=kernel ;;
6.12)	group="kernel kernel612" ;;
*)	echo "$0: unknown kernel '$ver' (known: 6.1, 6.12)" >&2; exit 2 ;;
esac
src=/usr/src/linux-source-$ver.tar.xz
cfg=/usr/src/linux-config-$ver/config.amd64_none_amd64.xz
[ -n "$dir" ] || dir=${DMACHECK_CACHE:-$HOME/.cache/dmacheck}/linux-$ver

for f in "$src" "$cfg"; do
	[ -f "$f" ] || { echo "$0: $f missing: run scripts/deps.sh $group" >&2; exit 2; }
done

# Under `make run` our make's MAKEFLAGS (CC=..., V=1, -j jobserver fds) would leak into
# the kernel's make and change how the tree is configured and built.
unset MAKEFLAGS MFLAGS MAKELEVEL

log() { echo "kernel-tree: $*" >&2; }
# stamp_ok NAME CONTENT: the step's stamp exists and records CONTENT
stamp_ok() { [ -f "$dir/.dmacheck-$1" ] && [ "$(cat "$dir/.dmacheck-$1")" = "$2" ]; }

mkdir -p "$(dirname "$dir")"
dir=$(cd "$(dirname "$dir")" && pwd)/$(basename "$dir")
if command -v flock >/dev/null 2>&1; then
	exec 9>"$dir.lock"
	flock 9
fi

# 1. unpack.  .dmacheck-owned marks a tree this script created: only such a DIR is removed.
want=$(stat -c '%s %Y' "$src")
if ! stamp_ok unpacked "$want"; then
	if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ] && [ ! -e "$dir/.dmacheck-owned" ]; then
		echo "$0: $dir exists and was not unpacked by this script;" \
		     "remove it or pass another --dir" >&2
		exit 2
	fi
	log "unpacking $src into $dir"
	rm -rf "$dir"
	mkdir -p "$dir"
	: > "$dir/.dmacheck-owned"
	tar -xJf "$src" -C "$dir" --strip-components=1
	echo "$want" > "$dir/.dmacheck-unpacked"
fi
cd "$dir"

# 2. configure
want=$(gcc --version | head -n 1)
if ! stamp_ok configured "$want"; then
	rm -f .dmacheck-configured .dmacheck-prepared
	log "configuring with $(basename "$cfg") ($want)"
	xz -dc "$cfg" > .config
	scripts/config --disable DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT --enable DEBUG_INFO_NONE \
		--disable DEBUG_INFO_BTF --disable DEBUG_INFO_BTF_MODULES \
		--disable MODULE_SIG --disable MODULE_SIG_ALL \
		--set-str SYSTEM_TRUSTED_KEYS "" --set-str SYSTEM_REVOCATION_KEYS "" \
		--disable GCC_PLUGINS
	make -s olddefconfig >&2
	scripts/config --disable GCC_PLUGINS
	make -s olddefconfig >&2
	# MODULE_SIG itself stays =y (SECURITY_LOCKDOWN_LSM selects it): harmless, since
	# without MODULE_SIG_ALL nothing is signed at build time.
	bad='^CONFIG_(GCC_PLUGINS|MODULE_SIG_ALL|DEBUG_INFO_BTF)=y'
	if grep -qE "$bad" .config; then
		echo "$0: the recipe did not hold, see $dir/.config:" >&2
		grep -E "$bad" .config >&2
		exit 1
	fi
	echo "$want" > .dmacheck-configured
fi

# 3. modules_prepare
if [ ! -f .dmacheck-prepared ]; then
	log "make -j$(nproc) modules_prepare"
	make -j"$(nproc)" modules_prepare >&2
	: > .dmacheck-prepared
fi

echo "$dir"
