# SPDX-License-Identifier: GPL-2.0
"""testsuite/oracle.py - the `core` engine of run.py: each case runs natively against the
reference core, and the core's verdict is compared, line by line, with the static one.

How a case runs (testsuite/oracle/): the case is compiled as ordinary C (-O0 -g, -fno-inline,
-DDMACHECK_ORACLE, the same testsuite/include headers) and linked with the shim that
implements those headers over the core (shim-*.c), the tracer (trace.c) and the harness
(harness.c, main.c). The binary runs the case's case_run() once per host controller model, in
a fresh model machine each time, and prints the core's events with code addresses; addr2line
turns them into lines of the case (the frames of the call stack that lie in the case file, and
the statements that stored the URB fields or made the pages the core judged).

Comparison, per model, for the mission rules (the ones the static engines implement):
  - every dg-warning line of rule R must be reached by an event of rule R: one of the event's
    case lines lies in the same statement (the static side says "bug", so must the core);
  - every event of a mission rule must be claimed by a dg-warning of its rule on one of its
    lines (the core says "bug", so must the static side);
  - every dg-bogus line must have run in some model (gcov of the --coverage build), or the
    core's silence there would prove nothing.
A disagreement fails the case unless the line carries
    { core-differs "<models|all>" "<reason>" }
(inside the same comment as the dg annotation): the case says why the two must differ there.
A core-differs that matches no disagreement fails too (stale). Events of the other rules are
shown in the table but not compared (no static engine claims them yet). Harness errors (an
object the harness never made, a crash in a model) fail the case.

The agreement table (print_table): one row per (line, rule) that either side reports, with
the static engines the case runs and, per model, the core's outcome (REF refused, COR
corruption, REP reported by DMA-API debug, LAT latent, WST waste, SHR shared state; '-' not
seen), '!' marking a disagreement and '~' a declared one.
"""

import atexit
import os
import re
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ORACLE_SRC = os.path.join(HERE, "oracle")
INCLUDE = os.path.join(HERE, "include")
BUILD = os.path.join(ROOT, "build", "oracle")

# dmc_hcd_model_name() of core/usb_hcd.c, in enum order; run_case() fails if the harness
# runs another list, so the two cannot drift apart unnoticed
MODELS = ("ehci-dma", "ehci-iommu", "xhci", "ohci-localmem", "pio", "musb")
LIBC_SIDE = ("trace", "main")                      # compiled with glibc's headers
KERNEL_SIDE = ("shim-mem", "shim-dma", "shim-usb", "shim-drivers", "harness")
OUTCOME_SHORT = {"refused": "REF", "corruption": "COR", "reported": "REP", "latent": "LAT",
                 "waste": "WST", "shared-state": "SHR"}
NATIVE_FLAGS = ["-std=gnu11", "-Wall", "-O0", "-g", "-fno-omit-frame-pointer", "-fno-inline",
                "-DDMACHECK_ORACLE"]
RUN_TIMEOUT = 120

DIFFERS_RE = re.compile(r'\{\s*core-differs\s+"([^"]*)"\s+"([^"]*)"\s*\}')
RECORD_RE = re.compile(r'^(?P<kind>[EX]) (?P<model>\S+) ?(?P<head>[^:]*):(?P<pcs>[^#]*)'
                       r'(?:# ?(?P<detail>.*))?$')


class Event:
    def __init__(self, model, rule, outcome, kfunc, stack, prov, detail):
        self.model, self.rule, self.outcome, self.kfunc = model, rule, outcome, kfunc
        self.stack, self.prov, self.detail = stack, prov, detail   # case lines, innermost first

    @property
    def lines(self):
        seen = []
        for line in self.stack + self.prov:
            if line not in seen:
                seen.append(line)
        return seen


def _run(cmd, timeout=RUN_TIMEOUT):
    try:
        p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, universal_newlines=True, errors="replace")
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %d s" % timeout
    except OSError as e:
        return 127, "", "cannot run %s: %s" % (cmd[0], e)


# ------------------------------------------------------------------------------- build ---

def setup(args):
    """Build the shim, tracer and harness objects once; None or an error message."""
    lib = os.path.abspath(args.core_lib)
    if not os.path.isfile(lib):
        return "core: %s is missing (run make)" % lib
    # one directory per run: parallel runs (make check, a helper, the self-test) never share
    args.core_dir = os.path.join(BUILD, "run-%d" % os.getpid())
    os.makedirs(args.core_dir, exist_ok=True)
    atexit.register(shutil.rmtree, args.core_dir, True)
    objs = []
    for name in LIBC_SIDE + KERNEL_SIDE:
        src = os.path.join(ORACLE_SRC, name + ".c")
        obj = os.path.join(args.core_dir, name + ".o")
        cmd = [args.cc] + NATIVE_FLAGS + ["-I", os.path.join(ROOT, "core", "include"),
                                          "-I", os.path.join(ROOT, "rules")]
        if name in KERNEL_SIDE:
            cmd[1:1] = ["-I", INCLUDE]
        rc, out, err = _run(cmd + ["-c", src, "-o", obj])
        if rc != 0:
            return "core: cannot build %s:\n%s" % (os.path.relpath(src, ROOT), out + err)
        objs.append(obj)
    args.core_objs = objs + [lib]
    return None


def build_case(args, case):
    """Compile and link one case; (binary, cmd, error text or None)."""
    rel = os.path.join(os.path.basename(os.path.dirname(case.path)), os.path.basename(case.path))
    exe = os.path.join(args.core_dir, rel[:-2].replace(os.sep, "__"))
    obj = exe + ".o"
    cmd = [args.cc] + NATIVE_FLAGS + ["--coverage", "-nostdinc", "-isystem", INCLUDE, "-c",
                                      os.path.abspath(case.path), "-o", obj]
    rc, out, err = _run(cmd)
    if rc != 0:
        return None, cmd, "native compile failed:\n" + out + err
    link = [args.cc, "--coverage", "-no-pie", "-o", exe, obj] + args.core_objs + ["-lpthread"]
    rc, out, err = _run(link)
    if rc != 0:
        return None, link, "link failed (a function the case calls has no body: define it "\
                           "in the case, or add it to the shim):\n" + out + err
    return exe, cmd, None


# ------------------------------------------------------------------------------ run ---

def resolve(exe, addrs, case_path):
    """address -> line in the case file (or None)."""
    addrs = sorted(set(addrs))
    if not addrs:
        return {}
    rc, out, err = _run(["addr2line", "-e", exe] + addrs)
    want = os.path.realpath(case_path)
    result = {}
    for a, loc in zip(addrs, out.splitlines()):
        loc = loc.split(" (discriminator")[0]
        f, _, line = loc.rpartition(":")
        result[a] = int(line) if f and os.path.realpath(f) == want and line.isdigit() else None
    return result


def executed_lines(exe, case_path):
    """line -> execution count of the case's lines over all models (gcov of the --coverage
    build; the children's counts add up in one .gcda). Lines gcov has no count for are left
    out. None if gcov could not read them."""
    rc, out, err = _run(["gcov", "-t", "-o", exe + ".o", os.path.abspath(case_path)])
    if rc != 0:
        return None
    want, counts, inside = os.path.realpath(case_path), {}, False
    for raw in out.splitlines():
        count, _, rest = raw.partition(":")
        lineno, _, text = rest.partition(":")
        count, lineno = count.strip(), lineno.strip()
        if lineno == "0" and text.startswith("Source:"):
            inside = os.path.realpath(text[len("Source:"):]) == want
        elif inside and lineno.isdigit() and count != "-":
            counts[int(lineno)] = 0 if count.startswith("#") or count.startswith("=") \
                else int(count.rstrip("*"))
    return counts


def run_case(args, case):
    """Run a case under every model: (events, problems, cmd, raw output, executed lines)."""
    exe, cmd, err = build_case(args, case)
    if err:
        return [], [err.rstrip()], cmd, "", None
    rc, out, stderr = _run([exe])
    problems = []
    if rc is None:
        problems.append("harness: " + stderr)
    records, done = [], set()
    for raw in out.splitlines():
        if raw.startswith("D "):
            parts = raw.split(None, 2)
            if len(parts) == 3 and parts[2] == "ok":
                done.add(parts[1])
            else:
                problems.append("harness: model %s: %s" % (parts[1], parts[2] if len(parts) > 2 else "?"))
            continue
        m = RECORD_RE.match(raw)
        if m:
            stack, _, prov = m.group("pcs").partition("|")
            records.append((m, stack.split(), prov.split()))
    started = [raw.split()[1] for raw in out.splitlines() if raw.startswith("M ")]
    if started and tuple(started) != MODELS:
        problems.append("harness: ran the models %s, oracle.MODELS says %s"
                        % (" ".join(started), " ".join(MODELS)))
    for model in MODELS:
        if model not in done and not any(p.startswith("harness: model %s:" % model) for p in problems):
            problems.append("harness: model %s did not finish" % model)
    where = resolve(exe, [a for _, s, p in records for a in s + p], case.path)
    events = []
    for m, stack, prov in records:
        s_lines = [where[a] for a in stack if where.get(a)]
        p_lines = [where[a] for a in prov if where.get(a)]
        if m.group("kind") == "X":
            problems.append("harness: model %s: line %s: %s"
                            % (m.group("model"), s_lines[0] if s_lines else "?",
                               m.group("detail")))
            continue
        head = m.group("head").split()
        if len(head) < 4:
            problems.append("harness: unreadable record: " + m.group(0))
            continue
        events.append(Event(m.group("model"), head[0], head[1], head[3], s_lines, p_lines,
                            (m.group("detail") or "").strip()))
    ran = executed_lines(exe, case.path)
    if ran is None:
        problems.append("gcov could not read the run's line counts")
    return events, problems, [exe], out + stderr, ran


# -------------------------------------------------------------------------- compare ---

def case_differs(case):
    """line -> (set of models, reason) from { core-differs "MODELS" "reason" }."""
    found, errors = {}, []
    for no, text in enumerate(case.lines, 1):
        for m in DIFFERS_RE.finditer(text):
            models = set(m.group(1).split())
            if models == {"all"}:
                models = set(MODELS)
            bad = models - set(MODELS)
            if bad:
                errors.append("line %d: core-differs names unknown models %s (known: %s)"
                              % (no, " ".join(sorted(bad)), " ".join(MODELS)))
            if not m.group(2).strip():
                errors.append("line %d: core-differs gives no reason" % no)
            found[no] = (models & set(MODELS), m.group(2))
    return found, errors


def compare(case, events, compared, ran=None):
    """Per-line agreement: (problems, rows). rows: {(line, rule): {model: cell}}.
    compared: the rules the static engines implement (run.py's COMPARED_RULES).
    ran: line -> execution count (executed_lines); a must-stay-silent line that never ran
    proves nothing, so it is a disagreement too (None: not checked)."""
    differs, problems = case_differs(case)
    used = set()
    rows = {}

    def declared(lines, model):
        for line in lines:
            for l in case.stmt_range(line):
                if l in differs and model in differs[l][0]:
                    used.add((l, model))
                    return True
        return False

    for (line, rule) in [(l, r) for l in case.warn for r in case.warn[l] if r in compared]:
        rows[(line, rule)] = {}
    for model in MODELS:
        satisfied = set()
        for ev in [e for e in events if e.model == model]:
            claims = [(l, ev.rule) for e_line in ev.lines for l in case.stmt_range(e_line)
                      if ev.rule in case.warn.get(l, ())]
            short = OUTCOME_SHORT.get(ev.outcome, ev.outcome)
            if claims:
                for key in claims:
                    satisfied.add(key)
                    cell = rows.setdefault(key, {}).setdefault(model, [])
                    if short not in cell:
                        cell.append(short)
                continue
            at = ev.stack[0] if ev.stack else (ev.lines[0] if ev.lines else 0)
            key = (at, ev.rule)
            cell = rows.setdefault(key, {}).setdefault(model, [])
            if ev.rule not in compared:
                if short not in cell:
                    cell.append(short)
                continue
            if declared(ev.lines or [at], model):
                mark = short + "~"
            else:
                mark = short + "!"
                problems.append("%s: core only: line %s %s (%s in %s: %s)"
                                % (model, at or "?", ev.rule, ev.outcome, ev.kfunc, ev.detail))
            if mark not in cell:
                cell.append(mark)
        for key in rows:
            line, rule = key
            if rule in compared and rule in case.warn.get(line, ()) and key not in satisfied:
                if declared([line], model):
                    rows[key][model] = ["-~"]
                else:
                    rows[key][model] = ["-!"]
                    problems.append("%s: static only: line %d %s (the core saw nothing there)"
                                    % (model, line, rule))
    if ran is not None:
        for line in sorted(case.bogus):
            starts = [d for d in range(line, 0, -1) if line in case.stmt_range(d)]
            if any(ran.get(d, 0) > 0 for d in starts):
                continue
            if not all(declared([line], m) for m in MODELS):
                problems.append("never ran: line %d is dg-bogus, but no model executed it (the "
                                "core's silence there shows nothing)" % line)
    for line, (models, reason) in sorted(differs.items()):
        for model in sorted(models - {m for l, m in used if l == line}):
            problems.append("%s: line %d says core-differs (%s), but core and static agree there"
                            % (model, line, reason))
    return problems, rows


def check(args, case, compared):
    """Run and compare one case: (status, cmd, detail lines, rows). compared: as compare()."""
    events, problems, cmd, raw, ran = run_case(args, case)
    rows = {}
    if not problems:
        more, rows = compare(case, events, compared, ran)
        problems += more
    status = "FAIL" if problems or case.errors else "PASS"
    detail = ["    case: " + e for e in case.errors] + ["    " + p for p in problems]
    if args.verbose or problems:
        # the core's events with their case lines (innermost first; after '+' the lines of
        # the stores and pages they judged)
        for ev in events:
            detail.append("    event: %s %s %s in %s lines=%s%s # %s"
                          % (ev.model, ev.rule, ev.outcome, ev.kfunc,
                             ",".join(map(str, ev.stack)) or "-",
                             "+" + ",".join(map(str, sorted(set(ev.prov) - set(ev.stack))))
                             if set(ev.prov) - set(ev.stack) else "", ev.detail))
    if args.verbose or (problems and not events):
        detail += ["    | " + l for l in raw.splitlines()[:60]]
    return status, cmd, detail, rows


# ---------------------------------------------------------------------------- table ---

def print_table(results, static_engines, out=print):
    """results: [(case, rows)]; static_engines: engines besides core that ran."""
    out("oracle: agreement table (static: W = must warn, checked by that engine's run; "
        "core per model: REF refused, COR corruption, REP reported, LAT latent, WST waste, "
        "SHR shared state, - nothing; ! disagreement, ~ declared in the case)")
    head = "%-52s %5s %-23s %s | %s" % ("case", "line", "rule",
                                         " ".join("%-6s" % e for e in static_engines),
                                         " ".join("%-13s" % m for m in MODELS))
    out(head)
    for case, rows in results:
        name = os.path.join(os.path.basename(os.path.dirname(case.path)),
                            os.path.basename(case.path))
        for (line, rule) in sorted(rows):
            static = " ".join("%-6s" % ((("W" if rule in case.warn.get(line, ()) else "-")
                                         if case.runs(e) else "")) for e in static_engines)
            cells = " ".join("%-13s" % ",".join(rows[(line, rule)].get(m, ["-"])) for m in MODELS)
            out("%-52s %5d %-23s %s | %s" % (name[-52:], line, rule, static, cells))
