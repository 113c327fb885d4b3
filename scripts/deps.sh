#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/deps.sh - install what dmacheck needs from Debian (bookworm).
#
#   scripts/deps.sh [--check] [GROUP...]
#
# Groups (none given = all):
#   build   gcc make python3     the core and its tests (gcov ships with gcc); python3 runs the
#                                testsuite and `dmacheck scan`
#   plugin  gcc-12-plugin-dev g++-12   the GCC plugin; must match the gcc that builds the tree
#           gcc-11 g++-11 gcc-11-plugin-dev   the GCC 11 build of it (make plugin PLUGIN_CC=gcc-11)
#   cocci   coccinelle libpython3-dev   the semantic patches.  spatch's Python scripting loads
#                                the unversioned libpython3.X.so at run time, which only the
#                                -dev package ships (Debian's coccinelle does not depend on it)
#   sparse  sparse dpkg-dev      the sparse checker is built from `apt-get source sparse`
#   kernel  linux-source-6.1 linux-config-6.1 and the kernel's build deps: the real corpus
#   kernel612  linux-source-6.12 linux-config-6.12: the second target, Debian's 6.12 LTS
#           (bookworm-security), for `dmacheck scan --kernel 6.12` and apicheck's 6.12 half;
#           the build deps are kernel's (list both groups)
#   fuzz    csmith libcsmith-dev   random programs for scripts/csmith-identity.sh
#   fresh   debootstrap          `make fresh-check` (a clean Debian 12 root); not in the default set
#   icecc   icecc                `dmacheck scan --icecc` (icecream 1.4) and its test in `make
#                                check` (scripts/icecc-local.sh); not in the default set, so
#                                `make run` does not need it.  On a system with init, Debian's
#                                package enables its iceccd service (it looks for a scheduler
#                                on the network); `systemctl disable --now iceccd` if unwanted
#
# --check  only report what is missing; exit 1 if anything is.
#
# After the packages, the groups' tools are tried once where a package alone does not prove
# they work: for cocci, spatch runs a tiny Python rule (about 20 ms).  A failure there
# exits 1 with spatch's own words and what to install, before any test depends on it.
#
# Idempotent: an installed package is never reinstalled, and when everything is present the
# script exits 0 after one dpkg-query call and the tool probes (no apt, no network).  `apt-get update` runs only
# when a missing package is unknown to apt-cache policy, or once after a failed install
# (stale lists are the usual cause).
#
# Exit: 0 all present, 1 missing (--check) or install failed, 2 cannot install here (not root
# and no sudo, or no apt-get/dpkg-query: the message names the packages and the command) or a
# usage error.
# Limits: Debian/Ubuntu only; package names are bookworm's (linux-source-6.1, linux-source-6.12
# from bookworm-security, gcc-12).

# shellcheck disable=SC2086 # package lists are split into words on purpose
set -eu

usage() {
	echo "usage: $0 [--check] [build|plugin|cocci|sparse|kernel|kernel612|fuzz|fresh|icecc]..." >&2
	exit 2
}

group_pkgs() {
	case $1 in
	build)	echo gcc make python3 ;;
	plugin)	echo gcc-12-plugin-dev g++-12 gcc-11 g++-11 gcc-11-plugin-dev ;;
	cocci)	echo coccinelle libpython3-dev ;;
	sparse)	echo sparse dpkg-dev ;;
	fuzz)	echo csmith libcsmith-dev ;;
	fresh)	echo debootstrap ;;
	icecc)	echo icecc ;;
	kernel)	echo linux-source-6.1 linux-config-6.1 build-essential flex bison bc \
		     libelf-dev libssl-dev rsync cpio kmod xz-utils ;;
	kernel612) echo linux-source-6.12 linux-config-6.12 ;;
	*)	return 1 ;;
	esac
}

check=0
groups=
for a in "$@"; do
	case $a in
	--check)	check=1 ;;
	-h|--help)	usage ;;
	-*)		echo "$0: unknown option '$a'" >&2; usage ;;
	*)		group_pkgs "$a" >/dev/null || { echo "$0: unknown group '$a'" >&2; usage; }
			groups="$groups $a" ;;
	esac
done
[ -n "$groups" ] || groups="build plugin cocci sparse kernel kernel612 fuzz"

want=
for g in $groups; do
	for p in $(group_pkgs "$g"); do
		case " $want " in *" $p "*) ;; *) want="$want $p" ;; esac
	done
done

# Print the packages of $* that dpkg does not have fully installed.
missing_of() {
	# One dpkg-query for all: unknown names go to stderr and make it exit 1, which is fine.
	st=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true)
	for p in "$@"; do
		echo "$st" | grep -qx "$p installed" || printf '%s ' "$p"
	done
}

fail_manual() {
	echo "$0: $1" >&2
	echo "$0: missing Debian packages:$2" >&2
	echo "$0: install them as root with:" >&2
	echo "    apt-get update && apt-get install -y --no-install-recommends$2" >&2
	exit 2
}

# Try the installed tools of the chosen groups that a package alone does not prove working.
verify_tools() {
	case " $groups " in *" cocci "*) verify_spatch ;; esac
}

# spatch loads Python only when a script rule runs: one match, one Python rule, as in every
# dmacheck script.
verify_spatch() {
	d=$(mktemp -d)
	printf '@r@\nidentifier x;\n@@\nint x;\n\n@script:python@\nx << r.x;\n@@\nprint("dmacheck-python-ok")\n' \
		>"$d/probe.cocci"
	echo 'int dmacheck_probe;' >"$d/probe.c"
	out=$(spatch --very-quiet --cocci-file "$d/probe.cocci" "$d/probe.c" 2>&1) || true
	rm -rf "$d"
	case $out in *dmacheck-python-ok*) return 0 ;; esac
	echo "$0: spatch cannot run Python rules, so no dmacheck .cocci script can run:" >&2
	echo "$out" | sed 's/^/    spatch: /' | head -n 5 >&2
	echo "$0: spatch loads the unversioned libpython3.X.so of the python3 on PATH" \
	     "($(command -v python3 || echo 'no python3')); Debian's libpython3-dev ships it" >&2
	exit 1
}

command -v dpkg-query >/dev/null 2>&1 ||
	fail_manual "dpkg-query not found (not a Debian system?)" "$want"

missing=$(missing_of $want)
if [ -z "$missing" ]; then
	[ $check -eq 0 ] || echo "deps: all present:$want"
	verify_tools
	exit 0
fi
missing=" ${missing% }"
if [ $check -eq 1 ]; then
	echo "deps: missing:$missing"
	exit 1
fi

command -v apt-get >/dev/null 2>&1 || fail_manual "apt-get not found" "$missing"
sudo=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null 2>&1 || fail_manual "not root and sudo not found" "$missing"
	sudo=sudo
fi

apt() {
	# env passes DEBIAN_FRONTEND through sudo; the lock timeout waits out a concurrent apt.
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@"
}

updated=0
update() { apt -q update; updated=1; }
failed() { echo "$0: apt-get install failed for:$missing" >&2; exit 1; }

# Lists may predate a package (fresh container, new point release): refresh only then.
for p in $missing; do
	if ! apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [^(]'; then
		echo "deps: '$p' unknown to apt, running apt-get update"
		update
		break
	fi
done

echo "deps: installing:$missing"
if ! apt install -y --no-install-recommends $missing; then
	[ $updated -eq 0 ] || failed
	echo "deps: install failed, retrying once after apt-get update"
	update
	apt install -y --no-install-recommends $missing || failed
fi

left=$(missing_of $missing)
[ -z "$left" ] || { echo "$0: still not installed: $left" >&2; exit 1; }
echo "deps: installed:$missing"
verify_tools
