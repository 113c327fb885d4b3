# SPDX-License-Identifier: GPL-2.0
"""scan/cli.py - `dmacheck scan`: every DMA finding of a kernel tree, from one command;
`dmacheck report RESULT.json`: a saved JSON result again, in any format (exit 1 if it has
findings, 2 if it is incomplete).

  dmacheck scan [--tree DIR] [--engine gcc,cocci,sparse] [--format text|json|sarif]
                [--baseline FILE] [-o FILE] [-j N] [--timeout S] [DIR...]

--tree     a configured and prepared kernel tree (default: Debian's linux-source-6.1,
           unpacked, configured and prepared on first use by scripts/kernel-tree.sh in
           ${DMACHECK_CACHE:-~/.cache/dmacheck}/linux-6.1)
--engine   which engines run, comma-separated (default gcc)
--format   text (GCC-style, default), json (docs/scan.md), sarif (SARIF 2.1.0)
--baseline report only findings that this earlier JSON result does not have (matched by
           file, function and rule)
-o FILE    write the findings there instead of stdout
-j N       parallel jobs (default: the number of CPUs)
--timeout  seconds one engine may run on one directory (one script, for cocci) before it is
           stopped and reported as failed (default 3600)
DIR...     directories of the tree, relative to it or absolute inside it (default: the
           USB-heavy ones in DEFAULT_DIRS that exist)

Progress goes to stderr (engine, directory, files done of about how many), findings to
stdout, and at the end a summary per rule and directory to stderr. A directory the config
builds no module in is reported as skipped, not as an error.
Faults never lose findings (scan/faults.py): like `make -k`, the scan goes on past a file
that does not compile, an engine that cannot run or fails, a spatch past --timeout; every
finding it has is written, with the result marked incomplete and each failure named in one
line in the tool's own words; SIGINT/SIGTERM stop the scan and write what it has. -o is
written atomically (a temporary file renamed over it).
Exit: 0 nothing found, 1 findings, 2 usage error (a missing or unconfigured tree, an unknown
engine, an unwritable -o) or an incomplete result (any failure above).
Limits: the gcc and sparse engines see what kbuild's M= builds (modules); the gcc engine
rebuilds the objects of each DIR (make M=DIR clean first); one scan per tree at a time.
"""

import argparse
import fcntl
import json
import os
import subprocess
import sys

from . import baseline as B
from . import catalogue
from . import engines as E
from . import faults
from . import findings as F
from . import formats
from . import paths

DEFAULT_DIRS = ["drivers/usb", "drivers/media/usb", "drivers/net/usb", "sound/usb",
                "drivers/hid", "drivers/input", "drivers/bluetooth", "drivers/staging"]


class UsageError(Exception):
    pass


class Progress:
    """One updating line on a terminal; on a pipe, a line per directory step of 50 files."""

    def __init__(self, stream=sys.stderr):
        self.s = stream
        self.tty = stream.isatty()
        self.last = ""

    def __call__(self, msg):
        if self.tty:
            self.s.write("\r\033[Kscan: " + msg)
            self.s.flush()
        else:
            parts = msg.split()
            done = parts[2].split("/")[0] if len(parts) > 2 else ""
            if not done.isdigit() or int(done) % 50 == 1:
                self.s.write("scan: " + msg + "\n")
                self.s.flush()
        self.last = msg

    def say(self, msg):
        if self.tty:
            self.s.write("\r\033[K")
        self.s.write("scan: " + msg + "\n")
        self.s.flush()


def default_tree(progress):
    progress.say("preparing the Debian 6.1 tree (scripts/kernel-tree.sh; once)")
    p = subprocess.run(["sh", paths.script("kernel-tree.sh")], stdout=subprocess.PIPE,
                       universal_newlines=True)
    if p.returncode != 0 or not p.stdout.strip():
        raise UsageError("scripts/kernel-tree.sh could not prepare the default tree "
                         "(scripts/deps.sh kernel installs what it needs)")
    return p.stdout.strip().splitlines()[-1]


def check_tree(tree):
    if not os.path.isfile(os.path.join(tree, "Makefile")) or \
            not os.path.isdir(os.path.join(tree, "drivers")):
        raise UsageError("%s is not a kernel source tree" % tree)
    if not os.path.isfile(os.path.join(tree, ".config")):
        raise UsageError("%s is not configured (no .config): make olddefconfig there, or "
                         "leave out --tree for Debian's 6.1" % tree)
    if not os.path.isfile(os.path.join(tree, "include", "generated", "autoconf.h")) or \
            not os.path.isfile(os.path.join(tree, "scripts", "mod", "modpost")):
        raise UsageError("%s is configured but not prepared: make modules_prepare there" % tree)


def kernel_version(tree):
    p = subprocess.run(["make", "-s", "-C", tree, "kernelversion"], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, universal_newlines=True, env=E._env())
    return p.stdout.strip() or "unknown"


def parse_args(argv):
    ap = argparse.ArgumentParser(prog="dmacheck scan", description=__doc__.split("\n")[0],
                                 epilog="exit: 0 nothing found, 1 findings, 2 usage or tool error")
    ap.add_argument("dirs", nargs="*", metavar="DIR")
    ap.add_argument("--tree")
    ap.add_argument("--engine", default="gcc")
    ap.add_argument("--format", default="text", choices=["text", "json", "sarif"])
    ap.add_argument("--baseline")
    ap.add_argument("-o", "--output")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=int, default=3600)
    ap.add_argument("--plugin", help=argparse.SUPPRESS)     # tests: another plugin build
    try:
        a = ap.parse_args(argv)
    except SystemExit as e:
        raise SystemExit(0 if e.code == 0 else 2)
    a.engines = [e for e in a.engine.split(",") if e]
    bad = [e for e in a.engines if e not in E.ENGINES]
    if bad or not a.engines:
        raise UsageError("unknown engine %s (known: %s)" % (
            ",".join(bad) or "''", ",".join(E.ENGINES)))
    if a.jobs < 1:
        raise UsageError("-j needs a positive number")
    if a.timeout < 1:
        raise UsageError("--timeout needs a positive number of seconds")
    return a


def scan(argv):
    progress = Progress()
    a = parse_args(argv)
    rules = catalogue.load(paths.rules_def())
    base = B.load(a.baseline) if a.baseline else None
    if a.output and faults.writable(a.output):
        raise UsageError(faults.writable(a.output))
    tree = os.path.abspath(a.tree) if a.tree else default_tree(progress)
    check_tree(tree)
    if a.dirs:
        dirs = [tree_dir(tree, d) for d in a.dirs]
    else:
        dirs = [d for d in DEFAULT_DIRS if os.path.isdir(os.path.join(tree, d))]

    faults.catch_signals()
    found, scanned, failures = [], [], []
    engines = []
    for eng in a.engines:                   # an engine that cannot run at all: the others do
        why = E.unavailable(eng, plugin=a.plugin)
        if why:
            failures.append(faults.Failure(eng, "", why))
            progress.say("failed: %s" % failures[-1].line())
        else:
            engines.append(eng)
    eng = d = None
    try:
        lock = open(tree.rstrip("/") + ".lock", "a")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            progress.say("waiting for another build in %s" % tree)
            fcntl.flock(lock, fcntl.LOCK_EX)
        for d in dirs:
            for eng in engines:
                kw = {"plugin": a.plugin} if eng == "gcc" and a.plugin else {}
                res, n, fails = E.ENGINES[eng](tree, d, a.jobs, progress, a.timeout, **kw)
                for f in res:
                    f.dir = d
                    f.function = F.enclosing_function(tree, f.file, f.line)
                found += res
                failures += fails
                for f in fails:
                    progress.say("failed: %s" % f.line())
                if faults.STOP:
                    raise faults.Interrupted(faults.STOP[0])
                if eng != "cocci" and n == 0 and not fails:
                    progress.say("%s %s: skipped, the config builds no module there" % (eng, d))
                    continue
                progress.say("%s %s: %d files, %d findings%s" % (
                    eng, d, n, len(res), ", %d failed" % len(fails) if fails else ""))
                if d not in scanned:
                    scanned.append(d)
    except faults.Interrupted as e:
        where = " during %s on %s" % (eng, d) if eng else ""
        failures.append(faults.Failure(eng or "scan", d or "", "interrupted by %s%s: the "
                                       "findings made until then are kept" % (e.signame, where)))
        progress.say("failed: %s" % failures[-1].line())
    faults.hold_signals()               # a second Ctrl-C must not cut the result in half
    findings = F.merge(found, tree)
    if base is not None:
        before = len(findings)
        findings = B.new_only(findings, base)
        progress.say("baseline %s: %d of %d findings are new" % (a.baseline, len(findings), before))
    result = {"tree": tree, "kernel": kernel_version(tree), "directories": scanned,
              "engines": a.engines, "findings": findings, "failures": failures}
    write_result(a, result, rules, progress)
    s = formats.summary(findings)
    progress.say("%d finding%s" % (s["total"], "" if s["total"] == 1 else "s"))
    for k, v in s["by_rule"].items():
        progress.say("  %-28s %d" % (k, v))
    for k, v in s["by_directory"].items():
        progress.say("  %-28s %d" % (k, v))
    faults.summary(failures, progress.say)
    return 2 if failures else 1 if findings else 0


def tree_dir(tree, d):
    """DIR as a directory of the tree (relative), accepting it absolute if it is inside;
    errors name DIR as given."""
    rel = os.path.relpath(os.path.abspath(d), tree) if os.path.isabs(d) else d.strip("/")
    if rel.startswith("..") or rel == "." or ".." in rel.split("/") or \
            not os.path.isdir(os.path.join(tree, rel)):
        raise UsageError("%s is not a directory of %s" % (d, tree))
    return os.path.normpath(rel)


def write_result(a, result, rules, progress):
    """To stdout, or atomically to -o; if -o cannot be written now, to a file in $TMPDIR."""
    def write(out):
        formats.write(out, a.format, result, rules)
    if not a.output:
        write(sys.stdout)
        sys.stdout.flush()
        return
    try:
        faults.write_atomic(a.output, write)
    except OSError as e:
        where = faults.rescue(write, "." + ("txt" if a.format == "text" else a.format))
        result["failures"].append(faults.Failure(
            "scan", "", "cannot write %s: %s; the whole result is in %s" % (
                a.output, e.strerror or e, where)))
        progress.say("failed: %s" % result["failures"][-1].line())


def report(argv):
    """dmacheck report [--format F] [-o FILE] RESULT.json: a saved result in another format."""
    ap = argparse.ArgumentParser(prog="dmacheck report", description=report.__doc__)
    ap.add_argument("result")
    ap.add_argument("--format", default="text", choices=["text", "json", "sarif"])
    ap.add_argument("-o", "--output")
    try:
        a = ap.parse_args(argv)
    except SystemExit as e:
        raise SystemExit(0 if e.code == 0 else 2)
    B.load(a.result)                    # the same validation as a baseline
    with open(a.result, encoding="utf-8") as f:
        res = formats.from_json(json.load(f))
    rules = catalogue.load(paths.rules_def())
    if a.output:
        faults.write_atomic(a.output, lambda out: formats.write(out, a.format, res, rules))
    else:
        formats.write(sys.stdout, a.format, res, rules)
    return 2 if res["failures"] else 1 if res["findings"] else 0


USAGE = """usage: dmacheck scan [--tree DIR] [--engine gcc,cocci,sparse] [--format text|json|sarif]
                     [--baseline FILE] [-o FILE] [-j N] [DIR...]
       dmacheck report [--format text|json|sarif] [-o FILE] RESULT.json
       dmacheck --version
`dmacheck scan --help` for the options."""


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0 if argv else 2
    if argv[0] == "--version":
        print("dmacheck " + formats.VERSION)
        return 0
    if argv[0] not in ("scan", "report"):
        sys.stderr.write("dmacheck: unknown command '%s'\n%s\n" % (argv[0], USAGE))
        return 2
    try:
        return scan(argv[1:]) if argv[0] == "scan" else report(argv[1:])
    except (UsageError, E.EngineError, ValueError, OSError) as e:
        sys.stderr.write("dmacheck: %s\n" % e)
        return 2
    except (KeyboardInterrupt, faults.Interrupted):
        sys.stderr.write("dmacheck: interrupted before anything was scanned\n")
        return 2
