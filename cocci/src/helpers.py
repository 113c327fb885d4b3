# Shared by every dmacheck .cocci file (pasted into its @initialize:python@ by cocci/gen.py).
import os
import re
import coccilib.report
import coccilib.org

_seen = set()


def dmc_report(p, mode, slug=None):
    """Print one diagnostic: `file:line:col-col: warning: <message> [dmacheck-<slug>]` in
    report mode (coccilib's report format, so coccicheck users see the usual lines), an org
    TODO item in org mode. Each place is reported once per rule."""
    slug = slug or SLUG
    key = (p.file, p.line, p.column, slug)
    if key in _seen:
        return
    _seen.add(key)
    msg = "%s [dmacheck-%s]" % (MESSAGES[slug], slug)
    if mode == "org":
        coccilib.org.print_todo(p, msg)
    else:
        coccilib.report.print_report(p, "warning: " + msg)


# ---- same-file wrappers ----------------------------------------------------------------
# An edge (file, wrapper, i) -> (callee, j): the wrapper passes its parameter i unchanged
# (or cast, or plus an offset) as argument j of callee. A call's argument reaches a sink when
# a chain of edges leads from (function, argument) to a row of the table: any depth, cycles
# stop. Function-like macros of the .c file are edges too (spatch does not expand them).

_edges = {}


def dmc_edge(file, wrapper, i, callee, j):
    _edges.setdefault(file, {}).setdefault((wrapper, i), set()).add((callee, j))


_define_re = {}


def _split_args(s):
    out, depth, cur = [], 0, []
    for c in s:
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        if c == "," and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur).strip())
    return out


def dmc_macro(file, name, body):
    """A function-like macro whose body is one call: its parameters become edges."""
    m = re.match(r"^\s*(\w+)\s*\((.*)\)\s*$", body, re.S)
    if not m:
        return
    try:
        with open(file, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return
    d = re.search(r"#\s*define\s+%s\(([^)]*)\)" % re.escape(name), text)
    if not d:
        return
    params = [x.strip() for x in d.group(1).split(",")]
    for j, a in enumerate(_split_args(m.group(2)), 1):
        a = re.sub(r"^\(\s*[\w\s\*]+\)\s*", "", a).strip()        # a cast
        a = re.sub(r"^\(\s*(\w+)\s*\)$", r"\1", a)                 # (param)
        a = re.sub(r"\s*\+.*$", "", a)                             # param + offset
        if a in params:
            dmc_edge(file, name, params.index(a) + 1, m.group(1), j)


def dmc_reaches(file, fn, i, table):
    """Does argument i of fn reach a row of table (a dict or set of (function, argument))?
    Returns the row or None."""
    todo, seen = [(fn, i)], set()
    edges = _edges.get(file, {})
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        if node in table:
            return node
        todo.extend(edges.get(node, ()))
    return None


def dmc_zero_len(fn, i, nxt):
    """True when the table's length argument of (fn, i) is the argument right after it and
    the call passes the constant 0 there: nothing is mapped."""
    ln = DMA_SINKS.get((fn, i))
    return ln == i + 1 and nxt is not None and nxt.strip() in ("0", "0U", "0u", "(0)")


# ---- facts per function, for the URB rules ---------------------------------------------
_facts = {}


def dmc_fact(kind, p, urb):
    """Record that function p.current_element of file p.file does `kind` to the URB `urb`."""
    _facts.setdefault((p.file, p.current_element, kind), set()).add(dmc_norm(urb))


def dmc_has(kind, p, urb):
    return dmc_norm(urb) in _facts.get((p.file, p.current_element, kind), ())


def dmc_norm(e):
    """An expression as spatch prints it, without blanks and leading casts."""
    e = re.sub(r"\s+", "", e)
    while True:
        m = re.match(r"^\((?:const|volatile|unsigned|signed|struct|union|\w)+\**\)(.+)$", e)
        if not m or not re.match(r"^\((const|volatile|unsigned|signed|struct|union|[A-Za-z_]\w*)", e):
            return e
        e = m.group(1)


_bufs = {}


def dmc_buf(p, urb, buf):
    """The function stores buf as URB urb's transfer buffer (usb_fill_* or a field store)."""
    _bufs.setdefault((p.file, p.current_element), []).append(
        (dmc_norm(urb), dmc_norm(buf), (p.line, p.column)))


_ncbufs = set()


def dmc_ncbuf(p):
    """The buffer at p is non-coherent by its shape (allocator call, stack, static)."""
    _ncbufs.add((p.file, p.line, p.column))


def dmc_noncoherent(p, urb):
    """Is a transfer buffer of urb in this function ordinary kernel memory: assigned from a
    MEM_NONCOHERENT allocator in the function (fact "nclval"), or an allocator call, the
    stack or a static by its shape (dmc_ncbuf, found by SmPL)?"""
    lvals = _facts.get((p.file, p.current_element, "nclval"), set())
    u = dmc_norm(urb)
    return any(b in lvals or (p.file,) + where in _ncbufs
               for x, b, where in _bufs.get((p.file, p.current_element), ()) if x == u)


_params = {}


def dmc_function(p, name):
    """Remember the parameter names of function `name` defined at p (read from the source:
    spatch gives one binding per parameter list, not one per parameter)."""
    try:
        with open(p.file, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
    except OSError:
        return
    text = "\n".join(lines[int(p.line) - 1:int(p.line) + 40])
    i = text.find("(", int(p.column))
    if i < 0:
        return
    depth, j = 0, i
    while j < len(text):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                break
        j += 1
    names = []
    for prm in _split_args(re.sub(r"/\*.*?\*/", "", text[i + 1:j], flags=re.S)):
        m = re.search(r"\(\s*\*\s*(\w+)\s*\)", prm) or re.search(r"(\w+)\s*(\[[^\]]*\]\s*)*$", prm)
        names.append(m.group(1) if m else None)
    _params[(p.file, name)] = names


def dmc_param_edge(p, callee, j, x):
    """Argument j of the call of callee at p is x: an edge if x is a parameter of the
    function the call is in."""
    names = _params.get((p.file, p.current_element), [])
    if x in names:
        dmc_edge(p.file, p.current_element, names.index(x) + 1, callee, j)
