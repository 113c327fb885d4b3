# SPDX-License-Identifier: GPL-2.0
"""scan - the dmacheck command: `dmacheck scan` (dmacheck's engines over a kernel tree),
`dmacheck report` and `dmacheck check-patch` (what a patch introduces, checkpatch-style).

Modules: cli (arguments, the run, exit status), paths (where the checkout or an installed
copy keeps the plugin, the scripts and the catalogue), catalogue (rules/rules.def),
findings (one finding, parsing GCC-style diagnostics, merging engines, enclosing
functions), engines (gcc, cocci, sparse over one directory), faults (what failed, in the
tool's words; running a step with a timeout; signals; atomic output), formats (text, json,
sarif), baseline (only what a previous JSON result does not have), zeroday (the 0-day robot's
layout), patchfile (reading and applying patches, mbox, format-patch mails), onefile (the
engines on single files with the tree's own compile command, nothing written to the tree),
checkpatch (`dmacheck check-patch`). Python 3 standard library only.
"""
