#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""cocci/gen.py - generate the Coccinelle scripts from the rule catalogue and the DMA API table.

    python3 cocci/gen.py           write cocci/<rule>.cocci from cocci/src/<rule>.cocci.in
    python3 cocci/gen.py --check   exit 1 (and say which) if a committed .cocci differs from
                                   what the templates and rules/*.def give today

The .cocci files are committed so that `make coccicheck COCCI=.../cocci/x.cocci` works in a
kernel tree without this repository's build. Nothing in them is typed by hand twice: the
messages come from rules/rules.def, the function lists from rules/dma-apis.def, the shared
Python helpers from cocci/src/helpers.py. A template names what it needs with placeholders:

    @@SLUG@@ @@MESSAGE@@   the rule's slug and catalogue message (the template's file name is
                           the slug)
    @@PYTHON@@             the generated tables and the functions of cocci/src/helpers.py that
                           the template reaches (by name, transitively), for @initialize:python@
    @@STACK@@              SmPL disjunction: an expression that points into the stack frame
    @@STACK_DECLS@@        the metavariables @@STACK@@ uses
    @@STACK_ROOTS@@        the innermost stack addresses (for a position @ps on them)
    @@ARG@@ @@ARG_DECLS@@  an argument that is the expression at position ps, cast, offset,
                           indexed or one arm of a conditional; and its metavariables
    @@USBDEV@@             SmPL disjunction: the struct device of a USB interface or device
    @@USBDEV_DECLS@@       the metavariables @@USBDEV@@ uses
    @@USBDEV_ROOTS@@       the same without conditionals (the text tells the arms)
    @@FIELDS_BUF@@         urb members that are DMA buffers (DMA_FIELD, ROLE_DMA_BUF/SETUP_PKT),
                           as a list for `identifier f = {...};`
    @@NONCOHERENT@@ @@COHERENT@@   DMA_ALLOC functions of that kind, as \\(a\\|b\\)
    @@HANDLE_OUT_CALLS@@   disjunction branches: a ROLE_HANDLE_OUT call given &U->transfer_dma@p
    @@HANDLE_OUT_DECLS@@   the expression lists these use
    @@URB_FILL@@           usb_fill_* functions (ROLE_URB), as \\(a\\|b\\)
    @@URB_FILL_BUF@@       disjunction branches: a usb_fill_* call of URB U with buffer B@pb
    @@URB_FILL_DECLS@@     the expression lists these use
    @@FLAG@@               URB_NO_TRANSFER_DMA_MAP (DMA_FLAG)
    @@EDGE_RULES@@         the rules that find same-file wrappers (parameter i of a function
                           passed on as argument j of a call), for any argument of the table
    @@SINK_NAMES@@         the functions with a ROLE_DMA_BUF or ROLE_SETUP_PKT argument, as
                           \\(a\\|b\\) (the tokens of the @gate@ rule: spatch skips a file that
                           has none of them without parsing it)
    @@MASK_NAMES@@         the ROLE_MASK_DEV functions, as \\(a\\|b\\)
    @@FIELD_BUF_ALT@@      the urb members that are DMA buffers, as \\(a\\|b\\)
    @@MAP_NAMES@@ @@MAP_SET@@   the calls that return a handle dma_mapping_error() must test
                           (ROLE_MAP_HANDLE, and 6.1's macros over the _attrs functions:
                           dma_map_single, dma_map_page), as \\(a\\|b\\) and as {a, b}
    @@MAP_PYSET@@ @@SG_MAP_PYSET@@   the same as a Python set of strings
    @@MAP_TEST@@           the test (ROLE_MAP_TEST: dma_mapping_error)
    @@UNMAP_SET@@          the unmaps of such a handle (ROLE_UNMAP_HANDLE, and macros), {a, b}
    @@SG_MAP_NAMES@@ @@SG_MAP_SET@@ @@SG_UNMAP_SET@@   dma_map_sg*() (ROLE_SG_MAP) and
                           dma_unmap_sg*() (ROLE_SG_UNMAP), and their macros
    @@CTRL_CALLS@@         the DMA_CTRL functions whose pipe, bRequestType and wLength are
                           arguments 2, 4 and 8 (usb_control_msg's layout), as a list for
                           `identifier f = {...};`
    @@VMEM@@ @@VMEM_DECLS@@  SmPL disjunction: vmalloc memory (a DMA_VMEM VMEM_ALWAYS call, a
                           firmware image's data), cast or not; and its metavariables
"""

import ast
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SRC = os.path.join(HERE, "src")
RULES_DEF = os.path.join(ROOT, "rules", "rules.def")
APIS_DEF = os.path.join(ROOT, "rules", "dma-apis.def")

RULE_RE = re.compile(r'^RULE\(\s*(\w+)\s*,\s*"([^"]+)"\s*,\s*(\w+)\s*,\s*"([^"]*)"\s*\)', re.M)
API_RE = re.compile(r'^DMA_API\(\s*(\w+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\w+)\s*,\s*(\d+)\s*,\s*(\w+)\s*\)', re.M)
FIELD_RE = re.compile(r'^DMA_FIELD\(\s*(\w+)\s*,\s*(\w+)\s*,\s*(\w+)\s*\)', re.M)
FLAG_RE = re.compile(r'^DMA_FLAG\(\s*(\w+)\s*,\s*(\w+)\s*\)', re.M)
ALLOC_RE = re.compile(r'^DMA_ALLOC\(\s*(\w+)\s*,\s*(\w+)\s*\)', re.M)
CTRL_RE = re.compile(r'^DMA_CTRL\(\s*(\w+)\s*,\s*2\s*,\s*4\s*,\s*8\s*,\s*0\s*\)', re.M)
VMEM_RE = re.compile(r'^DMA_VMEM\(\s*(\w+)\s*,\s*\d+\s*,\s*\d+\s*,\s*VMEM_ALWAYS\s*\)', re.M)


def load():
    with open(RULES_DEF, encoding="utf-8") as f:
        rules = {m.group(2): m.group(4) for m in RULE_RE.finditer(f.read())}
    with open(APIS_DEF, encoding="utf-8") as f:
        text = f.read()
    apis = [(m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), int(m.group(5)), m.group(6))
            for m in API_RE.finditer(text)]
    fields = [m.groups() for m in FIELD_RE.finditer(text)]
    flags = {m.group(1): m.group(2) for m in FLAG_RE.finditer(text)}
    allocs = [m.groups() for m in ALLOC_RE.finditer(text)]
    if not rules or not apis or not fields or not flags or not allocs:
        sys.exit("gen.py: rules/rules.def or rules/dma-apis.def has no rows I can read")
    return rules, apis, fields, flags, allocs


def alt(names):
    """SmPL disjunction of identifiers: \\(a\\|b\\) (a single name stays bare)."""
    names = sorted(set(names))
    return names[0] if len(names) == 1 else "\\(" + "\\|".join(names) + "\\)"


# An expression whose value points into the current stack frame. `a` is a local array, `l`
# any local (or parameter: its address is on the stack too), `ae` an expression of array
# type (so that `l.fld` counts only when the member is an array, not a pointer in it).
# Casts are spelled out: the drop_cast isomorphism does not apply to typed metavariables.
STACK_BASE = [
    "a", "a + e", "a - e", "&a[e]",
    "&l", "&l.fld", "&l.fld.fld2", "&l.fld[e]", "&l.fld.fld2[e]",
    "&l.fld + e", "\\(l.fld\\&ae\\)", "\\(l.fld.fld2\\&ae\\)", "\\(l.fld\\&ae\\) + e",
    "PTR_ALIGN(a, e)", "PTR_ALIGN(&a[e1], e)",
]
STACK_DECLS = """type T, T2, T3;
local idexpression T[] a;
local idexpression l;
T3[] ae;
identifier fld, fld2;
expression e, e1, e2;"""


def stack_forms():
    forms = []
    for b in STACK_BASE:
        forms.append(b)
        forms.append("(T2)" + b)
    forms += ["e1 ? e2 : a", "e1 ? a : e2", "e1 ? e2 : &l", "e1 ? &l : e2"]
    return forms


# The stack-address roots the @sx@ rule finds (a bare expression pattern binds the innermost
# match only), and the shapes of an argument around such a root that the call rules accept.
# (the compound literal first: after &l in a disjunction, spatch 1.1.1 misses &(struct s){...};
# a row a[i] of a two-dimensional local array is found from its root a: a bare expression
# pattern binds the innermost match only, so sx_filter reads a's declaration)
STACK_ROOTS = ["(T4){is}", "a", "&l", "&l.fld", "&l.fld.fld2", "\\(l.fld\\&ae\\)",
               "\\(l.fld.fld2\\&ae\\)"]
ARG_WRAPS = ["E@ps", "(T)E@ps", "E@ps + e", "(T)E@ps + e", "(T)(E@ps + e)", "E@ps - e",
             "&E@ps[e]", "(T)&E@ps[e]", "&E@ps[e] + e2", "e1 ? e2 : E@ps", "e1 ? E@ps : e2",
             "(T)(e1 ? e2 : E@ps)", "(T)(e1 ? E@ps : e2)"]
ROOT_DECLS = """type T, T3, T4;
local idexpression T[] a;
local idexpression l;
T3[] ae;
identifier fld, fld2;
initializer list is;"""
ARG_DECLS = """expression E, e, e1, e2;
type T;"""


# The struct device of a USB interface or USB device.
USBDEV_DECLS = """struct usb_interface *ui;
struct usb_device *ud;
expression ue;"""
USBDEV_BASE = ["&ui->dev", "&ud->dev", "&interface_to_usbdev(ue)->dev", "&to_usb_device(ue)->dev",
               "&to_usb_interface(ue)->dev", "&ui->dev.parent"]


def usbdev_forms():
    forms = [f for f in USBDEV_BASE if not f.endswith(".parent")]
    forms += ["e1 ? %s : e2" % f for f in ("&ui->dev", "&ud->dev", "&interface_to_usbdev(ue)->dev")]
    forms += ["e1 ? e2 : %s" % f for f in ("&ui->dev", "&ud->dev", "&interface_to_usbdev(ue)->dev")]
    return forms


def with_macros(names):
    """The functions and 6.1's macros over them: dma_map_single() is
    `#define dma_map_single(d, a, s, r) dma_map_single_attrs(d, a, s, r, 0)`, and so are
    dma_map_page, dma_unmap_single, dma_unmap_page, dma_map_sg, dma_unmap_sg (spatch reads
    the source, where the macro's name is what is written)."""
    names = list(names)
    out = set(names)
    out |= {n[:-len("_attrs")] for n in names if n.endswith("_attrs")}
    return sorted(out)


def role_names(apis, role):
    return with_macros(fn for fn, _a, _l, _d, _x, r in apis if r == role)


def idset(names):
    return "{" + ", ".join(names) + "}"


# vmalloc memory (issue 17): a VMEM_ALWAYS allocator's result or a firmware image's data
VMEM_DECLS = """type T2;
struct firmware *fw;
const struct firmware *cfw;"""


def vmem_forms():
    with open(APIS_DEF, encoding="utf-8") as f:
        names = VMEM_RE.findall(f.read())
    forms = ["%s(...)" % alt(names), "fw->data", "cfw->data"]
    return forms + ["(T2)" + x for x in forms]


def disj(forms):
    return "\\(" + "\\|".join(forms) + "\\)"


def edge_rules(maxarg):
    """The wrapper edges: every function definition; helpers.py reads its parameters and
    where its body passes them on (a pattern f(es, x, ...) binds one argument a call, and
    one rule per argument position costs a Python call per argument)."""
    return ("@fdef depends on gate@\nidentifier wf;\nposition pw;\n@@\n\nwf@pw(...) { ... }\n\n"
            "@script:python depends on fdef@\nwf << fdef.wf;\npw << fdef.pw;\n@@\ndmc_function(pw[0], wf)\n")


def python_block(rules, apis, fields, flags, allocs, slug, template):
    out = ["# ---- generated by cocci/gen.py from rules/rules.def and rules/dma-apis.def ----"]
    out.append("SLUG = %r" % slug)
    out.append("MESSAGES = {")
    for s in sorted(rules):
        out.append("    %r: %r," % (s, rules[s]))
    out.append("}")
    sinks = {}
    for fn, arg, ln, _dir, _da, role in apis:
        if role in ("ROLE_DMA_BUF", "ROLE_SETUP_PKT"):
            sinks[(fn, arg)] = ln
    out.append("# (function, 1-based argument) -> 1-based length argument (0: implied)")
    out.append("DMA_SINKS = {")
    for k in sorted(sinks):
        out.append("    %r: %d," % (k, sinks[k]))
    out.append("}")
    out.append("FIELDS_BUF = {%s}" % ", ".join(
        repr(f) for s, f, r in fields if s == "urb" and r in ("ROLE_DMA_BUF", "ROLE_SETUP_PKT")))
    out.append("MASK_SETTERS = {%s}" % ", ".join(
        repr((fn, arg)) for fn, arg, _l, _d, _a, role in apis if role == "ROLE_MASK_DEV"))
    out.append("HANDLE_OUT = {%s}" % ", ".join(
        repr((fn, arg)) for fn, arg, _l, _d, _a, role in apis if role == "ROLE_HANDLE_OUT"))
    out.append("URB_FILL_BUF = {%s}" % ", ".join(
        "%r: %d" % (fn, arg) for fn, arg, _l, _d, _a, role in apis
        if role == "ROLE_DMA_BUF" and any(f2 == fn and r2 == "ROLE_URB" for f2, _x, _y, _z, _w, r2 in apis)))
    out.append("NONCOHERENT = {%s}" % ", ".join(repr(f) for f, m in allocs if m == "MEM_NONCOHERENT"))
    out.append("COHERENT = {%s}" % ", ".join(repr(f) for f, m in allocs if m == "MEM_COHERENT"))
    out.append("FLAGS = %r" % flags)
    with open(APIS_DEF, encoding="utf-8") as f:
        out.append("VMEM_ALLOCS = {%s}" % ", ".join(repr(n) for n in sorted(VMEM_RE.findall(f.read()))))
    out.append("# ---- cocci/src/helpers.py: the parts this script uses ----")
    out.append(used_helpers(template).rstrip("\n"))
    return "\n".join(out)


def used_helpers(template):
    """cocci/src/helpers.py without the functions and classes the template does not reach
    (by name, transitively); module-level statements (imports, tables) are kept."""
    with open(os.path.join(SRC, "helpers.py"), encoding="utf-8") as f:
        text = f.read()
    tree = ast.parse(text)
    lines = text.split("\n")
    defs = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}

    def src(node):
        start = node.lineno - 1
        while start > 0 and lines[start - 1].startswith("#"):
            start -= 1          # the comment block above a definition goes with it
        return "\n".join(lines[start:node.end_lineno])

    words = lambda t: set(re.findall(r"[A-Za-z_]\w*", t))
    keep, todo = set(), words(template) | set().union(
        *(words(src(n)) for n in tree.body if n.__class__.__name__ not in ("FunctionDef", "ClassDef")))
    while todo:
        name = todo.pop()
        if name in defs and name not in keep:
            keep.add(name)
            todo |= words(src(defs[name]))
    out = []
    for n in tree.body:
        if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name not in keep:
            continue
        out.append(src(n))
    return "\n\n\n".join(out) + "\n"


def render(name, rules, apis, fields, flags, allocs):
    slug = name[:-len(".cocci.in")]
    with open(os.path.join(SRC, name), encoding="utf-8") as f:
        text = f.read()
    if slug not in rules:
        sys.exit("gen.py: template %s names no rule of rules/rules.def" % name)
    urb_fill = {fn: arg for fn, arg, _l, _d, _a, role in apis if role == "ROLE_DMA_BUF"
                and any(f2 == fn and r2 == "ROLE_URB" for f2, _x, _y, _z, _w, r2 in apis)}
    handle_out = {}
    for fn, arg, _l, _d, _a, role in apis:
        if role == "ROLE_HANDLE_OUT":
            handle_out.setdefault(arg, []).append(fn)
    subst = {
        "SLUG": slug,
        "MESSAGE": rules[slug],
        "STACK": disj(stack_forms()),
        "STACK_DECLS": STACK_DECLS,
        "STACK_ROOTS": disj(STACK_ROOTS),
        "ARG": disj(ARG_WRAPS),
        "ARG_DECLS": ARG_DECLS,
        "ROOT_DECLS": ROOT_DECLS,
        "USBDEV": disj(usbdev_forms()),
        "USBDEV_ROOTS": disj([f for f in USBDEV_BASE if not f.endswith(".parent")]),
        "USBDEV_DECLS": USBDEV_DECLS,
        "FIELDS_BUF": ", ".join(sorted(f for s, f, r in fields
                                       if s == "urb" and r in ("ROLE_DMA_BUF", "ROLE_SETUP_PKT"))),
        "FIELD_HANDLE": alt(f for s, f, r in fields if s == "urb" and r == "ROLE_HANDLE_OUT"),
        "NONCOHERENT": alt(f for f, m in allocs if m == "MEM_NONCOHERENT"),
        "COHERENT": alt(f for f, m in allocs if m == "MEM_COHERENT"),
        "URB_FILL": alt(fn for fn, _a, _l, _d, _x, role in apis if role == "ROLE_URB"),
        "FLAG": "URB_NO_TRANSFER_DMA_MAP" if "URB_NO_TRANSFER_DMA_MAP" in flags else sys.exit("no flag"),
        "HANDLE_OUT_DECLS": "\n".join("expression list[%d] ho%d;" % (n - 1, n)
                                       for n in sorted(handle_out) if n > 1),
        "HANDLE_OUT_CALLS": "\n|\n".join(
            " %s(%s&U->transfer_dma@p, ...)" % (alt(fns), "ho%d, " % n if n > 1 else "")
            for n, fns in sorted(handle_out.items())),
        "URB_FILL_DECLS": "\n".join("expression list[%d] uf%d;" % (n - 2, n)
                                     for n in sorted(set(urb_fill.values())) if n > 2),
        "URB_FILL_BUF": "\n|\n".join(
            " %s(U, %sB@pb, ...)" % (alt(f for f in urb_fill if urb_fill[f] == n),
                                     "uf%d, " % n if n > 2 else "")
            for n in sorted(set(urb_fill.values()))),
        # the helpers the template reaches, its generated rules (@@EDGE_RULES@@) included
        "PYTHON": python_block(rules, apis, fields, flags, allocs, slug,
                               text + (edge_rules(0) if "@@EDGE_RULES@@" in text else "")),
        "EDGE_RULES": edge_rules(max(a for _f, a, _l, _d, _x, _r in apis)),
        "SINK_NAMES": alt(fn for fn, _a, _l, _d, _x, role in apis
                          if role in ("ROLE_DMA_BUF", "ROLE_SETUP_PKT")),
        "MASK_NAMES": alt(fn for fn, _a, _l, _d, _x, role in apis if role == "ROLE_MASK_DEV"),
        "MAP_NAMES": alt(role_names(apis, "ROLE_MAP_HANDLE")),
        "MAP_SET": idset(role_names(apis, "ROLE_MAP_HANDLE")),
        "MAP_PYSET": "{%s}" % ", ".join(repr(n) for n in role_names(apis, "ROLE_MAP_HANDLE")),
        "SG_MAP_PYSET": "{%s}" % ", ".join(repr(n) for n in role_names(apis, "ROLE_SG_MAP")),
        "MAP_TEST": alt(role_names(apis, "ROLE_MAP_TEST")),
        "UNMAP_SET": idset(role_names(apis, "ROLE_UNMAP_HANDLE")),
        "SG_MAP_NAMES": alt(role_names(apis, "ROLE_SG_MAP")),
        "SG_MAP_SET": idset(role_names(apis, "ROLE_SG_MAP")),
        "SG_UNMAP_SET": idset(role_names(apis, "ROLE_SG_UNMAP")),
        "VMEM": disj(vmem_forms()),
        "CTRL_CALLS": ", ".join(sorted(CTRL_RE.findall(open(APIS_DEF, encoding="utf-8").read()))),
        "VMEM_DECLS": VMEM_DECLS,
        "FIELD_BUF_ALT": alt(f for s, f, r in fields
                             if s == "urb" and r in ("ROLE_DMA_BUF", "ROLE_SETUP_PKT")),
    }

    def rep(m):
        key = m.group(1)
        if key not in subst:
            sys.exit("gen.py: %s: unknown placeholder @@%s@@" % (name, key))
        return subst[key]
    body = re.sub(r"@@([A-Z_]+)@@", rep, text)
    head = ("// This file is generated by cocci/gen.py from cocci/src/%s, rules/rules.def and\n"
            "// rules/dma-apis.def: edit those, then run `python3 cocci/gen.py`.\n" % name)
    # keep the SPDX line first, as in the kernel
    lines = body.split("\n", 1)
    return lines[0] + "\n" + head + lines[1]


def main(argv):
    check = "--check" in argv
    data = load()
    bad = 0
    names = sorted(n for n in os.listdir(SRC) if n.endswith(".cocci.in"))
    for name in names:
        out = os.path.join(HERE, name[:-3])
        text = render(name, *data)
        if check:
            try:
                with open(out, encoding="utf-8") as f:
                    old = f.read()
            except OSError:
                old = None
            if old != text:
                print("FAIL cocci/%s differs from what cocci/gen.py makes of cocci/src/%s and "
                      "rules/*.def: run python3 cocci/gen.py" % (os.path.basename(out), name))
                bad += 1
            else:
                print("PASS cocci/%s is up to date with rules/*.def" % os.path.basename(out))
        else:
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
