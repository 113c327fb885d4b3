#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""testsuite/multifile.py - cases of several files: a wrapper in one file followed from
another through the summaries database (analysis/xsummary.c, scan/summaries.py,
docs/summaries.md), on the GCC plugin and the sparse checker.

A case is a directory of testsuite/multifile/ with two or more .c files (subdirectories
allowed: same-name/a/, same-name/b/). Each file is a testsuite case (run.py's format: the
check-engines header, dg-warning and dg-bogus on the lines), plus optional header lines

    /* xfile-note: passed to xs_ctrl_transfer() in storage-transport/transport.c ... */

that some note of the file's output must contain (the chain through the other files).

For each engine, every file of the case is compiled with -fplugin-arg-dmacheck-summaries-out
(--dmacheck-summaries-out) into a fresh directory, then merged (scan/summaries.py); the next
run reads that database. Runs repeat until a merge changes nothing (at most MAX_RUNS), and the
last run's diagnostics must be what the files expect. Run 1 (no database) must not already
give every expected cross-file warning: a case that needs no database tests nothing here.
The test also checks that the plugin and the sparse checker refuse a malformed database.

  python3 testsuite/multifile.py --plugin plugin/dmacheck.so [--sparse build/sparse/dmacheck-sparse] [-v] [CASE...]

Ends with "multifile: N passed, N failed". Python 3 standard library only.
"""

import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, ROOT)
import run as R                         # noqa: E402
from scan import summaries as S         # noqa: E402

CASES = os.path.join(HERE, "multifile")
INCLUDE = os.path.relpath(os.path.join(HERE, "include"), CASES)
MAX_RUNS = 5


def case_files(d):
    out = []
    for dp, _, files in os.walk(d):
        out += [os.path.relpath(os.path.join(dp, f), CASES) for f in files if f.endswith(".c")]
    return sorted(out)


def command(engine, tool, src, db, units):
    if engine == "gcc":
        cmd = ["gcc", "-std=gnu11", "-Wall", "-O2", "-fplugin=" + tool, "-c", "-o", "/dev/null",
               "-nostdinc", "-isystem", INCLUDE, "-fdiagnostics-color=never",
               "-fplugin-arg-dmacheck-summaries-out=" + units]
        if db:
            cmd.append("-fplugin-arg-dmacheck-summaries=" + db)
    else:
        cmd = [tool, "-nostdinc", "-isystem", INCLUDE, "--dmacheck-summaries-out=" + units]
        if db:
            cmd.append("--dmacheck-summaries=" + db)
    return cmd + [src]


def compile_all(engine, tool, files, db, units):
    outs = {}
    for src in files:
        p = subprocess.run(command(engine, tool, src, db, units), cwd=CASES,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True, errors="replace",
                           env=dict(os.environ, LC_ALL="C", LANG="C"))
        outs[src] = (p.returncode, p.stdout + p.stderr)
    return outs


def xfile_notes(case):
    return [l.split("xfile-note:", 1)[1].strip().rstrip("*/").strip()
            for l in case.lines[:40] if "xfile-note:" in l]


def run_case(engine, tool, d, rules, verbose):
    """(ok, lines to print)"""
    files = case_files(d)
    cases = {f: R.Case(os.path.join(CASES, f)) for f in files}
    files = [f for f in files if cases[f].runs(engine)]
    if len(files) < 2:
        return False, ["%s: fewer than two files run on %s" % (d, engine)]
    msgs = []
    with tempfile.TemporaryDirectory(prefix="dmacheck-multifile-") as tmp:
        db = os.path.join(tmp, "summaries.db")
        first = None
        for run in range(1, MAX_RUNS + 1):
            units = os.path.join(tmp, "units%d" % run)
            os.mkdir(units)
            outs = compile_all(engine, tool, files, db if run > 1 else None, units)
            if first is None:
                first = outs
            st = S.merge(units, db)
            if verbose:
                msgs.append("  run %d: %s" % (run, st))
            if run > 1 and st["changed"] == 0:
                break
        else:
            return False, msgs + ["%s: the database did not settle in %d runs" % (d, MAX_RUNS)]
        ok = True
        new_in_db = False
        for f in files:
            rc, out = outs[f]
            res = R.compare(cases[f], rc, out, rules, src_name=f)
            if not res.ok:
                ok = False
                msgs.append("%s: %s" % (f, "; ".join(res.fatal + res.problems)))
            for note in xfile_notes(cases[f]):
                if note not in out:
                    ok = False
                    msgs.append("%s: no note containing %r" % (f, note))
            if R.compare(cases[f], first[f][0], first[f][1], rules, src_name=f).problems:
                new_in_db = True
            if verbose or not ok:
                msgs.append("  %s output:\n%s" % (f, out.rstrip()))
        if not new_in_db:
            ok = False
            msgs.append("%s: run 1 without a database already gives every expected warning" % d)
        msgs.insert(0, "%s %s/%s (%d runs)" % ("PASS" if ok else "FAIL", engine,
                                                os.path.relpath(d, CASES), run))
    return ok, msgs


def refuses_bad_database(engine, tool):
    with tempfile.TemporaryDirectory(prefix="dmacheck-multifile-") as tmp:
        bad = os.path.join(tmp, "bad.db")
        with open(bad, "w") as f:
            f.write("dmacheck-summaries 1\nF f x.c\nS one -1 dma-on-stack usb_control_msg()\n")
        src = os.path.join(tmp, "x.c")
        with open(src, "w") as f:
            f.write("int f(void) { return 0; }\n")
        if engine == "gcc":
            cmd = ["gcc", "-fplugin=" + tool, "-fplugin-arg-dmacheck-summaries=" + bad, "-c",
                   "-o", "/dev/null", src]
        else:
            cmd = [tool, "--dmacheck-summaries=" + bad, src]
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        ok = p.returncode != 0 and "malformed summaries line" in p.stdout and \
            not R.ICE_RE.search(p.stdout)
        return ok, "%s %s refuses a malformed database with a clear error%s" % (
            "PASS" if ok else "FAIL", engine, "" if ok else ": " + p.stdout.strip())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--sparse")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("cases", nargs="*")
    a = ap.parse_args(argv)
    rules = R.load_rules()
    tools = [("gcc", os.path.abspath(a.plugin))]
    if a.sparse:
        tools.append(("sparse", os.path.abspath(a.sparse)))
    dirs = sorted(os.path.join(CASES, d) for d in os.listdir(CASES)
                  if os.path.isdir(os.path.join(CASES, d)) and (not a.cases or d in a.cases))
    passed = failed = 0
    for engine, tool in tools:
        for d in dirs:
            ok, msgs = run_case(engine, tool, d, rules, a.v)
            print("\n".join(msgs))
            passed, failed = passed + ok, failed + (not ok)
        ok, msg = refuses_bad_database(engine, tool)
        print(msg)
        passed, failed = passed + ok, failed + (not ok)
    print("multifile: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
