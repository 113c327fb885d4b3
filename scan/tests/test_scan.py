#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""scan/tests/test_scan.py - tests of `dmacheck scan` that need no kernel build.

The named directory sets (--set), parsing GCC-style output (notes, context lines, absolute paths, cocci's col-col form),
the enclosing function, merging engines, baselines, the three formats (SARIF's required
structure, rule metadata equal to rules/rules.def), and the exit status and message of
every usage error (no such directory, unconfigured and unprepared trees, unknown engine,
a baseline that is not a result; --kernel: an unknown version, --kernel with --tree or with
check-patch's --git, and that the version reaches scripts/kernel-tree.sh). With --tree TREE (a prepared tree) also one real scan of
drivers/usb/storage with all three engines: exit 1, the warnings equal the triaged ones of
testsuite/kernel-smoke/drivers-usb.txt, each found by gcc, cocci and sparse, and a baseline
of itself leaves nothing new (exit 0; --format 0day lists every finding as old). The sparse
engine's generated makefile of checker commands, with stand-in commands.
Prints PASS/FAIL per check and "scan-tests: N passed, N failed". Python 3 stdlib only.
"""

import io
import json
import os
import subprocess
import sys
import tempfile

import tap  # scan/tests/tap.py: the script's own directory is on sys.path

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
from scan import baseline, catalogue, cli, findings, formats, kernels, paths  # noqa: E402

DMACHECK = os.path.join(ROOT, "bin", "dmacheck")
T = tap.Tap("scan-tests")
check = T.check


GCC_OUT = """\
  CC [M]  drivers/usb/storage/alauda.o
drivers/usb/storage/alauda.c: In function 'alauda_check_status2':
/T/drivers/usb/storage/alauda.c:509:14: warning: DMA buffer is on the stack [dmacheck-dma-on-stack]
  509 |         rc = usb_stor_ctrl_transfer(us, us->recv_ctrl_pipe,
      |              ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
In file included from drivers/usb/storage/alauda.c:20:
drivers/usb/storage/alauda.c:503:23: note: 'command' declared here
  503 |         unsigned char command[] = {
drivers/usb/storage/x.c:10:2: warning: unused variable 'y' [-Wunused-variable]
drivers/usb/storage/x.c:11:3: note: not ours
./drivers/usb/y.c:7:5-9: warning: URB_NO_TRANSFER_DMA_MAP is set but no DMA handle was stored [dmacheck-urb-dma-handle-missing]
"""


def test_parse():
    fs = findings.parse(GCC_OUT, "/T", "gcc")
    check("parse: two dmacheck findings, other warnings ignored", len(fs) == 2, fs)
    if len(fs) != 2:
        return
    a, b = fs
    check("parse: absolute path made relative to the tree",
          a.file == "drivers/usb/storage/alauda.c" and a.line == 509 and a.col == 14)
    check("parse: note attached across source excerpts and context",
          a.notes == [("drivers/usb/storage/alauda.c", 503, 23, "'command' declared here")],
          a.notes)
    check("parse: a note after a foreign warning is not attached", len(b.notes) == 0)
    check("parse: cocci's line:col-col form and ./", b.file == "drivers/usb/y.c" and b.line == 7
          and b.col == 5 and b.slug == "urb-dma-handle-missing")


SRC = """\
#include <x.h>
static int helper(struct us_data *us,
		  int x)
{
	u8 buf[4];
	return f(us, buf, sizeof(buf)); /* 6 */
}

static struct foo table = {
	.x = 1,		/* 10 */
};

int (*fp)(void);
static void __init two(void) /* (a comment) */
{
	if (x) {
		g(); /* 17 */
	}
}
"""

SRC_BRACE_ON_SIGNATURE = """#include <linux/usb.h>

static int one(struct usb_device *udev) {
	return usb_control_msg(udev, 0, 0, 0, 0, 0, NULL, 0, 1000);
}

static int two(struct usb_device *udev,
	       void *buf) {
	int r = 0;

	if (buf) {
		r = usb_bulk_msg(udev, 0, buf, 1, NULL, 1000);
	}
	return r;
}
static const int table[] = {
	1, 2,
};
"""


def test_function():
    with tempfile.TemporaryDirectory() as t:
        with open(os.path.join(t, "a.c"), "w") as f:
            f.write(SRC)
        got = [findings.enclosing_function(t, "a.c", n) for n in (6, 10, 17, 1)]
        check("enclosing function: body, initialiser, nested block, file top",
              got == ["helper", "", "two", ""], got)
        check("enclosing function: a missing file is ''",
              findings.enclosing_function(t, "nope.c", 3) == "")
        with open(os.path.join(t, "b.c"), "w") as f:
            f.write(SRC_BRACE_ON_SIGNATURE)
        got = [findings.enclosing_function(t, "b.c", n) for n in (3, 4, 8, 12, 17, 1)]
        check("enclosing function: '{' on the signature line (one line, a parameter list "
              "over two lines, a nested 'if (...) {'), and outside",
              got == ["one", "one", "two", "two", "", ""], got)


def F(file, line, slug, engine, col=1):
    return findings.Finding(file, line, col, slug, "m", engine)


def test_merge_and_baseline():
    m = findings.merge([F("b.c", 3, "dma-on-stack", "gcc"), F("a.c", 9, "usb-dma-mask", "gcc"),
                        F("b.c", 3, "dma-on-stack", "cocci", 7), F("b.c", 3, "usb-dma-mask", "cocci")])
    check("merge: same file, line, rule -> one finding naming both engines",
          [(f.file, f.line, f.slug, f.engines, f.col) for f in m] ==
          [("a.c", 9, "usb-dma-mask", ["gcc"], 1), ("b.c", 3, "dma-on-stack", ["gcc", "cocci"], 1),
           ("b.c", 3, "usb-dma-mask", ["cocci"], 1)], [(f.file, f.line, f.engines) for f in m])
    with tempfile.TemporaryDirectory() as t:
        with open(os.path.join(t, "c.c"), "w") as fp:
            fp.write("int f(void)\n{\n\tbuf = usb_alloc_coherent(udev, 8, GFP_KERNEL,\n"
                     "\t\t\t\t &urb->transfer_dma); /* why */\n\tx = 1;\n}\n")
        m = findings.merge([F("c.c", 3, "urb-dma-flag-missing", "gcc", 8),
                            F("c.c", 4, "urb-dma-flag-missing", "cocci", 6),
                            F("c.c", 5, "urb-dma-flag-missing", "sparse")], t)
        check("merge: one multi-line statement -> one finding at the first engine's line",
              [(f.line, f.engines) for f in m] == [(3, ["gcc", "cocci"]), (5, ["sparse"])],
              [(f.line, f.engines) for f in m])
    old = [F("a.c", 10, "dma-on-stack", "gcc")]
    old[0].function = "f"
    with tempfile.TemporaryDirectory() as t:
        p = os.path.join(t, "b.json")
        with open(p, "w") as fp:
            json.dump(formats.as_json(result(old), RULES), fp)
        counts = baseline.load(p)
        new = [F("a.c", 14, "dma-on-stack", "gcc"), F("a.c", 20, "dma-on-stack", "gcc"),
               F("a.c", 30, "usb-dma-mask", "gcc")]
        for f in new:
            f.function = "f"
        left = baseline.new_only(new, counts)
        check("baseline: a moved finding is old, a second one in the same function is new",
              [(f.line, f.slug) for f in left] == [(20, "dma-on-stack"), (30, "usb-dma-mask")],
              [(f.line, f.slug) for f in left])
        with open(p, "w") as fp:
            fp.write('{"findings": []}')
        try:
            baseline.load(p)
            check("baseline: a JSON file that is not a result is refused", False)
        except ValueError as e:
            check("baseline: a JSON file that is not a result is refused", "not a" in str(e), e)


RULES = catalogue.load(paths.rules_def())


def result(fs):
    for f in fs:
        f.dir = f.dir or "drivers/x"
    return {"tree": "/T", "kernel": "6.1.0", "directories": ["drivers/x"], "engines": ["gcc"],
            "findings": fs}


def test_formats():
    f = F("drivers/x/a.c", 12, "dma-on-stack", "gcc", 5)
    f.function = "probe"
    f.notes = [("drivers/x/a.c", 10, 7, "'buf' declared here")]
    g = F("drivers/x/b.c", 3, "urb-dma-flag-missing", "gcc")
    res = result([f, g])
    out = io.StringIO()
    formats.write(out, "text", res, RULES)
    check("text: GCC-style line with engines, notes indented",
          out.getvalue().splitlines()[:2] == [
              "drivers/x/a.c:12:5: warning: m [dmacheck-dma-on-stack] (gcc)",
              "    drivers/x/a.c:10:7: note: 'buf' declared here"], out.getvalue())
    j = formats.as_json(res, RULES)
    check("json: fields and severity from the catalogue",
          j["format"] == "dmacheck-findings" and j["version"] == 1 and
          j["findings"][0]["severity"] == "error" and j["findings"][1]["severity"] == "warning" and
          j["findings"][0]["function"] == "probe" and j["summary"]["total"] == 2 and
          j["summary"]["by_rule"] == {"dma-on-stack": 1, "urb-dma-flag-missing": 1}, j)
    s = formats.as_sarif(res, RULES)
    srun = s["runs"][0]
    rules = srun["tool"]["driver"]["rules"]
    ok = s["version"] == "2.1.0" and [r["id"] for r in rules] == list(RULES) and \
        all(r["shortDescription"]["text"] == RULES[r["id"]].message for r in rules) and \
        all(r["defaultConfiguration"]["level"] in ("error", "warning") for r in rules)
    check("sarif: 2.1.0, driver rules are the catalogue with its messages", ok)
    r0 = srun["results"][0]
    ok = r0["ruleId"] == "dma-on-stack" and rules[r0["ruleIndex"]]["id"] == "dma-on-stack" and \
        r0["locations"][0]["physicalLocation"]["region"] == {"startLine": 12, "startColumn": 5} and \
        r0["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "SRCROOT" and \
        "SRCROOT" in srun["originalUriBaseIds"] and \
        r0["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 10 and \
        r0["level"] == "error" and len(r0["partialFingerprints"]["dmacheck/v1"]) == 32 and \
        r0["message"]["text"].endswith("[dmacheck-dma-on-stack]")
    check("sarif: result location, ruleIndex, relatedLocations, fingerprint", ok, r0)
    with tempfile.TemporaryDirectory() as t:
        p = os.path.join(t, "r.json")
        with open(p, "w") as fp:
            json.dump(j, fp)
        rc, txt, err = run(["report", p])
        check("report: a saved JSON result as text, exit 1 (findings)",
              rc == 1 and txt == out.getvalue(), (rc, txt, err))
        rc, sar, err = run(["report", "--format", "sarif", p])
        check("report: ... and as the same SARIF", rc == 1 and json.loads(sar) == s, err)
    f2 = F("drivers/x/a.c", 40, "dma-on-stack", "gcc")
    f2.function = "probe"
    check("sarif: fingerprint follows file, function and rule, not the line",
          formats.fingerprint(f) == formats.fingerprint(f2))


def run(args):
    p = subprocess.run([sys.executable, DMACHECK] + args, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True)
    return p.returncode, p.stdout, p.stderr


def test_usage(tree):
    rc, out, err = run([])
    check("no command: usage, exit 2", rc == 2 and "usage:" in out)
    rc, out, err = run(["frob"])
    check("unknown command: exit 2", rc == 2 and "unknown command 'frob'" in err, err)
    rc, out, err = run(["scan", "--engine", "gcc,lint", "--tree", "/nonexistent"])
    check("unknown engine: exit 2 naming it", rc == 2 and "unknown engine lint" in err, err)
    rc, out, err = run(["scan", "--format", "xml"])
    check("unknown format: exit 2", rc == 2 and "invalid choice" in err, err)
    with tempfile.TemporaryDirectory() as t:
        rc, out, err = run(["scan", "--tree", t])
        check("not a kernel tree: exit 2", rc == 2 and "is not a kernel source tree" in err, err)
        os.mkdir(os.path.join(t, "drivers"))
        open(os.path.join(t, "Makefile"), "w").close()
        rc, out, err = run(["scan", "--tree", t])
        check("unconfigured tree: exit 2", rc == 2 and "is not configured" in err, err)
        open(os.path.join(t, ".config"), "w").close()
        rc, out, err = run(["scan", "--tree", t])
        check("unprepared tree: exit 2", rc == 2 and "not prepared: make modules_prepare" in err, err)
        bl = os.path.join(t, "b.json")
        with open(bl, "w") as fp:
            fp.write("[1, 2")
        rc, out, err = run(["scan", "--tree", t, "--baseline", bl])
        check("broken baseline: exit 2", rc == 2 and "not JSON" in err, err)
    rc, out, err = run(["scan", "--kernel", "5.10"])
    check("--kernel 5.10: exit 2, the known versions named", rc == 2 and "'6.12'" in err, err)
    rc, out, err = run(["scan", "--kernel", "6.12", "--tree", "/nonexistent"])
    check("--kernel with --tree: exit 2", rc == 2 and "give one of them" in err, err)
    rc, out, err = run(["check-patch", "--kernel", "6.12", "--git", "HEAD"])
    check("check-patch --kernel with --git: exit 2", rc == 2 and "give one of them" in err, err)
    rc, out, err = run(["check-patch", "--kernel", "6.12", "--tree", "/x", "a.patch"])
    check("check-patch --kernel with --tree: exit 2", rc == 2 and "give one of them" in err, err)
    test_kernel_tree_call()
    if tree:
        rc, out, err = run(["scan", "--tree", tree, "drivers/no-such-dir"])
        check("no such directory: exit 2", rc == 2 and "is not a directory of" in err, err)
        rc, out, err = run(["scan", "--tree", tree, "--plugin", "/nonexistent.so",
                            "drivers/usb/misc"])
        check("missing plugin: exit 2", rc == 2 and "no GCC plugin at" in err, err)


def test_sets():
    """--set: the named directory sets (cli.SETS, the one definition) choose what is scanned."""
    with tempfile.TemporaryDirectory() as t:
        for d in ("drivers/usb", "drivers/hid", "drivers/net/ethernet", "drivers/scsi",
                  "sound/pci", "drivers/usb/storage"):
            os.makedirs(os.path.join(t, d))
        check("sets: no set and no DIR is the usb set's directories that exist",
              cli.choose_dirs(t, None, []) == ["drivers/usb", "drivers/hid"],
              cli.choose_dirs(t, None, []))
        got = cli.choose_dirs(t, "lifecycle", [])
        check("sets: --set lifecycle is its directories that exist, in the set's order",
              got == ["drivers/net/ethernet", "drivers/scsi", "sound/pci"], got)
        got = cli.choose_dirs(t, "lifecycle", ["drivers/usb/storage", "drivers/scsi/"])
        check("sets: --set with DIRs adds them after the set's, each once",
              got == ["drivers/net/ethernet", "drivers/scsi", "sound/pci",
                      "drivers/usb/storage"], got)
        check("sets: DIRs alone are just those", cli.choose_dirs(t, None, ["drivers/hid"])
              == ["drivers/hid"])
    want = {"drivers/net/ethernet", "drivers/net/wireless", "drivers/scsi", "drivers/dma",
            "drivers/mmc/host", "drivers/crypto", "drivers/media/pci", "drivers/atm",
            "drivers/spi", "sound/pci"}
    check("sets: lifecycle holds the directories of issue 16",
          want <= set(cli.SETS["lifecycle"]), cli.SETS["lifecycle"])
    check("sets: the default directories are the usb set", cli.DEFAULT_DIRS == cli.SETS["usb"])
    rc, out, err = run(["scan", "--help"])
    check("sets: scan --help names every set and its directories",
          rc == 0 and all(k in out for k in cli.SETS) and "drivers/atm" in out, out[-600:])
    rc, out, err = run(["scan", "--set", "nosuch", "--tree", "/nonexistent"])
    check("sets: an unknown set is a usage error, exit 2",
          rc == 2 and "invalid choice: 'nosuch'" in err, err)
    with open(os.path.join(ROOT, "docs", "scan.md"), encoding="utf-8") as f:
        doc = f.read()
    check("sets: docs/scan.md lists each set's directories",
          all(" ".join("`%s`" % d for d in v) in doc for v in cli.SETS.values()))
def test_kernel_tree_call():
    """kernels.default_tree() asks scripts/kernel-tree.sh for the version's tree (a stand-in
    script here, which prints its arguments as the tree's path), and names the deps group
    when it fails."""
    said = []
    real = paths.script
    with tempfile.TemporaryDirectory() as t:
        stub = os.path.join(t, "kernel-tree.sh")
        with open(stub, "w") as f:
            f.write('echo "progress" >&2\n[ "$2" = 6.12 ] || exit 2\necho "/trees/$1-$2"\n')
        paths.script = lambda name: stub
        try:
            got = kernels.default_tree("6.12", said.append)
            check("--kernel 6.12 runs kernel-tree.sh --kernel 6.12",
                  got == "/trees/--kernel-6.12" and "6.12" in said[0], (got, said))
            try:
                kernels.default_tree("6.1", said.append)
                check("a kernel-tree.sh failure is an error", False)
            except kernels.KernelError as e:
                check("a kernel-tree.sh failure names scripts/deps.sh kernel",
                      "scripts/deps.sh kernel" in str(e), e)
        finally:
            paths.script = real


def test_sparse_after_gcc():
    """With gcc before sparse in one scan, the sparse engine builds with the gcc engine's
    KCFLAGS (kbuild then finds the objects up to date and only runs the checker: other
    KCFLAGS change every object's command line and recompile it); sparse alone, or before
    gcc, keeps kbuild's own flags. Stand-in engines on a fake tree; the make command of
    run_sparse itself through a stand-in _kbuild."""
    from scan import engines as E
    calls = []
    real = dict(E.ENGINES), E.unavailable, E._kbuild
    with tempfile.TemporaryDirectory() as t:
        tree = os.path.join(t, "linux")
        for d in ("drivers/x", "include/generated", "scripts/mod"):
            os.makedirs(os.path.join(tree, d))
        for f in ("Makefile", ".config", "include/generated/autoconf.h", "scripts/mod/modpost"):
            open(os.path.join(tree, f), "w").close()

        def stub(name):
            def run(tree_, d, jobs, progress, timeout=None, **kw):
                calls.append((name, d, kw.get("kcflags")))
                return [], 1, []
            return run
        try:
            E.unavailable = lambda eng, plugin=None, checker=None: None
            for name in ("gcc", "sparse", "cocci"):
                E.ENGINES[name] = stub(name)
            out = os.path.join(t, "o.json")
            for engines, want in (("gcc,sparse", E.gcc_kcflags()), ("sparse", None),
                                  ("sparse,gcc", None), ("gcc,cocci,sparse", E.gcc_kcflags())):
                del calls[:]
                with open(os.devnull, "w") as null:
                    old, sys.stderr = sys.stderr, null
                    try:
                        cli.scan(["--tree", tree, "--engine", engines, "-o", out, "drivers/x"])
                    finally:
                        sys.stderr = old
                got = [c[2] for c in calls if c[0] == "sparse"]
                check("sparse after gcc: --engine %s gives sparse KCFLAGS %r" % (engines, want),
                      got == [want], calls)
            E.ENGINES.update(real[0])
            cmds = []
            E._kbuild = lambda engine, tree_, d, cmd, *rest: cmds.append(cmd) or ([], 0, [])
            E.run_sparse(tree, "drivers/x", 2, None, kcflags="-fplugin=/p/dmacheck.so")
            E.run_sparse(tree, "drivers/x", 2, None)
            check("sparse after gcc: run_sparse passes KCFLAGS on make's command line only "
                  "when given", "KCFLAGS=-fplugin=/p/dmacheck.so" in cmds[0] and
                  not [c for c in cmds[1] if c.startswith("KCFLAGS=")], cmds)
        finally:
            E.ENGINES.update(real[0])
            E.unavailable, E._kbuild = real[1], real[2]
            if os.path.exists(tree + ".lock"):
                os.unlink(tree + ".lock")


def test_checks_makefile():
    """The sparse engine's generated makefile (run_sparse): kbuild's dry-run lines, with their
    traps and their already expanded $$, run as kbuild would; make -k goes on past a failing
    checker and its failure names that file; the progress lines are counted; the traps are
    gone (they would delete the user's objects when a scan is killed)."""
    from scan import engines as E, faults
    line = ("set -e;  echo '  CHECK   drivers/x/%s.c';    trap 'rm -f drivers/x/%s.o; trap - INT; "
            "kill -s INT $$' INT; %s")
    with tempfile.TemporaryDirectory() as t:
        os.makedirs(os.path.join(t, "drivers/x"))
        for name in "abc":
            open(os.path.join(t, "drivers/x", name + ".c"), "w").close()
        commands = [line % ("a", "a", "echo a.c:1:2: warning: w [dmacheck-dma-on-stack] >&2"),
                    line % ("b", "b", "echo 'drivers/x/b.c:1:1: error: boom' >&2; exit 1"),
                    line % ("c", "c", "test $$ -gt 0 && echo c-ran")]
        mk = os.path.join(t, "checks.mk")
        with open(mk, "w") as f:
            f.write(E.checks_makefile(commands))
        steps = []
        run = faults.Run(["make", "-k", "-s", "-f", mk, "-j2"], t, E._env(), 60,
                         lambda l: E.CHECK_LINE.match(l) and steps.append(l))
        fails = faults.file_failures("sparse", "drivers/x", run.out, run.err, t,
                                     findings.relative)
        check("sparse checks makefile: every command ran, the failing one named",
              len(steps) == 3 and "c-ran" in run.out and "[dmacheck-dma-on-stack]" in run.err
              and [f.file for f in fails] == ["drivers/x/b.c"], (steps, run.out, run.err,
                                                                  [f.line() for f in fails]))
        check("sparse checks makefile: kbuild's traps are gone",
              "trap" not in open(mk).read())


def triaged(dir_):
    want = set()
    with open(os.path.join(ROOT, "testsuite", "kernel-smoke", "drivers-usb.txt")) as f:
        for line in f:
            fs = findings.parse(line, "/", "gcc")
            if fs and fs[0].file.startswith(dir_ + "/"):
                want.add((fs[0].file, fs[0].line, fs[0].slug))
    return want


def test_real(tree):
    d = "drivers/usb/storage"
    with tempfile.TemporaryDirectory() as t:
        js = os.path.join(t, "r.json")
        rc, out, err = run(["scan", "--tree", tree, "--engine", "gcc,cocci,sparse",
                            "--format", "json", "-o", js, "-j2", d])
        check("real scan of %s: exit 1 (findings)" % d, rc == 1, err[-2000:])
        if rc != 1:
            return
        with open(js) as f:
            j = json.load(f)
        got = {(x["file"], x["line"], x["rule"]) for x in j["findings"]}
        want = triaged(d)
        check("real scan: findings equal the triaged list (%d)" % len(want),
              got == want and len(want) > 0, "got %s\nwant %s" % (sorted(got), sorted(want)))
        check("real scan: every finding found by gcc, cocci and sparse, merged",
              all(x["engines"] == ["gcc", "cocci", "sparse"] for x in j["findings"]),
              [(x["line"], x["engines"]) for x in j["findings"]])
        check("real scan: every finding has its function",
              all(x["function"] for x in j["findings"]), j["findings"][:2])
        check("real scan: progress and summary on stderr",
              "scan: gcc %s" % d in err and "dma-on-stack" in err, err[-1000:])
        rc, out, err = run(["scan", "--tree", tree, "--baseline", js, "--format", "0day",
                            "-j2", d])
        old = ["%s:%d %s() error: %s [dmacheck-%s]" % (x["file"], x["line"], x["function"],
                                                       x["message"], x["rule"])
               for x in j["findings"]]
        check("real scan: against its own baseline nothing is new, exit 0; --format 0day "
              "lists them all as old", rc == 0 and out.split("\n") ==
              ["Old dmacheck warnings:"] + old + [""], (rc, out[:800], err[-500:]))


def main():
    tree = None
    if len(sys.argv) == 3 and sys.argv[1] == "--tree":
        tree = sys.argv[2]
    elif len(sys.argv) != 1:
        print("usage: test_scan.py [--tree TREE]", file=sys.stderr)
        return 2
    test_parse()
    test_function()
    test_merge_and_baseline()
    test_formats()
    test_usage(tree)
    test_sets()
    test_sparse_after_gcc()
    test_checks_makefile()
    if tree:
        test_real(tree)
    return T.summary()


if __name__ == "__main__":
    sys.exit(main())
