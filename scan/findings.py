# SPDX-License-Identifier: GPL-2.0
"""scan/findings.py - a finding, reading engines' GCC-style output, merging engines.

Every engine prints `file:line:col: warning|error: <message> [dmacheck-<slug>]` followed by
`file:line:col: note: ...` lines (GCC, dmacheck-sparse, and the cocci scripts' report mode).
parse() turns such output into findings: paths are made relative to the tree, notes attach
to the warning before them, GCC's context lines ("In function", "In file included from",
source excerpts) are skipped. Lines that are not dmacheck's are ignored.

A finding's function is the one whose body holds its line, read from the source (kernel
style: a function body opens with "{" in column 0): the same for every engine, and what
--baseline matches on, since line numbers move between versions.

merge() makes one finding of the findings of several engines on the same file, statement and
rule, naming all the engines (the first engine's line, column and notes are kept; gcc is
first). Engines place a finding in a multi-line call differently (GCC where the call starts,
Coccinelle on the argument's line), so with the tree at hand a finding's line is taken back to
the first line of its statement: the lines before it that do not end a statement (";", "{",
"}" once comments are stripped) belong to it.
Limits: a macro-generated function or a K&R definition gets the nearest preceding
identifier followed by "("; a finding outside any function (a global initialiser) gets "".
"""

import os
import re

DIAG = re.compile(r'^(?P<file>[^ :][^:]*):(?P<line>\d+):(?P<col>\d+)(?:-\d+)?: '
                  r'(?P<kind>warning|error): (?P<msg>.*) \[dmacheck-(?P<slug>[a-z0-9-]+)\]$')
NOTE = re.compile(r'^(?P<file>[^ :][^:]*):(?P<line>\d+):(?P<col>\d+)(?:-\d+)?: note: (?P<msg>.*)$')
CONTEXT = re.compile(r'^( *\d* *\|( |$)| +from |In file included from |.*: In( member)? function |'
                     r'.*: At top level:$|.*: +inlined from )')


class Finding:
    def __init__(self, file, line, col, slug, message, engine, kind="warning"):
        self.file, self.line, self.col = file, int(line), int(col)
        self.slug, self.message, self.kind = slug, message, kind
        self.engines = [engine]
        self.notes = []                 # (file, line, col, message)
        self.function = ""
        self.dir = ""                   # the scanned directory it came from

    def key(self):
        return (self.file, self.line, self.slug)

    def sort_key(self):
        return (self.file, self.line, self.col, self.slug)


def relative(path, tree):
    """A diagnostic's path relative to the top of the tree (kbuild prints either)."""
    path = os.path.normpath(path)
    if os.path.isabs(path):
        top = os.path.realpath(tree) + os.sep
        real = os.path.realpath(path)
        if real.startswith(top):
            return real[len(top):]
    if path.startswith("./"):
        path = path[2:]
    return path


def parse(text, tree, engine):
    """Findings of one engine's output (a string)."""
    out = []
    cur = None
    for raw in text.splitlines():
        line = raw.rstrip("\n")
        m = DIAG.match(line)
        if m:
            cur = Finding(relative(m.group("file"), tree), m.group("line"), m.group("col"),
                          m.group("slug"), m.group("msg"), engine, m.group("kind"))
            out.append(cur)
            continue
        m = NOTE.match(line)
        if m:
            if cur is not None:
                cur.notes.append((relative(m.group("file"), tree), int(m.group("line")),
                                  int(m.group("col")), m.group("msg")))
            continue
        if CONTEXT.match(line):
            continue
        cur = None
    return out


_FUNC_NAME = re.compile(r'([A-Za-z_]\w*)\s*\(')
_cache = {}


def source(tree, rel):
    """The lines of tree/rel ([] if it cannot be read), read once."""
    path = os.path.join(tree, rel)
    if path not in _cache:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                _cache[path] = f.read().split("\n")
        except OSError:
            _cache[path] = []
    return _cache[path]


def _ends_statement(text):
    text = re.sub(r'/\*.*?\*/|//.*$', '', text).rstrip()
    return text.endswith((";", "{", "}")) or text.startswith("#") or not text


def statement_start(tree, rel, line):
    """The first line of the statement that holds `line` (the line itself if unreadable)."""
    src = source(tree, rel)
    start = line
    while 1 < start <= len(src) and not _ends_statement(src[start - 2]):
        start -= 1
    return start


def enclosing_function(tree, rel, line):
    """Name of the function whose body holds `line` of tree/rel, "" if none is found."""
    return enclosing_function_of(source(tree, rel), line)


def enclosing_function_of(src, line):
    """enclosing_function() on a file's lines."""
    i = min(line, len(src)) - 1
    # walk up to the "{" that opens the body: a "{" in column 0, or one that ends the
    # declarator ("int f(void) {"), stopping at a "}" in column 0 (the end of an earlier
    # function: the line is outside any function)
    while i >= 0:
        s = src[i]
        if s.startswith("{"):
            head = " ".join(src[max(0, i - 8):i])
            break
        start = _declarator_start(src, i)
        if start is not None:
            head = " ".join(src[max(0, start - 8):i] + [src[i].rstrip()[:-1]])
            break
        if s.startswith("}") and i != line - 1:
            return ""
        i -= 1
    if i < 0:
        return ""
    # the declarator is in the lines above: the last identifier before "(" at depth 0
    head = re.sub(r'/\*.*?\*/', ' ', head)
    depth = 0
    cut = len(head)
    for j in range(len(head) - 1, -1, -1):   # the "(" that opens the parameter list
        ch = head[j]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                cut = j
                break
    m = re.search(r'([A-Za-z_]\w*)\s*$', head[:cut])
    return m.group(1) if m else ""


def _declarator_start(src, i):
    """If line i ends a function's declarator with the body's "{" ("int f(int a) {", or the
    last line of a parameter list that starts in column 0), the line the declarator starts
    on; else None. A statement's "if (x) {" starts indented, so it is not one."""
    s = re.sub(r'/\*.*?\*/|//.*$', ' ', src[i]).rstrip()
    if not s.endswith("{") or ")" not in s:
        return None
    depth = 0
    for k in range(i, max(-1, i - 8), -1):   # back to the line where the parentheses open
        t = re.sub(r'/\*.*?\*/|//.*$', ' ', src[k])
        depth += t.count(")") - t.count("(")
        if depth <= 0:
            first = src[k][:1]
            return k if first and not first.isspace() and first not in "}#" else None
    return None


def merge(findings, tree=None):
    """One finding per (file, statement, rule), listing every engine that reported it
    (without a tree: per (file, line, rule))."""
    by_key = {}
    order = []
    for f in findings:
        k = f.key() if tree is None else (f.file, statement_start(tree, f.file, f.line), f.slug)
        if k in by_key:
            g = by_key[k]
            for e in f.engines:
                if e not in g.engines:
                    g.engines.append(e)
        else:
            by_key[k] = f
            order.append(f)
    return sorted(order, key=Finding.sort_key)
