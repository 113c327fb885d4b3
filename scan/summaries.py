# SPDX-License-Identifier: GPL-2.0
"""scan/summaries.py - the summaries database: what the non-static functions of every file of
a scan do with their parameters, so that the next run follows calls into other files
(analysis/xsummary.c, docs/summaries.md).

  python3 -m scan.summaries merge UNITS_DIR -o DB [--previous DB]
  python3 -m scan.summaries show DB [NAME...]

Each compile with -fplugin-arg-dmacheck-summaries-out=UNITS_DIR (or dmacheck-sparse's
--dmacheck-summaries-out=) writes one UNITS_DIR/<path>.dmasum for its file. merge reads them
all and writes one database, atomically (a temporary file renamed over DB):

  - the facts of every function, as the compiles wrote them (sinks S, return R, stores T,
    URB effects U, handles H);
  - the "E" facts resolved to a fixpoint: a parameter handed to a function of another file
    reaches what that function's parameter reaches, at any depth of files, with the path
    naming each file ("mid_read() -> my_ctrl() in drivers/x/transport.c -> usb_control_msg()").
    A name defined in several files resolves to the one that shares the longest directory
    prefix with the caller (as the C reader does).

What the merge cannot resolve is left to the next compile with the database: a member of a
parameter passed on (the callee's facts about *(arg + off) need the caller's stores), a
callee's return value or stores. docs/summaries.md says how many runs that takes.

The format is text (read by analysis/xsummary.c without any library); `merge` is
deterministic (sorted by name and file). Python 3 standard library only.
"""

import argparse
import os
import sys

HEADER = "dmacheck-summaries 1"
SUFFIX = ".dmasum"
MAX_ROUNDS = 64         # the fixpoint of E facts: far more than any chain of files


class Def:
    """One function of one file."""

    def __init__(self, name, file):
        self.name, self.file = name, file
        self.sinks = {}         # (param, off, rule) -> path
        self.edges = []         # (param, off, arg, callee, path)
        self.other = []         # R, T, U, H lines as written

    def key(self):
        return (self.name, self.file)


def parse(text, where):
    """The Defs of a unit file or database; ValueError naming where on a malformed line."""
    lines = text.splitlines()
    if not lines or lines[0] != HEADER:
        raise ValueError("%s: not a dmacheck summaries file (no '%s' line)" % (where, HEADER))
    defs, cur = [], None
    for n, line in enumerate(lines[1:], 2):
        if not line or line.startswith("#"):
            continue
        kind, _, rest = line.partition(" ")
        try:
            if kind == "F":
                name, _, file = rest.partition(" ")
                cur = Def(name, file)
                defs.append(cur)
            elif cur is None:
                raise ValueError
            elif kind == "S":
                p, off, rule, path = rest.split(" ", 3)
                cur.sinks.setdefault((int(p), int(off), rule), path)
            elif kind == "E":
                p, off, arg, callee, path = rest.split(" ", 4)
                cur.edges.append((int(p), int(off), int(arg), callee, path))
            elif kind in ("R", "T", "U", "H"):
                cur.other.append(line)
            else:
                raise ValueError
        except ValueError:
            raise ValueError("%s:%d: malformed summaries line %r" % (where, n, line[:80]))
    return defs


def common_dirs(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += x == "/"
    return n


def resolve(by_name, name, caller_file):
    """The definition of name a call from caller_file uses (longest common directory)."""
    cands = by_name.get(name)
    if not cands:
        return None
    return max(cands, key=lambda d: (common_dirs(caller_file, d.file), d.file == cands[0].file))


def close(defs):
    """Resolve E facts into S facts to a fixpoint; returns the rounds it took."""
    by_name = {}
    for d in defs:
        by_name.setdefault(d.name, []).append(d)
    for rounds in range(1, MAX_ROUNDS + 1):
        changed = False
        for d in defs:
            for p, off, arg, callee, path in d.edges:
                c = resolve(by_name, callee, d.file)
                if c is None:
                    continue
                for (cp, coff, rule), cpath in list(c.sinks.items()):
                    if cp != arg or coff != -1 or (p, off, rule) in d.sinks:
                        continue
                    d.sinks[(p, off, rule)] = "%s in %s -> %s" % (path, c.file, cpath)
                    changed = True
        if not changed:
            return rounds
    return MAX_ROUNDS


def render(defs):
    """The database: functions with facts, and those without whose name another file
    defines with facts (so that a call resolves to the right one of the two)."""
    with_facts = {d.name for d in defs if d.sinks or d.other}
    out = [HEADER]
    for d in sorted(defs, key=Def.key):
        if not d.sinks and not d.other and d.name not in with_facts:
            continue
        out.append("F %s %s" % (d.name, d.file))
        for (p, off, rule), path in sorted(d.sinks.items()):
            out.append("S %d %d %s %s" % (p, off, rule, path))
        out += sorted(d.other)
    return "\n".join(out) + "\n"


def read_units(units_dir):
    defs = []
    for f in sorted(os.listdir(units_dir)):
        if f.endswith(SUFFIX):
            path = os.path.join(units_dir, f)
            with open(path, encoding="utf-8", errors="replace") as fh:
                defs += parse(fh.read(), path)
    return defs


def write_atomic(path, text):
    tmp = "%s.%d.tmp" % (path, os.getpid())
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def merge(units_dir, out, previous=None):
    """Merge units_dir into the database out. Returns a dict: functions, facts, rounds (of
    the E fixpoint), changed (functions whose facts differ from the previous database, or
    from out's old content), bytes."""
    defs = read_units(units_dir)
    rounds = close(defs)
    text = render(defs)
    prev_path = previous or out
    old = {}
    if prev_path and os.path.isfile(prev_path):
        with open(prev_path, encoding="utf-8", errors="replace") as f:
            old = facts_by_function(f.read())
    new = facts_by_function(text)
    changed = sum(1 for k in set(old) | set(new) if old.get(k) != new.get(k))
    try:
        with open(out, encoding="utf-8", errors="replace") as f:
            same = f.read() == text
    except OSError:
        same = False
    if not same:                # an unchanged database keeps its time (scan --all's state)
        write_atomic(out, text)
    return {"functions": len(new), "facts": sum(len(v) for v in new.values()),
            "rounds": rounds, "changed": changed, "bytes": len(text.encode())}


def units_dir(db):
    return db + ".units"


def use(db, say):
    """dmacheck scan --summaries DB: every compile of the scan reads DB and writes its
    file's summaries into DB.units/ (kept between scans: a scan of one directory adds to what
    earlier scans of others wrote). A DB that does not exist yet is created empty, so that
    the compile flags stay the same from the first scan on (scan --all's resumption)."""
    from . import engines as E
    os.makedirs(units_dir(db), exist_ok=True)
    out = os.path.abspath(units_dir(db))
    if os.path.isfile(db):
        with open(db, encoding="utf-8", errors="replace") as f:
            parse(f.read(), db)         # a malformed database is an error before the scan
        say("summaries: reading %s" % db)
    else:
        write_atomic(db, HEADER + "\n")
        say("summaries: no %s yet: this scan collects, the next one follows calls between "
            "files" % db)
    E.PLUGIN_ARGS += ["-fplugin-arg-dmacheck-summaries=" + os.path.abspath(db),
                      "-fplugin-arg-dmacheck-summaries-out=" + out]
    E.SPARSE_ARGS += ["--dmacheck-summaries=" + os.path.abspath(db),
                      "--dmacheck-summaries-out=" + out]


def tree_series(tree):
    """VERSION.PATCHLEVEL of the kernel tree ("6.1"), from its Makefile; None if unreadable."""
    v = {}
    try:
        with open(os.path.join(tree, "Makefile"), encoding="utf-8", errors="replace") as f:
            for line in f:
                k, eq, val = line.partition("=")
                if eq and k.strip() in ("VERSION", "PATCHLEVEL"):
                    v[k.strip()] = val.strip()
                if len(v) == 2:
                    break
    except OSError:
        return None
    if not all(x.isdigit() for x in v.values()) or len(v) != 2:
        return None
    return "%s.%s" % (v["VERSION"], v["PATCHLEVEL"])


def shipped(tree):
    """The database shipped for tree's kernel series (rules/summaries-6.1.db for any 6.1.y
    tree), or None: there is one for 6.1 only, the default tree, and a tree of another series
    (6.12) must not read it (its functions are not 6.1's)."""
    from . import paths
    series = tree_series(tree)
    db = paths.shipped_summaries(series) if series else None
    return db if db and os.path.isfile(db) else None


def use_shipped(tree, say):
    """A scan without --summaries (and without --no-summaries): every compile reads the
    database shipped for the tree's series, if there is one; nothing is written (the shipped
    file is read-only data, docs/scale.md says how it was made). Returns its path or None."""
    from . import engines as E
    db = shipped(tree)
    if not db:
        return None
    with open(db, encoding="utf-8", errors="replace") as f:
        parse(f.read(), db)
    say("summaries: reading the database shipped for %s (%s; --summaries FILE to build your "
        "own, --no-summaries for none)" % (tree_series(tree), db))
    E.PLUGIN_ARGS += ["-fplugin-arg-dmacheck-summaries=" + db]
    E.SPARSE_ARGS += ["--dmacheck-summaries=" + db]
    return db


RELAY = "-fplugin-arg-dmacheck-summaries-out=-"


def relay(db):
    """Compiles that run elsewhere (--icecc) print their unit files on stderr
    (-summaries-out=-, plugin/dmacheck.c) instead of writing DB.units/: the gcc engine's make
    output goes through save_relayed() (scan/engines.py), which writes them there."""
    from . import engines as E
    E.PLUGIN_ARGS[:] = [RELAY if x.startswith("-fplugin-arg-dmacheck-summaries-out=") else x
                        for x in E.PLUGIN_ARGS]
    E.GCC_UNITS = os.path.abspath(units_dir(db))


def save_relayed(text, out_dir):
    """The unit files printed in text (complete ones: "-unit:" ... "-end:"), written into
    out_dir as the plugin would (atomically); how many."""
    n, name, lines = 0, None, []
    for line in text.splitlines():
        if line.startswith("dmacheck-summaries-unit: "):
            name, lines = line.split(": ", 1)[1].strip(), []
        elif line.startswith("dmacheck-summaries: ") and name:
            lines.append(line[len("dmacheck-summaries: "):])
        elif line.startswith("dmacheck-summaries-end: ") and name:
            if name == line.split(": ", 1)[1].strip() and "/" not in name and \
                    name.endswith(SUFFIX):
                write_atomic(os.path.join(out_dir, name), "\n".join(lines) + "\n")
                n += 1
            name = None
    return n


def update(db, say):
    """After the scan: DB.units/ merged into DB."""
    st = merge(units_dir(db), db)
    say("summaries: %s: %d functions, %d bytes, %d changed%s" % (
        db, st["functions"], st["bytes"], st["changed"],
        " (scan again to follow them)" if st["changed"] else " (settled)"))
    return st


def facts_by_function(text):
    res, cur = {}, None
    for line in text.splitlines()[1:]:
        if line.startswith("F "):
            cur = res.setdefault(line[2:], [])
        elif cur is not None and line:
            cur.append(line)
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m scan.summaries",
                                 description="Merge per-file dmacheck summaries into one "
                                             "database (docs/summaries.md).")
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("merge", help="UNITS_DIR/*.dmasum into one database")
    m.add_argument("units")
    m.add_argument("-o", "--output", required=True)
    m.add_argument("--previous", help="database to compare with (default: the -o file)")
    s = sub.add_parser("show", help="print a database's functions (all, or those named)")
    s.add_argument("db")
    s.add_argument("names", nargs="*")
    a = ap.parse_args(argv)
    try:
        if a.cmd == "merge":
            st = merge(a.units, a.output, a.previous)
            print("summaries: %(functions)d functions, %(facts)d facts, %(bytes)d bytes; "
                  "E facts settled in %(rounds)d rounds; %(changed)d functions changed" % st)
            return 0
        with open(a.db, encoding="utf-8", errors="replace") as f:
            defs = parse(f.read(), a.db)
        sys.stdout.write(render([d for d in defs if not a.names or d.name in a.names]))
        return 0
    except (OSError, ValueError) as e:
        sys.stderr.write("summaries: %s\n" % e)
        return 2


if __name__ == "__main__":
    sys.exit(main())
