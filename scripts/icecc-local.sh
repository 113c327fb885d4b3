#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/icecc-local.sh - a private icecream farm on this machine, for testing
# `dmacheck scan --icecc` without a real cluster: one scheduler, one submitting daemon and
# N compile nodes, all on 127.0.0.1, on their own free ports and network name, with logs in DIR.
#
#   scripts/icecc-local.sh up DIR [--nodes N] [--real-load]   start; print the export lines
#   scripts/icecc-local.sh down DIR                            stop what `up DIR` started
#   scripts/icecc-local.sh run DIR [--nodes N] [--real-load] -- CMD [ARG...]
#                                                              up, CMD with the exports, down;
#                                                              CMD's exit status
#   scripts/icecc-local.sh jobs DIR                            jobs each node compiled (logs)
#
# `up` writes DIR/env.sh (the same export lines it prints: ICECC_TEST_SOCKET, the submitting
# daemon's private socket, so that the client never talks to a system iceccd; and
# ICECC_TEST_REMOTEBUILD=1, so that a job the scheduler gives to a node on 127.0.0.1 is sent to
# that node's port instead of being built by the client itself), DIR/*.pid and the logs
# DIR/scheduler.log, DIR/local.log, DIR/node1.log ... (iceccd -vvv: "Remote compilation
# completed" per job, which `jobs` counts). The submitting daemon takes no jobs (-m 0
# --no-remote), so every compile goes to a node, which builds it in a chroot of the
# compiler environment the client sends (ICECC_VERSION), exactly as a remote machine would.
# The processes are the caller's children, not services: `down` (and `run` on any exit,
# SIGINT or SIGTERM) kills them by the pids recorded in DIR and removes the sockets and the
# installed environments. Nothing is left running and no system file is touched.
#
# Ports: a scheduler needs TCP and UDP PORT and TCP PORT+1, a node one TCP port; `up` takes
# the first block of free ones from a pseudo-random start in 20000-59999 (python3 checks each
# by binding it), so two farms (or a system icecream on 8765/10245) do not clash. The network
# name is dmacheck-<pid>, so the private daemons never join another scheduler.
#
# Load: an icecream node that sees less than 10% idle CPU in /proc/stat reports itself fully
# loaded and the scheduler gives it no job (iceccd's load heuristics). On a shared CI machine
# that is the normal state, and every job would wait for a node that never frees up. So by
# default the nodes read a /proc/stat that shows an idle CPU (a tiny LD_PRELOAD library built
# into DIR at `up`, which removes itself from the environment of what the node runs); the
# compiles themselves are untouched. --real-load keeps icecream's own load balancing.
#
# Needs: icecc 1.4 (scripts/deps.sh icecc), python3, cc; root, because a node chroots into
# the compiler environment (it runs as the icecc user with CAP_SYS_CHROOT, as Debian's
# service does). Exit: 0 ok; 1 a daemon did not start or connect (its log's tail printed);
# 2 usage, icecc missing, not root.

set -u

usage() {
	sed -n '/^#   scripts/p' "$0" | sed 's/^#   /usage: /' >&2
	exit 2
}

die() { echo "icecc-local: $*" >&2; exit "${2:-1}"; }

[ $# -ge 2 ] || usage
cmd=$1 dir=$2
shift 2
nodes=2 real_load=0
while [ $# -gt 0 ]; do
	case $1 in
	--nodes)	[ $# -ge 2 ] || usage; nodes=$2; shift 2 ;;
	--real-load)	real_load=1; shift ;;
	--)		shift; break ;;
	*)		usage ;;
	esac
done
case $nodes in ''|*[!0-9]*|0) die "--nodes needs a positive number" 2 ;; esac

# Stop everything `up` recorded in DIR (idempotent).
down() {
	local f pid
	for f in "$dir"/*.pid; do
		[ -f "$f" ] || continue
		pid=$(cat "$f")
		[ -n "$pid" ] && kill "$pid" 2>/dev/null
	done
	sleep 0.3
	for f in "$dir"/*.pid; do
		[ -f "$f" ] || continue
		pid=$(cat "$f")
		[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
		rm -f "$f"
	done
	rm -rf "$dir"/*.socket "$dir"/envs-*
}

# The first free block of N+3 ports: scheduler PORT (TCP and UDP), PORT+1 (its telnet
# interface), then one per daemon.
free_ports() {
	python3 - "$1" <<'EOF'
import os, random, socket, sys
need = int(sys.argv[1])
def free(p, kind):
    s = socket.socket(socket.AF_INET, kind)
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("0.0.0.0", p))
        return True
    except OSError:
        return False
    finally:
        s.close()
start = random.Random(os.getpid()).randrange(20000, 59000, 10)
for base in range(start, 64000, 10):
    if free(base, socket.SOCK_DGRAM) and \
            all(free(base + i, socket.SOCK_STREAM) for i in range(need)):
        print(base)
        break
else:
    sys.exit(1)
EOF
}

IDLE_C='#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
/* iceccd reads /proc/stat through open() and read(): give it a CPU that is always idle. */
static int stat_fd = -1;
__attribute__((constructor)) static void init(void) { unsetenv("LD_PRELOAD"); }
#define OPEN(name) int name(const char *path, int flags, ...) { \
	static int (*real)(const char *, int, ...); va_list ap; int mode; \
	if (!strcmp(path, "/proc/stat")) return stat_fd = memfd_create("stat", 0); \
	if (!real) real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, #name); \
	va_start(ap, flags); mode = va_arg(ap, int); va_end(ap); \
	return real(path, flags, mode); }
OPEN(open)
OPEN(open64)
ssize_t read(int fd, void *buf, size_t n)
{
	static ssize_t (*real)(int, void *, size_t);
	if (!real) real = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
	if (fd >= 0 && fd == stat_fd) {
		char line[96]; struct timespec t; int len;
		clock_gettime(CLOCK_MONOTONIC, &t);
		len = snprintf(line, sizeof(line), "cpu  0 0 0 %llu 0 0 0 0 0 0\n",
			       (unsigned long long)t.tv_sec * 100 + t.tv_nsec / 10000000);
		if (ftruncate(fd, 0) || pwrite(fd, line, len, 0) != len) return -1;
	}
	return real(fd, buf, n);
}
'

up() {
	local user base i p n=0 preload=
	export PATH=$PATH:/usr/sbin:/sbin
	for p in icecc iceccd icecc-scheduler; do
		command -v $p >/dev/null || die "icecream is not installed: run scripts/deps.sh icecc" 2
	done
	[ "$(id -u)" -eq 0 ] || die "needs root: an icecream node chroots into the compiler environment it receives (it then runs as the icecc user with CAP_SYS_CHROOT)" 2
	mkdir -p "$dir" || die "cannot create $dir" 2
	dir=$(cd "$dir" && pwd)
	ls "$dir"/*.pid >/dev/null 2>&1 && die "$dir already has a farm: scripts/icecc-local.sh down $dir" 2
	user=icecc
	id "$user" >/dev/null 2>&1 || user=nobody
	chown "$user" "$dir" && chmod 755 "$dir"
	# the daemons drop root for $user: it must reach DIR (a mktemp -d parent is 0700)
	if command -v runuser >/dev/null && ! runuser -u "$user" -- test -w "$dir"; then
		die "the $user user (the daemons drop root for it) cannot write $dir: a parent directory is not searchable; choose another DIR" 2
	fi
	rm -f "$dir"/*.log
	if [ $real_load -eq 0 ]; then
		printf '%s' "$IDLE_C" >"$dir/idle.c"
		cc -shared -fPIC -O2 -o "$dir/idle.so" "$dir/idle.c" -ldl ||
			die "cannot build $dir/idle.so (use --real-load to do without)" 2
		preload=$dir/idle.so
	fi
	base=$(free_ports $((nodes + 3))) || die "no free ports" 2
	net=dmacheck-$$
	export ICECC_TESTS=1	# icecream's test mode: daemons on 127.0.0.1 talk to each other
	icecc-scheduler -p "$base" -n "$net" -u "$user" -l "$dir/scheduler.log" -vvv \
		>/dev/null 2>&1 </dev/null &
	echo $! >"$dir/scheduler.pid"
	# the submitting daemon: the client's local daemon, never a compile node
	ICECC_TEST_SOCKET=$dir/local.socket iceccd -s "127.0.0.1:$base" -n "$net" -N "$net-local" \
		--no-remote -m 0 -u "$user" -b "$dir/envs-local" -l "$dir/local.log" -vvv \
		-p $((base + 2)) >/dev/null 2>&1 </dev/null &
	echo $! >"$dir/local.pid"
	for i in $(seq 1 "$nodes"); do
		ICECC_TEST_SOCKET=$dir/node$i.socket LD_PRELOAD=$preload iceccd -s "127.0.0.1:$base" \
			-n "$net" -N "$net-node$i" -m 1 -u "$user" -b "$dir/envs-node$i" \
			-l "$dir/node$i.log" -vvv -p $((base + 2 + i)) >/dev/null 2>&1 </dev/null &
		echo $! >"$dir/node$i.pid"
	done
	# ready when every daemon logged in (they find the scheduler within a few seconds)
	for i in $(seq 1 60); do
		n=0
		for p in local $(seq -f 'node%g' 1 "$nodes"); do
			kill -0 "$(cat "$dir/$p.pid")" 2>/dev/null ||
				{ tail -n 5 "$dir/$p.log" >&2; down; die "iceccd $p exited (its log: $dir/$p.log)"; }
			grep -q "login $net-$p protocol" "$dir/scheduler.log" 2>/dev/null && n=$((n + 1))
		done
		[ $n -eq $((nodes + 1)) ] && break
		sleep 0.5
	done
	if [ "$n" -ne $((nodes + 1)) ]; then
		tail -n 5 "$dir"/*.log >&2
		down
		die "the daemons did not connect to the scheduler within 30 s (logs above)"
	fi
	grep -l "Cannot use chroot" "$dir"/node*.log >/dev/null 2>&1 &&
		{ down; die "a node cannot chroot, so it accepts no remote job (see iceccd(1))"; }
	cat >"$dir/env.sh" <<EOF
export ICECC_TEST_SOCKET=$dir/local.socket
export ICECC_TEST_REMOTEBUILD=1
EOF
	echo "# icecream farm '$net': scheduler 127.0.0.1:$base, $nodes node(s), logs in $dir"
	cat "$dir/env.sh"
}

jobs_done() {
	local f
	for f in "$dir"/node*.log; do
		[ -f "$f" ] || continue
		printf '%s %s\n' "$(basename "$f" .log)" \
			"$(grep -c 'Remote compilation completed with exit code' "$f")"
	done
}

case $cmd in
up)	up ;;
down)	down ;;
jobs)	jobs_done ;;
run)	[ $# -ge 1 ] || usage
	trap 'down' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	up >/dev/null || exit $?
	# shellcheck disable=SC1091
	. "$dir/env.sh"
	# CMD in the background, in a process group of its own (set -m), so that a signal to
	# this script stops CMD and everything it started, then the farm (bash runs a trap only
	# once the foreground command has ended)
	set -m
	"$@" &
	child=$!
	set +m
	trap 'kill -INT -- -$child 2>/dev/null; wait $child; exit 130' INT
	trap 'kill -TERM -- -$child 2>/dev/null; wait $child; exit 143' TERM
	wait $child
	;;
*)	usage ;;
esac
