# SPDX-License-Identifier: GPL-2.0
"""scan/faults.py - what failed during a scan, in the tool's own words, without losing findings.

A scan goes on past a failing step (as `make -k` does): a file that does not compile, an engine
that cannot run, a spatch that fails or runs past --timeout, an interrupt. Each becomes a
Failure in the result (JSON "failures", SARIF toolExecutionNotifications, text after the
findings) and the scan exits 2 with every finding it has.

Failure    engine, directory, file ("" when the whole step failed), cause (one line a person
           can act on), status (the tool's exit status, None if killed), errors (the tool's own
           error lines), stdout and stderr (for a file: the stderr lines that name it; for a
           step: the last TAIL lines of each stream).
cause_of() the cause from the tool's output: a table of known messages (KNOWN: the first
           pattern that matches, in order), else the first error line itself. Never make's
           "Error 255": make's own `***` lines are never a cause.
Run        one command in its own process group, stdout streamed line by line (progress),
           stderr read beside it, killed (the whole group) on --timeout or on SIGINT/SIGTERM;
           what it printed until then is kept.
Interrupted raised by SIGTERM (and SIGINT, as KeyboardInterrupt) in the main thread;
           catch_signals() installs the handler, hold_signals() ignores both while the
           result is written.
write_atomic() writes a result to a temporary file beside PATH and renames it over PATH: a
           reader never sees half a JSON. writable() checks -o before the scan starts.
Limits: per-file failures are read from kbuild's `*** [...: FILE.o] Error N` lines (gcc and
sparse); a spatch failure is a failure of one script on one directory, not of one file
(spatch's per-file --timeout in the tree's .cocciconfig skips a file and is not reported).
"""

import os
import re
import signal
import subprocess
import tempfile
import threading

TAIL = 100                  # lines of stdout and stderr kept for a failed step

# (engines or None for all, pattern, cause). {0}.. are the pattern's groups, {file} the file
# or directory, {engine}, {tool}. The first match wins: specific causes before general ones.
KNOWN = [
    # pyml's messages: no libpython (Debian's coccinelle does not depend on it), no python3
    ("cocci", r"Py\.find_library: unable to find the Python library|Cannot find Python library|"
     r"Py\.run_command: unable to run .*python",
     "spatch cannot load its Python library: run scripts/deps.sh cocci"),
    (None, r"incompatible gcc/plugin versions",
     "the plugin was built by another GCC than the one that builds this tree: "
     "make plugin PLUGIN_CC=<the tree's gcc>"),
    (None, r"cannot load plugin (\S+?): (?:\S+: )?(.*)",
     "gcc cannot load the plugin {0}: {1} (make plugin builds it)"),
    (None, r"failed to initialize plugin (\S+)",
     "gcc cannot initialise the plugin {0}: make plugin for this GCC"),
    (None, r"internal compiler error: (.*)",
     "gcc crashed on {file}: internal compiler error: {0} (with dmacheck.so in the backtrace "
     "it is a dmacheck bug: please report it with the file)"),
    (None, r"Killed signal terminated program (\S+)",
     "{0} was killed on {file} (out of memory?): scan again with a lower -j"),
    (None, r"No space left on device",
     "the disk is full (No space left on device) while {engine} ran on {file}: free space"),
    (None, r"(Segmentation fault|Aborted)\b.*?(\S*dmacheck-sparse)",
     "the sparse checker crashed ({0}) on {file}: a dmacheck bug, please report it with the file"),
    ("cocci", r"^(?:Fatal error|Fatal_error|Failure|Error|Exception)[: ](.*)",
     "spatch failed on {file}: {0}"),
]
ERROR_LINE = re.compile(r'(^|: )(fatal error|error|Error|ERROR)[:\s]|internal compiler error|'
                        r'Killed signal|Segmentation fault|No space left|cannot load plugin|'
                        r'Py\.find_library|Traceback|^Fatal|Aborted')
MAKE_LINE = re.compile(r'^(g?make)(\[\d+\])?: \*\*\* ')
MAKE_FAILED_OBJ = re.compile(r'^g?make(?:\[\d+\])?: \*\*\* \[[^\]]*?: ?([^\]\s]+\.o)\] (Error \d+|'
                             r'Killed|Terminated|Segmentation fault)')


class Interrupted(Exception):
    """SIGTERM or SIGINT: stop, keep what was found, write it."""

    def __init__(self, name):
        Exception.__init__(self, "interrupted by " + name)
        self.signame = name


class Failure:
    def __init__(self, engine, directory, cause, file="", status=None, errors=(), stdout="",
                 stderr=""):
        self.engine, self.directory, self.file = engine, directory, file
        self.cause, self.status = cause, status
        self.errors = list(errors)
        self.stdout, self.stderr = stdout, stderr

    def where(self):
        return self.file or self.directory or "(every directory)"

    def line(self):
        """The one line a person reads: `gcc drivers/x/bad.c: <cause>`."""
        return "%s %s: %s" % (self.engine, self.where(), self.cause)

    def as_json(self):
        return {"engine": self.engine, "directory": self.directory, "file": self.file,
                "cause": self.cause, "status": self.status, "errors": self.errors,
                "stdout": self.stdout, "stderr": self.stderr}


def from_json(x):
    return Failure(x["engine"], x["directory"], x["cause"], x.get("file", ""), x.get("status"),
                   x.get("errors", []), x.get("stdout", ""), x.get("stderr", ""))


def error_lines(text, limit=20):
    """The tool's own error lines of text (make's `***` lines left out)."""
    out = [l.rstrip() for l in text.splitlines() if ERROR_LINE.search(l) and not MAKE_LINE.match(l)]
    return out[:limit]


def cause_of(engine, text, where, status=None, what=None):
    """One actionable line: a KNOWN message, else the tool's first error line."""
    for engines, pat, cause in KNOWN:
        if engines and engine not in engines.split(","):
            continue
        m = re.search(pat, text, re.M)
        if m:
            return cause.format(*[g.strip() if g else "" for g in m.groups()], file=where,
                                engine=engine)
    errs = error_lines(text, 1)
    what = what or engine
    at = "" if where in what else " on " + where
    if errs:
        return "%s failed%s: %s" % (what, at, errs[0].strip())
    lines = [l.strip() for l in text.splitlines() if l.strip() and not MAKE_LINE.match(l)]
    if status is None:
        return "%s%s was killed" % (what, at)
    if lines:
        return "%s failed%s (exit %s): %s" % (what, at, status, lines[-1])
    return "%s failed%s (exit %s) without an error message of its own" % (what, at, status)


def tail(text, n=TAIL):
    lines = text.splitlines()
    return "\n".join(lines[-n:]) + ("\n" if lines else "")


def file_failures(engine, d, out, err, tree, relative):
    """Failures of single files from kbuild's output: every `*** [...: X.o] Error N` whose
    X.c exists. A file that does not compile is named with its compiler's first error."""
    fails = []
    seen = set()
    for line in err.splitlines() + out.splitlines():
        m = MAKE_FAILED_OBJ.match(line)
        if not m:
            continue
        obj = relative(m.group(1), tree)
        src = obj[:-2] + ".c"
        if src in seen or not os.path.isfile(os.path.join(tree, src)):
            continue
        seen.add(src)
        mine = [l for l in err.splitlines()
                if src in l or l.startswith(("cc1:", "cc1plus:")) or
                "internal compiler error" in l or "Killed signal" in l]
        text = "\n".join(mine)
        errs = error_lines(text)
        cause = cause_of(engine, text, src, what=engine)
        if cause.startswith("%s failed on %s:" % (engine, src)):   # C=2 compiles too
            cause = "%s does not compile with this tree's config: %s" % (
                src, errs[0].strip() if errs else m.group(2))
        # a cause that is not the file's (a plugin that does not load) is the directory's
        fails.append(Failure(engine, d, cause, src if src in cause else "",
                             int(m.group(2).split()[1])
                             if m.group(2).startswith("Error") else None, errs, "", text + "\n"))
    return fails


def collapse(fails, unit="files"):
    """One failure per (engine, directory, cause): a plugin that does not load fails every
    file the same way, spatch without Python every script; the first is kept, naming how
    many it stands for."""
    out, by = [], {}
    for f in fails:
        k = (f.engine, f.directory, f.cause.replace(f.file, "FILE") if f.file else f.cause)
        if k in by:
            g = by[k]
            g.count = getattr(g, "count", 1) + 1
            continue
        by[k] = f
        out.append(f)
    for f in out:
        n = getattr(f, "count", 1)
        if n > 1:
            f.cause += " (%d %s failed the same way)" % (n, unit)
    return out


# ------------------------------------------------------------------ running one command ---

STOP = []                   # the signal that stopped a Run ("SIGINT", "SIGTERM"): scan no further


class Run:
    """cmd in its own process group; .rc (None if killed), .out, .err, .killed ("timeout",
    "SIGINT", "SIGTERM" or "")."""

    def __init__(self, cmd, cwd, env, timeout=None, on_line=None):
        self.cmd, self.killed = cmd, ""
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, universal_newlines=True, errors="replace",
                             start_new_session=True)
        self.p = p
        out, err = [], []
        t_err = threading.Thread(target=lambda: err.extend(p.stderr), daemon=True)
        t_err.start()
        timer = None
        if timeout:
            timer = threading.Timer(timeout, self._kill, ("timeout",))
            timer.daemon = True
            timer.start()
        try:
            for line in p.stdout:
                out.append(line)
                if on_line:
                    on_line(line)
            p.wait()
        except (Interrupted, KeyboardInterrupt) as e:
            why = e.signame if isinstance(e, Interrupted) else "SIGINT"
            STOP.append(why)
            self._kill(why)
            for line in p.stdout:           # what it printed until the kill
                out.append(line)
            p.wait()
        finally:
            if timer:
                timer.cancel()
            t_err.join(10)
        self.rc = None if self.killed else p.returncode
        self.out, self.err = "".join(out), "".join(err)

    def _kill(self, why):
        if self.p.poll() is not None or self.killed:
            return
        self.killed = why
        try:
            os.killpg(self.p.pid, signal.SIGTERM)
            try:
                self.p.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.p.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _raise(signum, frame):
    raise Interrupted(signal.Signals(signum).name)


def catch_signals():
    """SIGTERM and SIGINT raise Interrupted in the main thread (SIGINT's KeyboardInterrupt
    would too, but one exception is simpler to handle)."""
    signal.signal(signal.SIGTERM, _raise)
    signal.signal(signal.SIGINT, _raise)


def hold_signals():
    """From here on SIGINT/SIGTERM are ignored: the result is being written (the scan's
    own children have been stopped already)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


# ------------------------------------------------------------------------------ output ---

def writable(path):
    """None if a file can be created at path, else why not (before an hour of scanning)."""
    d = os.path.dirname(os.path.abspath(path)) or "."
    if os.path.isdir(path):
        return "%s is a directory" % path
    try:
        fd, tmp = tempfile.mkstemp(prefix=".dmacheck-", dir=d)
        os.close(fd)
        os.unlink(tmp)
    except OSError as e:
        return "cannot write %s: %s" % (path, e.strerror or e)
    return None


def write_atomic(path, write):
    """write(stream) into a temporary file beside path, then rename it over path."""
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", dir=d)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def rescue(write, suffix):
    """Where the result goes when -o cannot be written at the end: a file in $TMPDIR."""
    fd, tmp = tempfile.mkstemp(prefix="dmacheck-result-", suffix=suffix)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        write(f)
    return tmp


def text(out, failures):
    """The failures after the text findings: a line each, the tool's error lines below."""
    if not failures:
        return
    out.write("dmacheck: incomplete: %d step%s failed, the findings above are those of the "
              "rest\n" % (len(failures), "" if len(failures) == 1 else "s"))
    for f in failures:
        out.write("dmacheck: failed: %s\n" % f.line())
        for e in f.errors[:5]:
            out.write("    %s\n" % e)


def summary(failures, say):
    """The closing lines on stderr: what failed, one line each (the exit status is 2)."""
    if failures:
        say("incomplete: %d step%s failed (exit 2); the findings of the rest are all "
            "reported:" % (len(failures), "" if len(failures) == 1 else "s"))
        for f in failures:
            say("  " + f.line())


def sarif_invocation(failures):
    """SARIF's invocations[0]: executionSuccessful and a notification per failure."""
    inv = {"executionSuccessful": not failures}
    if failures:
        inv["toolExecutionNotifications"] = [{
            "level": "error",
            "message": {"text": f.line()},
            "locations": [{"physicalLocation": {"artifactLocation": {
                "uri": (f.file or f.directory or ".") + ("" if f.file else "/"),
                "uriBaseId": "SRCROOT"}}}],
            "properties": f.as_json(),
        } for f in failures]
    return inv
