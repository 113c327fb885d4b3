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


_DEFINE_RE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(\w+)\(([^)]*)\)((?:[^\n]*\\\n)*[^\n]*)", re.M)
_CALL_RE = re.compile(r"\b([A-Za-z_]\w*)\s*\(")
_macros_done = set()


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


def _bare(arg):
    """An argument without the wrapping that keeps its address: (x), casts, x + offset."""
    a = arg.strip()
    while True:
        b = re.sub(r"^\(\s*(\w+)\s*\)$", r"\1", a)                         # (param)
        b = re.sub(r"^\((?:const|volatile|unsigned|signed|struct|union|\w|\s)+\**\s*\)\s*(?=[\w(&])",
                   "", b)                                                   # a cast
        b = re.sub(r"\s*[+-][^+-].*$", "", b) if not b.startswith("(") else b   # x + offset
        b = b.strip()
        if b == a:
            return a
        a = b


def dmc_macros(file):
    """Every function-like macro of the file (read from the text, any body: one call,
    ({ ... }) or do { } while (0), parameters parenthesised or not): a parameter given to a
    call in the body, as it is, in parentheses, cast or plus an offset, is an edge; so is
    one stored into an urb buffer member. Alignment macros (PTR_ALIGN) stay transparent."""
    if file in _macros_done:
        return
    _macros_done.add(file)
    src = _text(file)[0]
    for d in _DEFINE_RE.finditer(src):
        name, params = d.group(1), [x.strip() for x in d.group(2).split(",")]
        body = d.group(3).replace("\\\n", " ")
        for c in _CALL_RE.finditer(body):
            if c.group(1) in _KEYWORDS:
                continue
            k, depth = c.end(), 1
            while k < len(body) and depth:
                depth += body[k] == "("
                depth -= body[k] == ")"
                k += 1
            for j, a in enumerate(_split_args(body[c.end():k - 1]), 1):
                a = _bare(a)
                if a in params:
                    dmc_edge(file, name, params.index(a) + 1, c.group(1), j)
        for st in re.finditer(r"->\s*(\w+)\s*=(?!=)\s*([^;]+)", body):
            a = _bare(st.group(2))
            if a in params:
                dmc_edge(file, name, params.index(a) + 1, "->" + st.group(1), 0)


def dmc_reaches(file, fn, i, table):
    """Does argument i of fn reach a row of table (a dict or set of (function, argument))?
    Returns the row or None."""
    dmc_macros(file)
    todo, seen = [(fn, i)], set()
    edges = _edges.get(file, {})
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        if node in table or (table is DMA_SINKS and node[0] == "->" + node[0][2:] and
                             node[0][2:] in FIELDS_BUF):
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


_cbufs, _gaps = set(), set()


_cmembers = {}


def dmc_coherent_member(p, fld, own):
    """The file assigns coherent memory to member fld; own: its handle is not stored straight
    into an URB (&urb->transfer_dma) by that allocation."""
    _cmembers.setdefault((p.file, fld), set()).add(own)


def dmc_cbuf(p, fld):
    """The buffer at p is a member fld: coherent memory if the file assigns it only such
    memory whose handle it keeps itself."""
    if _cmembers.get((p.file, fld)) == {True}:
        _cbufs.add((p.file, p.line, p.column))


def dmc_coherent(p, urb):
    """Is a transfer buffer of urb in this function coherent DMA memory: a name assigned from
    a MEM_COHERENT allocator in the function (fact "clval"), or a member that the file
    assigns such memory to (dmc_cbuf)?"""
    lvals = _facts.get((p.file, p.current_element, "clval"), set())
    u = dmc_norm(urb)
    return any(b in lvals or (p.file,) + where in _cbufs
               for x, b, where in _bufs.get((p.file, p.current_element), ()) if x == u)


def dmc_gap(p, urb, how):
    """The flag store at p is on a path of its function on which no handle is stored (how:
    "gflag"); or it sits under `if (urb)` (how: "guarded") and so does a handle store of the
    function: the path that skips the handle tested the URB NULL and does not reach the flag."""
    key = (p.file, p.line, p.column)
    if how == "gflag":
        _gaps.add(key)
    elif dmc_has("guarded_handle", p, urb):
        _gaps.discard(key)


def dmc_handle_missing(p, urb):
    """urb-dma-handle-missing at the flag store p of urb: no handle stored for urb in the
    function and its buffer is memory the function knows (non-coherent or coherent); or a
    handle stored on some path only, and a path through the flag without one (dmc_gap)."""
    if not dmc_has("handle", p, urb):
        return dmc_noncoherent(p, urb) or dmc_coherent(p, urb)
    return (p.file, p.line, p.column) in _gaps


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
    # the body: parameters passed on as an argument (cast, offset) are wrapper edges
    src, starts = _text(p.file)
    try:
        at = starts[int(p.line) - 1] + int(p.column)
    except (IndexError, ValueError):
        return
    open_paren = src.find("(", at)
    body = src.find("{", open_paren + (j - i) if open_paren >= 0 else at)
    if body < 0:
        return
    depth, k = 0, body
    while k < len(src):
        c = src[k]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                break
        k += 1
    text = src[body:k]
    for idx, prm in enumerate(names, 1):
        if not prm:
            continue
        # the parameter, and the locals it is copied into (u8 *buf = data; buf = (u8 *)data;)
        aliases, todo = {prm}, [prm]
        while todo:
            x = todo.pop()
            for m in re.finditer(r"[\s*(](\w+)\s*=(?!=)\s*((?:\([^()]*\)\s*)?%s)\s*[;,]" % re.escape(x), text):
                if m.group(1) not in aliases and m.group(1) not in _KEYWORDS:
                    aliases.add(m.group(1))
                    todo.append(m.group(1))
        for x in aliases:
            for m in re.finditer(r"(?<![\w.>])%s\b" % re.escape(x), text):
                s = body + m.start()
                use = _use_at(p.file, s, s + len(x))
                if use and use[0] == "call":
                    dmc_edge(p.file, name, idx, use[1], use[2])
                elif use and use[0] == "store":
                    dmc_edge(p.file, name, idx, "->" + use[1], 0)


def dmc_is_param(p, e):
    """Is the expression e (as spatch prints it) a parameter of the function p is in?"""
    return e.strip() in (_params.get((p.file, p.current_element)) or ())


def dmc_param_edge(p, callee, j, x):
    """Argument j of the call of callee at p is x: an edge if x is a parameter of the
    function the call is in."""
    names = _params.get((p.file, p.current_element), [])
    if x in names:
        dmc_edge(p.file, p.current_element, names.index(x) + 1, callee, j)


# ---- where an expression sits: which argument of which call, or which member store -----
# A pattern f(es, X, ...) binds one match a call, and a rule that inherits thousands of
# positions is slow; so the scripts find the roots (stack addresses, USB devices) with one
# bare-expression rule and ask the source text where each one is used.

_texts = {}
_SLASH = chr(47)
_COMMENT_RE = r"\x2f\*.*?\*\x2f|\x2f\x2f[^\n]*"
ALIGN_MACROS = {"PTR_ALIGN", "PTR_ALIGN_DOWN"}
_KEYWORDS = {"if", "while", "for", "switch", "return", "sizeof", "typeof", "__typeof__",
             "offsetof", "ARRAY_SIZE"}


def _text(file):
    t = _texts.get(file)
    if t is None:
        try:
            with open(file, encoding="utf-8", errors="replace") as f:
                src = f.read()
        except OSError:
            src = ""
        starts, o = [0], 0
        for line in src.split("\n"):
            o += len(line) + 1
            starts.append(o)
        t = _texts[file] = (src, starts)
    return t


class Where:
    """A place to report (what coccilib.report needs)."""

    def __init__(self, file, line, column, column_end):
        self.file, self.line, self.column, self.column_end = file, line, column, column_end


def _where(file, off, length):
    src, starts = _text(file)
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) >> 1
        if starts[mid] <= off:
            lo = mid
        else:
            hi = mid - 1
    return Where(file, str(lo + 1), str(off - starts[lo]), str(off - starts[lo] + length))


_TYPE_RE = re.compile(r"^\s*[A-Za-z_][\w\s]*[\s\*]*$")


def _strip_casts(prefix):
    """prefix without the casts it ends with: (u8 *), (void *), (struct foo *)."""
    prefix = prefix.rstrip()
    while prefix.endswith(")"):
        k = prefix.rfind("(")
        if k < 0 or not _TYPE_RE.match(prefix[k + 1:-1]) or prefix[k + 1:-1].strip() in _KEYWORDS:
            return prefix
        before = prefix[:k].rstrip()
        if before and (before[-1].isalnum() or before[-1] == "_"):
            return prefix           # f(x): a call, not a cast
        prefix = before
    return prefix


def _shape_ok(prefix, suffix, rows=False):
    """Is `prefix ROOT suffix` the root itself as far as the address goes: cast, &root[i],
    root + n, one arm of ?: ?"""
    pre = _strip_casts(prefix)
    amp = pre.endswith("&")
    if amp:
        pre = _strip_casts(pre[:-1])
    if pre and not (pre.endswith("?") or pre.endswith(":")):
        return False
    suf = suffix.strip()
    if suf.startswith("["):
        if not amp and not rows:
            return False            # root[i]: a value, not an address (unless a row)
        depth = 0
        for i, c in enumerate(suf):
            depth += c == "["
            depth -= c == "]"
            if depth == 0:
                suf = suf[i + 1:].strip()
                break
    if suf.startswith("->") or suf.startswith(".") or suf.startswith("++") or \
            suf.startswith("--"):
        return False                # a member of what the root points to, not the root
    if suf.startswith("+") or suf.startswith("-"):
        suf = ""
    if suf.startswith("?"):
        return False                # root ? a : b: the root is a condition
    if suf and not suf.startswith(":"):
        return False
    return True


def dmc_use(p, rows=False):
    """Where the expression at p is used: ("call", callee, argument number (1-based), the
    next argument's text or None, Where of the callee) or ("store", member, Where) or None."""
    src, starts = _text(p.file)
    try:
        start = starts[int(p.line) - 1] + int(p.column)
        end = starts[int(p.line_end) - 1] + int(p.column_end)
    except (IndexError, ValueError, AttributeError):
        return None
    return _use_at(p.file, start, end, rows)


def _use_at(file, start, end, rows=False):
    """dmc_use() for the text [start, end) of file."""
    src, starts = _text(file)
    while True:
        # outward to the enclosing delimiter
        i, depth, commas = start - 1, 0, 0
        while i >= 0:
            c = src[i]
            if c in ")]":
                depth += 1
            elif c in "([":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and c in ";{}":
                break
            elif depth == 0 and c == ",":
                break
            i -= 1
        # the argument's own prefix and suffix
        pre_start = i + 1
        j, depth = end, 0
        while j < len(src):
            c = src[j]
            if c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and c in ",;":
                break
            j += 1
        prefix, suffix = src[pre_start:start], src[end:j]
        if _SLASH in prefix:                                # comments (spelt so that
            prefix = re.sub(_COMMENT_RE, "", prefix, flags=re.S)    # SmPL's lexer is happy)
        if i < 0 or src[i] in ";{}":
            m = re.search(r"->\s*(\w+)\s*=(?!=)(.*)$", prefix, re.S)
            if m and _shape_ok(m.group(2), suffix):
                return ("store", m.group(1), _where(file, start, end - start))
            return None
        if not _shape_ok(prefix, suffix, rows):
            return None
        if src[i] == ",":
            # find the '(' of this argument list, counting the arguments before
            k, depth, n = i - 1, 0, 1
            while k >= 0:
                c = src[k]
                if c in ")]}":
                    depth += 1
                elif c in "([{":
                    if depth == 0:
                        break
                    depth -= 1
                elif depth == 0 and c == ",":
                    n += 1
                elif depth == 0 and c == ";":
                    return None
                k -= 1
            if k < 0 or src[k] != "(":
                return None
            paren, argno = k, n + 1
        elif src[i] == "(":
            paren, argno = i, 1
        else:
            return None                 # inside [ ]
        lo = max(0, paren - 80)
        m = re.search(r"([A-Za-z_]\w*)\s*$", src[lo:paren])
        if m and m.group(1) in ALIGN_MACROS and argno == 1:
            # PTR_ALIGN(buf, 4): the aligned pointer still points into buf
            k, depth = paren, 0
            while k < len(src):
                depth += src[k] == "("
                depth -= src[k] == ")"
                if depth == 0:
                    break
                k += 1
            start, end = lo + m.start(1), k + 1
            continue
        if not m or m.group(1) in _KEYWORDS:
            if m and m.group(1) in _KEYWORDS:
                return None
            # a grouping parenthesis (or a cast around a group): the group is the root now
            if argno != 1 or src[j:j + 1] != ")":
                return None
            start, end = paren, j + 1
            continue
        nxt = None
        if j < len(src) and src[j] == ",":
            k, depth = j + 1, 0
            while k < len(src):
                c = src[k]
                if c in "([{":
                    depth += 1
                elif c in ")]}":
                    if depth == 0:
                        break
                    depth -= 1
                elif depth == 0 and c == ",":
                    break
                k += 1
            nxt = src[j + 1:k].strip()
        return ("call", m.group(1), argno, nxt, _where(file, lo + m.start(1), len(m.group(1))))


_hits = {}


def dmc_sink_use(p, table, fields=(), rows=False):
    """The Where to report if the root at p is (through wrappers) a buffer of table, or a
    store to one of fields; else None. Remembered for dmc_hit()."""
    where = _sink_use(p, table, fields, rows)
    if where is not None:
        _hits[(p.file, p.line, p.column, p.line_end, p.column_end)] = where
    return where


def dmc_value_literal(p, e):
    """A compound literal of a non-array type not preceded by '&': a value, not an address
    ((u8 []){ 1, 2 } and &(struct req){ ... } are addresses on the stack)."""
    if not re.match(r"^\(.*\)\s*\{", e, re.S) or re.match(r"^\([^{]*\]\s*\)\s*\{", e, re.S):
        return False
    src, starts = _text(p.file)
    try:
        at = starts[int(p.line) - 1] + int(p.column)
    except (IndexError, ValueError):
        return False
    return not _strip_casts(src[max(0, at - 80):at]).rstrip().endswith("&")


def dmc_two_dim(p, e):
    """Is the local array e declared with two dimensions (so that e[i] is a row, an address)?"""
    if not re.match(r"^\w+$", e):
        return False
    src, starts = _text(p.file)
    try:
        at = starts[int(p.line) - 1]
    except (IndexError, ValueError):
        return False
    decls = list(re.finditer(r"\b%s\s*\[[^\]]*\]\s*(\[)?" % re.escape(e), src[:at]))
    return bool(decls) and decls[-1].group(1) is not None


def dmc_hit(p):
    return _hits.get((p.file, p.line, p.column, p.line_end, p.column_end))


def _sink_use(p, table, fields, rows=False):
    use = dmc_use(p, rows)
    if use is None:
        return None
    if use[0] == "store":
        return use[2] if use[1] in fields else None
    _k, callee, argno, nxt, where = use
    row = dmc_reaches(p.file, callee, argno, table)
    if row is None:
        return None
    if row == (callee, argno) and table is DMA_SINKS and dmc_zero_len(callee, argno, nxt):
        return None
    return where


_kept = set()


def dmc_keep(p):
    """Remember a match that passed a filter (for rules after which other matches may still
    be dropped: cocci.include_match(False) drops a whole environment)."""
    _kept.add((p.file, p.line, p.column))


def dmc_kept(p):
    return (p.file, p.line, p.column) in _kept



# ---- static storage (dma-map-invalid-area) ------------------------------------------------


def dmc_static_defined(p, name):
    """Does the file define the array `name` at file scope (not only `extern` it, not a
    per-cpu variable): module .data, .bss or .rodata?"""
    src, _starts = _text(p.file)
    for m in re.finditer(r"^(?![ \t#])([^\n;(){}]*?)\b%s\s*\[" % re.escape(name), src, re.M):
        head = m.group(1)
        if not re.search(r"\b(extern|__percpu|typedef)\b", head):
            return True
    return False


def dmc_static_local(p, name):
    """Is the local array `name` that p uses declared `static` in the function before p?"""
    src, starts = _text(p.file)
    try:
        at = starts[int(p.line) - 1] + int(p.column)
    except (IndexError, ValueError):
        return False
    decls = list(re.finditer(r"^[ \t]+([^\n;(){}]*?)\b%s\s*\[" % re.escape(name), src[:at], re.M))
    return bool(decls) and re.search(r"\bstatic\b", decls[-1].group(1)) is not None

# ---- control requests (urb-control-dir-mismatch) -----------------------------------------
# include/uapi/linux/usb/ch9.h: the bRequestType bits a request type is written with.
_CH9 = {"USB_DIR_OUT": 0, "USB_DIR_IN": 0x80, "USB_TYPE_STANDARD": 0, "USB_TYPE_CLASS": 0x20,
        "USB_TYPE_VENDOR": 0x40, "USB_TYPE_RESERVED": 0x60, "USB_RECIP_DEVICE": 0,
        "USB_RECIP_INTERFACE": 1, "USB_RECIP_ENDPOINT": 2, "USB_RECIP_OTHER": 3}
_OBJ_DEFINE_RE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(\w+)[ \t]+([^\n]*)$", re.M)


def dmc_const(file, text, depth=0):
    """The value of a constant expression of the file (integers, | & + << >>, sizeof(...) as
    non-zero, the ch9 names and the file's object-like #defines), or None."""
    if depth > 8:
        return None
    t = re.sub(r"/\*.*?\*/", " ", text, flags=re.S).strip()
    if re.fullmatch(r"sizeof\s*\(.*\)|sizeof\s+\w+", t, re.S):
        return 1                        # some non-zero size: enough for the direction
    defines = _text_defines(file)
    out = []
    for tok in re.findall(r"0[xX][0-9a-fA-F]+[uUlL]*|\d+[uUlL]*|\w+|<<|>>|[|&+()~]|\S", t):
        if re.fullmatch(r"0[xX][0-9a-fA-F]+[uUlL]*|\d+[uUlL]*", tok):
            out.append(str(int(tok.rstrip("uUlL"), 0)))
        elif tok in _CH9:
            out.append(str(_CH9[tok]))
        elif re.fullmatch(r"\w+", tok):
            if tok not in defines:
                return None
            v = dmc_const(file, defines[tok], depth + 1)
            if v is None:
                return None
            out.append(str(v))
        elif tok in ("|", "&", "+", "(", ")", "<<", ">>", "~"):
            out.append(tok)
        else:
            return None
    try:
        return int(eval(" ".join(out), {"__builtins__": {}}))   # digits and operators only
    except Exception:
        return None


_defines = {}


def _text_defines(file):
    d = _defines.get(file)
    if d is None:
        d = _defines[file] = {m.group(1): m.group(2).split("//")[0]
                              for m in _OBJ_DEFINE_RE.finditer(_text(file)[0])}
    return d


def dmc_unkeep(p):
    _kept.discard((p.file, p.line, p.column))


def dmc_setup_store(p, s, fld, x):
    """The function stores x into member fld of the setup packet s (s.fld or s->fld; the
    packet is known by its address, &s or s)."""
    addr = dmc_norm(s) if "->%s" % fld in _text_at(p) else "&" + dmc_norm(s)
    m = re.fullmatch(r"\s*(?:cpu_to_le16|__cpu_to_le16)\s*\((.*)\)\s*", x, re.S)
    _facts.setdefault((p.file, p.current_element, "setup"), {}).setdefault(
        (addr, fld), set()).add(m.group(1) if m else x)


def dmc_setup_of(p, sp):
    """bRequestType and wLength that the function stores into the setup packet sp (one value
    each), or None."""
    stores = _facts.get((p.file, p.current_element, "setup"), {})
    addr = dmc_norm(sp)
    out = []
    for fld in ("bRequestType", "wLength"):
        v = stores.get((addr, fld), set())
        out.append(next(iter(v)) if len(v) == 1 else None)
    return out


def _text_at(p):
    """The source text from position p to the end of its line."""
    src, starts = _text(p.file)
    try:
        at = starts[int(p.line) - 1] + int(p.column)
    except (IndexError, ValueError):
        return ""
    return src[at:src.find("\n", at)]


_vmem_members = {}


def dmc_vmem_member(p, fld, value):
    """The file assigns value to member fld, which it also assigns vmalloc memory: anything
    but vmalloc memory or NULL makes the member's memory unknown."""
    v = re.sub(r"^\((?:const\s+)?\w+\s*\**\)\s*", "", value.strip())
    vm = re.match(r"(\w+)\s*\(", v)
    ok = v in ("NULL", "0") or v.endswith("->data") or (vm and vm.group(1) in VMEM_ALLOCS)
    _vmem_members.setdefault((p.file, fld), set()).add(bool(ok))


def dmc_vmem_member_only(p, fld):
    return _vmem_members.get((p.file, fld)) == {True}


def dmc_ctrl_bogus(file, pipe_in, reqtype, wlength):
    """Does a control request on a pipe of direction pipe_in disagree with the direction
    usb_submit_urb() derives from bRequestType and wLength (6.1: OUT when USB_DIR_IN is
    clear or wLength is 0)? None when not known."""
    rt = dmc_const(file, reqtype)
    if rt is None:
        return None
    if not rt & 0x80:
        return pipe_in
    wl = dmc_const(file, wlength)
    if wl is None:
        return None
    return pipe_in == (wl == 0)
