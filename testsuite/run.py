#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""testsuite/run.py - run the dmacheck test cases against the engines (GCC plugin, Coccinelle,
sparse, the reference core).

Engines (--engine gcc,cocci; the default is gcc): a case runs on each selected engine that its
header names (`/* check-engines: gcc cocci */`). The table ENGINES below says how each engine
is run and how its output is read; all of them are compared with the same expectations.

  gcc    Every case is compiled

    $CC -std=gnu11 -Wall -fplugin=PLUGIN -c -o /dev/null -nostdinc \
        -isystem testsuite/include -fdiagnostics-color=never OPT case.c

at each optimisation level OPT (-O0 -O2 -Os by default).
  cocci  Every cocci/*.cocci is applied with `spatch --very-quiet -D report <its // Options:>
         --sp-file X case.c` (one pseudo-level, "cocci"); report lines are
         file:line:col-col: warning: <message> [dmacheck-<slug>].
  sparse (when --sparse PATH is given) the dmacheck-sparse binary run like a compiler.
  core   the case compiled natively and run against the reference core under every host
         controller model; the core's events are compared with the expectations line by line
         (testsuite/oracle.py, which also prints the agreement table at the end).

The diagnostics are compared with the expectations written in the case (see
testsuite/README.md):

    /* { dg-warning "dmacheck-<slug>" } */   this statement must get exactly that rule
    /* { dg-bogus "dmacheck" } */            this statement must get no dmacheck diagnostic
    /* { dg-bogus "dmacheck-<slug>" } */     ... no diagnostic of that rule

A diagnostic at line D belongs to an expectation at line L when D <= L and no line in [D, L)
ends a statement (ends with ';', '{' or '}' once comments are stripped), so a warning that GCC
places on the first line of a multi-line call satisfies a dg-warning written on its last line.
A case fails on a missing warning, a dmacheck diagnostic that no dg-warning expects (or that
hits a dg-bogus line), a diagnostic whose message is not the catalogue's, any other compiler
warning or error, a non-zero exit, a crash or an internal compiler error.
`/* known-to-fail: ENGINE [-O..] <reason> */` turns a failing comparison into XFAIL (not counted)
and a passing one into XPASS (counted as a failure, so that the marker gets removed); crashes
and compiler warnings are failures regardless.

The run ends with the catalogue check (every slug used exists in rules/rules.def; each mission
rule has enough must-warn and must-stay-silent lines for each engine run; with cocci, the
.cocci files carry the catalogue's slugs and messages and are what cocci/gen.py makes of
rules/*.def) and the line
    testsuite: N passed, N failed
and exits 1 if anything failed (2 on a usage error such as a missing plugin).

Options: --engine LIST, --cases DIR, --core-lib LIB, --plugin PATH, --no-plugin (compile without it: every dg-warning must
then fail; a check of the runner itself), --cc CC, --opt "-O0 -O2 -Os", -j N, --json (also
compile once with -fdiagnostics-format=json and check the same findings come out), --spatch
PATH, --sparse PATH, -v, --self-test, positional filters (substrings of the case path).
Python 3 standard library only.
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CASES = os.path.join(HERE, "cases")
INCLUDE = os.path.join(HERE, "include")
RULES_DEF = os.path.join(ROOT, "rules", "rules.def")
COCCI_DIR = os.path.join(ROOT, "cocci")

MISSION_RULES = ("dma-on-stack", "usb-dma-mask", "urb-dma-flag-missing", "urb-dma-handle-missing")
# Rules the static engines implement beyond the mission rules (issue 16): the core's verdict is
# compared for them too, and those of LIFECYCLE_COUNTED need MIN_LINES must-warn and
# must-stay-silent lines per engine that claims them (dma-unmap-sg-nents-mismatch and the rules
# of branch lifecycle2 have one to four cases each so far: not yet counted).
LIFECYCLE_RULES = ("dma-mapping-error-unchecked", "dma-unmap-sg-nents-mismatch",
                   "dma-unmap-dir-mismatch", "dma-sync-dir-mismatch", "dma-unmap-size-mismatch",
                   "dma-free-addr-mismatch", "dma-map-sg-unchecked", "dma-unmap-type-mismatch")
LIFECYCLE_COUNTED = ("dma-mapping-error-unchecked",)
# Issue 17: what memory is DMA-able and which way a control transfer goes; compared with the
# core and counted like the lifecycle rules.
ISSUE17_RULES = ("urb-control-dir-mismatch", "dma-map-vmalloc", "dma-map-invalid-area", "dma-map-rodata")
LIFECYCLE_RULES += ISSUE17_RULES
LIFECYCLE_COUNTED += ISSUE17_RULES
COMPARED_RULES = MISSION_RULES + LIFECYCLE_RULES
MIN_LINES = 10          # must-warn and must-stay-silent lines each mission rule needs
COMPILE_TIMEOUT = 300   # seconds for one compile (or one spatch run)

EXPECT_RE = re.compile(r'\{\s*dg-(warning|bogus)\s+"([^"]*)"\s*\}')
ENGINES_RE = re.compile(r'check-engines:\s*([^*]*)\*/')
KTF_RE = re.compile(r'known-to-fail:\s*(.*?)\s*\*/')
DIAG_RE = re.compile(r'^(?P<file>.+?):(?P<line>\d+):(?:(?P<col>\d+)(?:-\d+)?:)? '
                     r'(?P<kind>warning|error|fatal error|note|sorry, unimplemented): '
                     r'(?P<msg>.*)$')
TAG_RE = re.compile(r'\[dmacheck-([a-z0-9-]+)\]')
ICE_RE = re.compile(r'internal compiler error|Segmentation fault|Aborted|Killed|'
                    r'Please submit a full bug report|compilation terminated|'
                    r'Traceback \(most recent call last\)|Error in Python script|'
                    r'^EXN:|^Fatal error|parse error', re.I)
RULE_RE = re.compile(r'^RULE\(\s*(\w+)\s*,\s*"([^"]+)"\s*,\s*(\w+)\s*,\s*"([^"]*)"\s*\)', re.M)


# ----------------------------------------------------------------------------- catalogue ---

def load_rules(path=RULES_DEF):
    """slug -> message, from rules/rules.def."""
    with open(path, encoding="utf-8") as f:
        return {m.group(2): m.group(4) for m in RULE_RE.finditer(f.read())}


# --------------------------------------------------------------------------------- cases ---

def strip_comments(lines):
    """The source lines with /* */ and // comments removed (string literals respected)."""
    out, in_c = [], False
    for text in lines:
        res, i, n, quote = [], 0, len(text), None
        while i < n:
            c = text[i]
            if in_c:
                if text.startswith("*/", i):
                    in_c, i = False, i + 2
                else:
                    i += 1
                continue
            if quote:
                res.append(c)
                if c == "\\" and i + 1 < n:
                    res.append(text[i + 1])
                    i += 2
                    continue
                if c == quote:
                    quote = None
                i += 1
                continue
            if text.startswith("/*", i):
                in_c, i = True, i + 2
                continue
            if text.startswith("//", i):
                break
            if c in "\"'":
                quote = c
            res.append(c)
            i += 1
        out.append("".join(res))
    return out


class Case:
    """One case file: engines, known-to-fail marker, expectations, statement ends."""

    def __init__(self, path, text=None):
        self.path = path
        self.rel = os.path.relpath(path, HERE) if os.path.isabs(path) else path
        if text is None:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        self.lines = text.split("\n")
        self.errors = []                # malformed case
        head = "\n".join(self.lines[:40])
        m = ENGINES_RE.search(head)
        self.engines = m.group(1).split() if m else []
        if not m:
            self.errors.append("no check-engines: line in the header")
        self.ktfs = {}                  # engine -> (levels or None for all, reason)
        for m in KTF_RE.finditer(head):
            words = m.group(1).split()
            if not words:
                self.errors.append("known-to-fail: names no engine")
                continue
            if words[0] not in ENGINES and words[0] not in RESERVED_ENGINES:
                self.errors.append("known-to-fail: unknown engine %s" % words[0])
                continue
            levels = []
            rest = words[1:]
            while rest and re.match(r"^-O", rest[0]):
                levels.append(rest.pop(0))
            if not rest:
                self.errors.append("known-to-fail: %s gives no reason" % words[0])
            self.ktfs[words[0]] = (levels or None, " ".join(rest))
        self.ktf = self.ktfs.get("gcc")     # the gcc marker (older callers)
        for e in self.engines:
            if e not in ENGINES and e not in RESERVED_ENGINES:
                self.errors.append("check-engines: unknown engine %s" % e)
        self.warn = {}                  # line -> set of slugs (dg-warning)
        self.bogus = {}                 # line -> set of slugs, "" = any dmacheck rule
        for no, text_line in enumerate(self.lines, 1):
            for m in EXPECT_RE.finditer(text_line):
                kind, what = m.group(1), m.group(2)
                if kind == "warning":
                    if not what.startswith("dmacheck-") or len(what) <= len("dmacheck-"):
                        self.errors.append("line %d: dg-warning must name \"dmacheck-<slug>\"" % no)
                        continue
                    self.warn.setdefault(no, set()).add(what[len("dmacheck-"):])
                else:
                    if what == "dmacheck":
                        self.bogus.setdefault(no, set()).add("")
                    elif what.startswith("dmacheck-"):
                        self.bogus.setdefault(no, set()).add(what[len("dmacheck-"):])
                    else:
                        self.errors.append("line %d: dg-bogus must name \"dmacheck\" or "
                                           "\"dmacheck-<slug>\"" % no)
            if no in self.warn and no in self.bogus:
                self.errors.append("line %d: both dg-warning and dg-bogus" % no)
        code = strip_comments(self.lines)
        self.ends = {no for no, t in enumerate(code, 1) if t.rstrip().endswith((";", "{", "}"))}

    def stmt_range(self, d):
        """Lines an expectation may sit on to claim a diagnostic at line d: [d, first end]."""
        last = d
        while last not in self.ends and last < len(self.lines):
            last += 1
        return range(d, last + 1)

    def runs(self, engine):
        return engine in self.engines


# ---------------------------------------------------------------------- compiler output ---

class Diag:
    def __init__(self, file, line, col, kind, msg, slug):
        self.file, self.line, self.col, self.kind, self.msg, self.slug = \
            file, line, col, kind, msg, slug
        self.expansions = []    # (file, line) of "in expansion of macro" notes, innermost first

    def where(self):
        """Where the diagnostic is, macro expansions resolved to the outermost use."""
        return self.expansions[-1] if self.expansions else (self.file, self.line)

    def __repr__(self):
        return "%s:%d %s %s" % (self.file, self.line, self.kind, self.slug or self.msg)


EXPANSION_RE = re.compile(r"^in expansion of macro ")


def parse_text(output):
    """Diagnostics (warnings, errors) from GCC's text output. Notes are dropped, except that
    "in expansion of macro" notes right after a diagnostic's own location are kept as the
    places the macro was used (GCC puts a diagnostic inside a macro at its definition)."""
    diags = []
    for raw in output.splitlines():
        m = DIAG_RE.match(raw)
        if m and m.group("kind") == "note":
            if diags and EXPANSION_RE.match(m.group("msg")) and diags[-1].open:
                diags[-1].expansions.append((m.group("file"), int(m.group("line"))))
            elif diags:
                diags[-1].open = False
            continue
        if not m:
            continue
        t = TAG_RE.search(m.group("msg"))
        diags.append(Diag(m.group("file"), int(m.group("line")), int(m.group("col") or 0),
                          m.group("kind"), m.group("msg"), t.group(1) if t else None))
        diags[-1].open = True
    return diags


def parse_json(output):
    """Diagnostics from -fdiagnostics-format=json (a JSON array on stderr)."""
    start = output.find("[")
    if start < 0:
        raise ValueError("no JSON array in the compiler output")
    data = json.loads(output[start:output.rfind("]") + 1])
    diags = []
    for d in data:
        if d.get("kind") == "note":
            continue
        msg = d.get("message", "")
        t = TAG_RE.search(msg) or TAG_RE.search("[%s]" % d.get("option", ""))
        loc = (d.get("locations") or [{}])[0].get("caret", {})
        diags.append(Diag(loc.get("file", "?"), int(loc.get("line", 0)),
                          int(loc.get("column", 0)), d.get("kind", "?"), msg,
                          t.group(1) if t else None))
    return diags


# ---------------------------------------------------------------------------- comparing ---

class Result:
    def __init__(self):
        self.problems = []      # lines "missing: 12 dma-on-stack", ...
        self.fatal = []         # crashes, compiler warnings: failures even if known-to-fail
        self.expected = []      # "12 dma-on-stack"
        self.got = []

    @property
    def ok(self):
        return not self.problems and not self.fatal


def compare(case, rc, output, rules, diags=None, src_name=None):
    """Compare one compile's output with the case's expectations.

    rc: exit status (negative = killed by a signal, None = timeout); output: stdout+stderr;
    diags: already parsed diagnostics (JSON mode) or None to parse `output` as text.
    """
    res = Result()
    for e in case.errors:
        res.fatal.append("case: " + e)
    if rc is None:
        res.fatal.append("compiler timed out")
    elif rc < 0:
        res.fatal.append("compiler killed by signal %d" % -rc)
    elif rc != 0:
        res.fatal.append("compiler exited %d" % rc)
    for raw in output.splitlines():
        if ICE_RE.search(raw):
            res.fatal.append("crash: " + raw.strip())
    if diags is None:
        diags = parse_text(output)
    src = os.path.normpath(src_name or case.path)

    for line in sorted(case.warn):
        for slug in sorted(case.warn[line]):
            res.expected.append("%d %s" % (line, slug))
    satisfied = set()
    for d in diags:
        if d.slug is None:
            res.fatal.append("compiler: %s:%d: %s: %s" % (d.file, d.line, d.kind, d.msg))
            continue
        res.got.append("%d %s" % (d.line, d.slug) if not d.expansions else
                       "%d %s (macro used at %s)" % (d.line, d.slug, ", ".join(
                           "%s:%d" % (os.path.basename(f), l) for f, l in d.expansions)))
        if d.kind != "warning":
            res.problems.append("not a warning: %d %s (%s)" % (d.line, d.slug, d.kind))
        if d.slug not in rules:
            res.problems.append("unknown rule: %d %s" % (d.line, d.slug))
        elif rules[d.slug] not in d.msg:
            res.problems.append("message: %d %s: %r does not contain the catalogue's %r"
                                % (d.line, d.slug, d.msg, rules[d.slug]))
        # the diagnostic's own line, then the lines its macro was used on
        places = [l for f, l in [(d.file, d.line)] + d.expansions if os.path.normpath(f) == src]
        if not places:
            res.problems.append("unexpected: %s:%d %s (outside the case)" % (d.file, d.line, d.slug))
            continue
        claimed = False
        for line in [l for p in places for l in case.stmt_range(p)]:
            if d.slug in case.warn.get(line, ()):
                satisfied.add((line, d.slug))
                claimed = True
                break
        if claimed:
            continue
        at = places[-1]
        bog = [l for p in places for l in case.stmt_range(p)
               if "" in case.bogus.get(l, ()) or d.slug in case.bogus.get(l, ())]
        if bog:
            res.problems.append("unexpected: %d %s (line %d is dg-bogus)" % (at, d.slug, bog[0]))
        else:
            res.problems.append("unexpected: %d %s" % (at, d.slug))
    for line in sorted(case.warn):
        for slug in sorted(case.warn[line]):
            if (line, slug) not in satisfied:
                res.problems.append("missing: %d %s" % (line, slug))
    res.got.sort(key=lambda s: (int(s.split()[0]), s))
    return res


def verdict(case, level, res, engine="gcc"):
    """PASS, FAIL, XFAIL or XPASS for one run of a case on an engine."""
    mark = case.ktfs.get(engine)
    ktf = mark is not None and (mark[0] is None or level in mark[0])
    if res.fatal:
        return "FAIL"
    if ktf:
        return "XPASS" if res.ok else "XFAIL"
    return "PASS" if res.ok else "FAIL"


# ------------------------------------------------------------------------------ running ---

def compile_case(cc, plugin, case, level, extra=()):
    cmd = [cc, "-std=gnu11", "-Wall"]
    if plugin:
        cmd.append("-fplugin=" + plugin)
    cmd += ["-c", "-o", "/dev/null", "-nostdinc", "-isystem", os.path.relpath(INCLUDE, ROOT),
            "-fdiagnostics-color=never", level] + list(extra) + [os.path.relpath(case.path, ROOT)]
    env = dict(os.environ, LC_ALL="C", LANG="C")
    try:
        p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=env, timeout=COMPILE_TIMEOUT, universal_newlines=True,
                           errors="replace")
        return cmd, p.returncode, p.stdout + p.stderr, p.stderr
    except subprocess.TimeoutExpired:
        return cmd, None, "", ""
    except OSError as e:
        return cmd, 127, "cannot run %s: %s" % (cc, e), ""


def run_tool(cmd, env=None):
    """Run one engine command in ROOT: (rc, stdout + stderr, stderr); rc None on a timeout."""
    env = dict(os.environ, LC_ALL="C", LANG="C", **(env or {}))
    try:
        p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=env, timeout=COMPILE_TIMEOUT, universal_newlines=True,
                           errors="replace")
        return p.returncode, p.stdout + p.stderr, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", ""
    except OSError as e:
        return 127, "cannot run %s: %s" % (cmd[0], e), ""


# ------------------------------------------------------------------------------ engines ---
#
# An engine says which levels a case runs at, how one run is done and how its output is read.
# run(args, case, level) returns (command for -v, rc, output, diagnostics or None); None means
# "parse `output` as GCC-style text" (compare() does that). Adding an engine is a few lines:
# a class (or a GccStyleTool instance) and an entry in ENGINES.

class GccEngine:
    """The GCC plugin: compile_case() at each --opt level (and 'json' with --json)."""
    name = "gcc"

    def setup(self, args):
        if args.no_plugin:
            args.plugin = None
            return None
        args.plugin = os.path.abspath(args.plugin)
        if not os.path.isfile(args.plugin):
            return "plugin %s not found (make plugin, or --plugin PATH)" % args.plugin
        return None

    def levels(self, args):
        return args.levels + (["json"] if args.json else [])

    def run(self, args, case, level):
        cmd, rc, out, _ = compile_case(args.cc, args.plugin, case, level)
        return cmd, rc, out, None


class GccStyleTool:
    """A checker run like a compiler that prints GCC-style diagnostics on stderr, e.g.
    dmacheck-sparse: TOOL -nostdinc -isystem testsuite/include case.c (as sparse/run-cases.sh).
    `option` is the run.py option that gives its path (the engine is off without it)."""

    def __init__(self, name, option, levels=("-O2",)):
        self.name, self.option, self._levels = name, option, list(levels)

    def setup(self, args):
        path = getattr(args, self.option, None)
        if not path:
            return "engine %s needs --%s PATH" % (self.name, self.option)
        setattr(args, self.option, os.path.abspath(path))
        if not os.access(getattr(args, self.option), os.X_OK):
            return "%s: %s is not an executable" % (self.name, path)
        return None

    def levels(self, args):
        return [self.name]

    def run(self, args, case, level):
        cmd = [getattr(args, self.option), "-nostdinc", "-isystem",
               os.path.relpath(INCLUDE, ROOT), os.path.relpath(case.path, ROOT)]
        rc, out, _ = run_tool(cmd)
        return cmd, rc, out, None


COCCI_OPTIONS_RE = re.compile(r"^//\s*Options:\s*(.*)$", re.M)


def cocci_scripts():
    try:
        return sorted(os.path.join(COCCI_DIR, f) for f in os.listdir(COCCI_DIR)
                      if f.endswith(".cocci"))
    except OSError:
        return []


def cocci_command(spatch, script, src, mode="report"):
    """spatch on one file as `make coccicheck` runs it: -D MODE and the script's Options."""
    with open(script, encoding="utf-8") as f:
        m = COCCI_OPTIONS_RE.search(f.read())
    opts = m.group(1).split() if m else []
    return [spatch, "--very-quiet", "-D", mode] + opts + [
        "--sp-file", os.path.relpath(script, ROOT), src]


class CocciEngine:
    """The Coccinelle scripts cocci/*.cocci, each applied in report mode; one level 'cocci'.
    Anything spatch prints that is not a report line is a failure (parse errors, Python
    tracebacks, SmPL warnings)."""
    name = "cocci"

    def setup(self, args):
        if not cocci_scripts():
            return "no cocci/*.cocci"
        try:
            subprocess.run([args.spatch, "--version"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            return "cannot run %s: %s (--spatch PATH)" % (args.spatch, e)
        return None

    def levels(self, args):
        return ["cocci"]

    def run(self, args, case, level):
        src = os.path.relpath(case.path, ROOT)
        cmds, rc_all, outs = [], 0, []
        for script in cocci_scripts():
            cmd = cocci_command(args.spatch, script, src)
            cmds.append(" ".join(cmd))
            rc, out, _ = run_tool(cmd)
            if rc is None or rc != 0:
                rc_all = rc if rc_all == 0 else rc_all
            outs.append(out)
        out = "".join(outs)
        return [" ; ".join(cmds)], rc_all, out, parse_cocci(out)


def parse_cocci(output):
    """Report lines of spatch; every other non-empty line becomes a 'compiler' diagnostic
    without a rule (so compare() fails the case on it)."""
    diags = []
    for raw in output.splitlines():
        if not raw.strip():
            continue
        m = DIAG_RE.match(raw)
        if m:
            t = TAG_RE.search(m.group("msg"))
            diags.append(Diag(m.group("file"), int(m.group("line")), int(m.group("col") or 0),
                              m.group("kind"), m.group("msg"), t.group(1) if t else None))
        else:
            diags.append(Diag("spatch", 0, 0, "output", raw.strip(), None))
    return diags


class CoreEngine:
    """The reference core as oracle (testsuite/oracle.py): the case runs natively under every
    host controller model and the core's events are compared with the expectations line by
    line. One run per case ("native"); the rows of its agreement table are kept for the end."""
    name = "core"

    def setup(self, args):
        import oracle
        args.core_rows = {}
        return oracle.setup(args)

    def levels(self, args):
        return ["native"]

    def check(self, args, case):
        import oracle
        status, cmd, detail, rows = oracle.check(args, case, COMPARED_RULES)
        args.core_rows.setdefault(case.path, rows)
        return status, cmd, detail


ENGINES = {
    "gcc": GccEngine(),
    "cocci": CocciEngine(),
    "sparse": GccStyleTool("sparse", "sparse"),
    "core": CoreEngine(),
}
RESERVED_ENGINES = ()


def run_one(args, rules, case, level, engine="gcc"):
    """Run a case on an engine at one level (or 'json') and return (status, cmd, details)."""
    src = os.path.relpath(case.path, ROOT)
    out = ""
    if engine == "core":
        status, cmd, detail = ENGINES["core"].check(args, case)
        if status == "FAIL" and case.ktfs.get("core"):
            status = "XFAIL"
        elif status == "PASS" and case.ktfs.get("core"):
            status = "XPASS"
            detail.append("    known-to-fail (%s) but passed: remove the marker"
                          % case.ktfs["core"][1])
        return status, cmd, detail
    if engine == "gcc" and level == "json":
        lvl = args.levels[0]
        cmd, rc, out, err = compile_case(args.cc, args.plugin, case, lvl,
                                         ["-fdiagnostics-format=json"])
        try:
            jd = parse_json(err) if rc is not None else []
        except ValueError as e:
            res = Result()
            res.fatal.append("json: cannot parse the output: %s" % e)
            return "FAIL", cmd, ["    " + p for p in res.fatal] + ["    | " + l for l in out.splitlines()[:20]]
        res = compare(case, rc, "", rules, diags=jd, src_name=src)
        # the same findings as the text output at that level
        cmd2, rc2, out2, _ = compile_case(args.cc, args.plugin, case, lvl)
        text = sorted((d.where()[1], d.slug or d.msg) for d in parse_text(out2))
        js = sorted((d.where()[1], d.slug or d.msg) for d in jd)
        if text != js:
            res.fatal.append("json: findings differ from the text output at %s: json %s, text %s"
                             % (lvl, js, text))
        status = verdict(case, lvl, res, engine)
    else:
        cmd, rc, out, diags = ENGINES[engine].run(args, case, level)
        res = compare(case, rc, out, rules, diags=diags, src_name=src)
        status = verdict(case, level, res, engine)
    detail = []
    if status in ("FAIL", "XPASS") or args.verbose:
        if status == "XPASS":
            detail.append("    known-to-fail (%s) but passed: remove the marker"
                          % case.ktfs[engine][1])
        for e in res.expected:
            detail.append("    expected: " + e)
        for g in res.got:
            detail.append("    got: " + g)
        for p in res.fatal + res.problems:
            detail.append("    " + p)
        if args.verbose or res.fatal:
            detail += ["    | " + l for l in out.splitlines()[:40]]
    return status, cmd, detail


# ------------------------------------------------------------------------- patch mode ---
#
# The Coccinelle scripts' patch mode, checked on chosen cases: spatch -D patch must change the
# case; the patched file must compile without any warning and pass every engine of the run.
# In the patched file the dg-warnings of the patched rule in the functions the patch changed
# become dg-bogus of that rule (the bug is gone; spatch may move the comment to the line it
# inserts), everything else keeps its expectation (a warning the patch must leave, like a
# byte count that is really used, still has to come out).

PATCH_CASES = [
    ("dma-on-stack", "dma-on-stack/038-control-msg-error-only.c"),
    ("urb-dma-flag-missing", "urb-dma-flag-missing/001-usbmouse-probe.c"),
    ("urb-dma-flag-missing", "urb-dma-flag-missing/003-alloc-into-urb-handle.c"),
    ("urb-dma-flag-missing", "urb-dma-flag-missing/004-dvb-usb-stream.c"),
    ("urb-dma-flag-missing", "urb-dma-flag-missing/008-usbkbd-xpad.c"),
    ("dma-mapping-error-unchecked", "dma-mapping-error-unchecked/002-rx-refill-and-tests.c"),
    ("dma-unmap-sg-nents-mismatch", "dma-unmap-sg-nents-mismatch/001-omap-mmc-sg-len.c"),
    ("dma-map-vmalloc", "dma-map-vmalloc/002-smsusb-firmware.c"),
    ("urb-control-dir-mismatch", "urb-control-dir-mismatch/006-direct-requests.c"),
]


def patched_case(orig, new_text, new_path, slug):
    """The Case of a patched file, with the expectations as described above; and how many
    dg-warnings of slug the patch turned into dg-bogus."""
    import difflib
    old_lines, new_lines = orig.lines, new_text.split("\n")
    changed = set()
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines).get_opcodes():
        if tag != "equal":
            changed.update(range(j1 + 1, max(j2, j1 + 1) + 1))
    func, n = {}, 0
    for no, line in enumerate(new_lines, 1):
        func[no] = n
        if line.startswith("}"):
            n += 1
    touched = {func[l] for l in changed if l in func}
    case = Case(new_path, new_text)
    fixed = 0
    for line in sorted(case.warn):
        if slug in case.warn[line] and func.get(line) in touched:
            case.warn[line].discard(slug)
            if not case.warn[line]:
                del case.warn[line]
            case.bogus.setdefault(line, set()).add(slug)
            # the fixed line has no bug left: a declared difference of the core there is void
            case.lines[line - 1] = re.sub(r'\{\s*core-differs\s+"[^"]*"\s+"[^"]*"\s*\}', "",
                                          case.lines[line - 1])
            fixed += 1
    return case, fixed, changed


def patch_check(args, rules, engines, slug, rel, tmpdir):
    """Yield (status, name, detail lines) for one patch case on each engine and level."""
    src = os.path.join(CASES, rel)
    orig = Case(src)
    script = os.path.join(COCCI_DIR, slug + ".cocci")
    out_path = os.path.join(tmpdir, os.path.basename(rel))
    cmd = cocci_command(args.spatch, script, os.path.relpath(src, ROOT), "patch") + ["-o", out_path]
    rc, out, err = run_tool(cmd)         # the diff on stdout, the patched file in out_path
    name = "patch %s %s" % (os.path.basename(script), "cases/" + rel)
    try:
        with open(out_path, encoding="utf-8") as f:
            new_text = f.read()
    except OSError:
        new_text = None
    if rc != 0 or new_text is None or err.strip():
        yield "FAIL", name + " spatch", ["    $ " + " ".join(cmd), "    spatch exited %s" % rc] + \
            ["    | " + l for l in err.splitlines()[:20]]
        return
    if new_text == "\n".join(orig.lines):
        yield "FAIL", name + " spatch", ["    the patch changed nothing"]
        return
    case, fixed, changed = patched_case(orig, new_text, out_path, slug)
    if not fixed:
        yield "FAIL", name + " spatch", ["    the patch fixed no dg-warning of %s" % slug]
        return
    yield "PASS", name + " spatch", ["    changed lines %s, %d dg-warning fixed" %
                                     (sorted(changed), fixed)] if args.verbose else []
    for e in engines:
        for level in ENGINES[e].levels(args):
            if level == "json":
                continue
            if e == "core":     # the fixed code, run: the core must agree the bug is gone
                status, _, detail = ENGINES["core"].check(args, case)
                yield status, "%s %s" % (name, level), detail
                continue
            cmd2, rc2, out2, diags = ENGINES[e].run(args, case, level)
            res = compare(case, rc2, out2, rules, diags=diags, src_name=os.path.relpath(out_path, ROOT))
            status = "PASS" if res.ok else "FAIL"
            detail = []
            if status == "FAIL" or args.verbose:
                detail += ["    expected: " + x for x in res.expected]
                detail += ["    got: " + x for x in res.got]
                detail += ["    " + x for x in res.fatal + res.problems]
            yield status, "%s %s" % (name, level), detail


def find_cases(filters, root=CASES):
    found = []
    for dirpath, _, files in os.walk(root):
        for f in files:
            if f.endswith(".c"):
                found.append(os.path.join(dirpath, f))
    found.sort()
    if filters:
        sel = []
        for p in found:
            rel = os.path.relpath(p, HERE)
            for flt in filters:
                fa = os.path.abspath(flt)
                if fa == p or flt in rel or flt in os.path.relpath(p, ROOT):
                    sel.append(p)
                    break
        found = sel
    return found


def catalogue_check(cases, rules, out, engines=("gcc",)):
    """Slugs used exist; each mission rule has >= MIN_LINES must-warn and dg-bogus lines among
    the cases of each engine; so has each of LIFECYCLE_RULES for each engine its cases run on."""
    passed = failed = 0
    bad = []
    warn = {e: {r: 0 for r in COMPARED_RULES} for e in engines}
    silent = {e: {r: 0 for r in COMPARED_RULES} for e in engines}
    claimed = {(e, os.path.basename(os.path.dirname(c.path))) for c in cases for e in engines
               if c.runs(e)}
    for c in cases:
        d = os.path.basename(os.path.dirname(c.path))
        if d not in rules:
            bad.append("%s: directory %s is not a rule slug" % (c.rel, d))
        for line, slugs in c.warn.items():
            for s in slugs:
                if s not in rules:
                    bad.append("%s:%d: dg-warning names unknown rule %s" % (c.rel, line, s))
                for e in engines:
                    if c.runs(e) and s in warn[e]:
                        warn[e][s] += 1
        for line, slugs in c.bogus.items():
            for s in slugs:
                if s == "":
                    s = d
                if s and s not in rules:
                    bad.append("%s:%d: dg-bogus names unknown rule %s" % (c.rel, line, s))
                for e in engines:
                    if c.runs(e) and s in silent[e]:
                        silent[e][s] += 1
    if bad:
        failed += 1
        out("FAIL catalogue: every rule named by a case exists in rules/rules.def")
        for b in bad:
            out("    " + b)
    else:
        passed += 1
        out("PASS catalogue: every rule named by a case exists in rules/rules.def")
    for e in engines:
        for r in COMPARED_RULES:
            if r in LIFECYCLE_RULES and (r not in LIFECYCLE_COUNTED or (e, r) not in claimed):
                continue
            ok = warn[e][r] >= MIN_LINES and silent[e][r] >= MIN_LINES
            out("%s catalogue: %s: %d must-warn, %d must-stay-silent lines for %s (need %d each)"
                % ("PASS" if ok else "FAIL", r, warn[e][r], silent[e][r], e, MIN_LINES))
            passed, failed = passed + ok, failed + (not ok)
    return passed, failed


COCCI_MSG_RE = re.compile(r"^    '([a-z0-9-]+)': (['\"])(.*)\2,$", re.M)
COCCI_SLUG_RE = re.compile(r"^SLUG = '([a-z0-9-]+)'$", re.M)


def cocci_catalogue_check(rules, out, scripts=None, gen_check=True):
    """Each cocci/<slug>.cocci names a rule of rules/rules.def, carries its slug and the
    catalogue's messages unchanged, and is what cocci/gen.py makes of rules/*.def today."""
    passed = failed = 0
    for path in (cocci_scripts() if scripts is None else scripts):
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        problems = []
        m = COCCI_SLUG_RE.search(text)
        slug = name[:-len(".cocci")]
        if not m or m.group(1) != slug:
            problems.append("SLUG is %s, not the file's name %s" % (m and m.group(1), slug))
        if slug not in rules:
            problems.append("%s is not a rule of rules/rules.def" % slug)
        msgs = {k: v.replace("\\'", "'") for k, _q, v in COCCI_MSG_RE.findall(text)}
        if msgs.get(slug) != rules.get(slug):
            problems.append("message %r is not the catalogue's %r" % (msgs.get(slug), rules.get(slug)))
        for k, v in sorted(msgs.items()):
            if rules.get(k) != v:
                problems.append("message of %s %r differs from rules/rules.def (%r)"
                                % (k, v, rules.get(k)))
        if "[dmacheck-%s]" not in text and "dmacheck-%s]" not in text:
            problems.append("does not print [dmacheck-<slug>]")
        status = "FAIL" if problems else "PASS"
        out("%s catalogue: cocci/%s carries the slug and message of rules/rules.def" % (status, name))
        for p in problems:
            out("    " + p)
        passed, failed = passed + (not problems), failed + bool(problems)
    if gen_check:
        p = subprocess.run([sys.executable, os.path.join(COCCI_DIR, "gen.py"), "--check"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        ok = p.returncode == 0
        out("%s catalogue: cocci/*.cocci are what cocci/gen.py makes of rules/*.def"
            % ("PASS" if ok else "FAIL"))
        if not ok:
            out("".join("    " + l + "\n" for l in p.stdout.splitlines()).rstrip("\n"))
        passed, failed = passed + ok, failed + (not ok)
    return passed, failed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("filters", nargs="*", help="run only cases whose path contains one of these")
    ap.add_argument("--engine", default="gcc",
                    help="comma-separated engines to run: %s (default gcc)" % ",".join(ENGINES))
    ap.add_argument("--plugin", default=os.path.join(ROOT, "plugin", "dmacheck.so"))
    ap.add_argument("--no-plugin", action="store_true",
                    help="compile without the plugin (checks the runner: dg-warnings must fail)")
    ap.add_argument("--cc", default=os.environ.get("CC") or "gcc")
    ap.add_argument("--opt", default="-O0 -O2 -Os", help='levels, default "-O0 -O2 -Os"')
    ap.add_argument("--spatch", default=os.environ.get("SPATCH") or "spatch",
                    help="Coccinelle's spatch for the cocci engine (default $SPATCH or spatch)")
    ap.add_argument("--sparse", default=None, help="the dmacheck-sparse binary (engine sparse)")
    ap.add_argument("--cases", default=CASES,
                    help="the directory of cases (default testsuite/cases; the runner's own "
                    "tests use a mutated copy)")
    ap.add_argument("--core-lib", default=os.path.join(ROOT, "build", "libdmacore.a"),
                    help="the reference core the core engine links (default build/libdmacore.a)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json", action="store_true",
                    help="also compile once with -fdiagnostics-format=json and compare")
    ap.add_argument("-v", "--verbose", action="store_true", help="print commands and full output")
    ap.add_argument("--self-test", action="store_true", help="test the comparison logic")
    argv = list(sys.argv[1:] if argv is None else argv)
    for i in range(len(argv) - 1):          # allow --opt "-O2" as well as --opt=-O2
        if argv[i] == "--opt":
            argv[i:i + 2] = ["--opt=" + argv[i + 1]]
            break
    args = ap.parse_args(argv)

    if args.self_test:
        return self_test()
    rules = load_rules()
    engines = [e for e in args.engine.replace(",", " ").split() if e]
    for e in engines:
        if e not in ENGINES:
            print("run.py: unknown engine %s (known: %s)" % (e, ", ".join(ENGINES)),
                  file=sys.stderr)
            return 2
    if not engines:
        print("run.py: --engine lists no engine", file=sys.stderr)
        return 2
    args.levels = args.opt.split()
    if not args.levels:
        print("run.py: --opt lists no level", file=sys.stderr)
        return 2
    for e in engines:
        err = ENGINES[e].setup(args)
        if err:
            print("run.py: %s" % err, file=sys.stderr)
            return 2

    paths = find_cases(args.filters, os.path.abspath(args.cases))
    if not paths and args.filters:
        print("run.py: no case matches %s" % " ".join(args.filters), file=sys.stderr)
        return 2
    cases = [Case(p) for p in paths]
    jobs = [(c, l, e) for e in engines for c in cases if c.runs(e)
            for l in ENGINES[e].levels(args)]

    passed = failed = 0
    xfail = {e: 0 for e in engines}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = [ex.submit(run_one, args, rules, c, l, e) for c, l, e in jobs]
        for (c, l, e), fut in zip(jobs, futs):
            status, cmd, detail = fut.result()
            print("%s %s %s" % (status, c.rel, l))
            if args.verbose:
                print("    $ " + " ".join(cmd))
            for d in detail:
                print(d)
            if status == "PASS":
                passed += 1
            elif status == "XFAIL":
                xfail[e] += 1
            else:
                failed += 1
            sys.stdout.flush()

    if "cocci" in engines and not args.filters:
        import tempfile
        with tempfile.TemporaryDirectory(prefix="dmacheck-patch-") as tmp:
            for slug, rel in PATCH_CASES:
                for status, name, detail in patch_check(args, rules, engines, slug, rel, tmp):
                    print("%s %s" % (status, name))
                    for d in detail:
                        print(d)
                    passed, failed = passed + (status == "PASS"), failed + (status != "PASS")
                    sys.stdout.flush()

    if not args.filters:
        p, f = catalogue_check(cases, rules, print, engines)
        passed, failed = passed + p, failed + f
        if "cocci" in engines:
            p, f = cocci_catalogue_check(rules, print)
            passed, failed = passed + p, failed + f
    if "core" in engines:
        import oracle
        static = [e for e in engines if e != "core"] or ["gcc", "cocci", "sparse"]
        oracle.print_table([(c, args.core_rows.get(c.path, {})) for c in cases if c.runs("core")],
                           static)
        if not args.filters:
            missing = [c.rel for c in cases if not c.runs("core")
                       or not re.search(r"^void case_run\(struct case_env \*env\)$",
                                        "\n".join(c.lines), re.M)]
            ok = not missing
            print("%s oracle: every case runs against the core (check-engines names core, "
                  "case_run() defined)%s" % ("PASS" if ok else "FAIL",
                                               "" if ok else ": not " + ", ".join(missing)))
            passed, failed = passed + ok, failed + (not ok)
    for e in engines:
        runnable = [c for c in cases if c.runs(e)]
        runs = len([j for j in jobs if j[2] == e])
        if e == "gcc":
            print("testsuite: %d cases, %d compiles, %d XFAIL, %d cases without gcc"
                  % (len(runnable), runs, xfail[e], len(cases) - len(runnable)))
        else:
            print("testsuite: %s: %d cases, %d runs, %d XFAIL, %d cases without %s"
                  % (e, len(runnable), runs, xfail[e], len(cases) - len(runnable), e))
    print("testsuite: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


# ---------------------------------------------------------------------------- self-test ---

SELF_CASE = """\
/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc */
/* origin: synthetic */
/* what: runner self-test */
int f(void)
{
	char buf[8];
	int ret;

	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 1, 2, 0, 0,
			      buf, sizeof(buf), 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
	ret = usb_control_msg_recv(udev, 0, 1, 2, 0, 0, buf, 2, 1000, 0); /* { dg-bogus "dmacheck" } */
	return ret;
}
"""

W = "warning: DMA buffer is on the stack [dmacheck-dma-on-stack]"


JUDGED = {"PASS": "a pass", "FAIL": "a failure", "XFAIL": "a known failure",
          "XPASS": "a known failure that passes"}


def self_test():
    rules = load_rules()
    src = "t.c"
    passed = failed = 0

    def check(name, text, rc, output, want, diags=None, level="-O2", engine="gcc"):
        nonlocal passed, failed
        case = Case(src, text)
        res = compare(case, rc, output, rules, diags=diags, src_name=src)
        got = verdict(case, level, res, engine)
        # the line starts with whether the runner judged right; what it judged is in words,
        # so that no passing line carries "FAIL" (once "ok missing warning: FAIL")
        if got == want:
            passed += 1
            print("PASS self-test %s: judged %s, as it must" % (name, JUDGED.get(got, got)))
        else:
            failed += 1
            print("FAIL self-test %s: judged %s, must be %s" % (
                name, JUDGED.get(got, got), JUDGED.get(want, want)))
            for p in res.fatal + res.problems:
                print("    " + p)

    good = "t.c: In function 'f':\nt.c:10:15: %s\nt.c:7:14: note: 'buf' declared here\n" % W
    check("exact match", SELF_CASE, 0, good, "PASS")
    check("warning on the last line of the statement", SELF_CASE, 0,
          "t.c:11:10: %s\n" % W, "PASS")
    check("missing warning", SELF_CASE, 0, "", "FAIL")
    check("unexpected warning", SELF_CASE, 0,
          good + "t.c:13:9: warning: DMA mask set on a USB interface or USB device "
          "[dmacheck-usb-dma-mask]\n", "FAIL")
    check("warning on a dg-bogus line", SELF_CASE, 0, good + "t.c:12:15: %s\n" % W, "FAIL")
    check("wrong rule", SELF_CASE, 0,
          "t.c:10:15: warning: DMA mask set on a USB interface or USB device "
          "[dmacheck-usb-dma-mask]\n", "FAIL")
    check("warning in the previous statement", SELF_CASE, 0, "t.c:8:6: %s\n" % W + good, "FAIL")
    check("unknown rule", SELF_CASE, 0, good + "t.c:12:2: warning: x [dmacheck-no-such-rule]\n",
          "FAIL")
    check("warning in a macro definition, used on the expected line", SELF_CASE, 0,
          "t.c:3:20: %s\nt.c:10:15: note: in expansion of macro 'X'\n"
          "t.c:7:14: note: 'buf' declared here\n" % W, "PASS")
    check("warning in a macro definition, used on a dg-bogus line", SELF_CASE, 0,
          good + "t.c:3:20: %s\nt.c:12:15: note: in expansion of macro 'X'\n" % W, "FAIL")
    check("a later expansion note belongs to the note before it", SELF_CASE, 0,
          "t.c:3:20: %s\nt.c:7:14: note: 'buf' declared here\n"
          "t.c:4:1: note: passed on\nt.c:10:15: note: in expansion of macro 'X'\n" % W, "FAIL")
    check("wrong message", SELF_CASE, 0,
          "t.c:10:15: warning: stack buffer [dmacheck-dma-on-stack]\n", "FAIL")
    check("diagnostic in a header", SELF_CASE, 0,
          good + "include/linux/usb.h:400:2: %s\n" % W, "FAIL")
    check("ICE", SELF_CASE, 1,
          "t.c: In function 'f':\nt.c:10:15: internal compiler error: Segmentation fault\n"
          "Please submit a full bug report, with preprocessed source.\n", "FAIL")
    check("ICE with the expected warning", SELF_CASE, 1,
          good + "t.c:14:1: internal compiler error: in dmacheck_execute, at dmacheck.c:99\n",
          "FAIL")
    check("non-zero exit", SELF_CASE, 1, good, "FAIL")
    check("killed by a signal", SELF_CASE, -11, good, "FAIL")
    check("timeout", SELF_CASE, None, good, "FAIL")
    check("other compiler warning", SELF_CASE, 0,
          good + "t.c:8:6: warning: unused variable 'x' [-Wunused-variable]\n", "FAIL")
    check("plugin load error", SELF_CASE, 1,
          "cc1: error: cannot load plugin dmacheck.so: cannot open shared object file\n", "FAIL")
    ktf = SELF_CASE.replace("/* origin: synthetic */",
                            "/* origin: synthetic */\n/* known-to-fail: gcc not yet */")
    # (the marker line moves the code down by one line)
    check("known-to-fail, failing", ktf, 0, "t.c:13:15: %s\n" % W, "XFAIL")
    check("known-to-fail, passing", ktf, 0, "t.c:12:15: %s\n" % W, "XPASS")
    check("known-to-fail, crashing", ktf, 1,
          "t.c:10:15: internal compiler error: Segmentation fault\n", "FAIL")
    ktf2 = SELF_CASE.replace("/* origin: synthetic */",
                             "/* origin: synthetic */\n/* known-to-fail: gcc -O2 -Os inlining */")
    check("known-to-fail at -O2 only, -O0 failing", ktf2, 0, "", "FAIL", level="-O0")
    check("known-to-fail at -O2 only, -O2 failing", ktf2, 0, "", "XFAIL", level="-O2")
    bad = SELF_CASE.replace('"dmacheck-dma-on-stack"', '"dma-on-stack"')
    check("malformed dg-warning", bad, 0, good, "FAIL")
    js = json.dumps([
        {"kind": "warning", "message": "DMA buffer is on the stack [dmacheck-dma-on-stack]",
         "locations": [{"caret": {"file": "t.c", "line": 10, "column": 15}}],
         "children": [{"kind": "note", "message": "'buf' declared here",
                       "locations": [{"caret": {"file": "t.c", "line": 7, "column": 14}}]}]}])
    check("json output", SELF_CASE, 0, "", "PASS", diags=parse_json(js))
    check("json output, missing", SELF_CASE, 0, "", "FAIL", diags=parse_json("[]"))
    jsopt = json.dumps([{"kind": "warning", "message": "DMA buffer is on the stack",
                         "option": "dmacheck-dma-on-stack",
                         "locations": [{"caret": {"file": "t.c", "line": 11, "column": 1}}]}])
    check("json output, rule as option", SELF_CASE, 0, "", "PASS", diags=parse_json(jsopt))

    # the cocci engine: coccilib's report lines (col-col), anything else spatch prints fails
    CW = "t.c:10:24-27: warning: DMA buffer is on the stack [dmacheck-dma-on-stack]\n"
    check("cocci report line", SELF_CASE, 0, CW, "PASS", diags=parse_cocci(CW), level="cocci",
          engine="cocci")
    check("cocci report line on the last line of the call", SELF_CASE, 0,
          CW.replace(":10:", ":11:"), "PASS", diags=parse_cocci(CW.replace(":10:", ":11:")),
          level="cocci", engine="cocci")
    check("cocci missing", SELF_CASE, 0, "", "FAIL", diags=parse_cocci(""), level="cocci",
          engine="cocci")
    junk = CW + "warning: rule stk: metavariable e not used\n"
    check("cocci SmPL warning", SELF_CASE, 0, junk, "FAIL", diags=parse_cocci(junk),
          level="cocci", engine="cocci")
    tb = CW + "Traceback (most recent call last):\nError in Python script, line 3\n"
    check("cocci Python traceback", SELF_CASE, 0, tb, "FAIL", diags=parse_cocci(tb),
          level="cocci", engine="cocci")
    check("cocci exit status", SELF_CASE, 255, CW, "FAIL", diags=parse_cocci(CW), level="cocci",
          engine="cocci")
    kc = SELF_CASE.replace("/* check-engines: gcc */", "/* check-engines: gcc cocci */").replace(
        "/* origin: synthetic */", "/* origin: synthetic */\n/* known-to-fail: cocci no wrappers */")
    check("known-to-fail: cocci, failing on cocci", kc, 0, "", "XFAIL", diags=[], level="cocci",
          engine="cocci")
    check("known-to-fail: cocci, passing on cocci", kc, 0, CW.replace(":10:", ":11:"), "XPASS",
          diags=parse_cocci(CW.replace(":10:", ":11:")), level="cocci", engine="cocci")
    check("known-to-fail: cocci does not excuse gcc", kc, 0, "", "FAIL", level="-O2",
          engine="gcc")
    check("known-to-fail: gcc does not excuse cocci", ktf, 0, "", "FAIL", diags=[],
          level="cocci", engine="cocci")
    check("unknown engine in check-engines", SELF_CASE.replace("gcc */", "gcc clang */"), 0,
          good, "FAIL")
    check("known-to-fail without a reason", SELF_CASE.replace(
        "/* origin: synthetic */", "/* origin: synthetic */\n/* known-to-fail: cocci */"), 0,
          "t.c:12:15: %s\n" % W, "FAIL")

    def expect(name, cond):
        nonlocal passed, failed
        if cond:
            passed += 1
            print("PASS self-test %s" % name)
        else:
            failed += 1
            print("FAIL self-test %s" % name)

    # which cases run on which engine; how each engine is invoked
    c_gcc = Case(src, SELF_CASE)
    c_both = Case(src, kc)
    expect("engines: a gcc-only case does not run on cocci",
           c_gcc.runs("gcc") and not c_gcc.runs("cocci"))
    expect("engines: a gcc cocci case runs on both", c_both.runs("gcc") and c_both.runs("cocci"))
    expect("engines: every engine in the table has setup, levels and run (check for core)",
           all(hasattr(e, "setup") and hasattr(e, "levels") and
               (hasattr(e, "check") if e.name == "core" else hasattr(e, "run"))
               for e in ENGINES.values()))

    class A:
        sparse = "/bin/true"
        spatch = "spatch"
    sp = ENGINES["sparse"]
    expect("engines: sparse needs --sparse", sp.setup(type("N", (), {"sparse": None})()) is not None)
    expect("engines: sparse is run like a compiler on the case",
           sp.setup(A) is None and sp.levels(A) == ["sparse"])
    cmd, rc, out, diags = sp.run(A, c_gcc, "sparse") if os.path.exists("/bin/true") else \
        (["/bin/true"], 0, "", None)
    expect("engines: sparse command line", cmd[0] == "/bin/true" and cmd[-1] == src
           and "-nostdinc" in cmd and rc in (0, 127) and diags is None)
    script = os.path.join(COCCI_DIR, "dma-on-stack.cocci")
    if os.path.exists(script):
        cc = cocci_command("spatch", script, "t.c")
        expect("engines: spatch gets -D report, the script's Options and the case",
               cc[:4] == ["spatch", "--very-quiet", "-D", "report"] and "--no-includes" in cc
               and cc[-1] == "t.c" and cc[-3] == "--sp-file")

    # the .cocci files against the catalogue
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        good_c = os.path.join(tmp, "dma-on-stack.cocci")
        with open(good_c, "w") as f:
            f.write("SLUG = 'dma-on-stack'\nMESSAGES = {\n    'dma-on-stack': %r,\n}\n"
                    "msg = \"%%s [dmacheck-%%s]\"\n" % rules["dma-on-stack"])
        bad_c = os.path.join(tmp, "usb-dma-mask.cocci")
        with open(bad_c, "w") as f:
            f.write("SLUG = 'usb-dma-mask'\nMESSAGES = {\n    'usb-dma-mask': 'DMA mask set on "
                    "a USB thing',\n}\nmsg = \"%%s [dmacheck-%%s]\"\n")
        out = []
        p, f = cocci_catalogue_check(rules, out.append, [good_c], gen_check=False)
        expect("cocci catalogue: a script with the catalogue's message passes", (p, f) == (1, 0))
        out = []
        p, f = cocci_catalogue_check(rules, out.append, [bad_c], gen_check=False)
        expect("cocci catalogue: a drifted message fails", (p, f) == (0, 1))
        stray = os.path.join(tmp, "dma-on-stak.cocci")
        os.rename(good_c, stray)
        out = []
        p, f = cocci_catalogue_check(rules, out.append, [stray], gen_check=False)
        expect("cocci catalogue: a script named after no rule fails", f == 1)

    # the core engine's per-line comparison (testsuite/oracle.py), on synthetic events
    import oracle
    oc = SELF_CASE.replace("gcc */", "gcc core */")
    c_core = Case(src, oc)

    def ev(model, rule, stack, prov=()):
        return oracle.Event(model, rule, "refused", "usb_hcd_map_urb_for_dma", list(stack),
                            list(prov), "")

    def core_problems(case, events):
        return oracle.compare(case, events, MISSION_RULES)[0]

    every = [ev(m, "dma-on-stack", [10, 20]) for m in oracle.MODELS]
    expect("core: an event on the dg-warning statement under every model agrees",
           core_problems(c_core, every) == [])
    expect("core: an event reaching the line only through a store's provenance agrees",
           core_problems(c_core, [ev(m, "dma-on-stack", [30], [11]) for m in oracle.MODELS]) == [])
    probs = core_problems(c_core, every[1:])
    expect("core: a model that sees nothing is 'static only'",
           len(probs) == 1 and "static only: line 11 dma-on-stack" in probs[0]
           and probs[0].startswith(oracle.MODELS[0]))
    probs = core_problems(c_core, every + [ev("pio", "dma-on-stack", [12])])
    expect("core: an event on the dg-bogus line is 'core only'",
           len(probs) == 1 and "pio: core only: line 12 dma-on-stack" in probs[0])
    expect("core: events of rules no static engine has are not compared",
           core_problems(c_core, every + [ev("pio", "dma-mapping-leak", [12])]) == [])
    expect("core: an event of another mission rule on the line is 'core only'",
           any("core only: line 11 usb-dma-mask" in p
               for p in core_problems(c_core, every + [ev("pio", "usb-dma-mask", [11])])))
    declared = oc.replace('/* { dg-warning "dmacheck-dma-on-stack" } */',
                          '/* { dg-warning "dmacheck-dma-on-stack" } { core-differs "ehci-dma" '
                          '"hidden there" } */')
    expect("core: core-differs excuses the named model",
           core_problems(Case(src, declared), every[1:]) == [])
    probs = core_problems(Case(src, declared), every)
    expect("core: a core-differs where they agree is stale",
           len(probs) == 1 and "says core-differs" in probs[0])
    expect("core: core-differs with an unknown model is malformed",
           any("unknown models" in p for p in core_problems(
               Case(src, declared.replace('"ehci-dma"', '"ehci"')), every)))
    expect("core: a dg-bogus line no model ran proves nothing",
           any("never ran: line 12" in p for p in oracle.compare(c_core, every, MISSION_RULES, {10: 6})[0]))
    expect("core: a dg-bogus line that ran is fine",
           oracle.compare(c_core, every, MISSION_RULES, {10: 6, 12: 6})[0] == [])
    rows = oracle.compare(c_core, every, MISSION_RULES)[1]
    expect("core: the table has the dg-warning row with each model's outcome",
           rows.get((11, "dma-on-stack"), {}).get("pio") == ["REF"])

    # the catalogue check
    lines = []
    c_ok = Case(os.path.join(CASES, "dma-on-stack", "x.c"), SELF_CASE)
    c_bad = Case(os.path.join(CASES, "dma-on-stack", "y.c"),
                 SELF_CASE.replace("dmacheck-dma-on-stack", "dmacheck-dma-on-stak"))
    p, f = catalogue_check([c_ok], rules, lines.append)
    if f == len(MISSION_RULES) and p == 1:      # too few lines for every rule, slugs fine
        passed += 1
        print("PASS self-test catalogue: too few lines fail, known slugs pass")
    else:
        failed += 1
        print("FAIL catalogue: %d passed %d failed for one small case" % (p, f))
    lines = []
    p, f = catalogue_check([c_bad], rules, lines.append)
    if lines and lines[0].startswith("FAIL"):
        passed += 1
        print("PASS self-test catalogue: unknown slug fails")
    else:
        failed += 1
        print("FAIL catalogue: unknown slug not reported")

    print("testsuite-selftest: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
