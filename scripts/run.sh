#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/run.sh - the main job (`make run`): set-up, then `dmacheck scan` of Debian's
# Linux 6.1 tree over its USB-heavy directories.
#
# Steps: scripts/deps.sh (the packages of every engine and the kernel tree), the plugin,
# the sparse checker when sparse/sparse.mk can build it, the prepared tree
# (scripts/kernel-tree.sh, once), the DMA API table and its per-version facts checked against
# the prototypes of the 6.1 tree and of the 6.12 one (scripts/apicheck.sh; the 6.12 tree is
# prepared once too, about 2 minutes), the reference core's example verdicts, then the scan with every
# engine that is available. Findings go to stdout (text) and to build/scan/findings.json and
# build/scan/findings.sarif.
#
# Environment: DMACHECK_CACHE (default ~/.cache/dmacheck) holds the prepared kernel tree;
# ENGINES overrides the engine list; DIRS the directories (default: the scan's own).
# Exit status: 0 when everything ran (findings are the result, not a failure); non-zero if
# set-up fails, the API table disagrees with the kernel, an example verdict is wrong, or the
# scan is incomplete (exit 2 of dmacheck scan: the findings it has are still printed and
# written, with what failed). The example verdicts' lines are prefixed "example | ".

set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
make -s plugin
engines=gcc
if [ -f sparse/sparse.mk ] && make -s sparse >/dev/null 2>&1; then engines="$engines,sparse"; fi
if command -v spatch >/dev/null && ls cocci/*.cocci >/dev/null 2>&1; then engines="$engines,cocci"; fi
engines=${ENGINES:-$engines}
tree=$(sh scripts/kernel-tree.sh | tail -n 1)
tree612=$(sh scripts/kernel-tree.sh --kernel 6.12 | tail -n 1)
echo "== rules/dma-apis.def and dma-apis-versions.def against $tree and $tree612"
sh scripts/apicheck.sh "$tree" "$tree612"
echo "== examples: the reference core's verdicts on three example bugs (examples/verdicts.c)"
echo "   (each 'error:' below is an example bug the core must find, not a failure of this run)"
rc=0
verdicts=$(build/examples/verdicts 2>&1) || rc=$?
echo "$verdicts" | sed 's/^/example | /'
[ $rc -eq 0 ] || { echo "run.sh: examples/verdicts.c: a verdict is wrong (exit $rc)" >&2; exit $rc; }
mkdir -p build/scan
rm -f build/scan/findings.json build/scan/findings.sarif	# never report an earlier run's
echo "== dmacheck scan --engine $engines ${DIRS:-(default directories)}"
rc=0
# shellcheck disable=SC2086 # DIRS is a list
bin/dmacheck scan --tree "$tree" --engine "$engines" --format json -o build/scan/findings.json \
	${DIRS:-} || rc=$?
# exit 2 with a result: something failed, every finding of the rest is in it (and said why);
# exit 2 without one: a usage error, already explained on stderr
[ $rc -le 1 ] || [ -s build/scan/findings.json ] || exit $rc
bin/dmacheck report build/scan/findings.json || [ $? -le 2 ]
bin/dmacheck report --format sarif -o build/scan/findings.sarif build/scan/findings.json || [ $? -le 2 ]
echo "== build/scan/findings.json, build/scan/findings.sarif"
[ $rc -le 1 ] || { echo "run.sh: the scan is incomplete (see 'dmacheck: failed:' above)" >&2; exit $rc; }
