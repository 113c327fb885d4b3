# SPDX-License-Identifier: GPL-2.0
"""scan/engines.py - run one engine over one directory of a kernel tree, collect findings.

  gcc     make M=DIR clean, then make -Otarget -jN M=DIR KCFLAGS=-fplugin=dmacheck.so: every
          module object of DIR is recompiled with the plugin (kbuild's M= builds obj-m only,
          so built-in objects are not seen; the user's objects of DIR are rebuilt).
  cocci   make coccicheck MODE=report COCCI=<each .cocci> M=DIR J=N: the kernel's own driver
          for spatch, with the scripts' // Options:.
  sparse  make C=2 CHECK=dmacheck-sparse M=DIR: the checker on every source of DIR (C=2
          checks without needing a recompile).

Each returns (findings, files) where files is how many compiles or checks ran; progress
lines ("scan: gcc drivers/usb/storage 12/37") go to the progress callback. An engine that
cannot run (no plugin, wrong GCC, spatch missing, a compiler crash) raises EngineError with
a message for the user; findings are never invented from a failed run.
Limits: builds in one tree must not overlap (the tree's lock is taken by cli.py).
"""

import os
import re
import subprocess

from . import findings as F
from . import paths

CRASH = re.compile(r'internal compiler error|Segmentation fault|Killed signal|terminated by signal|'
                   r'cannot load plugin|failed to initialize plugin')
WRONG_GCC = re.compile(r'incompatible gcc/plugin versions[^\n]*')
MAKE_ERR = re.compile(r'^make(\[\d+\])?: \*\*\* ', re.M)


class EngineError(Exception):
    pass


def _env():
    env = dict(os.environ, LC_ALL="C", LANG="C")
    for v in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL"):    # ours must not leak into kbuild
        env.pop(v, None)
    return env


def _count_sources(tree, d):
    n = 0
    for _, _, files in os.walk(os.path.join(tree, d)):
        n += sum(1 for f in files if f.endswith(".c") and not f.endswith(".mod.c"))
    return n


def _stream(cmd, tree, progress, label, total, step_re):
    """Run cmd, return its whole output; report progress on each line matching step_re."""
    p = subprocess.Popen(cmd, cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         env=_env(), universal_newlines=True, errors="replace")
    out = []
    done = 0
    for line in p.stdout:
        out.append(line)
        if step_re.match(line):
            done += 1
            progress("%s %d/%s" % (label, done, total))
    p.wait()
    return p.returncode, "".join(out), done


def run_gcc(tree, d, jobs, progress, plugin=None):
    plugin = plugin or paths.plugin()
    if not os.path.isfile(plugin):
        raise EngineError("no GCC plugin at %s (run `make plugin` in the dmacheck checkout)"
                          % plugin)
    subprocess.run(["make", "-s", "-C", tree, "M=" + d, "clean"], env=_env(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kcflags = (os.environ.get("KCFLAGS", "") + " -fplugin=" + plugin).strip()
    cmd = ["make", "-C", tree, "-Otarget", "-j%d" % jobs, "M=" + d, "KCFLAGS=" + kcflags]
    rc, out, n = _stream(cmd, tree, progress, "gcc %s" % d, "~%d" % _count_sources(tree, d),
                         re.compile(r'^\s+CC \[M\]\s+(?!.*\.mod\.o$)'))
    m = WRONG_GCC.search(out)
    if m:
        raise EngineError("wrong GCC for the plugin: %s (build the plugin with the compiler "
                          "that builds the tree: make plugin PLUGIN_CC=...)" % m.group(0))
    m = CRASH.search(out)
    if m:
        ctx = [l for l in out.splitlines() if CRASH.search(l)][:5]
        raise EngineError("the compiler failed on %s:\n  %s" % (d, "\n  ".join(ctx)))
    if rc != 0:
        err = [l for l in out.splitlines() if re.search(r'error|\*\*\*', l)][:8]
        raise EngineError("make M=%s failed (exit %d):\n  %s" % (d, rc, "\n  ".join(err)))
    return F.parse(out, tree, "gcc"), n


def run_cocci(tree, d, jobs, progress, cocci_files=None):
    if subprocess.run(["sh", "-c", "command -v spatch"], stdout=subprocess.DEVNULL).returncode:
        raise EngineError("spatch (Coccinelle) is not installed: scripts/deps.sh cocci")
    files = cocci_files or sorted(
        os.path.join(paths.cocci_dir(), f) for f in os.listdir(paths.cocci_dir())
        if f.endswith(".cocci"))
    if not files:
        raise EngineError("no .cocci files in %s" % paths.cocci_dir())
    found = []
    for i, sp in enumerate(files):
        progress("cocci %s %d/%d %s" % (d, i + 1, len(files), os.path.basename(sp)))
        cmd = ["make", "-C", tree, "coccicheck", "MODE=report", "COCCI=" + sp, "M=" + d,
               "J=%d" % jobs]
        p = subprocess.run(cmd, cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=_env(), universal_newlines=True, errors="replace")
        if p.returncode != 0:
            raise EngineError("coccicheck %s on %s failed (exit %d):\n  %s" % (
                os.path.basename(sp), d, p.returncode,
                "\n  ".join(p.stderr.strip().splitlines()[-8:])))
        found += F.parse(p.stdout, tree, "cocci")
    return found, len(files)


def run_sparse(tree, d, jobs, progress, checker=None):
    checker = checker or paths.sparse_checker()
    if not os.access(checker, os.X_OK):
        raise EngineError("no sparse checker at %s (make -C <dmacheck> sparse)" % checker)
    cmd = ["make", "-C", tree, "-Otarget", "-j%d" % jobs, "C=2", "CHECK=" + checker, "M=" + d]
    rc, out, n = _stream(cmd, tree, progress, "sparse %s" % d,
                         "~%d" % _count_sources(tree, d), re.compile(r'^\s+CHECK\s'))
    if CRASH.search(out) or rc != 0:
        err = [l for l in out.splitlines() if CRASH.search(l) or re.search(r'\*\*\*', l)][:8]
        raise EngineError("make C=2 M=%s failed (exit %d):\n  %s" % (d, rc, "\n  ".join(err)))
    return F.parse(out, tree, "sparse"), n


ENGINES = {"gcc": run_gcc, "cocci": run_cocci, "sparse": run_sparse}
