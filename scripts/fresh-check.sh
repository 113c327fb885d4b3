#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/fresh-check.sh - `make fresh-check`: the README's two commands on a clean Debian 12,
# exactly as a new user runs them, so that a missing install step fails here and not on a
# user's machine (a machine that already has every package cannot show one).
#
#   scripts/fresh-check.sh [--dirs "DIR..."] [--only check|run] [--keep] [--work DIR]
#
# What it does:
#   1. a Debian 12 root: debootstrap bookworm, --variant=minbase plus gcc, make, git and
#      ca-certificates (what the README assumes), from the Debian mirror the host's apt uses
#      (read from `apt-cache policy`, Debian origins only).  The finished root is cached as a
#      tarball in $DMACHECK_CACHE/fresh/ (default ~/.cache/dmacheck), keyed by the mirror list,
#      so later runs unpack it in seconds instead of bootstrapping (about 1.5 minutes);
#   2. for each of the two commands, a root of its own unpacked from that tarball (each command
#      must work with nothing done before), the checkout's committed HEAD cloned into
#      /src/dmacheck (uncommitted changes are not tested: it says so), /proc, /sys and /dev
#      mounted, the host's resolv.conf; the root's apt sources are the host's Debian mirrors,
#      with lists as fresh as the tarball;
#   3. in the first root `make check`; in the second `make run DIRS="..."` (default
#      drivers/usb/storage: the whole run, set-up, tree, API check, verdicts and a three-engine
#      scan, on one small directory);
#   4. prints each command, the closing lines of its output and PASS/FAIL, then one line
#      "fresh-check: N passed, N failed".  Full logs: build/fresh-check/{check,run}.log.
#
# The chroots share one download cache ($DMACHECK_CACHE/fresh/apt-archives, bind-mounted on
# /var/cache/apt/archives) so packages are fetched once per machine; every package is still
# installed by the project's own set-up inside the root.  Mounts are undone and the roots
# removed whatever happens (exit, error, SIGINT, SIGTERM); a root is never deleted while
# anything is still mounted below it.
#
# Options:
#   --dirs "D..."   the directories `make run` scans (default: drivers/usb/storage)
#   --only check|run   run one of the two commands
#   --keep          keep the roots (their paths are printed) for a look after a failure
#   --work DIR      where the roots go (default: build/fresh-check/)
#   --rebuild       bootstrap again instead of using the cached tarball
#
# Exit: 0 both commands passed; 1 one failed; 2 cannot run here (not root, no debootstrap after
# `scripts/deps.sh fresh`, no Debian mirror in the host's apt configuration, bootstrap failed).
# Limits: needs root, Linux, network access to the Debian mirror; amd64 hosts (the root is the
# host's architecture); about 2 GB of disk per root while it runs.

set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${DMACHECK_CACHE:-$HOME/.cache/dmacheck}/fresh
work=$top/build/fresh-check
dirs="drivers/usb/storage"
only=
keep=0
rebuild=0
suite=bookworm

die() { echo "fresh-check: $*" >&2; exit 2; }
usage() {
	echo "usage: $0 [--dirs \"DIR...\"] [--only check|run] [--keep] [--work DIR] [--rebuild]" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--dirs)		[ $# -ge 2 ] || usage; dirs=$2; shift 2 ;;
	--only)		[ $# -ge 2 ] || usage; only=$2; shift 2
			case $only in check|run) ;; *) echo "fresh-check: --only takes check or run" >&2; usage ;; esac ;;
	--keep)		keep=1; shift ;;
	--work)		[ $# -ge 2 ] || usage; work=$2; shift 2 ;;
	--rebuild)	rebuild=1; shift ;;
	-h|--help)	sed -n '3,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*)		echo "fresh-check: unknown argument '$1'" >&2; usage ;;
	esac
done

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mounts)"
sh "$top/scripts/deps.sh" fresh || die "scripts/deps.sh fresh could not install debootstrap"
export PATH="$PATH:/usr/sbin:/sbin"
command -v debootstrap >/dev/null || die "debootstrap not found after scripts/deps.sh fresh"

# ---- the mirrors the host's apt uses (Debian origins), as "URI SUITE COMPONENT" lines -------
mirrors=$(apt-cache policy 2>/dev/null | awk '
	/^ *[0-9]+ (https?|file):/ { uri = $2; split($3, sc, "/"); next }
	uri != "" && /release / && /o=Debian/ { print uri, sc[1], sc[2] }
	{ uri = "" }' | sort -u)
main_mirror=$(echo "$mirrors" | awk -v s=$suite '$2 == s { print $1; exit }')
[ -n "$main_mirror" ] || die "no Debian '$suite' mirror in the host's apt configuration (apt-cache policy)"

# ---- the cached base root ------------------------------------------------------------------
key=$(printf '%s\n' "$suite minbase gcc,make,git,ca-certificates $(uname -m)" "$mirrors" |
	md5sum | cut -c1-12)
base=$cache/$suite-minbase-$key.tar
mkdir -p "$cache/apt-archives/partial" "$work" || die "cannot create $cache or $work"

# unmount_below ROOT: every mount below ROOT, deepest first; lazy as the last resort so a busy
# mount never stays behind.  Fails if anything is still mounted there.
unmount_below() {
	local m
	for m in $(awk -v r="$1/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r); do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
	done
	! awk -v r="$1/" 'index($2, r) == 1 { f = 1 } END { exit !f }' /proc/mounts
}

roots=()
cleanup() {
	local r
	for r in "${roots[@]}"; do
		if ! unmount_below "$r"; then
			echo "fresh-check: mounts still below $r, not removing it" >&2
		elif [ $keep -eq 1 ]; then
			echo "fresh-check: kept $r"
		else
			rm -rf --one-file-system "$r"
		fi
	done
	roots=()
}
# in_session CMD...: CMD in a session of its own (setsid), waited for, so that an interrupt can
# stop all of it (debootstrap's children, a whole make check) before the EXIT trap unmounts and
# removes the roots.
job=
in_session() {
	setsid "$@" &
	job=$!
	wait $job
	local rc=$?
	job=
	return $rc
}
exec 3>&2	# the trap may run inside a redirected command: say it on the real stderr
trap cleanup EXIT
trap 'echo "fresh-check: interrupted" >&3; [ -z "$job" ] || kill -TERM -- -"$job" 2>/dev/null; sleep 1; exit 130' INT TERM

# mount_into ROOT: what a booted machine has (/proc, /sys, /dev), the shared download cache,
# and the host's name servers.
mount_into() {
	cp -L /etc/resolv.conf "$1/etc/resolv.conf" 2>/dev/null || true
	mount -t proc proc "$1/proc" && mount --rbind /sys "$1/sys" && mount --make-rslave "$1/sys" &&
		mount --rbind /dev "$1/dev" && mount --make-rslave "$1/dev" &&
		mount --bind "$cache/apt-archives" "$1/var/cache/apt/archives"
}

# The base: bootstrapped, given the host's Debian mirrors and their current package lists (as
# an installed machine has them: without bookworm-security's lists apt would pick an older
# linux-source-6.1 than the one the project's triaged findings come from).
if [ $rebuild -eq 1 ] || [ ! -s "$base" ]; then
	r=$(mktemp -d "$work/bootstrap.XXXXXX") || die "mktemp in $work failed"
	roots+=("$r")
	chmod 755 "$r"		# a root of mode 0700 (mktemp's) locks out apt's _apt user
	echo "fresh-check: debootstrap $suite (minbase + gcc make git ca-certificates) from $main_mirror"
	if ! in_session debootstrap --variant=minbase --include=gcc,make,git,ca-certificates \
		--cache-dir="$cache/apt-archives" "$suite" "$r" "$main_mirror" >"$work/debootstrap.log" 2>&1; then
		tail -n 20 "$work/debootstrap.log" >&2
		die "debootstrap failed (log: $work/debootstrap.log)"
	fi
	echo "$mirrors" | awk '{ print "deb", $1, $2, $3 }' >"$r/etc/apt/sources.list"
	rm -f "$r"/etc/apt/sources.list.d/*
	mount_into "$r" || die "cannot mount /proc, /sys, /dev into $r"
	in_session chroot "$r" apt-get -q update >>"$work/debootstrap.log" 2>&1 ||
		die "apt-get update in the new root failed (log: $work/debootstrap.log)"
	unmount_below "$r" || die "cannot unmount everything below $r"
	rm -f "$r"/var/cache/apt/archives/*.deb
	tar -C "$r" -cf "$base.tmp" . && mv "$base.tmp" "$base" || die "cannot write $base"
	rm -rf --one-file-system "$r"
	roots=()
	echo "fresh-check: cached the root as $base ($(du -h "$base" | cut -f1))"
fi

# ---- one command in a root of its own ------------------------------------------------------
# new_root: unpack the base, clone the checkout's HEAD, mount.
new_root() {
	local r
	r=$(mktemp -d "$work/root.XXXXXX") || return 1
	roots+=("$r")
	tar -C "$r" -xf "$base" || return 1
	chmod 755 "$r"		# tar restores the mode of ".": never let it lock out _apt
	git clone -q "$top" "$r/src/dmacheck" || return 1
	mount_into "$r" || return 1
	ROOT=$r
}

passed=0
failed=0
# run_in NAME COMMAND: COMMAND as a new user types it, in /src/dmacheck of a new root.
run_in() {
	local name=$1 cmd=$2 log=$work/$1.log rc start
	new_root || { echo "FAIL fresh: $cmd (could not set up the root)"; failed=$((failed + 1)); return; }
	echo "fresh-check: [$ROOT] cd /src/dmacheck && $cmd"
	start=$(date +%s)
	in_session chroot "$ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		sh -c "cd /src/dmacheck && $cmd" >"$log" 2>&1
	rc=$?
	echo "fresh-check: exit $rc after $(( $(date +%s) - start )) s; its closing lines:"
	tail -n 3 "$log" | sed 's/^/    /'
	if [ $rc -eq 0 ]; then
		passed=$((passed + 1)); echo "PASS fresh: $cmd"
	else
		echo "fresh-check: what failed (full log: $log):"
		grep -E '^(FAIL|XPASS)|\*\*\* |(error|Error):' "$log" | sed -n '1,30s/^/    /p'
		failed=$((failed + 1)); echo "FAIL fresh: $cmd"
	fi
	cleanup		# this root's disk space is not needed by the next command
}

if [ -n "$(git -C "$top" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
	echo "fresh-check: the checkout has uncommitted changes; the clean root gets HEAD only"
fi
[ "$only" = run ] || run_in check "make check"
[ "$only" = check ] || run_in run "make run DIRS=\"$dirs\""
echo "fresh-check: $passed passed, $failed failed"
[ $failed -eq 0 ]
