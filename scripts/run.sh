#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/run.sh - the main job (`make run`): set-up, then the most useful real run the
# project can do today: check rules/dma-apis.def against the real Linux 6.1 sources, and show
# the reference core's verdicts. It becomes `dmacheck scan` when the static engines land.
#
# Environment: DMACHECK_CACHE (default ~/.cache/dmacheck) holds the prepared kernel tree.
# Exit status: non-zero if set-up fails, the API table disagrees with the kernel, or an
# example verdict is wrong.

set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh build kernel
tree=$(sh scripts/kernel-tree.sh | tail -n 1)
echo "== rules/dma-apis.def against $tree"
sh scripts/apicheck.sh "$tree"
echo "== the reference core's verdicts (examples/verdicts.c)"
build/examples/verdicts
