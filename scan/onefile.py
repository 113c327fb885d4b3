# SPDX-License-Identifier: GPL-2.0
"""scan/onefile.py - run dmacheck's engines on single files of a kernel tree, with some files
replaced by other versions, without writing into the tree (for `dmacheck check-patch`).

  cmds = Commands(tree)           the tree's own compile command of each object
  cmds.compile(rel)               "gcc ... -c -o OBJ SRC" for tree/rel (a .c file), or None if
                                  the tree's config does not build it
  run(cmds, engines, rel, overlay, scratch) -> [Finding]

The compile command is kbuild's, read like scripts/obj-cmd.sh reads it: from the object's
.o.cmd when the tree has built it, else from `make -n C=2 CHECK=... OBJ` (kbuild's dry run of
a single-target build, ~3 s, which also gives sparse's CHECKFLAGS as kbuild passes them; not
`make -n M=DIR`: kbuild links modules even under -n). Whether the config builds the file at
all is read from its directory's Makefile and include/config/auto.conf (configured()). It is run from the top of the
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
        self._config = None
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

    def _dry_run(self, rel):
        """kbuild's dry run for rel's object (make -n C=2 CHECK=... OBJ, a single-target
        build: no modpost, no module linking, whose recipes kbuild runs even under -n):
        the compile command and CHECKFLAGS."""
        obj = self._obj(rel)
        p = subprocess.run(["make", "-n", "-C", self.tree, "C=2", "CHECK=DMACHECK_CHECKER", obj],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, errors="replace", env=E._env())
        cc = None
        for line in p.stdout.splitlines():
            cc = cc or _compile_part(line, obj, rel)
            m = re.search(r'DMACHECK_CHECKER (.*?) -Wp,-MMD,', line)
            if m and self._checkflags is None:
                self._checkflags = m.group(1).strip()
        return cc

    def compile(self, rel):
        """The command, or None when the tree's config does not build rel."""
        if rel not in self._cc:
            cc = None
            if configured(self.tree, rel, self._conf()):
                cc = self._from_cmd_file(rel) or self._dry_run(rel)
            self._cc[rel] = cc
        return self._cc[rel]

    def checkflags(self, rel):
        if self._checkflags is None:
            self._dry_run(rel)
        if not self._checkflags:
            raise BuildError("cannot find the tree's CHECKFLAGS (make -n C=2 %s)"
                             % self._obj(rel))
        return self._checkflags

    def _conf(self):
        if self._config is None:
            self._config = {}
            try:
                with open(os.path.join(self.tree, "include", "config", "auto.conf")) as f:
                    for line in f:
                        m = re.match(r'^(CONFIG_\w+)=(.*)$', line)
                        if m:
                            self._config[m.group(1)] = m.group(2)
            except OSError:
                pass
        return self._config


def _kbuild_lists(tree, d):
    """{variable: [words]} of the kbuild file of directory d (Kbuild, else Makefile), with
    continuation lines joined: obj-$(CONFIG_X) += a.o, ums-alauda-y := alauda.o, ..."""
    for name in ("Kbuild", "Makefile"):
        try:
            with open(os.path.join(tree, d, name), encoding="utf-8", errors="replace") as f:
                text = f.read().replace("\\\n", " ")
            break
        except OSError:
            text = ""
    lists = {}
    for line in text.split("\n"):
        m = re.match(r'^\s*([\w.$()-]+)\s*(?::=|\+=|=)\s*(.*)$', line.split("#")[0])
        if m:
            lists.setdefault(m.group(1), []).extend(m.group(2).split())
    return lists


def configured(tree, rel, config, lists=None, obj=None, depth=0):
    """Does the tree's config build rel (a .c file)? Read from its directory's kbuild file
    as kbuild reads it: obj-y, obj-m, obj-$(CONFIG_X) with X=y|m, and composite objects
    (name-y, name-objs, name-$(CONFIG_X)) whose name.o is built. An object its directory's
    file does not name is not built."""
    d = os.path.dirname(rel)
    lists = _kbuild_lists(tree, d) if lists is None else lists
    obj = obj or os.path.basename(rel)[:-2] + ".o"
    if depth > 4:
        return False
    for var, words in lists.items():
        if obj not in words:
            continue
        m = re.match(r'^(obj|[\w-]+?)-(y|m|objs|\$\(CONFIG_(\w+)\))$', var)
        if not m or m.group(3) and config.get("CONFIG_" + m.group(3)) not in ("y", "m"):
            continue
        if m.group(1) == "obj":
            return True
        if configured(tree, rel, config, lists, m.group(1) + ".o", depth + 1):
            return True
    return False


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
