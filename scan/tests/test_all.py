#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""scan/tests/test_all.py - `dmacheck scan --all` (scan/all.py) on a prepared tree, kept small:
drivers/usb/storage (it has findings) and drivers/usb/mon.

  1. a first run (no state) compiles both directories and finds the triaged findings of
     testsuite/kernel-smoke/drivers-usb.txt;
  2. a second run compiles nothing and reports the same findings (from the state file);
  3. after touching two sources, only those two are compiled, the findings the same;
  4. after touching three, a SIGINT at the first compile stops the scan (exit 2, the
     interrupt a failure, the findings so far kept); the next run compiles only what the
     interrupted one did not finish, and the findings are the same again;
  5. --summaries FILE (new flags: everything compiled again) creates the database, which
     holds usb_stor_ctrl_transfer()'s argument 7 (the hand row, derived from transport.c),
     with the same findings;
  6. --all with another engine is a usage error (exit 2).

  python3 scan/tests/test_all.py --tree TREE
Ends with "scan-all-tests: N passed, N failed". Python 3 standard library only.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile

import tap  # scan/tests/tap.py: the script's own directory is on sys.path

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DMACHECK = os.path.join(ROOT, "bin", "dmacheck")
DIRS = ["drivers/usb/storage", "drivers/usb/mon"]
T = tap.Tap("scan-all-tests", limit=3000)
check = T.check


def scan(tree, out, extra=(), interrupt_at=None, summaries=None):
    """(exit status, findings keys, stderr, files compiled now)."""
    cmd = [sys.executable, DMACHECK, "scan", "--tree", tree, "--all", "-j2", "--format", "json",
           "-o", out] + (["--summaries", summaries] if summaries else []) + list(extra) + DIRS
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    err = []
    for line in p.stderr:
        err.append(line)
        if interrupt_at and interrupt_at in line and "files compiled" not in line:
            p.send_signal(signal.SIGINT)
            interrupt_at = None
    p.wait()
    try:
        with open(out) as f:
            res = json.load(f)
    except (OSError, ValueError):
        res = {"findings": []}
    keys = sorted((x["file"], x["line"], x["rule"]) for x in res["findings"])
    text = "".join(err)
    compiled = None
    for line in err:
        if line.startswith("scan: all: "):
            compiled = int(line.split()[2])
    return p.returncode, keys, text, compiled, res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", required=True)
    a = ap.parse_args()
    tree = os.path.abspath(a.tree)
    state = tree.rstrip("/") + ".scan-all.json"
    if os.path.exists(state):
        os.unlink(state)
    with tempfile.TemporaryDirectory(prefix="dmacheck-all-") as tmp:
        out = os.path.join(tmp, "r.json")
        rc, first, err, n1, _ = scan(tree, out)
        smoke = os.path.join(ROOT, "testsuite", "kernel-smoke", "drivers-usb.txt")
        with open(smoke, encoding="utf-8") as f:
            want = sorted((l.split(":")[0], int(l.split(":")[1]),
                           l.rstrip().split("[dmacheck-")[1][:-1])
                          for l in f if l.startswith("drivers/usb/storage/") and
                          ": warning: " in l)
        check("--all, first run: exit 1, the triaged findings of drivers/usb/storage",
              rc == 1 and first == want, (rc, first, want, err[-2000:]))
        check("--all, first run: both directories compiled (%s files)" % n1,
              n1 is not None and n1 >= 20 and os.path.isfile(state), err[-2000:])
        rc, again, err, n2, _ = scan(tree, out)
        check("--all, second run: nothing compiled, the same findings",
              rc == 1 and n2 == 0 and again == first, (rc, n2, again, err[-2000:]))
        for f in ("alauda.c", "karma.c"):
            os.utime(os.path.join(tree, "drivers/usb/storage", f))
        rc, again, err, n3, _ = scan(tree, out)
        check("--all after touching two sources: two compiled, the same findings",
              rc == 1 and n3 == 2 and again == first, (rc, n3, again, err[-2000:]))
        for f in ("alauda.c", "karma.c", "sddr09.c"):
            os.utime(os.path.join(tree, "drivers/usb/storage", f))
        rc, part, err, n4, res = scan(tree, out, interrupt_at=" 1/~")
        check("--all interrupted: exit 2, the interrupt named, findings kept",
              rc == 2 and "interrupted by SIGINT" in err and res.get("incomplete") is True,
              (rc, err[-2000:]))
        rc, again, err, n5, _ = scan(tree, out)
        check("--all after the interrupt: only what was left is compiled (%s of 3), the same "
              "findings" % n5, rc == 1 and n5 is not None and n5 <= 3 and again == first,
              (rc, n5, again, err[-2000:]))
        db = os.path.join(tmp, "tree.summaries")
        rc, again, err, n6, _ = scan(tree, out, summaries=db)
        with open(db, encoding="utf-8") as f:
            text = f.read()
        check("--all --summaries: everything compiled again (%s), the same findings" % n6,
              rc == 1 and n6 == n1 and again == first and os.path.isdir(db + ".units"),
              (rc, n6, again, err[-2000:]))
        check("--summaries: the database derives usb_stor_ctrl_transfer()'s argument 7",
              "F usb_stor_ctrl_transfer drivers/usb/storage/transport.c\n" in text and
              "S 6 -1 dma-on-stack usb_fill_control_urb()" in text, text[:2000])
        p = subprocess.run([sys.executable, DMACHECK, "scan", "--tree", tree, "--all",
                            "--engine", "sparse", "drivers/usb/mon"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, universal_newlines=True)
        check("--all --engine sparse is a usage error", p.returncode == 2 and
              "--all runs the gcc engine only" in p.stderr, p.stderr)
    return T.summary()


if __name__ == "__main__":
    sys.exit(main())
