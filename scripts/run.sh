#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/run.sh - the main job (`make run`): set-up, then `dmacheck scan` of Debian's
# Linux 6.1 tree over its USB-heavy directories.
#
# Steps: scripts/deps.sh (the packages of every engine and the kernel tree), the plugin,
# the sparse checker when sparse/sparse.mk can build it, the prepared tree
# (scripts/kernel-tree.sh, once), the DMA API table checked against the tree's prototypes
# (scripts/apicheck.sh), the reference core's example verdicts, then the scan with every
# engine that is available. Findings go to stdout (text) and to build/scan/findings.json and
# build/scan/findings.sarif.
#
# Environment: DMACHECK_CACHE (default ~/.cache/dmacheck) holds the prepared kernel tree;
# ENGINES overrides the engine list; DIRS the directories (default: the scan's own).
# Exit status: 0 when everything ran (findings are the result, not a failure); non-zero if
# set-up fails, the API table disagrees with the kernel, an example verdict is wrong, or the
# scan fails (exit 2 of dmacheck scan).

set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
make -s plugin
engines=gcc
if [ -f sparse/sparse.mk ] && make -s sparse >/dev/null 2>&1; then engines="$engines,sparse"; fi
if command -v spatch >/dev/null && ls cocci/*.cocci >/dev/null 2>&1; then engines="$engines,cocci"; fi
engines=${ENGINES:-$engines}
tree=$(sh scripts/kernel-tree.sh | tail -n 1)
echo "== rules/dma-apis.def against $tree"
sh scripts/apicheck.sh "$tree"
echo "== the reference core's verdicts (examples/verdicts.c)"
build/examples/verdicts
mkdir -p build/scan
echo "== dmacheck scan --engine $engines ${DIRS:-(default directories)}"
rc=0
# shellcheck disable=SC2086 # DIRS is a list
bin/dmacheck scan --tree "$tree" --engine "$engines" --format json -o build/scan/findings.json \
	${DIRS:-} || rc=$?
[ $rc -le 1 ] || exit $rc
bin/dmacheck report build/scan/findings.json || [ $? -eq 1 ]
bin/dmacheck report --format sarif -o build/scan/findings.sarif build/scan/findings.json || [ $? -eq 1 ]
echo "== build/scan/findings.json, build/scan/findings.sarif"
