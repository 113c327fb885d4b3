#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/apicheck.sh - check every row of rules/dma-apis.def against the real Linux 6.1
# sources: the function exists, and the buffer, length and direction arguments have the
# types the row claims.  The work is in scripts/apicheck.py (its docstring is the manual).
#
#   scripts/apicheck.sh [-v] [--def FILE] [TREE]
#
# TREE defaults to the tree scripts/kernel-tree.sh prepares,
# ${DMACHECK_CACHE:-$HOME/.cache/dmacheck}/linux-6.1; only its sources are read, so an
# unpacked tree is enough.  -v shows where each prototype was found.
# Exit: 0 every row agrees, 1 a row does not, 2 no tree, no python3, or a usage error.
# Limits: a text scan of the sources, not the preprocessor (see apicheck.py).

set -eu

if ! command -v python3 >/dev/null 2>&1; then
	echo "$0: python3 not found: apt-get install python3" >&2
	exit 2
fi
exec python3 "$(dirname "$0")/apicheck.py" "$@"
