#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""scan/tests/test_faults.py - `dmacheck scan` keeps its findings when something fails.

Each test injects one fault on purpose and checks that the scan keeps the other findings,
names the cause in one line (the tool's own words) and exits 2:
  - a directory with a file that does not compile (the next directory is still scanned)
  - a stand-in spatch that cannot load its Python library (and `make coccicheck` exits 0),
    and the real spatch when the python3 it runs fails
  - a stand-in spatch that hangs past --timeout
  - a plugin path that does not load
  - SIGTERM and SIGINT in the middle of a directory
  - an output path that cannot be written: before the scan (refused at once) and after it
    (the directory vanished: the result goes to a file in $TMPDIR)
and that known tool messages (an ICE, an OOM kill, a plugin for another GCC, a full disk,
spatch's fatal errors, modpost) become their one-line causes, text, JSON and SARIF all carry
the failures, `dmacheck report` of an incomplete
result exits 2, and an absolute DIR is named as given.

The tree is a small fake one (a Makefile that does what kbuild does for M=, C=2, clean,
kernelversion and coccicheck, with the testsuite's kernel-like headers), so the real gcc,
plugin and sparse checker run in seconds. With --tree TREE (a prepared kernel tree) also the
real kbuild: a temporary directory of TREE with one good and one broken file, scanned by gcc
and sparse (removed afterwards).
Prints PASS/FAIL per check and "scan-faults: N passed, N failed". Python 3 stdlib only.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import tap  # scan/tests/tap.py: the script's own directory is on sys.path

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# the scripts a cocci run of a directory runs (each fails alike when spatch cannot start)
COCCI_SCRIPTS = sorted(f for f in os.listdir(os.path.join(ROOT, "cocci")) if f.endswith(".cocci"))
DMACHECK = os.path.join(ROOT, "bin", "dmacheck")
INCLUDE = os.path.join(ROOT, "testsuite", "include")
PLUGIN = os.path.join(ROOT, "plugin", "dmacheck.so")
SPARSE = os.path.join(ROOT, "build", "sparse", "dmacheck-sparse")
T = tap.Tap("scan-faults")
check = T.check


# what kbuild does for the commands dmacheck scan runs, on DIR/*.c
FAKE_MAKEFILE = """\
# a stand-in for kbuild: M=DIR builds DIR/*.c, C=2 runs CHECK on them instead
SRCS := $(sort $(wildcard $(M)/*.c))
FLAGS := -nostdinc -isystem %(inc)s -O2
ifeq ($(C),2)
all: $(SRCS:.c=.chk)
# one recipe line, as kbuild's cmd_checksrc (the sparse engine runs what make -n prints)
%%.chk: %%.c
\t@set -e; echo '  CHECK   $<'; $(CHECK) $(FLAGS) $<
else
all: $(SRCS:.c=.o)
\t@echo '  MODPOST $(M)/Module.symvers'
%%.o: %%.c
\t@echo '  CC [M]  $@'
\t@gcc $(FLAGS) $(KCFLAGS) -c $< -o $@
endif
clean:
\t@rm -f $(M)/*.o
kernelversion:
\t@echo 6.1.0-fake
# as the kernel's scripts/coccicheck in M= mode: spatch's stderr among the results, and a
# failing spatch does not make it fail
coccicheck:
\t@echo $${SPATCH:-spatch} -D report --cocci-file $(COCCI) --dir $(M)
\t@$${SPATCH:-spatch} -D report --very-quiet --cocci-file $(COCCI) --dir $(M) 2>&1 || echo "coccicheck failed"
"""

GOOD = """\
#include <linux/usb.h>
int good_%(n)s(struct usb_device *udev)
{
	char buf[8];
	return usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 1, 0x82, 0, 0, buf, sizeof(buf), 1000);
}
"""
BROKEN = "int broken(void)\n{\n\treturn nothing_declared;\n}\n"

# a stand-in spatch: FAKE_SPATCH=ok|pylib|hang|rmout (rmout: remove $FAKE_OUTDIR, then ok)
FAKE_SPATCH = """\
#!/bin/sh
case "$1" in
--version) echo "spatch version 1.1.1 compiled with OCaml version 4.13.1"; exit 0 ;;
--help) echo "  --jobs  n"; exit 0 ;;
esac
dir=; for a; do [ "$prev" = --dir ] && dir=$a; prev=$a; done
case $FAKE_SPATCH in
pylib) echo "Py.find_library: unable to find the Python library [libpython3.11.so]" >&2; exit 1 ;;
hang) exec sleep 600 ;;
rmout) rm -rf "$FAKE_OUTDIR" ;;
esac
for f in "$dir"/good*.c; do
	[ -f "$f" ] && echo "$f:5:50-53: warning: DMA buffer is on the stack [dmacheck-dma-on-stack]"
done
exit 0
"""


def make_tree(t):
    tree = os.path.join(t, "tree")
    for d in ("include/generated", "scripts/mod", "drivers/bad", "drivers/good"):
        os.makedirs(os.path.join(tree, d))
    for f in (".config", "include/generated/autoconf.h", "scripts/mod/modpost"):
        open(os.path.join(tree, f), "w").close()
    with open(os.path.join(tree, "Makefile"), "w") as f:
        f.write(FAKE_MAKEFILE % {"inc": INCLUDE})
    for path, text in (("drivers/good/good.c", GOOD % {"n": "a"}),
                       ("drivers/bad/good.c", GOOD % {"n": "b"}),
                       ("drivers/bad/broken.c", BROKEN)):
        with open(os.path.join(tree, path), "w") as f:
            f.write(text)
    bindir = os.path.join(t, "bin")
    os.mkdir(bindir)
    with open(os.path.join(bindir, "spatch"), "w") as f:
        f.write(FAKE_SPATCH)
    os.chmod(os.path.join(bindir, "spatch"), 0o755)
    return tree, bindir


def scan_cmd(tree, *args):
    return [sys.executable, DMACHECK, "scan", "--tree", tree] + list(args)


def run(cmd, env=None):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True, env=env, timeout=300)
    return p.returncode, p.stdout, p.stderr


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        return {"error": str(e), "findings": [], "failures": []}


def where(j):
    return sorted((x["file"], x["line"], x["rule"]) for x in j["findings"])


def causes(j):
    return [(x["engine"], x["file"] or x["directory"], x["cause"]) for x in j["failures"]]


def test_broken_file(tree, t):
    js = os.path.join(t, "r.json")
    rc, out, err = run(scan_cmd(tree, "--engine", "gcc", "--format", "json", "-o", js,
                                "-j2", "drivers/bad", "drivers/good"))
    j = load(js)
    check("broken file: exit 2, the good files of its directory and the next one kept",
          rc == 2 and where(j) == [("drivers/bad/good.c", 5, "dma-on-stack"),
                                   ("drivers/good/good.c", 5, "dma-on-stack")],
          (rc, where(j), err[-1500:]))
    c = causes(j)
    check("broken file: one failure naming the file and the compiler's error",
          j.get("incomplete") is True and len(c) == 1 and c[0][:2] == ("gcc", "drivers/bad/broken.c")
          and "does not compile" in c[0][2] and "nothing_declared" in c[0][2], c)
    f = j["failures"][0] if j["failures"] else {}
    check("broken file: the tool's error lines, its status, stdout and stderr in the result",
          f.get("errors") and "error:" in f["errors"][0] and f.get("status") == 1 and
          "stdout" in f and "nothing_declared" in f.get("stderr", ""), f)
    check("broken file: the cause on stderr in one line, never make's `Error N`",
          "failed: gcc drivers/bad/broken.c: drivers/bad/broken.c does not compile" in err and
          "Error 2" not in err and "Error 1" not in err, err[-1500:])
    rc, out, err = run([sys.executable, DMACHECK, "report", js])
    check("broken file: text output ends with the failure; report of it exits 2",
          rc == 2 and out.splitlines()[0].startswith("drivers/bad/good.c:5:") and
          "dmacheck: failed: gcc drivers/bad/broken.c: " in out, (rc, out))
    rc, out, err = run([sys.executable, DMACHECK, "report", "--format", "sarif", js])
    s = json.loads(out) if out.startswith("{") else {}
    inv = s.get("runs", [{}])[0].get("invocations", [{}])[0]
    check("broken file: SARIF says executionSuccessful false with a notification per failure",
          rc == 2 and inv.get("executionSuccessful") is False and
          len(inv.get("toolExecutionNotifications", [])) == 1 and
          len(s["runs"][0]["results"]) == 2, inv)


def test_spatch(tree, bindir, t):
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"], FAKE_SPATCH="ok")
    js = os.path.join(t, "c.json")
    rc, out, err = run(scan_cmd(tree, "--engine", "gcc,cocci", "--format", "json", "-o", js,
                                "drivers/good"), env)
    j = load(js)
    check("stand-in spatch, working: exit 1, one finding from gcc and cocci",
          rc == 1 and [x["engines"] for x in j["findings"]] == [["gcc", "cocci"]] and
          not j["failures"] and j["incomplete"] is False, (rc, j, err[-800:]))
    check("cocci progress counts the directory's files, not the scripts",
          "cocci drivers/good: 1 files" in err, err[-800:])
    env["FAKE_SPATCH"] = "pylib"
    rc, out, err = run(scan_cmd(tree, "--engine", "gcc,cocci", "--format", "json", "-o", js,
                                "drivers/good"), env)
    j = load(js)
    c = causes(j)
    check("spatch without its Python library: gcc's finding kept, exit 2, the cause named "
          "once", rc == 2 and where(j) == [("drivers/good/good.c", 5, "dma-on-stack")] and
          len(c) == 1 and c[0] == ("cocci", "drivers/good", "spatch cannot load its Python "
                                   "library: run scripts/deps.sh cocci (%d scripts failed the "
                                   "same way)" % len(COCCI_SCRIPTS)),
          (rc, c, err[-800:]))
    check("spatch without its Python library: its own line and status in the result",
          j["failures"] and j["failures"][0]["status"] == 1 and
          "Py.find_library" in j["failures"][0]["stderr"] and
          "Py.find_library" in j["failures"][0]["errors"][0], j["failures"][:1])
    # the real spatch, with a python3 that does not run first on PATH: pyml's own message
    nopy = os.path.join(t, "nopy")
    os.mkdir(nopy)
    with open(os.path.join(nopy, "python3"), "w") as f:
        f.write("#!/bin/sh\nexit 1\n")
    os.chmod(os.path.join(nopy, "python3"), 0o755)
    real = dict(os.environ, PATH=nopy + os.pathsep + os.environ["PATH"])
    rc, out, err = run(scan_cmd(tree, "--engine", "gcc,cocci", "--format", "json", "-o", js,
                                "drivers/good"), real)
    j = load(js)
    c = causes(j)
    check("the real spatch unable to run Python: gcc's finding kept, exit 2, the same cause",
          rc == 2 and where(j) == [("drivers/good/good.c", 5, "dma-on-stack")] and
          len(c) == 1 and c[0][2].startswith("spatch cannot load its Python library: run "
                                             "scripts/deps.sh cocci") and
          j["failures"][0]["status"] == 255 and "Py." in j["failures"][0]["stderr"],
          (rc, j["failures"][:1], err[-800:]))
    env["FAKE_SPATCH"] = "hang"
    t0 = time.time()
    rc, out, err = run(scan_cmd(tree, "--engine", "cocci,gcc", "--format", "json", "-o", js,
                                "--timeout", "2", "drivers/good"), env)
    j = load(js)
    c = causes(j)
    check("spatch hanging past --timeout: stopped, gcc's finding kept, exit 2",
          rc == 2 and where(j) == [("drivers/good/good.c", 5, "dma-on-stack")] and
          c and "ran longer than --timeout 2 s" in c[0][2] and time.time() - t0 < 60,
          (rc, c, err[-800:]))


def test_plugin(tree, t):
    bad = os.path.join(t, "broken.so")
    with open(bad, "w") as f:
        f.write("not a shared object\n")
    js = os.path.join(t, "p.json")
    rc, out, err = run(scan_cmd(tree, "--engine", "gcc,sparse", "--plugin", bad, "--format",
                                "json", "-o", js, "drivers/good"))
    j = load(js)
    c = causes(j)
    check("plugin that does not load: sparse's finding kept, exit 2",
          rc == 2 and where(j) == [("drivers/good/good.c", 5, "dma-on-stack")] and
          j["findings"][0]["engines"] == ["sparse"], (rc, where(j), err[-800:]))
    check("plugin that does not load: gcc's own reason in one line, for the directory",
          len(c) == 1 and c[0][:2] == ("gcc", "drivers/good") and
          c[0][2].startswith("gcc cannot load the plugin %s: file too short" % bad), c)


def test_interrupt(tree, bindir, t, sig):
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"], FAKE_SPATCH="hang")
    js = os.path.join(t, "i.json")
    p = subprocess.Popen(scan_cmd(tree, "--engine", "gcc,cocci", "--format", "json", "-o", js,
                                  "drivers/good", "drivers/bad"), env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    seen = []
    t0 = time.time()
    for line in p.stderr:               # gcc is done with drivers/good, spatch hangs on it
        seen.append(line)
        if line.startswith("scan: cocci drivers/good script"):
            break
    time.sleep(0.5)
    p.send_signal(sig)
    try:
        out, err = p.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
    j = load(js)
    c = causes(j)
    name = signal.Signals(sig).name
    check("%s in the middle of a directory: exit 2, the findings until then written" % name,
          p.returncode == 2 and where(j) == [("drivers/good/good.c", 5, "dma-on-stack")] and
          time.time() - t0 < 60, (p.returncode, where(j), "".join(seen)[-500:] + err[-800:]))
    check("%s: named as the cause, where it happened" % name,
          c == [("cocci", "drivers/good", "interrupted by %s during cocci on drivers/good: the "
                 "findings made until then are kept" % name)], c)
    check("%s: no process of the scan left running" % name, not survivors(t), survivors(t))


def survivors(t):
    """Processes whose environment names this test's stand-in spatch directory."""
    mark = ("PATH=" + os.path.join(t, "bin")).encode()
    left = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/environ" % pid, "rb") as f:
                if mark in f.read():
                    left.append(pid)
        except OSError:
            pass
    return left


def test_output(tree, bindir, t):
    rc, out, err = run(scan_cmd(tree, "-o", os.path.join(t, "no-such-dir", "r.json"),
                                "drivers/good"))
    check("-o in a directory that does not exist: refused before scanning, exit 2",
          rc == 2 and "cannot write %s" % os.path.join(t, "no-such-dir", "r.json") in err and
          "scan: gcc" not in err, err)
    outdir = os.path.join(t, "out")
    os.mkdir(outdir)
    js = os.path.join(outdir, "r.json")
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"], FAKE_SPATCH="rmout",
               FAKE_OUTDIR=outdir, TMPDIR=t)
    rc, out, err = run(scan_cmd(tree, "--engine", "gcc,cocci", "--format", "json", "-o", js,
                                "drivers/good"), env)
    rescued = [os.path.join(t, f) for f in os.listdir(t) if f.startswith("dmacheck-result-")]
    j = load(rescued[0]) if len(rescued) == 1 else {"findings": [], "failures": []}
    check("-o gone at the end: the whole result in $TMPDIR, named, exit 2",
          rc == 2 and where(j) == [("drivers/good/good.c", 5, "dma-on-stack")] and
          "cannot write %s" % js in err and rescued and rescued[0] in err, (rc, rescued, err[-800:]))
    js = os.path.join(t, "atomic.json")
    with open(js, "w") as f:
        f.write("old")
    rc, out, err = run(scan_cmd(tree, "--format", "json", "-o", js, "drivers/good"))
    check("-o written whole through a rename: the old file replaced, no temporary left",
          rc == 1 and load(js).get("format") == "dmacheck-findings" and
          not [f for f in os.listdir(t) if f.startswith(".atomic.json")], (rc, err[-500:]))


def test_paths(tree):
    rc, out, err = run(scan_cmd(tree, "/nonexistent"))
    check("an absolute DIR outside the tree is named as given",
          rc == 2 and "dmacheck: /nonexistent is not a directory of %s" % tree in err, err)
    rc, out, err = run(scan_cmd(tree, "--format", "json", os.path.join(tree, "drivers/good")))
    check("an absolute DIR inside the tree is scanned as its relative path",
          rc == 1 and json.loads(out)["directories"] == ["drivers/good"], (rc, err[-500:]))


REAL_KBUILD = "obj-m += good.o broken.o\n"
REAL_GOOD = """\
// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/usb.h>
int dmacheck_fault_good(struct usb_device *udev)
{
	char buf[8];
	return usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 1, 0x82, 0, 0, buf, sizeof(buf), 1000);
}
EXPORT_SYMBOL_GPL(dmacheck_fault_good);
MODULE_LICENSE("GPL");
"""


def test_real(tree):
    """The real kbuild: a directory with a file that does not compile, gcc and sparse."""
    d = tempfile.mkdtemp(prefix="dmacheck-faults-", dir=os.path.join(tree, "drivers"))
    rel = os.path.relpath(d, tree)
    try:
        with open(os.path.join(d, "Kbuild"), "w") as f:
            f.write(REAL_KBUILD)
        with open(os.path.join(d, "good.c"), "w") as f:
            f.write(REAL_GOOD)
        with open(os.path.join(d, "broken.c"), "w") as f:
            f.write("// SPDX-License-Identifier: GPL-2.0\n" + BROKEN)
        with tempfile.TemporaryDirectory() as t:
            js = os.path.join(t, "r.json")
            rc, out, err = run(scan_cmd(tree, "--engine", "gcc,sparse", "--format", "json",
                                        "-o", js, "-j2", rel))
            j = load(js)
            c = causes(j)
            check("real kbuild, a file that does not compile: the other's finding from gcc and "
                  "sparse, exit 2", rc == 2 and where(j) == [(rel + "/good.c", 7, "dma-on-stack")]
                  and j["findings"][0]["engines"] == ["gcc", "sparse"], (rc, where(j), err[-1500:]))
            check("real kbuild: the broken file named by both engines with the compiler's error",
                  sorted(x[:2] for x in c) == [("gcc", rel + "/broken.c"), ("sparse", rel + "/broken.c")]
                  and all("nothing_declared" in x[2] for x in c), c)
    finally:
        shutil.rmtree(d, ignore_errors=True)


CAUSES = [   # (engine, the tool's output, what the one-line cause must say)
    ("gcc", "drivers/x/a.c:9:1: internal compiler error: Segmentation fault\n"
     "make[2]: *** [scripts/Makefile.build:250: drivers/x/a.o] Error 1\n",
     "gcc crashed on drivers/x/a.c: internal compiler error: Segmentation fault"),
    ("gcc", "gcc: fatal error: Killed signal terminated program cc1\n",
     "cc1 was killed on drivers/x/a.c (out of memory?): scan again with a lower -j"),
    ("gcc", "cc1: error: incompatible gcc/plugin versions\ncc1: error: failed to initialize "
     "plugin /p/dmacheck.so\n", "the plugin was built by another GCC than the one that builds"),
    ("gcc", "drivers/x/a.c:3:1: fatal error: error writing to /tmp/ccX.s: No space left on "
     "device\n", "the disk is full (No space left on device) while gcc ran on drivers/x/a.c"),
    ("cocci", "Fatal error: exception Sys_error(\"x.cocci: No such file or directory\")\n",
     "spatch failed on drivers/x/a.c: exception Sys_error"),
    ("sparse", "make[1]: *** [Makefile:1: x] Error 2\nmake: *** [Makefile:2: all] Error 2\n",
     "sparse failed on drivers/x/a.c (exit 2) without an error message of its own"),
    ("sparse", "ERROR: modpost: missing MODULE_LICENSE() in drivers/x/a.o\n"
     "make[1]: *** [scripts/Makefile.modpost:126: Module.symvers] Error 1\n",
     "sparse failed on drivers/x/a.c: ERROR: modpost: missing MODULE_LICENSE()"),
]


def test_causes():
    sys.path.insert(0, ROOT)
    from scan import faults
    for engine, text, want in CAUSES:
        got = faults.cause_of(engine, text, "drivers/x/a.c", 2)
        check("cause, %s: %s" % (engine, want[:60]), want in got and "Error 2" not in got and
              "\n" not in got, got)


def main():
    tree = None
    if len(sys.argv) == 3 and sys.argv[1] == "--tree":
        tree = sys.argv[2]
    elif len(sys.argv) != 1:
        print("usage: test_faults.py [--tree TREE]", file=sys.stderr)
        return 2
    for need in (PLUGIN, SPARSE):
        if not os.path.exists(need):
            check("%s is built (make plugin sparse)" % need, False)
    if T.failed:
        T.count_line()
        return 1
    test_causes()
    with tempfile.TemporaryDirectory(prefix="dmacheck-faults-") as t:
        ftree, bindir = make_tree(t)
        test_broken_file(ftree, t)
        test_spatch(ftree, bindir, t)
        test_plugin(ftree, t)
        test_interrupt(ftree, bindir, t, signal.SIGTERM)
        test_interrupt(ftree, bindir, t, signal.SIGINT)
        test_output(ftree, bindir, t)
        test_paths(ftree)
    if tree:
        test_real(tree)
    return T.summary()


if __name__ == "__main__":
    sys.exit(main())
