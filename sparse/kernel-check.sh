#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# sparse/kernel-check.sh - run dmacheck-sparse over directories of a prepared kernel tree
# through kbuild's checker hook, and list its findings the way the plugin's are listed
# (testsuite/kernel-smoke/drivers-usb.txt).
#
#   sparse/kernel-check.sh [--tree TREE] [--bin BIN] [--jobs J] [--out FILE]
#                          [--plugin SO] [--compare LIST] [--expect LIST] [DIR...]
#
# Runs `make -k -jJ C=2 CHECK=BIN M=DIR` in TREE (default ~/.cache/dmacheck/linux-6.1, the
# tree of scripts/kernel-tree.sh) for each DIR (default drivers/usb), holding the tree's lock
# (<tree>.lock) as the other tree scripts do. C=2 checks every source of DIR without
# recompiling what is up to date. Writes the full log to FILE.log and the findings to FILE
# (default build/sparse/kernel-<dirs>.txt): a header (tree, version, command, files checked,
# CPU time), then each warning with its notes, sorted by file and line, then counts per rule.
#
#
# --plugin SO: first build each DIR with the GCC plugin (`make -k -jJ M=DIR
# KCFLAGS=-fplugin=SO`; only what is out of date is compiled, so its list in FILE.plugin.txt
# is complete only for directories not yet built that way) and compare; the C=2 run then
# passes the same KCFLAGS, so that it compiles nothing again.
# --compare LIST: compare with the plugin findings in LIST (testsuite/kernel-smoke/*.txt).
# The comparison (FILE.compare.txt, and on stdout) normalises both to "file:line: rule" and
# lists what only one engine reports.
#
# --expect LIST: a test (for make check): the findings in the DIRs must be exactly those of
# LIST (a list this script wrote, e.g. testsuite/kernel-smoke/drivers-usb-sparse.txt) in
# files under the DIRs; prints ok/FAIL lines (no crash, findings equal) and
# "sparse-kernel-smoke: N passed, N failed".
#
# Exit: 0 every file was checked and the checker never failed; 1 a checker run crashed or
# exited non-zero, or make failed; 2 usage or set-up.
# Limits: a DIR whose objects are out of date is also compiled (kbuild does that with C=2).

set -u
tree=${DMACHECK_TREE:-${DMACHECK_CACHE:-$HOME/.cache/dmacheck}/linux-6.1}
bin=build/sparse/dmacheck-sparse
jobs=2
out=
plugin=
compare=
expect=
dirs=()
while [ $# -gt 0 ]; do
	case $1 in
	--tree) tree=$2; shift 2 ;;
	--bin) bin=$2; shift 2 ;;
	--jobs) jobs=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--plugin) plugin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
	--compare) compare=$2; shift 2 ;;
	--expect) expect=$2; shift 2 ;;
	-h|--help) sed -n '3,20p' "$0"; exit 0 ;;
	-*) echo "kernel-check: unknown option $1" >&2; exit 2 ;;
	*) dirs+=("$1"); shift ;;
	esac
done
[ ${#dirs[@]} -gt 0 ] || dirs=(drivers/usb)
[ -f "$tree/Makefile" ] || { echo "kernel-check: no kernel tree at $tree (scripts/kernel-tree.sh)" >&2; exit 2; }
[ -x "$bin" ] || { echo "kernel-check: $bin not built (make sparse)" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
[ -n "$out" ] || out=build/sparse/kernel-$(echo "${dirs[*]}" | tr '/ ' '-_').txt
mkdir -p "$(dirname "$out")"
log=$out.log
: > "$log"

exec 9>"$tree.lock"
if ! flock -n 9; then
	echo "kernel-check: waiting for the lock on $tree" >&2
	flock 9
fi

status=0
start=$(date -u '+%Y-%m-%d %H:%M UTC')
TIMEFORMAT='%U %S %R'
cpu_total=0
if [ -n "$plugin" ]; then
	: > "$out.plugin.log"
	for d in "${dirs[@]}"; do
		make -C "$tree" -k -j"$jobs" M="$d" KCFLAGS="-fplugin=$plugin" >>"$out.plugin.log" 2>&1 ||
			echo "kernel-check: the plugin build of $d failed (see $out.plugin.log)" >&2
	done
fi
for d in "${dirs[@]}"; do
	# `CHECK` lines are kbuild's quiet output of each checker run; the checker's own output
	# and any crash come on stderr, merged into the log.
	# with --plugin, the same KCFLAGS: what the plugin build left is up to date
	t=$( { time make -C "$tree" -k -j"$jobs" C=2 CHECK="$bin" M="$d" ${plugin:+KCFLAGS=-fplugin=$plugin} >>"$log" 2>&1 ; echo "rc=$?" >>"$log"; } 2>&1 )
	cpu_total=$(echo "$cpu_total $t" | awk '{printf "%.1f", $1 + $2 + $3}')
done
grep -q '^rc=[1-9]' "$log" && status=1
grep -Eq 'Segmentation fault|Aborted|core dumped|internal error|\*\*\* \[' "$log" && status=1

python3 - "$log" "$out" "$tree" "$start" "$cpu_total" "$bin" "$plugin" "$compare" "$expect" "$status" "${dirs[@]}" <<'PY'
import re, sys, subprocess
log, out, tree, start, cpu, binpath, plugin, compare, expect, status = sys.argv[1:11]
dirs = sys.argv[11:]
text = open(log, errors="replace").read().splitlines()
checked = sum(1 for l in text if re.match(r"^\s+CHECK\s+\S+\.c$", l))
diag = re.compile(r"^(?P<f>[^:\s]+):(?P<l>\d+):(?P<c>\d+): (?P<k>warning|error|note): (?P<m>.*)$")
blocks, cur = [], None
for l in text:
    m = diag.match(l)
    if not m:
        cur = None
        continue
    if m.group("k") != "note":
        cur = None
        if "[dmacheck-" in m.group("m"):
            cur = [l]
            blocks.append(cur)
    elif cur is not None:
        cur.append(l)
def key(b):
    m = diag.match(b[0])
    return (m.group("f"), int(m.group("l")), int(m.group("c")), b)
uniq = sorted({tuple(b) for b in blocks}, key=lambda b: key(list(b))[:3])
rules = {}
for b in uniq:
    r = re.search(r"\[dmacheck-([a-z0-9-]+)\]", b[0]).group(1)
    rules[r] = rules.get(r, 0) + 1
ver = subprocess.run(["git", "describe", "--always", "--dirty"], stdout=subprocess.PIPE,
                     universal_newlines=True).stdout.strip()
other = [l for l in text if diag.match(l) and "[dmacheck-" not in l and diag.match(l).group("k") == "error"]
with open(out, "w") as f:
    f.write("# dmacheck-sparse on Linux 6.1 %s\n" % " ".join(dirs))
    f.write("# tree:     %s\n" % tree)
    f.write("# checker:  dmacheck-sparse %s (sparse 0.6.4 from Debian's source package)\n" % ver)
    f.write("# command:  make -k -j2 C=2 CHECK=.../dmacheck-sparse M=DIR\n")
    f.write("# date:     %s\n" % start)
    f.write("# checked:  %d files (CHECK lines)\n" % checked)
    f.write("# cpu:      %s s (user+sys of make and its children)\n" % cpu)
    f.write("# sparse errors (parse problems, not findings): %d\n\n" % len(other))
    for b in uniq:
        f.write("\n".join(b) + "\n")
    f.write("\n# per rule\n")
    for r in sorted(rules):
        f.write("#   %-28s %d\n" % (r, rules[r]))
    f.write("#   %-28s %d\n" % ("total", sum(rules.values())))
print("kernel-check: %d files checked, %d findings -> %s" % (checked, sum(rules.values()), out))

def blocks_of(lines):
    res, cur = [], None
    for l in lines:
        m = diag.match(l)
        if not m:
            cur = None
            continue
        if m.group("k") != "note":
            cur = [l] if "[dmacheck-" in m.group("m") else None
            if cur:
                res.append(cur)
        elif cur is not None:
            cur.append(l)
    return res

def norm(blocks):
    s = set()
    for b in blocks:
        m = diag.match(b[0])
        f = m.group("f")
        f = f[2:] if f.startswith("./") else f
        s.add("%s:%s: %s" % (f, m.group("l"), re.search(r"\[dmacheck-([a-z0-9-]+)\]", b[0]).group(1)))
    return s

other = None
if plugin:
    pl = open(out + ".plugin.log", errors="replace").read().splitlines()
    pb = blocks_of(pl)
    compiled = sum(1 for l in pl if re.match(r"^\s+CC \[M\]\s+\S+\.o$", l) or re.match(r"^\s+CC\s+\S+\.o$", l))
    with open(out + ".plugin.txt", "w") as f:
        f.write("# dmacheck GCC plugin on Linux 6.1 %s (%d files compiled)\n\n" % (" ".join(dirs), compiled))
        for b in sorted({tuple(x) for x in pb}):
            f.write("\n".join(b) + "\n")
    other = norm(pb) if compiled else None
    if not compiled:
        print("kernel-check: the plugin build compiled nothing (up to date): no comparison")
elif compare:
    other = norm(blocks_of(open(compare, errors="replace").read().splitlines()))
if other is not None:
    mine = norm([list(b) for b in uniq])
    with open(out + ".compare.txt", "w") as f:
        f.write("# dmacheck-sparse vs the GCC plugin, normalised to file:line: rule\n")
        f.write("# both: %d, only sparse: %d, only plugin: %d\n" % (len(mine & other), len(mine - other), len(other - mine)))
        for x in sorted(mine - other):
            f.write("only sparse: %s\n" % x)
        for x in sorted(other - mine):
            f.write("only plugin: %s\n" % x)
    print(open(out + ".compare.txt").read(), end="")
if expect:
    want = {x for x in norm(blocks_of(open(expect, errors="replace").read().splitlines()))
            if any(x.startswith(d.rstrip("/") + "/") for d in dirs)}
    mine = norm([list(b) for b in uniq])
    res = [(status == "0" and checked > 0,
            "%d files of %s checked, no crash, make succeeded" % (checked, " ".join(dirs))),
           (mine == want, "findings equal %s (%d): %d missing, %d new"
            % (expect, len(want), len(want - mine), len(mine - want)))]
    for x in sorted(want - mine):
        print("    missing: " + x)
    for x in sorted(mine - want):
        print("    new: " + x)
    for ok, what in res:
        print("%s %s" % ("ok" if ok else "FAIL", what))
    print("sparse-kernel-smoke: %d passed, %d failed" % (sum(1 for ok, _ in res if ok),
                                                       sum(1 for ok, _ in res if not ok)))
    sys.exit(0 if all(ok for ok, _ in res) else 1)
PY
rc=$?
[ -z "$expect" ] || exit $rc
[ $status -eq 0 ] || echo "kernel-check: make or the checker failed; see $log" >&2
exit $status
