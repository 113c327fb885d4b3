#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""scan/tests/test_checkpatch.py - tests of `dmacheck check-patch`, the 0-day format and the
commands' help.

Without a tree: reading patches (a plain diff, a format-patch mail, an mbox of three in
order), applying hunks (offsets, a hunk that does not match), checkpatch's "lines checked"
count, the 0-day layout with a baseline (`report --format 0day --baseline`), usage errors,
and that every option of every subcommand is in its --help with an example.
With --tree TREE (Debian's prepared 6.1): the patches of testsuite/patches/ (README.md
there says what each does) through `dmacheck check-patch`: each mission rule's bug
introduced (exit 1, the rule's type on the patch's own line), a live alauda bug fixed
(FIXED lines, exit 0), code moved unchanged (silent), a patch that does not apply (exit 2),
a patch the tree already has (checked against the tree without it),
the series of three as one mbox and as --git HEAD~3.. of a git repository kept outside the
tree (GIT_DIR, GIT_WORK_TREE; commits made from the index) (the header change
that turns a wrapper into a sink reported on the header's line), a file that does not build
before the patch (exit 2), stdin, --terse, the sparse and cocci engines on one patch, and the output
parsed with the same parser as the tree's own scripts/checkpatch.pl output on the same
patch (same "lines checked"). The tree is checked to be untouched (no file added, removed
or changed in the directories the patches touch).
Prints PASS/FAIL per check and "check-patch-tests: N passed, N failed". Python 3 stdlib.
"""

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import tap  # scan/tests/tap.py: the script's own directory is on sys.path

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)
from scan import catalogue, checkpatch, cli, findings, formats, onefile, patchfile, paths, zeroday  # noqa

DMACHECK = os.path.join(ROOT, "bin", "dmacheck")
PATCHES = os.path.join(ROOT, "testsuite", "patches")
T = tap.Tap("check-patch-tests", limit=3000)
check = T.check


def run(args, stdin=None, cwd=None):
    p = subprocess.run([sys.executable, DMACHECK] + args, input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


# ---------------------------------------------------------------------------------------
# checkpatch.pl's output, read the way tools read it (patchwork's and b4's checks match
# these lines); used on dmacheck's output and on the real checkpatch.pl's alike.

REPORT = re.compile(r'^(ERROR|WARNING|CHECK):([A-Z0-9_]+): (.*)$')
WHERE = re.compile(r'^#(\d+): FILE: (\S+):(\d+):$')
TOTAL = re.compile(r'^total: (\d+) errors, (\d+) warnings, (?:(\d+) checks, )?(\d+) lines checked$')
VERDICT = re.compile(r'^(.*) has (no obvious style problems and is ready for submission|'
                     r'style problems, please review)\.$')


def parse_output(text):
    """[{name, reports: [(level, type, msg, patchline, file, line, text)], total, clean}]"""
    out = []
    cur = {"name": None, "reports": [], "total": None, "clean": None, "fixed": []}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = REPORT.match(ln)
        if m:
            w = WHERE.match(lines[i + 1]) if i + 1 < len(lines) else None
            if w:
                cur["reports"].append((m.group(1), m.group(2), m.group(3), int(w.group(1)),
                                       w.group(2), int(w.group(3)), lines[i + 2]))
                i += 3
                continue
            cur["reports"].append((m.group(1), m.group(2), m.group(3), 0, "", 0, ""))
        if ln.startswith("FIXED:"):
            cur["fixed"].append(ln)
        m = TOTAL.match(ln)
        if m:
            cur["total"] = (int(m.group(1)), int(m.group(2)), int(m.group(4)))
        m = VERDICT.match(ln)
        if m:
            cur["name"] = m.group(1)
            cur["clean"] = m.group(2).startswith("no obvious")
            out.append(cur)
            cur = {"name": None, "reports": [], "total": None, "clean": None, "fixed": []}
        i += 1
    return out


# ---------------------------------------------------------------------------------------
# without a tree

DIFF = """\
--- a/drivers/x/a.c
+++ b/drivers/x/a.c
@@ -2,3 +2,4 @@ int f(void)
 {
-	int x;
+	int x = 1;
+	int y;
 	return 0;
"""


def test_read_and_apply():
    ps = patchfile.read(DIFF, "a.diff")
    check("read: a plain diff is one patch of one file",
          len(ps) == 1 and [f.path for f in ps[0].files] == ["drivers/x/a.c"])
    old = ["/* top */", "int f(void)", "{", "\tint x;", "\treturn 0;", "}"]
    new, added, removed = patchfile.apply(ps[0].files[0], old)
    check("apply: lines and where each added line went",
          new == ["/* top */", "int f(void)", "{", "\tint x = 1;", "\tint y;", "\treturn 0;", "}"]
          and added == {4: (6, "\tint x = 1;"), 5: (7, "\tint y;")} and
          removed == {4: (5, "\tint x;")}, (new, added, removed))
    new, added, _ = patchfile.apply(ps[0].files[0], ["/* a */", "/* b */"] + old)
    check("apply: a hunk found two lines further down (offset)", added.get(6) == (6, "\tint x = 1;")
          and new[5] == "\tint x = 1;", added)
    try:
        patchfile.apply(ps[0].files[0], ["int f(void)", "{", "\tint z;", "\treturn 0;"])
        check("apply: a hunk whose lines are not there fails", False)
    except patchfile.PatchError as e:
        check("apply: a hunk whose lines are not there fails", "does not apply" in str(e), e)
    with open(os.path.join(PATCHES, "series-karma.mbox")) as f:
        mbox = f.read()
    ps = patchfile.read(mbox, "series-karma.mbox")
    check("read: an mbox of three mails is three patches, in order",
          [p.subject[:13] for p in ps] == ["[PATCH 1/3] u", "[PATCH 2/3] u", "[PATCH 3/3] u"] and
          [[f.path for f in p.files] for p in ps] == [
              ["drivers/usb/storage/karma.c", "drivers/usb/storage/transport.h"],
              ["drivers/usb/storage/transport.h"], ["drivers/usb/storage/karma.c"]],
          [(p.subject, [f.path for f in p.files]) for p in ps])
    check("read: '#N' counts lines of each mail on its own",
          ps[1].text.split("\n")[0].startswith("From ") and
          all(h.header_line < len(p.text.split("\n")) for p in ps for f in p.files
              for h in f.hunks))
    quilt = "Index: linux/drivers/x/a.c\n" + "=" * 67 + "\n" + \
        DIFF.replace("a/drivers", "linux.orig/drivers").replace("b/drivers", "linux/drivers")
    ps = patchfile.read(quilt, "q.patch")
    check("read: a quilt patch (Index: line, -p1 paths of any name) is a diff, not a mail",
          len(ps) == 1 and ps[0].files[0].path == "drivers/x/a.c" and
          ps[0].files[0].hunks[0].header_line == 5, [(f.path, f.hunks) for p in ps for f in p.files])
    cover = ("From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n"
             "From: A <a@b.invalid>\nSubject: [PATCH 0/1] cover\n\nwhy\n-- \n2.39\n")
    qp = ("From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n"
          "From: A <a@b.invalid>\nSubject: [PATCH 1/1] x\nMIME-Version: 1.0\n"
          "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable"
          "\n\nx\n---\n" + DIFF.replace("int x = 1;", "int x =3D 1;") + "-- \n2.39\n")
    ps = patchfile.read(cover + qp, "s.mbox")
    check("read: an mbox's cover letter is left out; a quoted-printable mail is decoded",
          len(ps) == 1 and ps[0].subject == "[PATCH 1/1] x" and (ps[0].number, ps[0].total) ==
          (1, 1) and patchfile.apply(ps[0].files[0], old)[0][3] == "\tint x = 1;",
          [(p.subject, p.text) for p in ps])
    check("checkpatch lines: a hunk of 4 new lines and 1 removed line is 5 lines",
          patchfile.checkpatch_lines(DIFF) == 5, patchfile.checkpatch_lines(DIFF))
    check("type names come from the slug", checkpatch.type_name("dma-on-stack") ==
          "DMACHECK_DMA_ON_STACK")


def test_zeroday():
    rules = catalogue.load(paths.rules_def())

    def F(line, slug, fn):
        f = findings.Finding("drivers/x/a.c", line, 3, slug, rules[slug].message, "gcc")
        f.function, f.dir = fn, "drivers/x"
        return f
    old = [F(10, "dma-on-stack", "probe")]
    new = [F(14, "dma-on-stack", "probe"), F(30, "urb-dma-flag-missing", "submit")]
    res = {"tree": "/T", "kernel": "6.1", "directories": ["drivers/x"], "engines": ["gcc"]}
    with tempfile.TemporaryDirectory() as t:
        for name, fs in (("old.json", old), ("new.json", new)):
            with open(os.path.join(t, name), "w") as fp:
                json.dump(formats.as_json(dict(res, findings=fs), rules), fp)
        rc, out, err = run(["report", "--format", "0day", "--baseline", os.path.join(t, "old.json"),
                            os.path.join(t, "new.json")])
    want = ("New dmacheck warnings:\n"
            "drivers/x/a.c:30 submit() warn: urb->transfer_dma is set but URB_NO_TRANSFER_DMA_MAP "
            "is not [dmacheck-urb-dma-flag-missing]\n\n"
            "Old dmacheck warnings:\n"
            "drivers/x/a.c:14 probe() error: DMA buffer is on the stack [dmacheck-dma-on-stack]\n")
    check("0day: report --format 0day --baseline: New then Old, warn|error from rules.def, exit 1",
          rc == 1 and out == want, (rc, out, err))
    out = io.StringIO()
    zeroday.write(out, dict(res, findings=[F(5, "usb-dma-mask", "")]), rules)
    check("0day: without a baseline every finding is new; no function, no '()'",
          out.getvalue() == "New dmacheck warnings:\ndrivers/x/a.c:5 error: DMA mask set on a "
          "USB interface or USB device [dmacheck-usb-dma-mask]\n", out.getvalue())


def test_help_and_usage():
    parsers = {"scan": cli.scan_parser(), "report": cli.report_parser(),
               "check-patch": checkpatch.parser()}
    rc, top, _ = run(["--help"])
    check("dmacheck --help names every command, with examples",
          rc == 0 and all(c in top for c in cli.COMMANDS) and "examples:" in top, top)
    for cmd, ap in parsers.items():
        rc, text, err = run([cmd, "--help"])
        missing = []
        for act in ap._actions:
            if act.help == "==SUPPRESS==" or act.dest == "help":
                continue
            names = act.option_strings or [act.metavar or act.dest]
            if not all(n in text for n in names) or "e.g." not in (act.help or "") and \
                    act.option_strings:
                missing.append("/".join(names))
        check("%s --help: every option explained, each with an example (%d)" % (cmd, len(
            ap._actions) - 1), rc == 0 and not missing and "examples:" in text, (missing, err))
    rc, out, err = run(["check-patch"])
    check("check-patch without patches: exit 2, says what to give",
          rc == 2 and "give patch files" in err, err)
    rc, out, err = run(["check-patch", "--engine", "lint", "x.patch"])
    check("check-patch --engine lint: exit 2", rc == 2 and "unknown engine lint" in err, err)
    with tempfile.TemporaryDirectory() as t:
        p = os.path.join(t, "notes.txt")
        with open(p, "w") as f:
            f.write("just some text\n")
        rc, out, err = run(["check-patch", "--tree", t, p])
        check("check-patch on a file that is no patch: exit 2, checkpatch's words",
              rc == 2 and "does not appear to be a unified-diff format patch" in err, err)
        rc, out, err = run(["check-patch", "--tree", t, os.path.join(t, "nope.patch")])
        check("check-patch on a missing file: exit 2", rc == 2 and "No such file" in err, err)


# ---------------------------------------------------------------------------------------
# with the tree

def cp(tree, *args, stdin=None, cwd=None):
    return run(["check-patch", "--tree", tree] + list(args), stdin=stdin, cwd=cwd)


def patch_line(name, n):
    with open(os.path.join(PATCHES, name)) as f:
        return f.read().split("\n")[n - 1]


def snapshot(tree, dirs):
    snap = {}
    for d in dirs:
        for e in sorted(os.listdir(os.path.join(tree, d))):
            st = os.stat(os.path.join(tree, d, e))
            snap[os.path.join(d, e)] = (st.st_size, st.st_mtime_ns)
    return snap


INTRO = [("intro-dma-on-stack.patch", "ERROR", "DMACHECK_DMA_ON_STACK", 2,
          "drivers/usb/misc/cytherm.c", "+\tunsigned char buffer[8];"),
         ("intro-usb-dma-mask.patch", "ERROR", "DMACHECK_USB_DMA_MASK", 1,
          "drivers/usb/misc/ldusb.c", "+\tretval = dma_set_mask(&intf->dev, DMA_BIT_MASK(32));"),
         ("intro-urb-dma-flag-missing.patch", "WARNING", "DMACHECK_URB_DMA_FLAG_MISSING", 1,
          "drivers/usb/misc/usblcd.c", "-\turb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;"),
         ("intro-urb-dma-handle-missing.patch", "ERROR", "DMACHECK_URB_DMA_HANDLE_MISSING", 1,
          "drivers/usb/misc/usblcd.c", "+\tbuf = kmalloc(count, GFP_KERNEL);")]


def test_tree(tree):
    dirs = ["drivers/usb/misc", "drivers/usb/storage"]
    snap = snapshot(tree, dirs)
    checkpatch_pl = os.path.join(tree, "scripts", "checkpatch.pl")
    for name, level, typ, count, path, text in INTRO:
        rc, out, err = cp(tree, os.path.join(PATCHES, name))
        res = parse_output(out)
        ok = rc == 1 and len(res) == 1 and res[0]["clean"] is False and \
            len(res[0]["reports"]) == count and \
            all(r[:2] == (level, typ) and r[4] == path and r[6] == text and
                patch_line(name, r[3]) == text for r in res[0]["reports"]) and \
            res[0]["total"][:2] == ((count, 0) if level == "ERROR" else (0, count))
        check("%s: exit 1, %d %s:%s on the patch's own line %s" % (name, count, level, typ, text),
              ok, (rc, out, err))
        real = subprocess.run(["perl", checkpatch_pl, "--no-tree", "--show-types",
                               os.path.join(PATCHES, name)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, universal_newlines=True)
        rp = parse_output(real.stdout)
        check("%s: checkpatch.pl's own output parses the same way, same lines checked (%s)"
              % (name, rp and rp[0]["total"] and rp[0]["total"][2]),
              len(rp) == 1 and res and rp[0]["total"][2] == res[0]["total"][2] and
              rp[0]["name"] == res[0]["name"], (real.stdout, out))
    rc, out, err = cp(tree, os.path.join(PATCHES, "fix-alauda.patch"))
    res = parse_output(out)
    check("fix-alauda.patch: the two stack buffers of alauda_check_status2() FIXED, clean, exit 0",
          rc == 0 and len(res) == 1 and res[0]["clean"] and not res[0]["reports"] and
          len(res[0]["fixed"]) == 2 and all("alauda_check_status2()" in f and
                                            f.startswith("FIXED:DMACHECK_DMA_ON_STACK: ")
                                            for f in res[0]["fixed"]), (rc, out, err))
    rc, out, err = cp(tree, os.path.join(PATCHES, "move-alauda.patch"))
    res = parse_output(out)
    check("move-alauda.patch: moving a function with live findings is silent, exit 0",
          rc == 0 and len(res) == 1 and res[0]["clean"] and not res[0]["reports"] and
          not res[0]["fixed"], (rc, out, err))
    rc, out, err = cp(tree, os.path.join(PATCHES, "does-not-apply.patch"))
    check("does-not-apply.patch: exit 2, names the file and hunk",
          rc == 2 and "does not apply" in err and "alauda.c: hunk #1" in err and out == "",
          (rc, out, err))
    rc, out, err = cp(tree, "--terse", "--no-summary", "-",
                      stdin=open(os.path.join(PATCHES, "already-applied.patch")).read())
    check("already-applied.patch (the tree has it, as a pre-commit hook or b4 prep --check sees "
          "a change): checked against the tree without it; b4's --terse --no-summary form",
          rc == 1 and out == "drivers/usb/storage/alauda.c:503: ERROR: DMA buffer is on the "
          "stack\ndrivers/usb/storage/alauda.c:507: ERROR: DMA buffer is on the stack\n" and
          "is already in" in err, (rc, out, err))
    series = os.path.join(PATCHES, "series-karma.mbox")
    rc, out, err = cp(tree, series)
    res = parse_output(out)
    ok = rc == 1 and len(res) == 3 and [r["clean"] for r in res] == [True, False, True] and \
        [r["name"][:13] for r in res] == ['"[PATCH 1/3] ', '"[PATCH 2/3] ', '"[PATCH 3/3] '] and \
        len(res[1]["reports"]) == 1 and res[1]["reports"][0][4] == \
        "drivers/usb/storage/transport.h" and "karma.c:178:18: error: DMA buffer is on the " \
        "stack" in out and len(res[2]["fixed"]) == 1 and \
        len(re.findall(r'^-{20,}$', out, re.M)) == 6
    check("series-karma.mbox: three patches in order; the header change that turns "
          "us_read_reg() into a sink is reported on its line, the caller in karma.c in the "
          "notes; the third FIXES it", ok, (rc, out, err))
    with open(series) as f:
        rc2, out2, err2 = cp(tree, "-", stdin=f.read())
    check("stdin: the same as the file", rc2 == rc and out2 == out, (rc2, out2, err2))
    rc, out, err = cp(tree, "--terse", series)
    check("--terse: FILE:LINE: SEVERITY: message, the total of the patch that is not clean",
          rc == 1 and out == "drivers/usb/storage/transport.h:92: ERROR: DMA buffer is on the "
          "stack\ntotal: 1 errors, 0 warnings, 13 lines checked\n", (rc, out, err))
    test_git(tree)
    for eng in ("sparse", "cocci"):
        rc, out, err = cp(tree, "--engine", eng, "--terse",
                          os.path.join(PATCHES, "intro-usb-dma-mask.patch"))
        check("--engine %s on a single file: the same finding, exit 1" % eng,
              rc == 1 and out == "drivers/usb/misc/ldusb.c:684: ERROR: DMA mask set on a USB "
              "interface or USB device\ntotal: 1 errors, 0 warnings, 18 lines checked\n",
              (rc, out, err))
    cmds = onefile.Commands(tree)
    ser = snapshot(tree, ["drivers/usb/serial"])
    cc = cmds.compile("drivers/usb/serial/ftdi_sio.c")
    check("compile command of an object the tree has not built: kbuild's dry run of it",
          cc is not None and cc.startswith("gcc -Wp,-MMD,") and cc.endswith(
              " -c -o drivers/usb/serial/ftdi_sio.o drivers/usb/serial/ftdi_sio.c") and
          "-DKBUILD_MODNAME=" in cc and snapshot(tree, ["drivers/usb/serial"]) == ser, cc)
    check("a file the config does not build (usb-storage's debug.c without "
          "CONFIG_USB_STORAGE_DEBUG) has no command", cmds.compile(
              "drivers/usb/storage/debug.c") is None and cmds.compile(
              "drivers/usb/storage/usb.c") is not None)
    check("the tree is untouched (%s)" % ", ".join(dirs), snapshot(tree, dirs) == snap)


def git(gitdir, tree, *args, stdin=None):
    """git on a repository kept in gitdir whose work tree is the kernel tree: nothing is
    written into the tree (commits are made from the index, never checked out)."""
    env = dict(os.environ, GIT_DIR=gitdir, GIT_WORK_TREE=tree, GIT_AUTHOR_NAME="T",
               GIT_AUTHOR_EMAIL="t@t.invalid", GIT_COMMITTER_NAME="T",
               GIT_COMMITTER_EMAIL="t@t.invalid")
    p = subprocess.run(["git"] + list(args), input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, universal_newlines=True, env=env, cwd=tree)
    if p.returncode:
        raise RuntimeError("git %s: %s" % (args, p.stdout))
    return p.stdout


def test_git(tree):
    with tempfile.TemporaryDirectory() as t:
        gd = os.path.join(t, "repo.git")
        git(gd, tree, "init", "-q")
        git(gd, tree, "add", "-f", "drivers/usb/storage/karma.c", "drivers/usb/storage/transport.h")
        git(gd, tree, "commit", "-q", "-m", "base")
        for p in patchfile.read(open(os.path.join(PATCHES, "series-karma.mbox")).read(), "s"):
            git(gd, tree, "apply", "--cached", "-", stdin=p.text)
            git(gd, tree, "commit", "-q", "-m", p.subject)
        env = dict(os.environ, GIT_DIR=gd, GIT_WORK_TREE=tree)

        def cpg(*args):
            p = subprocess.run([sys.executable, DMACHECK, "check-patch", "--tree", tree] +
                               list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True, env=env)
            return p.returncode, p.stdout, p.stderr
        rc, out, err = cpg("--git", "HEAD~3..")
        res = parse_output(out)
        check("--git HEAD~3..: three commits, 'Commit <sha> (\"subject\")', the same verdicts",
              rc == 1 and [r["clean"] for r in res] == [True, False, True] and
              all(r["name"].startswith("Commit ") for r in res) and
              res[1]["reports"][0][4] == "drivers/usb/storage/transport.h", (rc, out, err))
        rc, out, err = cpg("--git", "HEAD~1")
        res = parse_output(out)
        check("--git HEAD~1: that one commit (the header change; the work tree is older than "
              "its parent: the files it lacks come from git), exit 1",
              rc == 1 and len(res) == 1 and len(res[0]["reports"]) == 1 and
              "-" * 10 not in out, (rc, out, err))
        # a base that does not build: the patch cannot be judged
        with open(os.path.join(tree, "drivers/usb/storage/karma.c")) as f:
            src = f.read()
        broken = src.replace("static int rio_karma_init(struct us_data *us)\n{",
                             "static int rio_karma_init(struct us_data *us)\n{\n\tint x = ;", 1)
        for text, msg in ((broken, "break karma.c"), (broken + "/* a comment */\n", "comment")):
            blob = git(gd, tree, "hash-object", "-w", "--stdin", stdin=text).strip()
            git(gd, tree, "update-index", "--cacheinfo",
                "100644,%s,drivers/usb/storage/karma.c" % blob)
            git(gd, tree, "commit", "-q", "-m", msg)
        rc, out, err = cpg("--git", "HEAD")
        check("a file that does not build before the patch: exit 2, names it and the error",
              rc == 2 and "does not build before the patch" in err and "karma.c" in err and
              "error:" in err, (rc, out, err))


def main():
    tree = None
    if len(sys.argv) == 3 and sys.argv[1] == "--tree":
        tree = sys.argv[2]
    elif len(sys.argv) != 1:
        print("usage: test_checkpatch.py [--tree TREE]", file=sys.stderr)
        return 2
    test_read_and_apply()
    test_zeroday()
    test_help_and_usage()
    if tree:
        test_tree(tree)
    return T.summary()


if __name__ == "__main__":
    sys.exit(main())
