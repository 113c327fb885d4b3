# SPDX-License-Identifier: GPL-2.0
"""scan/engines.py - run one engine over one directory of a kernel tree, collect findings.

  gcc     make M=DIR clean, then make -k -Otarget -jN M=DIR KCFLAGS=-fplugin=dmacheck.so:
          every module object of DIR is recompiled with the plugin (kbuild's M= builds obj-m
          only, so built-in objects are not seen; the user's objects of DIR are rebuilt).
  cocci   make coccicheck MODE=report COCCI=<each .cocci> M=DIR J=N: the kernel's own driver
          for spatch, with the scripts' // Options:. SPATCH is a small wrapper that records
          spatch's own exit status and stderr, because `make coccicheck` can exit 0 when
          spatch fails and prints spatch's message among the results.
  sparse  make -n C=2 CHECK=dmacheck-sparse M=DIR prints kbuild's own checker command for
          every module source of DIR (its exact flags, in about a second, compiling nothing);
          those commands then run -jN from a generated makefile, so progress, -k and the
          per-file failures read as kbuild's. Nothing is compiled: a directory whose sources
          need headers generated at build time fails on them (the failure names the missing
          header); make C=2 M=DIR without -n is the fallback when the dry run yields no
          command, or a CHECK line without the checker on it (not kbuild's one-line step). KCFLAGS given (after the gcc engine in one scan) are passed on.

Each returns (findings, files, failures): files is how many sources were compiled or checked
(cocci: how many .c files the scripts ran over), failures a list of faults.Failure. Like
`make -k`, a failing file does not stop the others: its findings and theirs are kept, and
the file is a failure naming the compiler's own error. A step killed on --timeout or by
SIGINT/SIGTERM keeps what it printed until then. unavailable() says, before the scan, why an
engine cannot run at all (no plugin, spatch or sparse checker), so that the others still run.
Progress lines ("scan: gcc drivers/usb/storage 12/~37") go to the progress callback.
Limits: builds in one tree must not overlap (the tree's lock is taken by cli.py).
"""

import os
import re
import shutil
import subprocess
import tempfile

from . import faults
from . import findings as F
from . import paths

CC_LINE = re.compile(r'^\s+CC \[M\]\s+(?!.*\.mod\.o$)')
CHECK_LINE = re.compile(r'^\s+CHECK\s')
# for callers that stop at the first failure (one file at a time) rather than go on past it
CRASH = re.compile(r'internal compiler error|Segmentation fault|Killed signal|terminated by signal|'
                   r'cannot load plugin|failed to initialize plugin')
WRONG_GCC = re.compile(r'incompatible gcc/plugin versions[^\n]*')


class EngineError(Exception):
    pass


# Extra front-end arguments for every compile (scan/summaries.py sets them for --summaries):
# plugin arguments go after -fplugin=, the sparse checker's into CHECK.
PLUGIN_ARGS = []
SPARSE_ARGS = []
# The gcc engine through icecream (scan/icecc.py sets them for --icecc): make variables
# (CC="icecc gcc"), environment (ICECC_VERSION, ...) and a fix-up of each finding (columns).
GCC_MAKE_ARGS = []
GCC_ENV = {}
GCC_FIXUP = None
GCC_UNITS = None        # summaries' units directory, when compiles relay their unit files


def _env():
    env = dict(os.environ, LC_ALL="C", LANG="C")
    for v in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL"):    # ours must not leak into kbuild
        env.pop(v, None)
    # An M= build has no Module.symvers: 6.1's modpost only warns about the symbols it cannot
    # resolve then, 6.12's fails the make unless told to warn (scripts/Makefile.modpost)
    env["KBUILD_MODPOST_WARN"] = "1"
    return env


def _count_sources(tree, d):
    n = 0
    for _, _, files in os.walk(os.path.join(tree, d)):
        n += sum(1 for f in files if f.endswith(".c") and not f.endswith(".mod.c"))
    return n


def unavailable(engine, plugin=None, checker=None):
    """Why engine cannot run at all (a cause line), or None."""
    if engine == "gcc":
        plugin = plugin or paths.plugin()
        if not os.path.isfile(plugin):
            return "no GCC plugin at %s: run `make plugin` in the dmacheck checkout" % plugin
    elif engine == "cocci":
        if not shutil.which("spatch"):
            return "spatch (Coccinelle) is not installed: run scripts/deps.sh cocci"
        if not _cocci_files():
            return "no .cocci files in %s" % paths.cocci_dir()
    elif engine == "sparse":
        checker = checker or paths.sparse_checker()
        if not os.access(checker, os.X_OK):
            return "no sparse checker at %s: run `make sparse` in the dmacheck checkout" % checker
    return None


def _step_failure(engine, d, run, what, timeout):
    """The failure of a whole step (one make or spatch run over d), or None if it succeeded
    or was interrupted (cli.py names the interrupt)."""
    text = run.err + "\n" + run.out
    if run.killed == "timeout":
        cause = "%s on %s ran longer than --timeout %d s and was stopped" % (what, d, timeout)
    elif run.killed or run.rc == 0:
        return None
    else:
        cause = faults.cause_of(engine, text, d, run.rc, what)
    return faults.Failure(engine, d, cause, "", run.rc, faults.error_lines(text),
                          faults.tail(run.out), faults.tail(run.err))


def _kbuild(engine, tree, d, cmd, progress, timeout, step_re, what, env=None):
    total = "~%d" % _count_sources(tree, d)
    done = [0]

    def on_line(line):
        if step_re.match(line):
            done[0] += 1
            progress("%s %s %d/%s" % (engine, d, done[0], total))
    run = faults.Run(cmd, tree, env or _env(), timeout, on_line)
    found = F.parse(run.err + run.out, tree, engine)
    if engine == "gcc":
        gcc_output(run, found)
    fails = faults.file_failures(engine, d, run.out, run.err, tree, F.relative)
    if engine == "sparse":
        fails += parse_errors(d, run.err, tree, {f.file for f in fails})
    step = _step_failure(engine, d, run, what, timeout)
    # a make that failed only because of the files named above is not a second failure
    if step and (run.killed or not fails):
        fails.append(step)
    return found, done[0], faults.collapse(fails)


# sparse's own error on a source: "drivers/x/y.c:4:16: error: undefined identifier 'n'"
SPARSE_ERROR = re.compile(r'^(\S+?\.[ch]):\d+:\d+: error: (.*)$')


def parse_errors(d, err, tree, known):
    """The sources the sparse checker could not parse: sparse prints an error and exits 0 (so
    does kbuild's checker step), and without a compile beside it (the sparse engine compiles
    nothing) nothing else would say that the file was not fully checked. One failure a file,
    named with sparse's first error (a missing generated header is reported at the source's
    #include line). An error inside a header names no source and is left to the step."""
    fails = []
    for line in err.splitlines():
        m = SPARSE_ERROR.match(line)
        if not m:
            continue
        src = F.relative(m.group(1), tree)
        if src in known or not src.endswith(".c"):
            continue
        known.add(src)
        fails.append(faults.Failure("sparse", d, "sparse could not parse %s: %s" % (src, line),
                                    src, None, [line], "", line + "\n"))
    return fails


def gcc_output(run, found):
    """What the gcc engine does with a make's output besides reading findings (--icecc):
    columns fixed, unit files the compiles relayed saved (scan/summaries.py)."""
    if GCC_FIXUP:
        found[:] = [GCC_FIXUP(f) for f in found]
    if GCC_UNITS:
        from . import summaries
        summaries.save_relayed(run.err + "\n" + run.out, GCC_UNITS)


def run_gcc(tree, d, jobs, progress, timeout=None, plugin=None):
    plugin = plugin or paths.plugin()
    faults.Run(["make", "-s", "-C", tree, "M=" + d, "clean"], tree, _env(), timeout)
    if faults.STOP:
        return [], 0, []
    cmd = ["make", "-k", "-C", tree, "-Otarget", "-j%d" % jobs, "M=" + d,
           "KCFLAGS=" + gcc_kcflags(plugin)]
    return _kbuild("gcc", tree, d, cmd + GCC_MAKE_ARGS, progress, timeout, CC_LINE,
                   "make M=%s" % d, dict(_env(), **GCC_ENV))


def gcc_kcflags(plugin=None):
    """The KCFLAGS the gcc engine builds with (the user's, then the plugin and its args)."""
    plugin = plugin or paths.plugin()
    return " ".join([os.environ.get("KCFLAGS", ""), "-fplugin=" + plugin] + PLUGIN_ARGS).strip()


def run_sparse(tree, d, jobs, progress, timeout=None, checker=None, kcflags=None):
    """The checker on every module source of d, without compiling (see the header): kbuild's
    dry run gives each file's checker command, a generated makefile runs them."""
    checker = checker or paths.sparse_checker()
    make_vars = ["C=2", "CHECK=" + " ".join([checker] + SPARSE_ARGS), "M=" + d] + (
        ["KCFLAGS=" + kcflags] if kcflags is not None else [])
    dry = faults.Run(["make", "-n", "-k", "-C", tree] + make_vars, tree, _env(), timeout)
    commands = [line for line in dry.out.splitlines() if CHECK_ECHO.search(line)]
    if faults.STOP:
        return [], 0, []
    # a build whose check step is not kbuild's one line (echo; checker) is run as it is
    if not commands or any(checker not in c for c in commands):
        cmd = ["make", "-k", "-C", tree, "-Otarget", "-j%d" % jobs] + make_vars
        return _kbuild("sparse", tree, d, cmd, progress, timeout, CHECK_LINE,
                       "make C=2 M=%s" % d)
    with tempfile.TemporaryDirectory(prefix="dmacheck-sparse-") as tmp:
        mk = os.path.join(tmp, "checks.mk")
        with open(mk, "w") as f:
            f.write(checks_makefile(commands))
        cmd = ["make", "-k", "-s", "-C", tree, "-f", mk, "-Otarget", "-j%d" % jobs]
        return _kbuild("sparse", tree, d, cmd, progress, timeout, CHECK_LINE,
                       "make C=2 M=%s (its checker commands)" % d)


# kbuild's checker step echoes "  CHECK   drivers/x/y.c" before running the checker
CHECK_ECHO = re.compile(r"echo '  CHECK   (\S+\.c)'")
TRAP = re.compile(r"\s*trap '[^']*' [A-Z]+;")


def checks_makefile(commands):
    """One phony target per checker command, named as kbuild names the object
    (drivers/x/y.o) although it builds nothing, so that make -k's
    `*** [...: drivers/x/y.o] Error N` names the file as faults.file_failures() reads it.
    $ doubled: the commands are already expanded."""
    targets = [CHECK_ECHO.search(c).group(1)[:-2] + ".o" for c in commands]
    # kbuild's traps delete the object on a signal: these commands build none, so a scan
    # killed on --timeout must not delete the user's objects
    commands = [TRAP.sub("", c) for c in commands]
    out = [".PHONY: all " + " ".join(targets), "all: " + " ".join(targets)]
    for target, command in zip(targets, commands):
        out += [target + ":", "\t" + command.replace("$", "$$")]
    return "\n".join(out) + "\n"


def _cocci_files():
    try:
        return sorted(os.path.join(paths.cocci_dir(), f) for f in os.listdir(paths.cocci_dir())
                      if f.endswith(".cocci"))
    except OSError:
        return []


# spatch as make coccicheck's SPATCH: its own status and stderr go to files beside it
WRAPPER = """#!/bin/sh
case "$1" in --version|--help) exec "$DMACHECK_SPATCH" "$@" ;; esac
"$DMACHECK_SPATCH" "$@" 2>>"$DMACHECK_SPATCH_LOG.err"
rc=$?
echo $rc >>"$DMACHECK_SPATCH_LOG.rc"
exit $rc
"""


def run_cocci(tree, d, jobs, progress, timeout=None, cocci_files=None):
    files = cocci_files or _cocci_files()
    nsrc = _count_sources(tree, d)
    found, fails = [], []
    with tempfile.TemporaryDirectory(prefix="dmacheck-spatch-") as tmp:
        wrapper = os.path.join(tmp, "spatch")
        with open(wrapper, "w") as f:
            f.write(WRAPPER)
        os.chmod(wrapper, 0o755)
        for i, sp in enumerate(files):
            name = os.path.basename(sp)
            progress("cocci %s script %d/%d %s (%d file%s)" % (d, i + 1, len(files), name, nsrc,
                                                                "" if nsrc == 1 else "s"))
            log = os.path.join(tmp, "log%d" % i)
            env = dict(_env(), SPATCH=wrapper, DMACHECK_SPATCH=shutil.which("spatch") or "spatch",
                       DMACHECK_SPATCH_LOG=log)
            cmd = ["make", "-C", tree, "coccicheck", "MODE=report", "COCCI=" + sp, "M=" + d,
                   "J=%d" % jobs]
            run = faults.Run(cmd, tree, env, timeout)
            found += F.parse(run.out, tree, "cocci")
            rcs = _read(log + ".rc").split()
            serr = _read(log + ".err")
            bad = [int(r) for r in rcs if r != "0"]
            what = "spatch with %s" % name
            if faults.STOP:
                break                           # interrupted: cli.py names it, stops the scan
            if run.killed or (not bad and run.rc != 0) or not rcs:
                # timed out, or make coccicheck failed around spatch, or never ran it
                run.err = serr + run.err
                step = _step_failure("cocci", d, run, what, timeout) or faults.Failure(
                    "cocci", d, "make coccicheck did not run spatch with %s on %s" % (name, d),
                    "", run.rc, [], faults.tail(run.out), faults.tail(run.err))
                fails.append(step)
            elif bad:
                text = serr + "\n" + run.out
                fails.append(faults.Failure(
                    "cocci", d, faults.cause_of("cocci", text, d, bad[0], what), "", bad[0],
                    faults.error_lines(text), faults.tail(run.out), faults.tail(serr)))
    return found, nsrc, faults.collapse(fails, "scripts")


def _read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


ENGINES = {"gcc": run_gcc, "cocci": run_cocci, "sparse": run_sparse}
