#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench/sparse-cost.sh - what dmacheck-sparse costs against plain sparse, on real kernel code.
#
#   bench/sparse-cost.sh [--runs N] [--tree TREE] [--bin BIN] [--sparse SPARSE]
#                        [--callgrind] [DIR]
#
# 1. Records the checker commands kbuild runs for DIR (default drivers/usb/serial): one
#    `make C=2 CHECK=<recorder> M=DIR` in TREE (default ~/.cache/dmacheck/linux-6.1) with a
#    recorder that only writes down its arguments. So both checkers get exactly kbuild's
#    arguments (CHECKFLAGS, c_flags, -include ..., the .c file).
# 2. Replays them N times (default 3) with each checker, alternating which goes first:
#      sparse        SPARSE (default: the `sparse` program built from the same fetched
#                    Debian source and flags as libsparse.a, build/sparse-src/.../sparse)
#      dmacheck      BIN (default build/sparse/dmacheck-sparse)
#      both          BIN --also-sparse (sparse's warnings and dmacheck's findings in one run)
#    CPU time is user+sys of each checker process (wait4's rusage), summed over the files.
#    Prints every run, and the median of the per-run ratios dmacheck/sparse and both/sparse.
# 3. --callgrind: the largest file of DIR under `valgrind --tool=callgrind` with sparse and
#    with BIN: total instructions (Ir) and their ratio (deterministic; CPU time on these VMs
#    varies by several percent between identical runs).
# At the end a Markdown table row for docs/performance.md.
#
# Exit: 0 measured; 1 a checker failed; 2 usage or set-up.
# Limits: holds the tree's lock (<tree>.lock) while recording; other load on the machine
# skews the CPU times (alternation spreads it over both).

set -eu
runs=3
tree=${DMACHECK_TREE:-$HOME/.cache/dmacheck/linux-6.1}
bin=build/sparse/dmacheck-sparse
sparse_bin=
callgrind=0
dir=drivers/usb/serial
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=$2; shift 2 ;;
	--tree) tree=$2; shift 2 ;;
	--bin) bin=$2; shift 2 ;;
	--sparse) sparse_bin=$2; shift 2 ;;
	--callgrind) callgrind=1; shift ;;
	-h|--help) sed -n '3,28p' "$0"; exit 0 ;;
	-*) echo "sparse-cost: unknown option $1" >&2; exit 2 ;;
	*) dir=$1; shift ;;
	esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f "$tree/Makefile" ] || { echo "sparse-cost: no kernel tree at $tree" >&2; exit 2; }
[ -x "$bin" ] || make -s sparse >/dev/null || { echo "sparse-cost: cannot build $bin" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
if [ -z "$sparse_bin" ]; then
	src=$(cat build/sparse-src/CURRENT 2>/dev/null) ||
		{ echo "sparse-cost: no fetched sparse source (make sparse)" >&2; exit 2; }
	make -s -C "$src" sparse CFLAGS="-O2 -g -fPIC" HAVE_LLVM=no HAVE_GTK=no HAVE_LIBXML=no \
		HAVE_SQLITE=no >/dev/null 2>&1 || { echo "sparse-cost: cannot build $src/sparse" >&2; exit 2; }
	sparse_bin=$src/sparse
fi
command -v "$sparse_bin" >/dev/null || [ -x "$sparse_bin" ] || { echo "sparse-cost: no $sparse_bin" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rec=$work/recorder
cat > "$rec" <<REC
#!/usr/bin/env python3
import os, sys, json
with open("$work/commands.jsonl", "a") as f:
    f.write(json.dumps({"cwd": os.getcwd(), "args": sys.argv[1:]}) + "\n")
REC
chmod +x "$rec"

exec 9>"$tree.lock"
flock 9
make -C "$tree" -s -j2 C=2 CHECK="$rec" M="$dir" >"$work/record.log" 2>&1 ||
	{ cat "$work/record.log" >&2; echo "sparse-cost: recording make failed" >&2; exit 2; }
flock -u 9
n=$(wc -l < "$work/commands.jsonl" 2>/dev/null || echo 0)
[ "$n" -gt 0 ] || { echo "sparse-cost: no checker commands recorded for $dir" >&2; exit 2; }
echo "sparse-cost: $n checker commands in $dir; $runs runs; sparse = $sparse_bin"

python3 - "$work/commands.jsonl" "$runs" "$sparse_bin" "$bin" "$callgrind" "$dir" <<'PY'
import json, os, re, statistics, subprocess, sys, tempfile
cmds_file, runs, sparse_bin, dmcs, callgrind, d = sys.argv[1:7]
runs, callgrind = int(runs), int(callgrind) == 1
cmds = [json.loads(l) for l in open(cmds_file)]
configs = {"sparse": [sparse_bin], "dmacheck": [dmcs], "both": [dmcs, "--also-sparse"]}

def cpu(prefix):
    total, failed = 0.0, 0
    for c in cmds:
        p = subprocess.Popen(prefix + c["args"], cwd=c["cwd"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = status
        total += ru.ru_utime + ru.ru_stime
        failed += status != 0
    return total, failed

ratios = {"dmacheck": [], "both": []}
bad = 0
for r in range(runs):
    order = ["sparse", "dmacheck", "both"] if r % 2 == 0 else ["both", "dmacheck", "sparse"]
    t = {}
    for name in order:
        t[name], f = cpu(configs[name])
        bad += f
    for k in ratios:
        ratios[k].append(t[k] / t["sparse"])
    print("run %d (%s first): sparse %.2f s, dmacheck %.2f s (x%.3f), both %.2f s (x%.3f)"
          % (r + 1, order[0], t["sparse"], t["dmacheck"], t["dmacheck"] / t["sparse"],
             t["both"], t["both"] / t["sparse"]))
md = statistics.median(ratios["dmacheck"])
mb = statistics.median(ratios["both"])
print("median CPU ratio: dmacheck-sparse / sparse = %.3f, --also-sparse / sparse = %.3f" % (md, mb))
ir = ""
if callgrind:
    big = max(cmds, key=lambda c: os.path.getsize(os.path.join(c["cwd"], c["args"][-1])))
    res = {}
    for name in ("sparse", "dmacheck"):
        out = tempfile.mktemp(prefix="cg.")
        subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] +
                       configs[name] + big["args"], cwd=big["cwd"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        text = open(out).read()
        os.unlink(out)
        m = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
        res[name] = int(m.group(1)) if m else 0
    if res["sparse"]:
        print("callgrind %s: sparse %d Ir, dmacheck-sparse %d Ir, ratio %.3f"
              % (big["args"][-1], res["sparse"], res["dmacheck"], res["dmacheck"] / res["sparse"]))
        ir = " %s: x%.3f Ir |" % (os.path.basename(big["args"][-1]), res["dmacheck"] / res["sparse"])
print("| %s | %d files | %d runs | x%.3f | x%.3f |%s" % (d, len(cmds), runs, md, mb, ir))
sys.exit(1 if bad else 0)
PY
