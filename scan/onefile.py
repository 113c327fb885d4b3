# SPDX-License-Identifier: GPL-2.0
"""scan/onefile.py - run dmacheck's engines on single files of a kernel tree, with some files
replaced by other versions, without writing into the tree (for `dmacheck check-patch`).

  cmds = Commands(tree)           the tree's own compile command of each object
  cmds.compile(rel)               "gcc ... -c -o OBJ SRC" for tree/rel (a .c file), or None if
                                  the tree's config does not build it
  run(cmds, engines, rel, overlay, scratch) -> [Finding]

The compile command is kbuild's, read like scripts/obj-cmd.sh reads it: from the object's
.o.cmd when the tree has built it, else from `make -n C=2 CHECK=... M=DIR` (a dry run of the
file's directory, ~3 s, which lists exactly the objects the config builds there and gives
sparse's CHECKFLAGS as kbuild passes them; a file it does not list is not built). It is run from the top of the
tree, as kbuild runs it, with four changes so that nothing of the tree is written and the
replaced files win:
  - the source is scratch/<rel> (every compiled file is copied there, patched or not);
  - -o and the dependency file go to the scratch directory; objtool and fixdep are dropped;
  - before each -I DIR of the command, -I scratch/DIR when the overlay has files under DIR
    (a patched include/linux/foo.h is found before the tree's);
  - -iquote tree/<dir of rel>: "local.h" includes the overlay lacks come from the tree.
Engines: gcc (the command plus -fplugin=dmacheck.so; the object is thrown away), sparse
(dmacheck-sparse with CHECKFLAGS and the command's flags, as kbuild's C=2 runs it), cocci
(spatch -D report with each script's // Options: on the scratch copy, as coccicheck runs it).
A file that does not compile raises BuildError with the compiler's first errors.
Limits: `-include` files of the command are always the tree's; a C file the tree's config
does not build is not checked (compile() is None, the caller says so).
"""

import os
import re
import shlex
import subprocess

from . import engines as E
from . import findings as F
from . import paths

COCCI_OPTIONS = re.compile(r'^//\s*Options:\s*(.*)$', re.M)
ERROR_LINE = re.compile(r'(: (fatal )?error: |^make.*\*\*\*|Error \d)')


class BuildError(Exception):
    pass


class Commands:
    def __init__(self, tree):
        self.tree = tree
        self._cc = {}
        self._dirs = {}
        self._checkflags = None

    def _obj(self, rel):
        return rel[:-2] + ".o"

    def _from_cmd_file(self, rel):
        obj = self._obj(rel)
        path = os.path.join(self.tree, os.path.dirname(obj), "." + os.path.basename(obj) + ".cmd")
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    m = re.match(r'^(?:saved)?cmd_(\S+) := (.*)$', line)
                    if m and m.group(1) == obj:
                        return _compile_part(m.group(2), obj, rel)
        except OSError:
            pass
        return None

    def _dry_run(self, d):
        """kbuild's dry run of directory d (make -n M=d C=2): the compile command of every
        object the config builds there that is not up to date, and CHECKFLAGS."""
        if d in self._dirs:
            return self._dirs[d]
        p = subprocess.run(["make", "-n", "-C", self.tree, "C=2", "CHECK=DMACHECK_CHECKER",
                            "M=" + d], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, errors="replace", env=E._env())
        cmds = {}
        for line in p.stdout.splitlines():
            for m in re.finditer(r' -c -o (\S+)\.o (\S+\.c)(?= |$)', line):
                src = os.path.normpath(m.group(2))
                if src not in cmds and src == m.group(1) + ".c":
                    cmds[src] = _compile_part(line, m.group(1) + ".o", m.group(2))
            m = re.search(r'DMACHECK_CHECKER (.*?) -Wp,-MMD,', line)
            if m and self._checkflags is None:
                self._checkflags = m.group(1).strip()
        self._dirs[d] = cmds
        return cmds

    def compile(self, rel):
        """The command, or None when the tree's config does not build rel."""
        if rel not in self._cc:
            cc = self._from_cmd_file(rel)
            if cc is None:
                cc = self._dry_run(os.path.dirname(rel)).get(rel)
            self._cc[rel] = cc
        return self._cc[rel]

    def checkflags(self, rel):
        if self._checkflags is None:
            self._dry_run(os.path.dirname(rel))
        if not self._checkflags:
            raise BuildError("cannot find the tree's CHECKFLAGS (make -n C=2 M=%s)"
                             % os.path.dirname(rel))
        return self._checkflags


def _compile_part(text, obj, src):
    """The "CC ... -c -o OBJ SRC" command inside one line of kbuild's (a .cmd line or a dry
    run's line, which has traps before it and objtool after it)."""
    m = re.search(r'(?:^|;\s+)(\S+ -Wp,-MMD,\S+ .*? -c -o %s %s)(?= |$)'
                  % (re.escape(obj), re.escape(src)), text)
    if not m:
        return None
    cmd = m.group(1)
    return re.sub(r' -fplugin(=|-arg-)\S*', '', cmd)


def _retarget(cmd, tree, rel, overlay_root, overlay_dirs, out):
    """The command with the source, object and dependency file moved to the scratch
    directory, overlay -I directories first and the tree's directory of rel quoted."""
    src = os.path.join(overlay_root, rel)
    head = cmd[:cmd.rindex(" -c -o ")]
    head = re.sub(r'-Wp,-MMD,\S+', '-Wp,-MMD,' + out + '.d', head)

    def add_overlay(m):
        d = os.path.normpath(m.group(2))
        if not os.path.isabs(d) and d in overlay_dirs:
            return "%s%s %s" % (m.group(1), shlex.quote(os.path.join(overlay_root, d)), m.group(0))
        return m.group(0)
    head = re.sub(r'(-I\s*)(\S+)', add_overlay, head)
    head += " -iquote " + shlex.quote(os.path.join(tree, os.path.dirname(rel)))
    return head, src


def _dirs_of(overlay_files):
    """Every directory (and its parents) holding an overlay file, relative to the tree."""
    dirs = set()
    for rel in overlay_files:
        d = os.path.dirname(rel)
        while d:
            dirs.add(d)
            d = os.path.dirname(d)
    return dirs


def _run(cmd, cwd, timeout=600):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, errors="replace", env=E._env(),
                           timeout=timeout, shell=isinstance(cmd, str))
    except subprocess.TimeoutExpired:
        raise BuildError("timed out after %d s: %s" % (timeout, str(cmd)[:200]))
    return p.returncode, p.stdout


def _errors(out):
    return "\n  ".join([l for l in out.splitlines() if ERROR_LINE.search(l)][:8] or
                       out.strip().splitlines()[-8:])


def run(cmds, engines, rel, overlay_root, overlay_files, scratch, plugin=None, checker=None,
        cocci_files=None):
    """Findings of `engines` on rel, whose source (and the patched files) is under
    overlay_root. Paths of the findings are relative to the tree (overlay or not)."""
    tree = cmds.tree
    cmd = cmds.compile(rel)
    if cmd is None:
        raise BuildError("%s: the tree's config does not build it" % rel)
    out = os.path.join(scratch, os.path.basename(rel)[:-2] + ".o")
    head, src = _retarget(cmd, tree, rel, overlay_root, _dirs_of(overlay_files), out)
    found = []
    for eng in engines:
        if eng == "gcc":
            plugin = plugin or paths.plugin()
            if not os.path.isfile(plugin):
                raise E.EngineError("no GCC plugin at %s (run `make plugin` in the dmacheck "
                                    "checkout)" % plugin)
            rc, text = _run("%s -fplugin=%s -c -o %s %s" % (head, shlex.quote(plugin),
                                                            shlex.quote(out), shlex.quote(src)),
                            tree)
            m = E.WRONG_GCC.search(text) or E.CRASH.search(text)
            if m:
                raise E.EngineError("the compiler failed on %s: %s" % (rel, m.group(0)))
            if rc != 0:
                raise BuildError("%s does not compile:\n  %s" % (rel, _errors(text)))
        elif eng == "sparse":
            checker = checker or paths.sparse_checker()
            if not os.access(checker, os.X_OK):
                raise E.EngineError("no sparse checker at %s (make -C <dmacheck> sparse)"
                                    % checker)
            flags = head.split(" ", 1)[1]       # c_flags: the command without the compiler
            rc, text = _run("%s %s %s %s" % (shlex.quote(checker), cmds.checkflags(rel), flags,
                                             shlex.quote(src)), tree)
            if rc != 0 or E.CRASH.search(text):
                raise E.EngineError("dmacheck-sparse failed on %s (exit %d):\n  %s"
                                    % (rel, rc, _errors(text)))
        else:
            text = _cocci(rel, src, tree, cocci_files)
        for f in F.parse(text, overlay_root, eng):
            f.file = F.relative(f.file, tree)
            f.notes = [(F.relative(a, tree) if os.path.isabs(a) else a, b, c, d)
                       for a, b, c, d in f.notes]
            found.append(f)
    return found


def _cocci(rel, src, tree, cocci_files):
    if subprocess.run(["sh", "-c", "command -v spatch"], stdout=subprocess.DEVNULL).returncode:
        raise E.EngineError("spatch (Coccinelle) is not installed: scripts/deps.sh cocci")
    files = cocci_files or sorted(
        os.path.join(paths.cocci_dir(), f) for f in os.listdir(paths.cocci_dir())
        if f.endswith(".cocci"))
    text = []
    for sp in files:
        with open(sp, encoding="utf-8") as f:
            m = COCCI_OPTIONS.search(f.read())
        opts = m.group(1).split() if m else []
        rc, out = _run(["spatch", "-D", "report", "--no-show-diff", "--very-quiet"] + opts +
                       ["--cocci-file", sp, src], tree)
        if rc != 0:
            raise E.EngineError("spatch %s on %s failed (exit %d):\n  %s"
                                % (os.path.basename(sp), rel, rc, _errors(out)))
        text.append(out)
    return "".join(text)
