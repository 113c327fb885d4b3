#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""scan/tests/test_icecc.py - `dmacheck scan --icecc` (scan/icecc.py) through a private
icecream farm on this machine (scripts/icecc-local.sh: a scheduler and two nodes on
127.0.0.1), on two small directories with findings of two kinds of rules:
drivers/net/ethernet/via (the mapping lifecycle rules) and drivers/media/usb/hdpvr
(dma-on-stack).

  1. the farm comes up (its daemons logged in to its scheduler);
  2. `scan --icecc --summaries` finds exactly what a local `scan --summaries` finds: the same findings, lines,
     columns, functions and notes, the same exit status (a note that points into a macro
     definition is compared by file and message: a node sees the definition as GCC
     re-emits it, with other spacing, so its column can differ: scan/icecc.py);
  3. the unit files of the summaries come back from the nodes (on stderr) and merge into the
     same database as the local scan's;
  4. the compiles really ran on the nodes: the nodes' logs count at least one completed
     remote compilation per source file the scan compiled, and the compiler environment
     the scan made (or reused) carries the plugin;
  5. --icecc with no daemon to talk to is a usage error (exit 2) that says so;
  6. `icecc-local.sh down` leaves none of the farm's processes running.

  python3 scan/tests/test_icecc.py --tree TREE
Ends with "scan-icecc-tests: N passed, N failed". Needs icecc (scripts/deps.sh icecc, which
`make check` installs) and root (an icecream node chroots into the compiler environment);
without root it says SKIP and counts nothing. About 1-2 minutes on 2 CPUs.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import tap  # scan/tests/tap.py: the script's own directory is on sys.path

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
DMACHECK = os.path.join(ROOT, "bin", "dmacheck")
FARM = os.path.join(ROOT, "scripts", "icecc-local.sh")
DIRS = ["drivers/net/ethernet/via", "drivers/media/usb/hdpvr"]
T = tap.Tap("scan-icecc-tests", limit=3000)
check = T.check


def scan(tree, out, extra=(), env=None):
    """(exit status, result, stderr)."""
    cmd = [sys.executable, DMACHECK, "scan", "--tree", tree, "-j2", "--format", "json",
           "-o", out] + list(extra) + DIRS
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True, env=env)
    try:
        with open(out) as f:
            res = json.load(f)
    except (OSError, ValueError):
        res = {"findings": []}
    return p.returncode, res, p.stderr


def in_define(tree, path, line):
    """Is line of path part of a macro definition (a #define, or its continuation)?"""
    try:
        with open(os.path.join(tree, path), "rb") as f:
            lines = f.read().split(b"\n")
    except OSError:
        return False
    i = line - 1
    while i > 0 and lines[i - 1].rstrip().endswith(b"\\"):
        i -= 1
    return 0 <= i < len(lines) and lines[i].lstrip().startswith(b"#") and \
        b"define" in lines[i][:20]


def keys(res, tree):
    """The findings, each with its notes; a note inside a macro definition by file and
    message only (scan/icecc.py: a node sees the definitions as GCC re-emits them)."""
    def note(n):
        if in_define(tree, n["file"], n["line"]):
            return (n["file"], n["message"])
        return (n["file"], n["line"], n["column"], n["message"])
    return [(x["file"], x["line"], x["column"], x["rule"], x["message"], x["function"],
             [note(n) for n in x["notes"]]) for x in res["findings"]]


def running(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def node_jobs(farm):
    p = subprocess.run(["bash", FARM, "jobs", farm], stdout=subprocess.PIPE,
                       universal_newlines=True)
    return {l.split()[0]: int(l.split()[1]) for l in p.stdout.splitlines() if l.strip()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", required=True)
    a = ap.parse_args()
    tree = os.path.abspath(a.tree)
    missing = [t for t in ("icecc", "icecc-create-env") if not shutil.which(t)]
    if missing:
        # make check installs icecc (scripts/deps.sh icecc): its absence is a failure
        check("icecream installed (scripts/deps.sh icecc)", False, "missing: %s" % missing)
        T.count_line()
        return 1
    if os.geteuid() != 0:
        print("SKIP scan --icecc: an icecream node must run as root to chroot into the "
              "compiler environment (run make check as root to test it)")
        T.count_line()
        return 0
    with tempfile.TemporaryDirectory(prefix="dmacheck-icecc-") as tmp:
        os.chmod(tmp, 0o755)            # the daemons run as the icecc user
        farm = os.path.join(tmp, "farm")
        up = subprocess.run(["bash", FARM, "up", farm, "--nodes", "2"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True)
        check("icecc-local.sh up: a scheduler and two nodes on 127.0.0.1",
              up.returncode == 0 and "ICECC_TEST_SOCKET=" in up.stdout, up.stdout[-2000:])
        pids = []
        for f in os.listdir(farm) if os.path.isdir(farm) else []:
            if f.endswith(".pid"):
                with open(os.path.join(farm, f)) as fp:
                    pids.append(int(fp.read().strip()))
        try:
            if up.returncode == 0:
                run_scans(tree, tmp, farm)
        finally:
            subprocess.run(["bash", FARM, "down", farm])
        alive = [p for p in pids if running(p)]
        for _ in range(50):             # killed daemons are reaped by init, not by us
            alive = [p for p in alive if running(p)]
            if not alive:
                break
            time.sleep(0.1)
        check("icecc-local.sh down: none of the farm's %d processes left" % len(pids),
              pids and not alive, alive)
    return T.summary()


def run_scans(tree, tmp, farm):
    env = dict(os.environ, ICECC_TEST_SOCKET=os.path.join(farm, "local.socket"),
               ICECC_TEST_REMOTEBUILD="1")
    env.pop("ICECC_VERSION", None)
    db_l, db_i = os.path.join(tmp, "local.summaries"), os.path.join(tmp, "icecc.summaries")
    rc_l, local, err_l = scan(tree, os.path.join(tmp, "local.json"), ["--summaries", db_l])
    before = sum(node_jobs(farm).values())
    rc_i, ice, err_i = scan(tree, os.path.join(tmp, "icecc.json"),
                            ["--icecc", "--summaries", db_i], env)
    ran = sum(node_jobs(farm).values()) - before
    check("scan --icecc: the findings of a local scan (%d findings: file, line, column, "
          "function, notes), the same exit status %d" % (len(keys(local, tree)), rc_l),
          keys(local, tree) and keys(ice, tree) == keys(local, tree) and rc_i == rc_l and
          not ice.get("failures"),
          (rc_l, rc_i, keys(local, tree), keys(ice, tree), ice.get("failures"),
           err_i[-2000:]))
    files = sum(int(l.split(": ")[-1].split()[0]) for l in err_i.splitlines()
                if l.startswith("scan: gcc ") and " files, " in l)
    check("scan --icecc: the nodes compiled (%d remote compiles for %d source files, "
          "per node %s)" % (ran, files, node_jobs(farm)),
          files > 0 and ran >= files, err_i[-2000:])
    with open(db_l) as f:
        text_l = f.read()
    with open(db_i) as f:
        text_i = f.read()
    units = sorted(os.listdir(db_i + ".units"))
    check("scan --icecc --summaries: the nodes' unit files came back on stderr (%d), the "
          "merged database is the local scan's (%d bytes)" % (len(units), len(text_l)),
          units and units == sorted(os.listdir(db_l + ".units")) and text_i == text_l and
          text_l.count("\nF ") > 0, (units, text_l[:1500], text_i[:1500], err_i[-1500:]))
    envs = [l.split("environment ")[1].strip() for l in err_i.splitlines()
            if "icecc: daemon " in l and "environment " in l]
    from scan import icecc, paths
    check("scan --icecc: its compiler environment carries this plugin build",
          envs and icecc.holds(envs[0], [paths.plugin()]), (envs, err_i[-1000:]))
    bad = dict(env, ICECC_TEST_SOCKET=os.path.join(tmp, "no-such.socket"))
    rc, _, err = scan(tree, os.path.join(tmp, "none.json"), ["--icecc"], bad)
    check("scan --icecc without a daemon: exit 2, says so",
          rc == 2 and "no icecream daemon" in err, (rc, err[-1000:]))


if __name__ == "__main__":
    sys.exit(main())
