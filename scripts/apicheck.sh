#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/apicheck.sh - check every row of rules/dma-apis.def and rules/dma-apis-versions.def
# against the real sources of Linux 6.1 and 6.12: the function exists, the buffer, length and
# direction arguments have the types the row claims, an allocator that became a macro is
# known by the name the compilers see, and each rename holds in the versions it claims.
# The work is in scripts/apicheck.py (its docstring is the manual).
#
#   scripts/apicheck.sh [-v] [--def FILE] [--versions FILE] [TREE...]
#
# TREEs default to the trees scripts/kernel-tree.sh --kernel 6.1|6.12 prepares,
# ${DMACHECK_CACHE:-$HOME/.cache/dmacheck}/linux-6.1 and linux-6.12; only their sources are
# read, so unpacked trees are enough.  -v shows where each prototype was found.
# Exit: 0 every row agrees, 1 a row does not, 2 no tree, no python3, or a usage error.
# Limits: a text scan of the sources, not the preprocessor (see apicheck.py).

set -eu

if ! command -v python3 >/dev/null 2>&1; then
	echo "$0: python3 not found: apt-get install python3" >&2
	exit 2
fi
exec python3 "$(dirname "$0")/apicheck.py" "$@"
