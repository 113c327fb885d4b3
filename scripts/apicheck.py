#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""scripts/apicheck.py - check rules/dma-apis.def and rules/dma-apis-versions.def against the
real sources of every kernel dmacheck targets (Linux 6.1 and 6.12).

  apicheck.py [-v] [--def FILE] [--versions FILE] [TREE...]

TREEs default to ${DMACHECK_CACHE:-~/.cache/dmacheck}/linux-6.1 and linux-6.12
(scripts/kernel-tree.sh --kernel 6.1|6.12); each tree is checked on its own, its version
read from its Makefile.  Every DMA_API(function, arg, len_arg, dir, dir_arg, role) row: the function must be
declared or defined in TREE (include/ first: that is what callers see; then drivers/,
sound/, kernel/, lib/, mm/, headers before .c files, also for the parameter names a header
prototype leaves out), have at least arg/len_arg/dir_arg parameters, and
  arg      a data pointer (void/char/u8... *, struct scatterlist *) for ROLE_DMA_BUF,
           ROLE_SETUP_PKT, ROLE_COPIED; struct device * for ROLE_MASK_DEV; dma_addr_t *
           for ROLE_HANDLE_OUT; struct urb * for ROLE_URB, ROLE_URB_SUBMIT, ROLE_URB_FREE;
           struct device * for ROLE_MAP_HANDLE (the device the handle is for);
           dma_addr_t for ROLE_MAP_TEST, ROLE_UNMAP_HANDLE; an integer named nents for
           ROLE_SG_MAP, ROLE_SG_UNMAP; dma_addr_t for ROLE_SYNC_HANDLE, ROLE_FREE_HANDLE;
           struct scatterlist * or struct sg_table * for ROLE_LIST_MAP, ROLE_LIST_UNMAP,
           ROLE_LIST_SYNC; dma_addr_t * for ROLE_COHERENT_ALLOC; void * for ROLE_FREE_CPU; struct device * for
           ROLE_MAP_ERRNO
  len_arg  an integer named like a length (len, size, count...): the name matters because
           usb_control_msg's value, index and size are all __u16
  dir_arg  an integer named *pipe* for DIR_FROM_PIPE, enum dma_data_direction for
           DIR_FROM_ARG, 0 otherwise
A function-like macro (dma_map_single in 6.1) is followed to the function it calls when it
passes its parameters straight through.  DMA_FIELD(urb, field, role) rows: the member exists
in struct urb (include/linux/usb.h), a data pointer, or a dma_addr_t for ROLE_HANDLE_OUT.
DMA_ALLOC(function, memory) rows: the allocator exists (a function or a macro).
DMA_FLAG(name, value) rows: include/linux/usb.h #defines name with that value.
DMA_PASSTHROUGH(function, arg) rows: the function or macro exists. A struct page * is a
buffer argument too (dma_map_page_attrs).
DMA_USBDEV(struct, path, how) rows: each member of the dotted path exists (struct usb_interface
and usb_device in include/linux/usb.h, struct device in include/linux/device.h); the last is a
struct device for USBDEV_ADDR, a struct device * for USBDEV_LOAD.
A DMA_ALLOC or DMA_VMEM allocator that is a function-like macro must reach (through its body's calls,
following macros) the allocator itself or a name that a DMA_RENAMED row maps to it: the static
engines see the call the macro makes, so a macro over an unknown function is an unrecorded
rename (6.12's kmalloc() is alloc_hooks(kmalloc_noprof(...))).
DMA_RENAMED(name, canonical, since) rows of dma-apis-versions.def: on a tree older than since,
name is not declared (a row for a kernel that has no such name would hide a mistake); from
since on, name is declared or defined and canonical is a macro reaching a call of name, and
every DMA_API row of canonical holds for name too.
Issue 17's rows: DMA_VMEM(function, size_arg, count_arg, how) the allocator exists and its
size (and count) arguments are integers; DMA_VMEM_FIELD(struct, field) the member exists in
include/linux/firmware.h; DMA_CTRL(function, pipe, reqtype, wlength, setup) the pipe argument
is a pipe, the request type an integer named *requesttype*/*type*, wLength named like a
length, the setup packet a data pointer; DMA_PIPE(function) the function exists.

Prints, per tree, "== TREE (version)", "ok  ..." or "FAIL ..." per row and "VERSION: N rows
checked, N failed", then "N rows checked, N failed" over all trees.  -v adds where each
prototype was found.  Exit 0 all ok, 1 a row failed, 2 a TREE or FILE missing.
Limits: a text scan, not a C parser: #if branches are all read (the first prototype found
wins; stubs agree in 6.1), typedefs are not resolved (a length typed as a private typedef
fails), macros are followed only through a single plain call.
"""
import os
import re
import sys

# arch/x86/include last: the trees are configured for x86_64, whose virt_to_page() is there
# (6.1 also has an unused one in include/asm-generic/page.h, 6.12 not)
SEARCH_DIRS = ("include", "drivers", "sound", "kernel", "lib", "mm", "arch/x86/include")
DIRS = {"DIR_TO_DEVICE", "DIR_FROM_DEVICE", "DIR_BIDIRECTIONAL", "DIR_UNKNOWN",
        "DIR_FROM_PIPE", "DIR_FROM_ARG"}
BUF_ROLES = {"ROLE_DMA_BUF", "ROLE_SETUP_PKT", "ROLE_COPIED"}
ROLES = BUF_ROLES | {"ROLE_MASK_DEV", "ROLE_HANDLE_OUT", "ROLE_URB", "ROLE_URB_SUBMIT",
                     "ROLE_URB_FREE", "ROLE_MAP_HANDLE", "ROLE_MAP_TEST", "ROLE_UNMAP_HANDLE",
                     "ROLE_SG_MAP", "ROLE_SG_UNMAP", "ROLE_SYNC_HANDLE", "ROLE_LIST_MAP",
                     "ROLE_LIST_UNMAP", "ROLE_LIST_SYNC", "ROLE_COHERENT_ALLOC", "ROLE_FREE_CPU",
                     "ROLE_FREE_HANDLE", "ROLE_MAP_ERRNO"}
MEMS = {"MEM_NONCOHERENT", "MEM_COHERENT"}
INT_WORDS = {"char", "short", "int", "long", "unsigned", "signed", "size_t", "ssize_t",
             "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "__u8", "__u16", "__u32",
             "__u64", "__s8", "__s16", "__s32", "__s64", "uint8_t", "uint16_t", "uint32_t",
             "uint64_t", "__kernel_size_t"}
# Element types a DMA buffer pointer may have: bytes, words, or untyped.
DATA_WORDS = INT_WORDS | {"void", "__le16", "__le32", "__be16", "__be32"}
QUALIFIERS = {"const", "volatile", "__user", "__iomem", "__force", "restrict", "__restrict"}
NOT_A_TYPE = {"return", "else", "case", "do", "sizeof", "typeof", "__typeof__", "if",
              "while", "for", "switch", "goto"}
LEN_NAME = re.compile(r"len|size|count|sz|bytes", re.I)   # not "num": reportnum

TOKENS = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def strip_comments(text):
    """Blank comments, keeping newlines so offsets still give line numbers."""
    def blank(m):
        s = m.group(0)
        return s if s[0] in "\"'" else re.sub(r"[^\n]", " ", s)
    return TOKENS.sub(blank, text)


def split_cpp(text):
    """Return (text with preprocessor lines blanked, {macro: (params, body)})."""
    macros = {}
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].lstrip().startswith("#"):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while lines[j].endswith("\\") and j + 1 < len(lines):
            j += 1
        directive = " ".join(ln.rstrip("\\") for ln in lines[i:j + 1])
        m = re.match(r"\s*#\s*define\s+(\w+)\((.*?)\)(.*)", directive)
        if m:
            macros.setdefault(m.group(1), ([p.strip() for p in m.group(2).split(",")],
                                           m.group(3).strip()))
        out.extend("" for _ in range(i, j + 1))
        i = j + 1
    return "\n".join(out), macros


def split_top(s, sep=","):
    """Split s on sep outside parentheses and brackets."""
    parts, depth, cur = [], 0, ""
    for c in s:
        depth += c in "([{"
        depth -= c in ")]}"
        if c == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
    parts.append(cur)
    return [" ".join(p.split()) for p in parts]


def close_paren(text, i):
    """Index just past the parenthesis matching the one at text[i]."""
    depth = 0
    for j in range(i, len(text)):
        depth += text[j] == "("
        depth -= text[j] == ")"
        if depth == 0:
            return j + 1
    return -1


ATTR = re.compile(r"\s*(?:__\w+|\w+_ATTR\w*)(?:\s*\((?:[^()]|\([^()]*\))*\))?")


def find_protos(text, name):
    """Yield (offset, [param decls]) for each declaration or definition of name."""
    for m in re.finditer(r"(?<![\w.>])" + name + r"\s*\(", text):
        # A prototype's name follows its return type: a word or '*', never '=', '(', ...
        prev = re.search(r"(\w+|\S)\s*$", text[max(0, m.start() - 100):m.start()])
        if not prev or not re.fullmatch(r"\w+|\*", prev.group(1)) or prev.group(1) in NOT_A_TYPE:
            continue
        end = close_paren(text, m.end() - 1)
        if end < 0:
            continue
        rest = text[end:end + 500]
        while True:     # skip trailing attributes, e.g. __attribute__((warn_unused_result))
            a = ATTR.match(rest)
            if not a or not a.group(0).strip():
                break
            rest = rest[a.end():]
        if rest.lstrip()[:1] in (";", "{"):
            params = split_top(text[m.end():end - 1])
            yield m.start(), [] if params in ([""], ["void"]) else params


def decl_parts(decl):
    """'const void *data' -> ('void *', 'data'); an unnamed 'size_t' -> ('size_t', None)."""
    words = re.findall(r"\w+|\*|\[\]", decl)
    words = [w for w in words if w not in QUALIFIERS]
    name = None
    if (len(words) >= 2 and re.match(r"[A-Za-z_]\w*$", words[-1])
            and words[-1] not in INT_WORDS and " ".join(words[-2:]) != "struct " + words[-1]
            and words[-2] not in ("struct", "union", "enum")):
        name = words.pop()
    typ = " ".join(w for w in words if w != "*")
    return typ + " " + "*" * words.count("*") if "*" in words else typ, name


def is_int(typ):
    return bool(typ) and all(w in INT_WORDS for w in typ.split())


def check_arg(kind, decl):
    """Return None if decl fits kind, else why not."""
    typ, name = decl_parts(decl)
    base = typ.rstrip(" *")
    ptr = typ.count("*")
    if "(" in decl:
        return "is a function pointer"
    if kind in BUF_ROLES:
        if ptr == 1 and (is_int(base) or base in DATA_WORDS or base in ("struct scatterlist", "struct page")):
            return None
        return "is not a data pointer"
    if kind == "ROLE_MASK_DEV":
        return None if (base, ptr) == ("struct device", 1) else "is not struct device *"
    if kind == "ROLE_HANDLE_OUT":
        return None if (base, ptr) == ("dma_addr_t", 1) else "is not dma_addr_t *"
    if kind in ("ROLE_MAP_HANDLE", "ROLE_MAP_ERRNO"):
        return None if (base, ptr) == ("struct device", 1) else "is not struct device *"
    if kind in ("ROLE_LIST_MAP", "ROLE_LIST_UNMAP", "ROLE_LIST_SYNC"):
        ok = ptr == 1 and base in ("struct scatterlist", "struct sg_table")
        return None if ok else "is not struct scatterlist * or struct sg_table *"
    if kind == "ROLE_COHERENT_ALLOC":
        return None if (base, ptr) == ("dma_addr_t", 1) else "is not dma_addr_t *"
    if kind == "ROLE_FREE_CPU":
        return None if (base, ptr) == ("void", 1) else "is not void *"
    if kind in ("ROLE_MAP_TEST", "ROLE_UNMAP_HANDLE", "ROLE_SYNC_HANDLE", "ROLE_FREE_HANDLE"):
        return None if (typ, ptr) == ("dma_addr_t", 0) else "is not dma_addr_t"
    if kind in ("ROLE_SG_MAP", "ROLE_SG_UNMAP"):
        return None if not ptr and is_int(typ) and name == "nents" else "is not an integer nents"
    if kind in ("ROLE_URB", "ROLE_URB_SUBMIT", "ROLE_URB_FREE"):
        return None if (base, ptr) == ("struct urb", 1) else "is not struct urb *"
    if kind == "len":
        if ptr or not is_int(typ):
            return "is not an integer length"
        return None if name and LEN_NAME.search(name) else "is not named like a length"
    if kind == "DIR_FROM_PIPE":
        return None if not ptr and is_int(typ) and name and "pipe" in name else "is not a pipe"
    if kind == "reqtype":
        return None if not ptr and is_int(typ) and name and "type" in name.lower() else \
            "is not a request type"
    if kind == "size":
        return None if not ptr and is_int(typ) else "is not an integer"
    if kind == "DIR_FROM_ARG":
        ok = (typ, ptr) == ("enum dma_data_direction", 0)
        return None if ok else "is not enum dma_data_direction"
    return "unknown kind " + kind


class Tree:
    def __init__(self, root):
        self.root = root
        self.cache = {}

    def parsed(self, path):
        if path not in self.cache:
            with open(os.path.join(self.root, path), encoding="utf-8", errors="replace") as f:
                self.cache[path] = split_cpp(strip_comments(f.read()))
        return self.cache[path]

    def files_naming(self, names, top):
        """Relative .h then .c paths under top whose text contains any of names."""
        keys = [n.encode() for n in names]
        hits = []
        for d, subdirs, files in os.walk(os.path.join(self.root, top)):
            subdirs.sort()
            for f in sorted(files):
                if f.endswith((".h", ".c")):
                    p = os.path.join(d, f)
                    with open(p, "rb") as fh:
                        data = fh.read()
                    if any(k in data for k in keys):   # plain find: 1 GB in seconds
                        hits.append(os.path.relpath(p, self.root))
        return sorted(hits, key=lambda p: (not p.endswith(".h"), p))

    def scan(self, names, tops, found):
        """Append to found[name] every (path, line, params, None) under tops; a
        function-like macro, (path, 0, None, (params, body)), only if none was found."""
        for top in tops:
            macros_seen = {}
            for path in self.files_naming(names, top):
                text, macros = self.parsed(path)
                for n in names:
                    for off, params in find_protos(text, n):
                        found.setdefault(n, []).append(
                            (path, text.count("\n", 0, off) + 1, params, None))
                    if n in macros:
                        macros_seen.setdefault(n, (path, 0, None, macros[n]))
            for n, v in macros_seen.items():
                found.setdefault(n, [v])

    def locate(self, names):
        """{name: [candidates]}, the first being what callers see.  Headers may leave
        parameters unnamed, so definitions elsewhere are read too, for their names."""
        found = {}
        self.scan(names, ("include",), found)
        more = [n for n in names if n not in found or (found[n][0][3] is None
                and any(decl_parts(p)[1] is None for p in found[n][0][2]))]
        if more:
            self.scan(more, SEARCH_DIRS[1:], found)
        return found


def named(cands, idx, decl):
    """decl, or the same parameter from another prototype that gives it a name."""
    typ, name = decl_parts(decl)
    n = len(cands[0][2])
    for path, line, params, macro in cands[1:]:
        if name is None and macro is None and len(params) == n \
                and decl_parts(params[idx - 1])[0] == typ and decl_parts(params[idx - 1])[1]:
            return params[idx - 1], ", named in %s:%d" % (path, line)
    return decl, ""


def resolve(tree, protos, name, idx, depth=0):
    """(param decl, where) of parameter idx (1-based) of name, following macros."""
    if name not in protos:
        protos.update(tree.locate([name]))
    if name not in protos:
        return None, "not found in " + ", ".join(d + "/" for d in SEARCH_DIRS)
    path, line, params, macro = protos[name][0]
    if macro is None:
        # DECL_BUCKET_PARAMS(size, b): "size_t size" (and "kmem_buckets *b" after it with
        # CONFIG_SLAB_BUCKETS); only a size in first place is asked of these functions
        params = [re.sub(r"^DECL_BUCKET_PARAMS\(\s*(\w+)\s*,.*\)$", r"size_t \1", d)
                  for d in params]
        if idx > len(params):
            return None, "has %d parameters (%s:%d)" % (len(params), path, line)
        decl, also = named(protos[name], idx, params[idx - 1])
        return decl, "%s:%d%s" % (path, line, also)
    mparams, body = macro
    call = re.fullmatch(r"\(?\s*(\w+)\s*\((.*)\)\s*\)?", body)
    # 6.10+: #define vmalloc(...) alloc_hooks(vmalloc_noprof(__VA_ARGS__)): the hook wrapper
    # is not the call, and a variadic macro hands every argument on in place
    if call and call.group(1) == "alloc_hooks":
        call = re.fullmatch(r"\s*(\w+)\s*\((.*)\)\s*", call.group(2))
    if call and mparams and mparams[-1] == "..." and depth <= 3 and \
            split_top(call.group(2))[:len(mparams)] == mparams[:-1] + ["__VA_ARGS__"]:
        # ... and kvmalloc_array_noprof(...) adds NUMA_NO_NODE after them
        decl, where = resolve(tree, protos, call.group(1), idx, depth + 1)
        return decl, "macro in %s -> %s %s" % (path, call.group(1), where)
    if idx > len(mparams):
        return None, "macro has %d parameters (%s)" % (len(mparams), path)
    if not call or depth > 3:
        return None, "macro %s is not a plain call (%s)" % (name, path)
    # 6.11+ slab buckets: PASS_BUCKET_PARAMS(size, b) is size first (then b with
    # CONFIG_SLAB_BUCKETS, which only adds a parameter after it)
    args = [re.sub(r"^PASS_BUCKET_PARAMS\(\s*(\w+)\s*,.*\)$", r"\1", a)
            for a in split_top(call.group(2))]
    if mparams[idx - 1] not in args:
        return None, "macro does not pass parameter %d through (%s)" % (idx, path)
    decl, where = resolve(tree, protos, call.group(1), args.index(mparams[idx - 1]) + 1,
                          depth + 1)
    return decl, "macro in %s -> %s %s" % (path, call.group(1), where)


def def_rows(path, pattern, what):
    """The rows of a .def file: [(line number, match of pattern)] and a FAIL line for every
    other non-empty line (what: the rows the file holds, for the message)."""
    with open(path) as f:
        text = strip_comments(f.read())
    rows, bad = [], []
    for n, line in enumerate(text.split("\n"), 1):
        line = line.strip()
        if not line:
            continue
        m = re.fullmatch(pattern, line)
        if not m:
            bad.append("FAIL %s:%d: not a %s row: %s" % (path, n, what, line))
            continue
        rows.append((n, m))
    return rows, bad


def parse_def(path):
    rows, bad = def_rows(path, r"(DMA_API|DMA_FIELD|DMA_ALLOC|DMA_FLAG|DMA_USBDEV|DMA_PASSTHROUGH|DMA_VMEM|DMA_VMEM_FIELD|DMA_CTRL|DMA_PIPE)\((.*)\)",
                         "DMA_API/DMA_FIELD/DMA_ALLOC/DMA_FLAG/DMA_USBDEV/DMA_PASSTHROUGH")
    return [(m.group(1), [a.strip() for a in m.group(2).split(",")], n) for n, m in rows], bad


def check_api(tree, protos, f):
    if len(f) != 6 or not all(x.isdigit() for x in (f[1], f[2], f[4])):
        return "FAIL %s: row needs (function, arg, len_arg, dir, dir_arg, role)" % f[0]
    name, arg, len_arg, d, dir_arg, role = f[0], int(f[1]), int(f[2]), f[3], int(f[4]), f[5]
    if d not in DIRS or role not in ROLES or arg < 1:
        return "FAIL %s: bad dir %s, role %s or arg %d" % (name, d, role, arg)
    if (dir_arg != 0) != (d in ("DIR_FROM_PIPE", "DIR_FROM_ARG")):
        return "FAIL %s: dir_arg %d does not fit %s" % (name, dir_arg, d)
    checks = [(arg, role)]
    if len_arg:
        checks.append((len_arg, "len"))
    if dir_arg:
        checks.append((dir_arg, d))
    out = None
    for idx, kind in checks:
        decl, where = resolve(tree, protos, name, idx)
        if decl is None:
            return "FAIL %s: %s" % (name, where)
        why = check_arg(kind, decl)
        if why:
            return "FAIL %s: parameter %d '%s' %s (%s)" % (name, idx, decl, why, where)
        if out is None:
            out = ("ok  %s arg=%d '%s'" % (name, arg, decl), where)
    return out


def check_alloc(tree, protos, f):
    """DMA_ALLOC(function, memory): the allocator exists (function or macro)."""
    if len(f) != 2 or f[1] not in MEMS:
        return "FAIL DMA_ALLOC(%s): needs (function, MEM_NONCOHERENT|MEM_COHERENT)" % ", ".join(f)
    if f[0] not in protos:
        protos.update(tree.locate([f[0]]))
    if f[0] not in protos:
        return "FAIL %s: not found in %s" % (f[0], ", ".join(d + "/" for d in SEARCH_DIRS))
    path, line = protos[f[0]][0][0], protos[f[0]][0][1]
    return ("ok  %s %s" % (f[0], f[1]), "%s:%d" % (path, line))


def check_passthrough(tree, protos, f):
    """DMA_PASSTHROUGH(function, arg): the function or macro exists."""
    if len(f) != 2 or not f[1].isdigit() or int(f[1]) < 1:
        return "FAIL DMA_PASSTHROUGH(%s): needs (function, arg)" % ", ".join(f)
    if f[0] not in protos:
        protos.update(tree.locate([f[0]]))
    if f[0] not in protos:
        return "FAIL %s: not found in %s" % (f[0], ", ".join(d + "/" for d in SEARCH_DIRS))
    path, line = protos[f[0]][0][0], protos[f[0]][0][1]
    return ("ok  %s arg=%s" % (f[0], f[1]), "%s:%d" % (path, line))


def check_args_of(tree, protos, name, checks, what):
    """Issue 17's rows: name exists; each (index, kind) of checks fits (check_arg)."""
    if name not in protos:
        protos.update(tree.locate([name]))
    if name not in protos:
        return "FAIL %s: not found in %s" % (name, ", ".join(d + "/" for d in SEARCH_DIRS))
    where = "%s:%d" % (protos[name][0][0], protos[name][0][1])
    for idx, kind in checks:
        decl, where = resolve(tree, protos, name, idx)
        if decl is None:
            return "FAIL %s: %s" % (name, where)
        why = check_arg(kind, decl)
        if why:
            return "FAIL %s: parameter %d '%s' %s (%s)" % (name, idx, decl, why, where)
    return ("ok  %s %s" % (name, what), where)


def check_vmem(tree, protos, f):
    """DMA_VMEM(function, size_arg, count_arg, how)."""
    if len(f) != 4 or not f[1].isdigit() or not f[2].isdigit() or \
            f[3] not in ("VMEM_ALWAYS", "VMEM_LARGE"):
        return "FAIL DMA_VMEM(%s): needs (function, size_arg, count_arg, VMEM_*)" % ", ".join(f)
    checks = [(int(a), "size") for a in f[1:3] if int(a)]
    return check_args_of(tree, protos, f[0], checks, f[3])


def check_ctrl(tree, protos, f):
    """DMA_CTRL(function, pipe, reqtype, wlength, setup)."""
    if len(f) != 5 or not all(x.isdigit() for x in f[1:]):
        return "FAIL DMA_CTRL(%s): needs (function, pipe, reqtype, wlength, setup)" % ", ".join(f)
    pipe, rt, wl, setup = (int(x) for x in f[1:])
    checks = [(i, k) for i, k in ((pipe, "DIR_FROM_PIPE"), (rt, "reqtype"), (wl, "len"),
                                  (setup, "ROLE_SETUP_PKT")) if i]
    return check_args_of(tree, protos, f[0], checks, "pipe=%d" % pipe)


def check_vmem_field(tree, f):
    """DMA_VMEM_FIELD(struct, field): the member exists in include/linux/firmware.h."""
    path = "include/linux/firmware.h"
    if len(f) != 2:
        return "FAIL DMA_VMEM_FIELD(%s): needs (struct, field)" % ", ".join(f)
    with open(os.path.join(tree.root, path), encoding="utf-8", errors="replace") as fh:
        text = strip_comments(fh.read())
    m = re.search(r"struct\s+%s\s*\{(.*?)\};" % re.escape(f[0]), text, re.S)
    if not m or not re.search(r"\b%s\s*;" % re.escape(f[1]), m.group(1)):
        return "FAIL DMA_VMEM_FIELD(%s): no member %s in struct %s of %s" % (
            ", ".join(f), f[1], f[0], path)
    return ("ok  %s.%s" % (f[0], f[1]), path)


def check_flag(tree, f):
    """DMA_FLAG(name, value): include/linux/usb.h defines name with that value."""
    path = "include/linux/usb.h"
    with open(os.path.join(tree.root, path), encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    m = re.search(r"^#define\s+%s\s+(0x[0-9a-fA-F]+|\d+)" % re.escape(f[0]), text, re.M)
    if len(f) != 2 or not m:
        return "FAIL DMA_FLAG(%s): not #defined in %s" % (", ".join(f), path)
    if int(m.group(1), 0) != int(f[1], 0):
        return "FAIL %s: 6.1 has %s, the table %s" % (f[0], m.group(1), f[1])
    return ("ok  %s %s" % (f[0], f[1]), "%s:%d" % (path, text.count("\n", 0, m.start()) + 1))


def check_field(tree, f):
    if len(f) != 3 or f[2] not in ROLES or f[0] != "urb":
        return "FAIL DMA_FIELD(%s): needs (urb, field, role)" % ", ".join(f)
    path = "include/linux/usb.h"
    text, _ = tree.parsed(path)
    m = re.search(r"\bstruct\s+urb\s*\{", text)
    if not m:
        return "FAIL %s.%s: no struct urb in %s" % (f[0], f[1], path)
    body = text[m.end():text.index("\n};", m.end())]
    for member in split_top(body, ";"):
        typ, name = decl_parts(member)
        if name == f[1]:
            line = text.count("\n", 0, m.end() + body.index(f[1])) + 1
            if f[2] == "ROLE_HANDLE_OUT":
                why = None if typ == "dma_addr_t" else "is not dma_addr_t"
            else:
                why = check_arg(f[2], member)
            where = "%s:%d" % (path, line)
            if why:
                return "FAIL %s.%s: '%s' %s (%s)" % (f[0], f[1], member, why, where)
            return ("ok  %s.%s '%s'" % (f[0], f[1], member), where)
    return "FAIL %s.%s: no such member in struct urb (%s)" % (f[0], f[1], path)


STRUCT_HOMES = ("include/linux/usb.h", "include/linux/device.h")


def struct_members(tree, name):
    """(path, {member: type}) of struct `name` in one of STRUCT_HOMES, None if not found."""
    for path in STRUCT_HOMES:
        text, _ = tree.parsed(path)
        m = re.search(r"\bstruct\s+%s\s*\{" % re.escape(name), text)
        if not m:
            continue
        body = text[m.end():text.index("\n};", m.end())]
        members = {}
        for member in split_top(body, ";"):
            typ, mname = decl_parts(member)
            if mname:
                members[mname] = member
        return path, members
    return None


def check_usbdev(tree, f):
    """DMA_USBDEV(struct, path, how): the member path exists and ends in a struct device."""
    if len(f) != 3 or f[2] not in ("USBDEV_ADDR", "USBDEV_LOAD"):
        return "FAIL DMA_USBDEV(%s): needs (struct, path, USBDEV_ADDR|USBDEV_LOAD)" % ", ".join(f)
    record, where, member = f[0], None, None
    for part in f[1].split("."):
        found = struct_members(tree, record) if record else None
        if not found or part not in found[1]:
            return "FAIL DMA_USBDEV(%s): no member %s in struct %s" % (", ".join(f), part, record)
        where, member = found[0], found[1][part]
        m = re.match(r"\s*struct\s+(\w+)\s+(\w+)\s*$", member)
        record = m.group(1) if m else None
    want = r"struct\s+device\s+\w+$" if f[2] == "USBDEV_ADDR" else r"struct\s+device\s*\*\s*\w+$"
    if not re.search(want, member.strip()):
        return "FAIL DMA_USBDEV(%s): '%s' is not %s" % (", ".join(f), member.strip(),
                                                       "a struct device" if f[2] == "USBDEV_ADDR"
                                                       else "a struct device *")
    return ("ok  %s.%s '%s'" % (f[0], f[1], member.strip()), where)


def kernel_version(root):
    """(major, minor) and "major.minor.sublevel" of the tree's Makefile."""
    v = {}
    with open(os.path.join(root, "Makefile"), encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"(VERSION|PATCHLEVEL|SUBLEVEL)\s*=\s*(\d+)", line)
            if m:
                v[m.group(1)] = int(m.group(2))
            if len(v) == 3:
                break
    key = (v.get("VERSION", 0), v.get("PATCHLEVEL", 0))
    return key, "%d.%d.%d" % (key + (v.get("SUBLEVEL", 0),))


def version_key(s):
    return tuple(int(x) for x in s.split("."))


def parse_versions(path):
    """DMA_RENAMED rows of dma-apis-versions.def: ([(name, canonical, since, line)], [FAIL])."""
    rows, bad = def_rows(path, r"DMA_RENAMED\(\s*(\w+)\s*,\s*(\w+)\s*,\s*(\d+\.\d+)\s*\)",
                         "DMA_RENAMED(name, canonical, since)")
    return [(m.group(1), m.group(2), m.group(3), n) for n, m in rows], bad


CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")
NOT_CALLS = NOT_A_TYPE | {"__builtin_constant_p", "__same_type", "__alignof__", "__attribute__",
                          "__aligned__", "__section__", "__used__"}


MACRO_DEF = re.compile(rb"^[ \t]*#[ \t]*define[ \t]+(\w+)\(([^)]*)\)((?:[^\n]*\\\n)*[^\n]*)", re.M)


def header_macros(tree):
    """{name: (path, body)} of every function-like macro in the tree's include/ and
    arch/x86/include headers, the first definition of each (read once per tree)."""
    if getattr(tree, "macros", None) is None:
        tree.macros = {}
        for top in ("include", "arch/x86/include"):
            for d, subdirs, files in os.walk(os.path.join(tree.root, top)):
                subdirs.sort()
                for f in sorted(files):
                    if not f.endswith(".h"):
                        continue
                    p = os.path.join(d, f)
                    with open(p, "rb") as fh:
                        data = fh.read()
                    if b"define" not in data:
                        continue
                    for m in MACRO_DEF.finditer(data):
                        name = m.group(1).decode()
                        body = m.group(3).decode("utf-8", "replace").replace("\\\n", " ")
                        tree.macros.setdefault(name, (os.path.relpath(p, tree.root), body))
    return tree.macros


def macro_calls(tree, name, depth=0, seen=None):
    """The functions a function-like macro's body calls, following macros in it (all #if
    branches are read: the first definition found is followed); {name} if it is no macro."""
    seen = set() if seen is None else seen
    if name in seen or depth > 6:
        return set()
    seen.add(name)
    macro = header_macros(tree).get(name)
    if macro is None:
        return {name}
    out = set()
    for callee in CALL.findall(strip_comments(macro[1])):
        if callee not in NOT_CALLS:
            out |= macro_calls(tree, callee, depth + 1, seen)
    return out


def check_alloc_macro(tree, protos, f, renames, kinds=None, what="dma-apis.def"):
    """A DMA_ALLOC (or DMA_VMEM, with kinds=VMEM_KIND) allocator that is a macro must reach
    itself or a DMA_RENAMED name of it, or of another row of the same kind."""
    kinds = ALLOC_KIND if kinds is None else kinds
    cands = protos.get(f[0])
    if not cands or cands[0][3] is None:       # what callers see is a function
        return None
    macro = header_macros(tree).get(f[0]) or (cands[0][0], "")
    reached = macro_calls(tree, f[0])
    known = {f[0]} | {n for n, c in renames.items() if c == f[0]}
    # kcalloc -> kmalloc_array -> kmalloc_array_noprof: another DMA_ALLOC of the same kind
    if reached & known or any(renames.get(r) in kinds and
                              kinds[renames[r]] == kinds.get(f[0]) for r in reached):
        return None
    return ("FAIL %s: a macro (%s) over %s, which neither %s nor a DMA_RENAMED row "
            "of dma-apis-versions.def knows: the static engines would not see %s"
            % (f[0], macro[0], ", ".join(sorted(reached)) or "nothing", what, f[0]))


ALLOC_KIND = {}
# DMA_VMEM rows: name -> (size_arg, count_arg, how); a macro over another row with the same
# arguments is the same allocator (kvzalloc() -> kvmalloc()'s __kvmalloc_node_noprof())
VMEM_KIND = {}


def check_renamed(tree, protos, row, ver, api_rows):
    """One DMA_RENAMED row on a tree of version ver ((major, minor))."""
    name, canonical, since, _ = row
    if ver < version_key(since):
        if name in protos:
            path, line = protos[name][0][:2]
            return "FAIL DMA_RENAMED(%s, %s, %s): %s exists before %s (%s:%d)" % (
                name, canonical, since, name, since, path, line)
        return ("ok  %s: not in this kernel (renamed from %s in %s)" % (name, canonical, since),
                "")
    if name not in protos:
        return "FAIL DMA_RENAMED(%s, %s, %s): %s not found" % (name, canonical, since, name)
    macro = header_macros(tree).get(canonical)
    if macro is None:
        return "FAIL DMA_RENAMED(%s, %s, %s): %s is not a macro here" % (
            name, canonical, since, canonical)
    reached = macro_calls(tree, canonical)
    if name not in reached:
        return "FAIL DMA_RENAMED(%s, %s, %s): the macro %s (%s) calls %s, not %s" % (
            name, canonical, since, canonical, macro[0], ", ".join(sorted(reached)), name)
    for f in api_rows.get(canonical, []):
        res = check_api(tree, protos, [name] + f[1:])
        if not isinstance(res, tuple):
            return res
    path, line = protos[name][0][:2]
    return ("ok  %s is %s here (macro in %s)" % (name, canonical, macro[0]),
            "%s:%d" % (path, line))


def check_tree(root, rows, bad, vrows, vbad, verbose):
    """Check every row against one tree; the number of failures."""
    ver, full = kernel_version(root)
    print("== %s (%s)" % (root, full))
    tree = Tree(root)
    protos = tree.locate(sorted({f[0] for kind, f, _ in rows if kind == "DMA_API"}))
    failed = len(bad) + len(vbad)
    for line in bad + vbad:
        print(line)
    renames = {n: c for n, c, _, _ in vrows}
    api_rows = {}
    for kind, f, _ in rows:
        if kind == "DMA_API":
            api_rows.setdefault(f[0], []).append(f)
        elif kind == "DMA_ALLOC" and len(f) == 2:
            ALLOC_KIND[f[0]] = f[1]
        elif kind == "DMA_VMEM" and len(f) == 4:
            VMEM_KIND[f[0]] = tuple(f[1:])
    for kind, f, _ in rows:
        if kind == "DMA_API":
            res = check_api(tree, protos, f)
        elif kind == "DMA_ALLOC":
            res = check_alloc(tree, protos, f)
            if isinstance(res, tuple):
                res = check_alloc_macro(tree, protos, f, renames) or res
        elif kind == "DMA_FLAG":
            res = check_flag(tree, f)
        elif kind == "DMA_USBDEV":
            res = check_usbdev(tree, f)
        elif kind == "DMA_PASSTHROUGH":
            res = check_passthrough(tree, protos, f)
        elif kind == "DMA_VMEM":
            res = check_vmem(tree, protos, f)
            if isinstance(res, tuple):
                res = check_alloc_macro(tree, protos, f, renames, VMEM_KIND,
                                        "a DMA_VMEM row") or res
        elif kind == "DMA_VMEM_FIELD":
            res = check_vmem_field(tree, f)
        elif kind == "DMA_CTRL":
            res = check_ctrl(tree, protos, f)
        elif kind == "DMA_PIPE":
            res = check_args_of(tree, protos, f[0], [], "pipe builder")
        else:
            res = check_field(tree, f)
        if isinstance(res, tuple):
            print(res[0] + ("   [%s]" % res[1] if verbose and res[1] else ""))
        else:
            print(res)
            failed += 1
    protos.update(tree.locate(sorted({r[0] for r in vrows} - set(protos))))
    for row in vrows:
        res = check_renamed(tree, protos, row, ver, api_rows)
        if isinstance(res, tuple):
            print(res[0] + ("   [%s]" % res[1] if verbose and res[1] else ""))
        else:
            print(res)
            failed += 1
    n = len(rows) + len(bad) + len(vrows) + len(vbad)
    print("%s: %d rows checked, %d failed" % (full, n, failed))
    return n, failed


def main(argv):
    verbose = False
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules")
    def_file = os.path.join(here, "dma-apis.def")
    versions_file = os.path.join(here, "dma-apis-versions.def")
    cache = os.environ.get("DMACHECK_CACHE") or os.path.expanduser("~/.cache/dmacheck")
    roots = []
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "-v":
            verbose = True
        elif a == "--def" and args:
            def_file = args.pop(0)
        elif a == "--versions" and args:
            versions_file = args.pop(0)
        elif not a.startswith("-"):
            roots.append(a)
        else:
            sys.stderr.write("usage: apicheck.py [-v] [--def FILE] [--versions FILE] [TREE...]\n")
            return 2
    versions = [None] * len(roots)
    if not roots:
        versions = ["6.1", "6.12"]
        roots = [os.path.join(cache, "linux-" + v) for v in versions]
    for root, v in zip(roots, versions):
        if not os.path.isfile(os.path.join(root, "include", "linux", "usb.h")):
            sys.stderr.write("apicheck: %s is not a Linux source tree (no include/linux/usb.h); "
                             "run scripts/kernel-tree.sh%s\n" % (root, " --kernel " + v if v else ""))
            return 2
    for f in (def_file, versions_file):
        if not os.path.isfile(f):
            sys.stderr.write("apicheck: %s missing\n" % f)
            return 2
    rows, bad = parse_def(def_file)
    vrows, vbad = parse_versions(versions_file)
    total = failed = 0
    for root in roots:
        n, f = check_tree(root, rows, bad, vrows, vbad, verbose)
        total += n
        failed += f
    print("%d rows checked, %d failed" % (total, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
