# SPDX-License-Identifier: GPL-2.0
"""scan/all.py - `dmacheck scan --all`: the GCC plugin over every directory the tree's
configuration builds modules in, with a progress line, an estimate of the time left, and
resumption after an interruption.

Directories: each subdirectory of drivers/, sound/, net/ and fs/ that has a Makefile or
Kbuild, and the other top-level source directories whole (arch/<arch>, block, certs, crypto,
io_uring, ipc, kernel, lib, mm, security, virt); each is built with `make -k M=DIR` as
`dmacheck scan DIR` does (modules only), and one the configuration builds nothing in is
skipped.

Resumption: kbuild itself knows which objects are up to date (sources, headers and command
lines; KCFLAGS carries the plugin). --all never cleans a directory it has seen before, so an
interrupted or repeated scan compiles only what is new or changed, and the findings of the
files it does not compile again come from the state file <tree>.scan-all.json (findings per
source file, written atomically after every directory and on an interrupt). A directory is
cleaned (`make M=DIR clean`) only the first time, or when the plugin or the summaries
database it reads (--summaries) changed (size and time), since then objects built without
it or by an older one would be taken as checked.

Progress (stderr): "all drivers/net 340/~1210 (directory 12/170), 3452 files in 0:45:10,
about 2:10:00 left" - the estimate is the elapsed time scaled by the share of the directories'
.c files still ahead (an upper bound on what the config builds, so it errs long early on).
The state also keeps the CPU seconds of the compiles and the number of files compiled
(docs/scale.md's figures).

Limits: gcc only (sparse's C=2 checks every file every time; cocci has no objects); a
finding in a header is kept until a file of the same directory that reports it is compiled
again; built-in objects are not seen (M= builds obj-m), as for every scan.
"""

import json
import os
import resource
import time

from . import engines as E
from . import faults
from . import findings as F
from . import paths

SPLIT = ["drivers", "sound", "net", "fs"]
WHOLE = ["block", "certs", "crypto", "io_uring", "ipc", "kernel", "lib", "mm", "security",
         "virt"]
STATE_VERSION = 1


def directories(tree, arch="x86"):
    """Every directory --all builds, in order."""
    out = []
    for top in SPLIT:
        base = os.path.join(tree, top)
        if not os.path.isdir(base):
            continue
        for d in sorted(os.listdir(base)):
            p = os.path.join(base, d)
            if os.path.isdir(p) and (os.path.isfile(os.path.join(p, "Makefile")) or
                                     os.path.isfile(os.path.join(p, "Kbuild"))):
                out.append(top + "/" + d)
    for top in ["arch/" + arch] + WHOLE:
        if os.path.isdir(os.path.join(tree, top)):
            out.append(top)
    return out


def state_path(tree):
    return tree.rstrip("/") + ".scan-all.json"


def plugin_signature(plugin):
    """The plugin's size and time, and those of the summaries database it reads (a changed
    database must reach every file, as a new plugin must)."""
    sig = []
    for f in [plugin] + [a.split("=", 1)[1] for a in E.PLUGIN_ARGS
                         if a.startswith("-fplugin-arg-dmacheck-summaries=")]:
        st = os.stat(f)
        sig.append("%d:%d" % (st.st_size, int(st.st_mtime)))
    return " ".join(sig)


def load_state(path, signature):
    try:
        with open(path, encoding="utf-8") as f:
            st = json.load(f)
        if st.get("version") == STATE_VERSION and st.get("plugin") == signature:
            return st
    except (OSError, ValueError):
        pass
    return {"version": STATE_VERSION, "plugin": signature, "dirs": {}, "findings": {},
            "cpu_seconds": 0.0, "files": 0}


def save_state(path, st):
    faults.write_atomic(path, lambda out: json.dump(st, out))


def as_json(f):
    return {"file": f.file, "line": f.line, "col": f.col, "slug": f.slug, "message": f.message,
            "kind": f.kind, "notes": [list(n) for n in f.notes], "dir": f.dir}


def from_json(x):
    f = F.Finding(x["file"], x["line"], x["col"], x["slug"], x["message"], "gcc", x["kind"])
    f.notes = [tuple(n) for n in x["notes"]]
    f.dir = x["dir"]
    return f


def hms(s):
    s = int(s)
    return "%d:%02d:%02d" % (s // 3600, s % 3600 // 60, s % 60)


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def scan_all(tree, dirs, jobs, progress, timeout, plugin=None):
    """(findings, scanned directories, failures) of every directory of dirs."""
    plugin = plugin or paths.plugin()
    spath = state_path(tree)
    st = load_state(spath, plugin_signature(plugin))
    sizes = {d: E._count_sources(tree, d) for d in dirs}
    total = sum(sizes.values()) or 1
    start, cpu0, compiled_now = time.time(), children_cpu(), 0
    cpu_start = cpu0
    scanned, failures = [], []
    ahead = [total]

    def line(i, d, done, n_dir):
        share = 1 - (ahead[0] - min(done, n_dir)) / total
        elapsed = time.time() - start
        left = elapsed * (1 - share) / share if share > 0 and compiled_now else 0
        progress("all %s %d/~%d (directory %d/%d), %d files in %s%s" % (
            d, done, n_dir, i + 1, len(dirs), compiled_now + done, hms(elapsed),
            ", about %s left" % hms(left) if left else ""))

    try:
        for i, d in enumerate(dirs):
            seen = d in st["dirs"]
            if not seen:
                faults.Run(["make", "-s", "-C", tree, "M=" + d, "clean"], tree, E._env(),
                           timeout)
            if faults.STOP:
                break
            compiled, done = [], [0]

            def on_line(text, i=i, d=d, done=done, compiled=compiled):
                if E.CC_LINE.match(text):
                    done[0] += 1
                    compiled.append(text.split()[-1][:-2] + ".c")
                    line(i, d, done[0], sizes[d])
            kcflags = " ".join([os.environ.get("KCFLAGS", ""), "-fplugin=" + plugin] +
                               E.PLUGIN_ARGS).strip()
            cmd = ["make", "-k", "-C", tree, "-Otarget", "-j%d" % jobs, "M=" + d,
                   "KCFLAGS=" + kcflags] + E.GCC_MAKE_ARGS
            line(i, d, 0, sizes[d])
            run = faults.Run(cmd, tree, dict(E._env(), **E.GCC_ENV), timeout, on_line)
            found = F.parse(run.err + run.out, tree, "gcc")
            E.gcc_output(run, found)
            fails = faults.file_failures("gcc", d, run.out, run.err, tree, F.relative)
            step = E._step_failure("gcc", d, run, "make M=%s" % d, timeout)
            if step and (run.killed or not fails):
                fails.append(step)
            fails = faults.collapse(fails)
            for f in found:
                f.dir = d
            # what was compiled now replaces what the state had for those files
            for src in compiled:
                st["findings"].pop(src, None)
            for f in found:
                st["findings"].setdefault(f.file, [])
                if as_json(f) not in st["findings"][f.file]:
                    st["findings"][f.file].append(as_json(f))
            compiled_now += len(compiled)
            st["files"] += len(compiled)
            ahead[0] -= sizes[d]
            if not run.killed:
                st["dirs"][d] = {"files": len(compiled) + st["dirs"].get(d, {}).get("files", 0)}
            failures += fails
            for f in fails:
                progress.say("failed: %s" % f.line())
            if faults.STOP:
                break
            if st["dirs"].get(d, {}).get("files"):
                scanned.append(d)
            if len(compiled):
                progress.say("gcc %s: %d files compiled, %d findings%s" % (
                    d, len(compiled), len(found), ", %d failed" % len(fails) if fails else ""))
            st["cpu_seconds"] += children_cpu() - cpu0
            cpu0 = children_cpu()
            save_state(spath, st)
    finally:
        st["cpu_seconds"] += children_cpu() - cpu0
        save_state(spath, st)
    found = [from_json(x) for fs in st["findings"].values() for x in fs
             if x["dir"] in dirs]
    progress.say("all: %d files compiled now in %s (%.0f CPU s); %d compiled with the plugin "
                 "since the state began, %.0f CPU s in all (%s)" % (
                     compiled_now, hms(time.time() - start), children_cpu() - cpu_start,
                     st["files"], st["cpu_seconds"], spath))
    return found, scanned, failures
