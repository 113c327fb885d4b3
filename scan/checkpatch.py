# SPDX-License-Identifier: GPL-2.0
"""scan/checkpatch.py - `dmacheck check-patch`: what a patch introduces, in checkpatch.pl's
format (docs/check-patch.md).

  dmacheck check-patch [--tree DIR | --kernel 6.1|6.12] [--engine gcc,sparse,cocci] [--terse] PATCH...|-
  dmacheck check-patch [--tree DIR] --git REV|REV..REV

Each patch (every file given, every mail of an mbox, every commit of --git) is applied in
memory on top of the ones before it; for every C file it touches, and every C file that
uses a macro or inline function a touched header changes, the engines run before and after
the patch with the tree's own compile command (scan/onefile.py: nothing is written into the
tree, no index is touched). A finding is reported when it is new after the patch, matched as
--baseline matches (file, function, rule; not line), and the patch reaches it: its line, one
of its notes' lines, its function or a function its notes name has lines the patch adds
(else lines the patch removes in its function, shown as "-" lines). Findings the patch
removes are listed as "FIXED:" lines, not counted.

Output per patch, as `scripts/checkpatch.pl --show-types` prints it (6.1):
  ERROR:DMACHECK_DMA_ON_STACK: DMA buffer is on the stack
  #45: FILE: drivers/usb/storage/alauda.c:509:
  +	rc = usb_stor_ctrl_transfer(us, us->recv_ctrl_pipe,
      drivers/usb/storage/alauda.c:503:23: note: 'command' declared here
  <blank>
  total: 1 errors, 0 warnings, 12 lines checked
  <blank>
  0001-foo.patch has style problems, please review.
with the dashed name header before each when more than one patch is checked. --terse:
"FILE:LINE: SEVERITY: message" lines and the total line when not clean (checkpatch's
--terse --showfile). Exit 0 clean, 1 a patch introduces a finding, 2 usage error, a patch
that does not apply, a file that does not build before (or after) the patch.
Limits: a C file the tree's config does not build is not checked (said on stderr); a
header's users are looked for in its own directory and the directories of the patch's C
files (a tree-wide header change is a job for `dmacheck scan --baseline`); in --git mode the
touched files and every file the work tree has changed since the first commit's parent come from
git (the tree must be the git work tree: its top or GIT_DIR/GIT_WORK_TREE), the rest from the
work tree.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from . import baseline as B
from . import catalogue
from . import findings as F
from . import kernels
from . import onefile
from . import patchfile
from . import paths

MAX_USERS = 30      # C files checked for one changed header


class UsageError(Exception):
    pass


def type_name(slug):
    return "DMACHECK_" + slug.upper().replace("-", "_")


# ---------------------------------------------------------------------------------------
# Where the patches and the files before them come from

class TreeFiles:
    """The files as the tree has them (patch files given on the command line)."""

    def __init__(self, tree):
        self.tree = tree

    def read(self, rel):
        try:
            with open(os.path.join(self.tree, rel), encoding="utf-8", errors="surrogateescape") as f:
                return patchfile.lines_of(f.read())
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return None


class GitFiles:
    """The files as commit `base` of a git repository has them."""

    def __init__(self, repo, base):
        self.repo, self.base = repo, base

    def read(self, rel):
        p = subprocess.run(["git", "-C", self.repo, "show", "%s:%s" % (self.base, rel)],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if p.returncode != 0:
            return None
        return patchfile.lines_of(p.stdout.decode("utf-8", errors="surrogateescape"))


def git(repo, *args):
    p = subprocess.run(["git", "-C", repo] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True, errors="replace")
    if p.returncode != 0:
        err = p.stderr.strip().splitlines()
        raise UsageError("git %s: %s" % (" ".join(args), err[-1] if err else
                                         "exit %d" % p.returncode))
    return p.stdout


def git_patches(repo, rev):
    """(patches, base commit) of --git REV (that commit) or REV..REV (every non-merge commit
    of the range, oldest first), as checkpatch.pl -g takes them."""
    if ".." in rev:
        shas = git(repo, "rev-list", "--reverse", "--no-merges", rev).split()
    else:
        shas = git(repo, "rev-list", "--no-merges", "-1", rev).split()
    if not shas:
        raise UsageError("--git %s: no commits" % rev)
    base = git(repo, "rev-parse", "--verify", "-q", shas[0] + "^").strip()
    patches = []
    for i, sha in enumerate(shas):
        text = git(repo, "format-patch", "--stdout", "-1", "--no-signature", sha)
        subject = git(repo, "log", "-1", "--format=%s", sha).strip()
        p = patchfile.Patch("Commit %s (\"%s\")" % (sha[:12], subject), subject, text,
                            i + 1, len(shas))
        p.files = patchfile.parse_diff(text)
        p.vname = p.name
        patches.append(p)
    return patches, base


def file_patches(names):
    out = []
    for name in names:
        if name == "-":
            text = sys.stdin.read()
        else:
            try:
                with open(name, encoding="utf-8", errors="surrogateescape") as f:
                    text = f.read()
            except OSError as e:
                raise UsageError("%s: %s" % (name, e.strerror))
        ps = patchfile.read(text, name)
        if not any(p.files for p in ps):
            raise UsageError("%s: does not appear to be a unified-diff format patch" % name)
        for p in ps:
            if len(ps) > 1 or name == "-":
                p.vname = '"%s"' % p.subject if p.subject else (
                    "Your patch" if name == "-" else "%s (%d/%d)" % (name, p.number, p.total))
            else:
                p.vname = name
        out += ps
    return out


# ---------------------------------------------------------------------------------------
# Which C files a patch can change findings of

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
DEFINE = re.compile(r'^\s*#\s*define\s+(\w+)')
WORD = re.compile(r'\b[A-Za-z_]\w{3,}\b')
C_WORDS = {"static", "inline", "struct", "return", "const", "unsigned", "void", "char",
           "sizeof", "while", "break", "continue", "union", "enum", "extern", "signed",
           "define", "include", "endif", "ifdef", "ifndef", "else", "switch", "case", "default"}


def changed_names(lines, changed):
    """Functions and macros of a header whose lines `changed` (1-based) are in; the words of
    a changed line outside both (a prototype, a struct member)."""
    names = set()
    for n in changed:
        i = n - 1
        while i > 0 and i - 1 < len(lines) and lines[i - 1].rstrip().endswith("\\"):
            i -= 1
        m = DEFINE.match(lines[i]) if 0 <= i < len(lines) else None
        if m:
            names.add(m.group(1))
            continue
        fn = _function_of(lines, n)
        if not fn:              # a declarator line: the function whose body follows
            j = n
            while j < min(len(lines), n + 8) and not lines[j - 1].rstrip().endswith((";", "}")):
                if lines[j].startswith("{"):
                    fn = _function_of(lines, j + 1)
                    break
                j += 1
        if fn:
            names.add(fn)
        elif 0 < n <= len(lines):
            code = re.sub(r'/\*.*?(\*/|$)|^\s*\*.*$|//.*$', '', lines[n - 1])
            names |= set(WORD.findall(code)) - C_WORDS
    return names


def _function_of(lines, n):
    return F.enclosing_function_of(lines, n)


def header_users(tree, state, header, names, extra_dirs):
    """C files in the header's directory (and extra_dirs) that include it and use a name."""
    dirs = set(extra_dirs)
    if not re.match(r'(include|arch/[^/]+/include)/', header):
        dirs.add(os.path.dirname(header))
    base = os.path.basename(header)
    inc_as = {base}
    m = re.match(r'(?:arch/[^/]+/)?include/(?:uapi/)?(.*)$', header)
    if m:
        inc_as.add(m.group(1))
    users = []
    for d in sorted(dirs):
        try:
            entries = sorted(os.listdir(os.path.join(tree, d)))
        except OSError:
            entries = []
        for e in entries:
            rel = os.path.join(d, e)
            if not e.endswith(".c") or e.endswith(".mod.c"):
                continue
            if rel in state and state[rel] is None:
                continue                # deleted by the patches
            src = state.get(rel)
            text = "\n".join(src) if src is not None else _read(os.path.join(tree, rel))
            if not any(os.path.basename(i) == base and (i == base or i in inc_as or
                                                        "/" not in i or i.startswith("../"))
                       for i in INCLUDE.findall(text)):
                continue
            if names and not any(re.search(r'\b%s\b' % re.escape(nm), text) for nm in names):
                continue
            users.append(rel)
    return users


def _read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


# ---------------------------------------------------------------------------------------
# One patch

class Checked:
    """What one patch introduces and fixes."""

    def __init__(self, patch):
        self.patch = patch
        self.reports = []       # (patch line, severity, type, message, FILE:line, text, notes)
        self.fixed = []         # (type, message, where)
        self.unreached = 0
        self.skipped = []       # C files the config does not build
        self.reverted = False   # the tree had the patch already: checked against its reverse


class Checker:
    def __init__(self, tree, engines, base_files, rules, plugin=None, checker=None,
                 verbose=True):
        self.tree, self.engines, self.base, self.rules = tree, engines, base_files, rules
        self.plugin, self.checker = plugin, checker
        self.cmds = onefile.Commands(tree)
        self.state = {}         # path -> lines (None: deleted) after the patches so far
        self.scratch = tempfile.mkdtemp(prefix="dmacheck-check-patch.")
        self.serial = 0
        self.verbose = verbose

    def close(self):
        shutil.rmtree(self.scratch, ignore_errors=True)

    def current(self, rel):
        return self.state[rel] if rel in self.state else self.base.read(rel)

    def _materialize(self, state, extra):
        """A scratch directory with every file of `state` and the files `extra`."""
        self.serial += 1
        root = os.path.join(self.scratch, "s%d" % self.serial)
        files = dict(state)
        for rel in extra:
            if rel not in files:
                files[rel] = self.base.read(rel)
        for rel, lines in files.items():
            if lines is None:
                continue
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write("\n".join(lines) + "\n")
        return root, [r for r, l in files.items() if l is not None]

    def _findings(self, root, files, targets, when):
        out = []
        for rel in targets:
            try:
                fs = onefile.run(self.cmds, self.engines, rel, root, files,
                                 os.path.dirname(os.path.join(root, rel)),
                                 plugin=self.plugin, checker=self.checker)
            except onefile.BuildError as e:
                raise onefile.BuildError("%s %s" % (when, e))
            for f in fs:
                src = os.path.join(root, f.file)
                f.function = F.enclosing_function(root if os.path.exists(src) else self.tree,
                                                  f.file, f.line)
            out += fs
        return F.merge(out, root)

    def _apply(self, patch):
        """(files after the patch, added lines, removed lines) or PatchError."""
        work, added, removed = {}, {}, {}

        def cur(rel):
            return work[rel] if rel in work else self.current(rel)
        for fd in patch.files:
            if fd.binary:
                continue
            if fd.old is None and fd.new is not None and cur(fd.new) is not None:
                raise patchfile.PatchError("%s: the patch creates it, but it already exists"
                                           % fd.new)
            new, a, r = patchfile.apply(fd, cur(fd.old) if fd.old else None)
            if fd.rename:
                work[fd.old] = None
            if fd.new:
                work[fd.new] = new
                added[fd.new] = a
            else:
                work[fd.old] = None
            if fd.old:
                removed[fd.old] = r
        return work, added, removed

    def _unapply(self, patch):
        """(files before the patch, added lines, removed lines) of a patch the tree already
        has: the reverse patch applied to the tree's files."""
        work, added, removed = {}, {}, {}

        def cur(rel):
            return work[rel] if rel in work else self.current(rel)
        for fd in reversed([f for f in patch.files if not f.binary]):
            rfd = patchfile.reverse(fd)
            old, a, r = patchfile.apply(rfd, cur(rfd.old) if rfd.old else None)
            if fd.rename:
                work[fd.new] = None
            if fd.old:
                work[fd.old] = old
                removed[fd.old] = a      # what the reverse adds, the patch removes
            else:
                work[fd.new] = None
            if fd.new:
                added[fd.new] = r
        return work, added, removed

    def check(self, patch):
        res = Checked(patch)
        before_state = dict(self.state)
        try:
            after, added, removed = self._apply(patch)
        except patchfile.PatchError as forward:
            # already in the tree (a pre-commit hook, b4 prep --check): take it out instead
            try:
                before, added, removed = self._unapply(patch)
            except patchfile.PatchError:
                raise forward
            before_state.update(before)
            res.reverted = True
            after = {}
        self.state.update(after)
        touched_c = [fd.new for fd in patch.files if fd.new and fd.new.endswith(".c")]
        targets = list(touched_c)
        for fd in patch.files:
            if not fd.path.endswith(".h"):
                continue
            lines = self.state.get(fd.path) or []
            names = changed_names(lines, added.get(fd.path, {}).keys())
            old_lines = before_state.get(fd.path) if fd.path in before_state else \
                self.base.read(fd.old or fd.path)
            names |= changed_names(old_lines or [], removed.get(fd.old or fd.path, {}).keys())
            users = header_users(self.tree, self.state, fd.path, names,
                                 {os.path.dirname(c) for c in touched_c})
            if len(users) > MAX_USERS:
                sys.stderr.write("dmacheck: %s: %d files use what the patch changes in %s; "
                                 "checking the first %d\n" % (patch.vname, len(users),
                                                               fd.path, MAX_USERS))
                users = users[:MAX_USERS]
            targets += [u for u in users if u not in targets]
        built = []
        for rel in targets:
            if self.cmds.compile(rel) is None:
                res.skipped.append(rel)
            else:
                built.append(rel)
        t0 = time.time()
        before_targets = [r for r in built if (before_state.get(r) if r in before_state
                                               else self.base.read(r)) is not None]
        root_b, files_b = self._materialize(before_state, before_targets)
        before = self._findings(root_b, files_b, before_targets, "before the patch:")
        root_a, files_a = self._materialize(self.state, built)
        after = self._findings(root_a, files_a, built, "after the patch:")
        if self.verbose and built:
            sys.stderr.write("dmacheck: %s: %s before and after the patch (%s), %.1f s\n" % (
                patch.vname, ", ".join(built), ",".join(self.engines), time.time() - t0))
        new = B.new_only(after, _counts(before))
        gone = B.new_only(before, _counts(after))
        self._attribute(res, new, added, removed, root_a, root_b)
        for f in gone:
            res.fixed.append((type_name(f.slug), f.message, "%s:%d in %s()" % (
                f.file, f.line, f.function) if f.function else "%s:%d" % (f.file, f.line)))
        return res

    def _attribute(self, res, new, added, removed, root_a, root_b):
        funcs_added = {}        # (file, function) -> first (line, patch line, text) added
        for rel, lines in added.items():
            for n in sorted(lines):
                fn = F.enclosing_function(root_a, rel, n)
                if fn and (rel, fn) not in funcs_added:
                    funcs_added[(rel, fn)] = (n,) + lines[n]
        funcs_removed = {}
        for rel, lines in removed.items():
            for n in sorted(lines):
                fn = F.enclosing_function(root_b, rel, n)
                if fn and (rel, fn) not in funcs_removed:
                    funcs_removed[(rel, fn)] = (n,) + lines[n]
        names_added = {fn: v + (rel,) for (rel, fn), v in funcs_added.items()}
        for f in new:
            sev = self.rules[f.slug].severity if f.slug in self.rules else "WARNING"
            notes = ["%s:%d:%d: note: %s" % n for n in f.notes]
            here = "%s:%d:%d: %s: %s [dmacheck-%s]" % (f.file, f.line, f.col, sev.lower(),
                                                      f.message, f.slug)
            anchor = None
            if f.line in added.get(f.file, {}):
                anchor = (f.file, f.line) + added[f.file][f.line] + ("+",)
            for nf, nl, _, _ in f.notes:
                if anchor is None and nl in added.get(nf, {}):
                    anchor = (nf, nl) + added[nf][nl] + ("+",)
            if anchor is None and (f.file, f.function) in funcs_added:
                n, pl, t = funcs_added[(f.file, f.function)]
                anchor = (f.file, n, pl, t, "+")
            if anchor is None:
                for _, _, _, msg in f.notes:
                    for name in re.findall(r'(\w+)\(\)', msg):
                        if anchor is None and name in names_added:
                            n, pl, t, rel = names_added[name]
                            anchor = (rel, n, pl, t, "+")
            if anchor is None and (f.file, f.function) in funcs_removed:
                n, pl, t = funcs_removed[(f.file, f.function)]
                anchor = (f.file, n, pl, t, "-")
            if anchor is None:
                res.unreached += 1
                continue
            afile, aline, pline, text, sign = anchor
            if (afile, aline) != (f.file, f.line):
                notes.insert(0, here)
            res.reports.append((pline, sev, type_name(f.slug), f.message,
                                "%s:%d" % (afile, aline), sign + text, notes))
        res.reports.sort(key=lambda r: r[0])


def _counts(findings):
    c = {}
    for f in findings:
        k = (f.file, f.function, f.slug)
        c[k] = c.get(k, 0) + 1
    return c


# ---------------------------------------------------------------------------------------
# Output

def write(out, res, terse, several, no_summary=False):
    p = res.patch
    errors = sum(1 for r in res.reports if r[1] == "ERROR")
    warnings = len(res.reports) - errors
    clean = not res.reports
    if several and not terse:
        out.write("-" * len(p.vname) + "\n" + p.vname + "\n" + "-" * len(p.vname) + "\n")
    for pline, sev, typ, msg, where, text, notes in res.reports:
        if terse:
            out.write("%s: %s: %s\n" % (where, sev, msg))
            continue
        out.write("%s:%s: %s\n#%d: FILE: %s:\n%s\n" % (sev, typ, msg, pline, where, text))
        for n in notes:
            out.write("    %s\n" % n)
        out.write("\n")
    if not terse:
        for typ, msg, where in res.fixed:
            out.write("FIXED:%s: %s (was %s)\n" % (typ, msg, where))
        if res.fixed:
            out.write("\n")
    if not (clean and terse) and not no_summary:
        out.write("total: %d errors, %d warnings, %d lines checked\n" % (errors, warnings,
                                                                          p.lines))
    if not terse:
        out.write("\n")
        if clean:
            out.write("%s has no obvious style problems and is ready for submission.\n" % p.vname)
        else:
            out.write("%s has style problems, please review.\n" % p.vname)


# ---------------------------------------------------------------------------------------
# The command

HELP_EPILOG = """\
examples:
  dmacheck check-patch 0001-usb-foo-fix.patch           a patch against Debian's 6.1 tree
  dmacheck check-patch --kernel 6.12 0001-usb-foo.patch against Debian's 6.12 LTS tree
  dmacheck check-patch --tree ~/linux v2-*.patch        a series, each patch on its own
  b4 am -o - <msgid> | dmacheck check-patch -           an mbox from stdin
  dmacheck check-patch --tree ~/linux --git HEAD~3..    the last three commits (checkpatch -g)
  dmacheck check-patch --engine gcc,sparse,cocci --terse 0001-x.patch

exit: 0 no patch introduces a finding, 1 a patch does, 2 usage error, a patch that does not
apply, or a file that does not build before (or after) the patch.
docs/check-patch.md has hook and CI recipes."""


def parser():
    ap = argparse.ArgumentParser(
        prog="dmacheck check-patch", formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="dmacheck check-patch [--tree DIR | --kernel VERSION] [--engine LIST] [--terse] "
              "PATCH...|-\n"
              "       dmacheck check-patch [--tree DIR] [--engine LIST] "
              "[--terse] --git REV|REV..REV",
        description="Report the DMA API misuse a patch introduces, in checkpatch.pl's format: "
                    "each patch is applied in memory, the engines run on the C files it "
                    "changes before and after it, and only new findings that the patch's "
                    "lines reach are shown.",
        epilog=HELP_EPILOG)
    ap.add_argument("patches", nargs="*", metavar="PATCH",
                    help="patch files, git format-patch mails or mbox files; - reads stdin")
    ap.add_argument("--tree", metavar="DIR",
                    help="configured and prepared kernel tree the patches apply to (default: "
                         "Debian's 6.1, prepared once by scripts/kernel-tree.sh; with --git the "
                         "git work tree you are in); e.g. --tree ~/linux")
    kernels.add_option(ap)
    ap.add_argument("--git", metavar="REV", help="check commit REV, or each commit of the "
                    "range REV..REV, of the tree's git repository (like checkpatch.pl -g); "
                    "e.g. --git HEAD~3..")
    ap.add_argument("--engine", default="gcc", metavar="LIST",
                    help="engines to run, comma-separated: gcc (default), sparse, cocci; "
                         "e.g. --engine gcc,sparse")
    ap.add_argument("--terse", action="store_true",
                    help="one FILE:LINE: SEVERITY: message line per finding (checkpatch's "
                         "--terse --showfile); e.g. --terse")
    ap.add_argument("--no-summary", action="store_true",
                    help="leave out the total: line (checkpatch's --no-summary; b4 passes it); "
                         "e.g. --terse --no-summary")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="no progress lines on stderr; e.g. -q")
    ap.add_argument("--plugin", help=argparse.SUPPRESS)
    ap.add_argument("--sparse-checker", help=argparse.SUPPRESS)
    return ap


def parse_args(argv):
    from . import cli
    a = cli.parse(parser(), argv)
    a.engines = cli.engine_list(a.engine)
    if a.git and a.kernel:
        raise UsageError("--git checks commits of your git tree, --kernel picks a Debian "
                         "tree: give one of them")
    try:
        a.kernel = kernels.version(a)
    except kernels.KernelError as e:
        raise UsageError(str(e))
    if bool(a.git) == bool(a.patches):
        raise UsageError("give patch files (or - for stdin) or --git REV, not both and not "
                         "neither (dmacheck check-patch --help)")
    return a


def main(argv, default_tree, check_tree):
    a = parse_args(argv)
    rules = catalogue.load(paths.rules_def())
    if a.git:
        if a.tree:
            tree = os.path.abspath(a.tree)
        else:
            p = subprocess.run(["git", "rev-parse", "--show-toplevel"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, universal_newlines=True)
            if p.returncode:
                raise UsageError("--git needs a git kernel tree: run it there or give --tree")
            tree = p.stdout.strip()
        if subprocess.run(["git", "-C", tree, "rev-parse", "--git-dir"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode:
            raise UsageError("--git: %s is not a git work tree" % tree)
        patches, base = git_patches(tree, a.git)
        files = GitFiles(tree, base)
        # the work tree as it was at the base: what changed since comes from git
        changed = git(tree, "diff", "--name-only", "--no-renames", base).split("\n")
        initial = {rel: files.read(rel) for rel in changed if rel}
    else:
        patches = file_patches(a.patches)
        tree = os.path.abspath(a.tree) if a.tree else default_tree(a.kernel)
        files = TreeFiles(tree)
        initial = {}
    check_tree(tree)
    checker = Checker(tree, a.engines, files, rules, a.plugin, a.sparse_checker,
                      verbose=not a.quiet and not a.terse)
    checker.state.update(initial)
    rc = 0
    try:
        for p in patches:
            try:
                res = checker.check(p)
            except patchfile.PatchError as e:
                sys.stdout.flush()
                sys.stderr.write("dmacheck: %s does not apply to %s: %s\n" % (p.vname, tree, e))
                return 2
            except onefile.BuildError as e:
                sys.stdout.flush()
                sys.stderr.write("dmacheck: %s: a file does not build %s\n" % (p.vname, e))
                return 2
            if res.reverted:
                sys.stderr.write("dmacheck: %s is already in %s: checked against the tree "
                                 "without it\n" % (p.vname, tree))
            write(sys.stdout, res, a.terse, len(patches) > 1, a.no_summary)
            sys.stdout.flush()
            for rel in res.skipped:
                sys.stderr.write("dmacheck: %s: %s is not built by the tree's config, not "
                                 "checked\n" % (p.vname, rel))
            if res.unreached:
                sys.stderr.write("dmacheck: %s: %d new finding(s) that no line of the patch "
                                 "reaches left out\n" % (p.vname, res.unreached))
            if res.reports:
                rc = 1
    finally:
        checker.close()
    return rc
