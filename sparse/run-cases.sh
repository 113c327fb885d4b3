#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# sparse/run-cases.sh - the testsuite's cases with dmacheck-sparse, judged by the runner's
# own parsing and comparison (testsuite/run.py imported as a module: Case, compare, verdict,
# load_rules), so the expectations mean exactly what they mean for the other engines.
#
#   sparse/run-cases.sh [--sparse BIN] [--all] [-v] [FILTER...]
#
# Runs every case whose check-engines line names `sparse` (--all: every case) as
#   BIN -nostdinc -isystem testsuite/include case.c
# `/* known-to-fail: sparse <reason> */` in a case's header turns a failing comparison into
# XFAIL and a passing one into XPASS (a failure). Ends with
#   testsuite-sparse: N passed, N failed
# and exits 1 if anything failed, 2 if BIN is missing.
cd "$(dirname "$0")/.." || exit 2
exec python3 - "$@" <<'PY'
import os, re, subprocess, sys
sys.path.insert(0, "testsuite")
import run

args = sys.argv[1:]
binpath, every, verbose, filters = "build/sparse/dmacheck-sparse", False, False, []
while args:
    a = args.pop(0)
    if a == "--sparse":
        binpath = args.pop(0)
    elif a == "--all":
        every = True
    elif a == "-v":
        verbose = True
    else:
        filters.append(a)
if not os.access(binpath, os.X_OK):
    print("run-cases: %s not built (make sparse)" % binpath, file=sys.stderr)
    sys.exit(2)
rules = run.load_rules()
KTF = re.compile(r"known-to-fail:\s*sparse\b\s*(.*?)\s*\*/")
passed = failed = xfail = 0
for path in run.find_cases(filters):
    case = run.Case(path)
    if not every and not case.runs("sparse"):
        continue
    rel = os.path.relpath(path)
    cmd = [binpath, "-nostdinc", "-isystem", os.path.relpath(run.INCLUDE), rel]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, errors="replace", timeout=300)
        rc, out = p.returncode, p.stdout
    except subprocess.TimeoutExpired:
        rc, out = None, ""
    res = run.compare(case, rc, out, rules, src_name=rel)
    ktf = KTF.search("\n".join(case.lines[:40]))
    if res.fatal:
        status = "FAIL"
    elif ktf:
        status = "XPASS" if res.ok else "XFAIL"
    else:
        status = "PASS" if res.ok else "FAIL"
    print("%s %s sparse" % (status, case.rel))
    if verbose:
        print("    $ " + " ".join(cmd))
        print("".join("    | " + l + "\n" for l in out.splitlines()), end="")
    if status != "PASS":
        for x in res.fatal + res.problems:
            print("    " + x)
    if status == "PASS":
        passed += 1
    elif status == "XFAIL":
        xfail += 1
    else:
        failed += 1
print("testsuite-sparse: %d XFAIL" % xfail)
print("testsuite-sparse: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
