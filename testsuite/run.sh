#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# testsuite/run.sh - run the testsuite from anywhere: testsuite/run.sh [run.py options] [FILTER...]
cd "$(dirname "$0")/.." || exit 2
exec python3 testsuite/run.py "$@"
