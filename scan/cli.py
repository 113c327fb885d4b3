# SPDX-License-Identifier: GPL-2.0
"""scan/cli.py - the dmacheck command: `dmacheck scan`: every DMA finding of a kernel tree,
from one command; `dmacheck report RESULT.json`: a saved JSON result again, in any format
(exit 1 if it has findings, 2 if it is incomplete); `dmacheck check-patch`: what a patch introduces, in
checkpatch.pl's format (scan/checkpatch.py). Every option has a one-line help with an
example (`dmacheck COMMAND --help`).

  dmacheck scan [--tree DIR | --kernel 6.1|6.12] [--engine gcc,cocci,sparse]
                [--format text|json|sarif|0day] [--baseline FILE] [-o FILE] [-j N]
                [--timeout S] [--set NAME] [--all] [--summaries FILE | --no-summaries]
                [--icecc] [DIR...]

--tree     a configured and prepared kernel tree (default: Debian's linux-source-6.1,
           unpacked, configured and prepared on first use by scripts/kernel-tree.sh in
           ${DMACHECK_CACHE:-~/.cache/dmacheck}/linux-6.1)
--kernel   which Debian tree instead: 6.1 (default) or 6.12 (linux-6.12 beside it;
           scan/kernels.py)
--engine   which engines run, comma-separated (default gcc)
--format   text (GCC-style, default), json (docs/scan.md), sarif (SARIF 2.1.0), 0day (the
           kernel test robot's "New/Old dmacheck warnings:" lists, scan/zeroday.py)
--baseline report only findings that this earlier JSON result does not have (matched by
           file, function and rule)
-o FILE    write the findings there instead of stdout
-j N       parallel jobs (default: the number of CPUs)
--timeout  seconds one engine may run on one directory (one script, for cocci) before it is
           stopped and reported as failed (default 3600)
--set      a named set of directories (SETS below, the one definition): usb (the default,
           where the USB rules live) or lifecycle (where the DMA mapping API lives: the
           mapping lifecycle rules); the set's directories that exist in the tree are scanned,
           then any DIR given
--icecc    the gcc engine's compiles through icecream as set up here, the plugin carried in
           the compiler environment (scan/icecc.py, docs/scale.md)
--summaries FILE  read FILE and update it from this scan's compiles (docs/summaries.md)
--no-summaries    without --summaries, every compile of a 6.1 tree reads the database
           shipped for 6.1 (rules/summaries-6.1.db, scan/summaries.py shipped()); this
           leaves it out
DIR...     directories of the tree, relative to it or absolute inside it (default: the
           directories of the usb set that exist)

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
from . import kernels
from . import paths

FORMATS = ["text", "json", "sarif", "0day"]
# The named directory sets of --set, in scan order. usb: the USB-heavy directories (the USB
# rules: dma-on-stack, usb-dma-mask, the URB flags), the default. lifecycle: where the DMA
# mapping API lives (dma_map_single/page/sg, skb_frag_dma_map, their unmaps): the mapping
# lifecycle rules of issue 16, the directories with the most mapping calls first.
SETS = {
    "usb": ["drivers/usb", "drivers/media/usb", "drivers/net/usb", "sound/usb",
            "drivers/hid", "drivers/input", "drivers/bluetooth", "drivers/staging"],
    "lifecycle": ["drivers/net/ethernet", "drivers/scsi", "drivers/net/wireless", "drivers/atm",
                  "drivers/media/pci", "sound/pci", "drivers/dma", "drivers/mmc/host",
                  "drivers/crypto", "drivers/spi"],
}
DEFAULT_SET = "usb"
DEFAULT_DIRS = SETS[DEFAULT_SET]


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


def default_tree(progress, version=kernels.DEFAULT):
    try:
        return kernels.default_tree(version, progress.say)
    except kernels.KernelError as e:
        raise UsageError(str(e))


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


SCAN_EXAMPLES = """\
examples:
  dmacheck scan                                   Debian's 6.1, the default directories, gcc
  dmacheck scan drivers/usb/storage               one directory
  dmacheck scan --set lifecycle --engine gcc,cocci  the directories of the DMA mapping API
  dmacheck scan --kernel 6.12 drivers/usb/storage the same on Debian's 6.12 LTS
  dmacheck scan --tree ~/linux --engine gcc,cocci,sparse -j8 drivers/usb
  dmacheck scan --format sarif -o dmacheck.sarif  for GitHub / GitLab code scanning
  dmacheck scan --format json -o before.json      ... change the tree, then:
  dmacheck scan --baseline before.json            only what is new since
  dmacheck scan --baseline before.json --format 0day   new and old, as the 0-day robot reports

exit: 0 nothing found (nothing new with --baseline), 1 findings, 2 usage or tool error"""


def scan_parser():
    ap = argparse.ArgumentParser(
        prog="dmacheck scan", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Run dmacheck's engines over directories of a kernel tree and print "
                    "every DMA API misuse they find (docs/scan.md).",
        epilog=SCAN_EXAMPLES)
    ap.add_argument("dirs", nargs="*", metavar="DIR",
                    help="directories of the tree (default: those of --set %s that exist); "
                         "e.g. drivers/usb/storage" % DEFAULT_SET)
    ap.add_argument("--set", choices=sorted(SETS), metavar="NAME",
                    help="a named set of directories, scanned before any DIR: %s; "
                         "e.g. --set lifecycle" % "; ".join(
                             "%s = %s" % (k, " ".join(v)) for k, v in sorted(SETS.items())))
    ap.add_argument("--tree", metavar="DIR",
                    help="configured and prepared kernel tree (default: Debian's 6.1, prepared "
                         "once by scripts/kernel-tree.sh); e.g. --tree ~/linux")
    kernels.add_option(ap)
    ap.add_argument("--engine", default="gcc", metavar="LIST",
                    help="engines, comma-separated: gcc (default), cocci, sparse; "
                         "e.g. --engine gcc,cocci")
    ap.add_argument("--format", default="text", choices=FORMATS,
                    help="text (GCC style, default), json (for --baseline and report), sarif "
                         "(code scanning), 0day (the test robot's New/Old lists); "
                         "e.g. --format json")
    ap.add_argument("--baseline", metavar="FILE",
                    help="only findings this earlier --format json result lacks (by file, "
                         "function, rule); e.g. --baseline before.json")
    ap.add_argument("-o", "--output", metavar="FILE",
                    help="write the findings to FILE instead of stdout; e.g. -o scan.json")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                    help="parallel jobs (default: the number of CPUs); e.g. -j2")
    ap.add_argument("--timeout", type=int, default=3600, metavar="S",
                    help="stop one engine on one directory (one script for cocci) after S "
                         "seconds and record it as a failure (default 3600); e.g. --timeout 600")
    ap.add_argument("--all", action="store_true",
                    help="every directory the configuration builds (or the DIRs given), "
                         "resumable: files already checked and unchanged are not compiled "
                         "again (scan/all.py, docs/scale.md); gcc only; e.g. --all -j8")
    ap.add_argument("--summaries", metavar="FILE",
                    help="follow calls into other files through this summaries database and "
                         "update it from the scanned files (docs/summaries.md); "
                         "e.g. --summaries ~/linux.summaries")
    ap.add_argument("--no-summaries", action="store_true",
                    help="do not read the summaries database shipped for the tree's kernel "
                         "series (rules/summaries-6.1.db, read by default on 6.1 trees when "
                         "--summaries is not given); e.g. --no-summaries")
    ap.add_argument("--icecc", action="store_true",
                    help="spread the gcc engine's compiles over icecream as set up here (the "
                         "local iceccd and its scheduler), in a compiler environment that "
                         "carries the plugin (scan/icecc.py, docs/scale.md); findings as a "
                         "local scan; e.g. --icecc -j16")
    ap.add_argument("--plugin", help=argparse.SUPPRESS)     # tests: another plugin build
    return ap


def parse(ap, argv):
    """ap.parse_args(argv), exiting 2 on a usage error (0 after --help)."""
    try:
        return ap.parse_args(argv)
    except SystemExit as e:
        raise SystemExit(0 if e.code == 0 else 2)


def engine_list(spec):
    """The engines of --engine's comma-separated SPEC, or UsageError."""
    engines = [e for e in spec.split(",") if e]
    bad = [e for e in engines if e not in E.ENGINES]
    if bad or not engines:
        raise UsageError("unknown engine %s (known: %s)" % (
            ",".join(bad) or "''", ",".join(E.ENGINES)))
    return engines


def parse_args(argv):
    a = parse(scan_parser(), argv)
    a.engines = engine_list(a.engine)
    try:
        a.kernel = kernels.version(a)
    except kernels.KernelError as e:
        raise UsageError(str(e))
    if a.jobs < 1:
        raise UsageError("-j needs a positive number")
    if a.timeout < 1:
        raise UsageError("--timeout needs a positive number of seconds")
    if a.summaries and a.no_summaries:
        raise UsageError("--summaries FILE and --no-summaries exclude each other")
    if a.icecc and "gcc" not in a.engines:
        raise UsageError("--icecc spreads the gcc engine's compiles (sparse and cocci run "
                         "locally): add gcc to --engine")
    if a.all and a.engines != ["gcc"]:
        raise UsageError("--all runs the gcc engine only (sparse and cocci check every file "
                         "every time: scan their directories without --all)")
    return a


def scan(argv):
    progress = Progress()
    a = parse_args(argv)
    rules = catalogue.load(paths.rules_def())
    base = B.load(a.baseline) if a.baseline else None
    if a.output and faults.writable(a.output):
        raise UsageError(faults.writable(a.output))
    tree = os.path.abspath(a.tree) if a.tree else default_tree(progress, a.kernel)
    check_tree(tree)
    if a.all and not a.dirs and not a.set:
        from . import all as scan_all_dirs
        dirs = scan_all_dirs.directories(tree)
    else:
        dirs = choose_dirs(tree, a.set, a.dirs)

    a.shipped = choose_summaries(a, tree, progress.say)
    if a.icecc and "gcc" in a.engines:
        use_icecc(a, tree, progress)
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
        if a.all and engines:
            from . import all as scan_all_dirs
            found, scanned, fails = scan_all_dirs.scan_all(tree, dirs, a.jobs, progress,
                                                           a.timeout, a.plugin)
            failures += fails
            if faults.STOP:
                raise faults.Interrupted(faults.STOP[0])
            dirs = []
        for d in dirs:
            for eng in engines:
                kw = {"plugin": a.plugin} if eng == "gcc" and a.plugin else {}
                if eng == "sparse" and "gcc" in engines[:engines.index(eng)]:
                    # the objects gcc just built stay up to date: sparse only checks
                    kw = {"kcflags": E.gcc_kcflags(a.plugin)}
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
    if a.summaries:
        from . import summaries
        summaries.update(a.summaries, progress.say)
    findings = F.merge(found, tree)
    old = []
    if base is not None:
        before = len(findings)
        findings, old = B.split(findings, base)
        progress.say("baseline %s: %d of %d findings are new" % (a.baseline, len(findings), before))
    result = {"tree": tree, "kernel": kernel_version(tree), "directories": scanned,
              "engines": a.engines, "findings": findings, "old_findings": old,
              "failures": failures}
    write_result(a, result, rules, progress)
    s = formats.summary(findings)
    progress.say("%d finding%s" % (s["total"], "" if s["total"] == 1 else "s"))
    for k, v in s["by_rule"].items():
        progress.say("  %-28s %d" % (k, v))
    for k, v in s["by_directory"].items():
        progress.say("  %-28s %d" % (k, v))
    faults.summary(failures, progress.say)
    return 2 if failures else 1 if findings else 0


def choose_summaries(a, tree, say):
    """--summaries FILE: read and update FILE. Neither it nor --no-summaries: read the database
    shipped for the tree's kernel series, if any (scan/summaries.py shipped(): 6.1). Returns
    the shipped database's path when that is the one read, else None."""
    from . import summaries
    if a.summaries:
        summaries.use(a.summaries, say)
        return None
    if a.no_summaries:
        return None
    return summaries.use_shipped(tree, say)


def use_icecc(a, tree, progress):
    """--icecc: the gcc engine's make runs with CC="icecc gcc" in an environment that carries
    the plugin and the summaries database it reads; the compiles print their unit files on
    stderr, which comes back from the nodes (scan/icecc.py, scan/summaries.py)."""
    from . import icecc
    db = getattr(a, "shipped", None)       # read on the nodes: it travels in the environment
    if a.summaries:
        from . import summaries
        db = os.path.abspath(a.summaries)
        summaries.relay(a.summaries)
    try:
        env, make_args, kcflags = icecc.prepare(a.plugin or paths.plugin(), progress.say, db)
    except icecc.IceccError as e:
        raise UsageError("--icecc: %s" % e)
    E.GCC_ENV.update(env)
    E.GCC_MAKE_ARGS[:] = make_args
    E.PLUGIN_ARGS += kcflags
    E.GCC_FIXUP = icecc.Columns(tree).fix


def choose_dirs(tree, set_name, given):
    """The directories to scan: those of SETS[set_name] that exist in the tree, then the
    DIRs given (each once); the default set's when neither is given."""
    dirs = []
    if set_name or not given:
        dirs = [d for d in SETS[set_name or DEFAULT_SET] if os.path.isdir(os.path.join(tree, d))]
    for d in given:
        d = tree_dir(tree, d)
        if d not in dirs:
            dirs.append(d)
    return dirs


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


REPORT_EXAMPLES = """\
examples:
  dmacheck report scan.json                        a saved result as GCC-style text
  dmacheck report --format sarif -o r.sarif scan.json
  dmacheck report --format 0day --baseline before.json after.json   new and old warnings

exit: 0 no findings (none new with --baseline), 1 findings, 2 usage error or a file that is
not a dmacheck JSON result"""


def report_parser():
    ap = argparse.ArgumentParser(
        prog="dmacheck report", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Print a saved `dmacheck scan --format json` result again, in any format.",
        epilog=REPORT_EXAMPLES)
    ap.add_argument("result", metavar="RESULT.json",
                    help="a result of dmacheck scan --format json; e.g. scan.json")
    ap.add_argument("--format", default="text", choices=FORMATS,
                    help="text (default), json, sarif or 0day; e.g. --format 0day")
    ap.add_argument("--baseline", metavar="FILE",
                    help="split the findings into new and old against this earlier result "
                         "(only new ones are printed, except by 0day); e.g. --baseline old.json")
    ap.add_argument("-o", "--output", metavar="FILE",
                    help="write to FILE instead of stdout; e.g. -o report.txt")
    return ap


def report(argv):
    """dmacheck report [--format F] [--baseline FILE] [-o FILE] RESULT.json"""
    a = parse(report_parser(), argv)
    B.load(a.result)                    # the same validation as a baseline
    with open(a.result, encoding="utf-8") as f:
        res = formats.from_json(json.load(f))
    if a.baseline:
        res["findings"], res["old_findings"] = B.split(res["findings"], B.load(a.baseline))
    rules = catalogue.load(paths.rules_def())
    if a.output:
        faults.write_atomic(a.output, lambda out: formats.write(out, a.format, res, rules))
    else:
        formats.write(sys.stdout, a.format, res, rules)
    return 2 if res["failures"] else 1 if res["findings"] else 0


def check_patch(argv):
    from . import checkpatch
    progress = Progress()
    try:
        return checkpatch.main(argv, lambda *v: default_tree(progress, *v), check_tree)
    except checkpatch.UsageError as e:
        raise UsageError(str(e))


USAGE = """usage: dmacheck COMMAND [OPTIONS] [ARGS]

dmacheck finds misuse of the Linux kernel's DMA APIs (DMA buffers on the stack, DMA masks set
on USB interfaces, URBs with a DMA handle but no URB_NO_TRANSFER_DMA_MAP or the reverse).

commands:
  scan          run the engines over directories of a kernel tree, print every finding
  check-patch   what a patch, mbox or git range introduces, in checkpatch.pl's format
  report        print a saved `scan --format json` result again, in another format
  --version     print dmacheck's version
  --help        this text; `dmacheck COMMAND --help` explains each option of COMMAND

examples:
  dmacheck scan drivers/usb/storage               Debian's 6.1 tree, one directory
  dmacheck scan --tree ~/linux --format sarif -o dmacheck.sarif
  dmacheck check-patch 0001-usb-foo.patch          one patch against Debian's 6.1 tree
  dmacheck check-patch --tree ~/linux --git HEAD~3..
  dmacheck report --format 0day --baseline before.json after.json

usage: dmacheck scan [--tree DIR | --kernel 6.1|6.12] [--engine gcc,cocci,sparse]
                     [--format text|json|sarif|0day] [--baseline FILE] [-o FILE] [-j N]
                     [--timeout S] [--set usb|lifecycle] [DIR...]
       dmacheck check-patch [--tree DIR | --kernel 6.1|6.12] [--engine gcc,sparse,cocci] [--terse] PATCH...|-
       dmacheck check-patch [--tree DIR] --git REV|REV..REV
       dmacheck report [--format text|json|sarif|0day] [--baseline FILE] [-o FILE] RESULT.json
       dmacheck --version"""

COMMANDS = {"scan": scan, "report": report, "check-patch": check_patch}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0 if argv else 2
    if argv[0] == "--version":
        print("dmacheck " + formats.VERSION)
        return 0
    if argv[0] not in COMMANDS:
        sys.stderr.write("dmacheck: unknown command '%s'\n%s\n" % (argv[0], USAGE))
        return 2
    try:
        return COMMANDS[argv[0]](argv[1:])
    except (UsageError, E.EngineError, ValueError, OSError) as e:
        sys.stderr.write("dmacheck: %s\n" % e)
        return 2
    except (KeyboardInterrupt, faults.Interrupted):
        sys.stderr.write("dmacheck: interrupted before anything was scanned\n")
        return 2
