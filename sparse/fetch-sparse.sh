#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# sparse/fetch-sparse.sh - fetch Debian's source package of sparse and build libsparse.a.
#
# Usage: sh sparse/fetch-sparse.sh [BUILD_DIR]        (default: build)
#
# Result: BUILD_DIR/sparse-src/sparse-<version>/ with libsparse.a and sparse's headers, and
# the stamp BUILD_DIR/sparse-src/CURRENT naming that directory. Nothing of sparse is committed.
#
# How: a project-local apt configuration (BUILD_DIR/apt/) whose one sources list has a
# deb-src line for the Debian mirror and suite this machine already uses (read from
# /etc/apt/sources.list{,.d/*}); `apt-get update` and `apt-get source` run against that
# configuration only, so the system's package lists are not touched. apt-get source checks
# the .dsc signature chain through the Release file as usual.
#
# Idempotent: a built library is left alone; a fetched but unbuilt tree is only rebuilt.
# Needs: apt-get, dpkg-source (dpkg-dev), make, cc; network access to the Debian archive.
# Environment: SPARSE_PKG_VERSION (default 0.6.4) - the upstream version required.
set -eu

B=${1:-build}
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
WANT=${SPARSE_PKG_VERSION:-0.6.4}
SRC=$B/sparse-src
APT=$B/apt
die() { echo "fetch-sparse: $*" >&2; exit 1; }

built() { [ -f "$1/libsparse.a" ] && [ -f "$1/lib.h" ]; }

if [ -f "$SRC/CURRENT" ] && built "$(cat "$SRC/CURRENT")"; then
	exit 0
fi

dir=$(ls -d "$SRC"/sparse-"$WANT"* 2>/dev/null | head -n 1 || true)
if [ -z "$dir" ]; then
	command -v apt-get >/dev/null || die "apt-get not found: this needs a Debian system"
	command -v dpkg-source >/dev/null || die "dpkg-source not found: apt-get install dpkg-dev (make deps)"

	# The mirror and suite the machine uses, from deb822 .sources or one-line lists.
	mirror=; suite=
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		m=$(awk '/^URIs:/ {print $2; exit}' "$f")
		s=$(awk '/^Suites:/ {print $2; exit}' "$f")
		case $m in *debian.org/debian|*debian.org/debian/|*/debian|*/debian/) mirror=$m; suite=$s; break ;; esac
	done
	if [ -z "$mirror" ]; then
		for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
			[ -f "$f" ] || continue
			line=$(grep -E '^deb[[:space:]]' "$f" | grep -v -- '-security' | grep -E '/debian/?[[:space:]]' | head -n 1 || true)
			[ -n "$line" ] || continue
			mirror=$(echo "$line" | awk '{for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) {print $i; exit}}')
			suite=$(echo "$line" | awk '{n = 0; for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) {n++; if (n == 2) {print $i; exit}}}')
			break
		done
	fi
	[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
	[ -n "$suite" ] || suite=$(. /etc/os-release 2>/dev/null; echo "${VERSION_CODENAME:-bookworm}")
	keyring=/usr/share/keyrings/debian-archive-keyring.gpg
	[ -f "$keyring" ] || die "$keyring missing: apt-get install debian-archive-keyring"

	mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/etc/preferences.d" "$SRC"
	echo "deb-src [signed-by=$keyring] $mirror $suite main" > "$APT/sources.list"
	set -- -o Dir::Etc::SourceList="$APT/sources.list" -o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$APT/lists" -o Dir::Cache="$APT/cache" \
		-o Dir::Etc::Preferences="$APT/etc/preferences" \
		-o Dir::Etc::PreferencesParts="$APT/etc/preferences.d" \
		-o APT::Sandbox::User=root
	echo "fetch-sparse: apt-get update for deb-src $mirror $suite main (state in $APT)"
	apt-get "$@" -q update >"$APT/update.log" 2>&1 ||
		{ cat "$APT/update.log" >&2; die "apt-get update failed (is $mirror reachable?)"; }
	echo "fetch-sparse: apt-get source sparse into $SRC"
	(cd "$SRC" && apt-get "$@" -q source sparse) >"$APT/source.log" 2>&1 ||
		{ cat "$APT/source.log" >&2; die "apt-get source sparse failed"; }
	dir=$(ls -d "$SRC"/sparse-"$WANT"* 2>/dev/null | head -n 1 || true)
	[ -n "$dir" ] || die "the source package in $suite is not sparse $WANT: $(ls "$SRC")"
fi

echo "fetch-sparse: building libsparse.a in $dir"
# Only the library: sparse's own programs and optional back ends (LLVM, gtk, xml) are not needed.
make -C "$dir" -j"${JOBS:-2}" libsparse.a CFLAGS="-O2 -g -fPIC" HAVE_LLVM=no HAVE_GTK=no \
	HAVE_LIBXML=no HAVE_SQLITE=no >"$SRC/build.log" 2>&1 ||
	{ tail -n 30 "$SRC/build.log" >&2; die "building libsparse.a failed (log: $SRC/build.log)"; }
built "$dir" || die "no libsparse.a after the build in $dir"
echo "$dir" > "$SRC/CURRENT"
echo "fetch-sparse: ok: $dir/libsparse.a"
