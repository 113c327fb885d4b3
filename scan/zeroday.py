# SPDX-License-Identifier: GPL-2.0
"""scan/zeroday.py - findings in the kernel test robot's (0-day) report layout.

  New dmacheck warnings:
  drivers/usb/storage/alauda.c:509 alauda_check_status2() error: DMA buffer is on the stack [dmacheck-dma-on-stack]

  Old dmacheck warnings:
  drivers/usb/storage/alauda.c:514 alauda_check_status2() error: DMA buffer is on the stack [dmacheck-dma-on-stack]

as the robot prints smatch's: "file:line func() warn|error: message", error for rules whose
severity in rules/rules.def is ERROR, warn for WARNING. "New" are the findings a --baseline
result does not have (matched by file, function and rule), "Old" the ones it has; without a
baseline every finding is new and there is no "Old" part. A part with no lines is left out;
nothing at all is printed when there is no finding. An incomplete result's failures follow
as `dmacheck: failed: ...` lines (scan/faults.py), as in every format.
Limits: notes are not printed (the robot's smatch lines have none); a finding outside any
function prints "file:line warn: ..." as smatch does there.
"""

from . import faults


def line(f, rules):
    r = rules.get(f.slug)
    kind = "error" if r and r.severity == "ERROR" else "warn"
    where = "%s:%d" % (f.file, f.line)
    if f.function:
        where += " %s()" % f.function
    return "%s %s: %s [dmacheck-%s]\n" % (where, kind, f.message, f.slug)


def write(out, result, rules):
    parts = [("New", result["findings"]), ("Old", result.get("old_findings") or [])]
    first = True
    for name, fs in parts:
        if not fs:
            continue
        if not first:
            out.write("\n")
        first = False
        out.write("%s dmacheck warnings:\n" % name)
        for f in fs:
            out.write(line(f, rules))
    faults.text(out, result.get("failures", []))
