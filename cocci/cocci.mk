# SPDX-License-Identifier: GPL-2.0
# cocci/cocci.mk - the Coccinelle front end's targets; included from the top-level Makefile.
#
#   make cocci          regenerate cocci/*.cocci from cocci/src/*.cocci.in and rules/*.def
#   make cocci-check    the generated files are up to date, and the testsuite on the cocci
#                       engine (cases, patch mode, catalogue)
#   make cocci-kernel   every script over the USB-heavy directories of the 6.1 tree
#                       (testsuite/cocci-smoke/, times in testsuite/cocci-smoke/times.txt)

COCCI_PYTHON ?= python3
COCCI_JOBS ?= 2
COCCI_TREE ?= $(HOME)/.cache/dmacheck/linux-6.1

.PHONY: cocci cocci-check cocci-kernel

cocci:
	$(COCCI_PYTHON) cocci/gen.py

cocci-check:
	$(COCCI_PYTHON) cocci/gen.py --check
	$(COCCI_PYTHON) testsuite/run.py --engine cocci -j $(COCCI_JOBS)

cocci-kernel:
	cocci/kernel-run.sh $(COCCI_TREE) testsuite/cocci-smoke
