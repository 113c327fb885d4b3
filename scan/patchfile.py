# SPDX-License-Identifier: GPL-2.0
"""scan/patchfile.py - read patches (unified diffs, git format-patch mails, mbox files) and
apply them to file contents in memory, recording where every added line ends up.

  read(text, name)  -> [Patch]   one Patch per mail of an mbox (in order), or one for a plain
                                  diff. A mail without a diff (a cover letter "[PATCH 0/3]")
                                  is left out when other mails of the input have diffs.
  Patch.files       [FileDiff]   old and new path (None for /dev/null), hunks, renames
  Patch.lines       how many lines checkpatch.pl would count as checked (the lines of the
                    mail from its first header to the end of the last hunk, as checkpatch
                    counts the lines it reads; see checkpatch_lines())
  reverse(fd)       -> the FileDiff that undoes fd (to check a patch the tree already has)
  apply(fd, old)    -> (new, added, removed) or raises PatchError: `old` and `new` are lists
                    of lines (None: the file does not exist), `added` maps a line of the new
                    file to (line of the patch, text), `removed` maps a line of the old file
                    to (line of the patch, text).

Hunks apply as `patch` does without fuzz: every context and removed line must match exactly,
at the line the hunk names or the nearest offset where it does (offsets carry over to the
next hunk). Mails are decoded with Python's email package (quoted-printable, base64, MIME
parts of type text/*), so "#N" patch line numbers count the decoded text, as checkpatch.pl
reading a decoded mail does.
Limits: binary diffs are recorded but not applied (not C); a "copy from/to" without hunks
copies the file; "\\ No newline at end of file" is read but not kept (every
result ends with a newline: enough for a compiler).
"""

import email
import email.policy
import re

MBOX_FROM = re.compile(r'^From \S+ +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ', re.M)
HEADER = re.compile(r'^[A-Za-z][A-Za-z0-9-]*: ')
HUNK = re.compile(r'^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@')


class PatchError(Exception):
    pass


class Hunk:
    def __init__(self, old_start, old_len, new_start, new_len, header_line):
        self.old_start, self.old_len = old_start, old_len
        self.new_start, self.new_len = new_start, new_len
        self.header_line = header_line    # line number of "@@" in the patch
        self.lines = []                   # (kind ' ', '-', '+', text, patch line number)
        self.no_newline_old = self.no_newline_new = False


class FileDiff:
    def __init__(self):
        self.old = self.new = None        # paths relative to the tree, None = /dev/null
        self.hunks = []
        self.binary = False
        self.rename = self.copy = False
        self.first_line = 0

    @property
    def path(self):
        return self.new or self.old


class Patch:
    def __init__(self, name, subject, text, number, total):
        self.name, self.subject, self.text = name, subject, text
        self.number, self.total = number, total
        self.files = []
        self.lines = checkpatch_lines(text)


def checkpatch_lines(text):
    """checkpatch.pl's "lines checked" ($cnt_lines): the lines after each hunk's "@@" to the
    end of the hunk, counted with checkpatch's own $realcnt state machine (6.1's
    process(): the "@@" line sets it to the new length + 1, " ", "+" and empty lines count
    it down, another line ends the hunk only when it is at 1)."""
    realcnt = n = 0
    for line in text.split("\n"):
        m = HUNK.match(line)
        if m:
            realcnt = int(m.group(4)) + 1 if m.group(4) is not None else 2
            continue                # the "@@" line itself is not counted
        elif re.match(r'^( |\+|$)', line):
            if realcnt:
                realcnt -= 1
        elif realcnt == 1:
            realcnt -= 1
        if line.startswith("diff --git") or re.match(r'^\+\+\+\s+\S', line):
            continue
        if realcnt:
            n += 1
    return n


def _strip_path(p):
    p = p.split("\t")[0].strip()
    if p.startswith('"') and p.endswith('"'):
        p = bytes(p[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
    if p == "/dev/null":
        return None
    return p.split("/", 1)[1] if "/" in p else p     # -p1, as checkpatch.pl and git read it


def parse_diff(text, first_line=1):
    """The FileDiffs of a text (any text around the diffs is ignored)."""
    lines = text.split("\n")
    files = []
    cur = None
    i = 0
    while i < len(lines):
        line = lines[i]
        n = first_line + i
        if line.startswith("diff --git "):
            cur = FileDiff()
            cur.first_line = n
            m = re.match(r'diff --git (?:"?a/)(.*?)"? (?:"?b/)(.*?)"?$', line)
            if m:
                cur.old, cur.new = m.group(1), m.group(2)
            files.append(cur)
        elif cur is not None and line.startswith(("rename from ", "copy from ")):
            cur.old = line.split(" ", 2)[2]
            cur.rename = line.startswith("rename")
            cur.copy = not cur.rename
        elif cur is not None and line.startswith(("rename to ", "copy to ")):
            cur.new = line.split(" ", 2)[2]
        elif cur is not None and line.startswith("new file mode"):
            cur.old = None
        elif cur is not None and line.startswith("deleted file mode"):
            cur.new = None
        elif cur is not None and (line.startswith("Binary files ") or line == "GIT binary patch"):
            cur.binary = True
        elif line.startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ "):
            if cur is None or cur.hunks or cur.first_line < n - 8:
                cur = FileDiff()          # a plain diff without "diff --git"
                cur.first_line = n
                files.append(cur)
            cur.old = _strip_path(line[4:])
            cur.new = _strip_path(lines[i + 1][4:])
            i += 2
            continue
        elif cur is not None and HUNK.match(line):
            m = HUNK.match(line)
            h = Hunk(int(m.group(1)), int(m.group(2) or 1), int(m.group(3)),
                     int(m.group(4) or 1), n)
            cur.hunks.append(h)
            old_left, new_left = h.old_len, h.new_len
            i += 1
            while i < len(lines) and (old_left > 0 or new_left > 0):
                t = lines[i]
                k = t[:1] if t else " "   # an empty line is empty context (mailers strip it)
                if k == "\\":
                    i += 1
                    continue
                if k not in " -+":
                    raise PatchError("line %d: hunk at line %d is shorter than its header says"
                                     % (first_line + i, n))
                h.lines.append((k, t[1:], first_line + i))
                if k in " -":
                    old_left -= 1
                if k in " +":
                    new_left -= 1
                i += 1
            while i < len(lines) and lines[i].startswith("\\"):
                last = h.lines[-1][0] if h.lines else " "
                if last in " -":
                    h.no_newline_old = True
                if last in " +":
                    h.no_newline_new = True
                i += 1
            if old_left < 0 or new_left < 0:
                raise PatchError("line %d: hunk is longer than its header says" % n)
            continue
        i += 1
    return [f for f in files if f.hunks or f.binary or f.rename or f.copy or
            f.old is None or f.new is None]


def _split_mbox(text):
    starts = [m.start() for m in MBOX_FROM.finditer(text)]
    if not starts or starts[0] != 0 and text[:starts[0]].strip():
        return [text]
    starts.append(len(text))
    return [text[a:b] for a, b in zip(starts, starts[1:])]


def _is_mail(text):
    """Headers, then an empty line (a quilt patch's "Index: f" then "====" is not a mail)."""
    lines = text.lstrip("\n").split("\n")
    for i, line in enumerate(lines):
        if line == "":
            return i > 0
        if not (HEADER.match(line) or (i == 0 and MBOX_FROM.match(line)) or
                (i > 0 and line[:1] in (" ", "\t"))):
            return False
    return False


def _decode_mail(raw):
    """(subject, text) of one mail: headers as they are, then the decoded text/* body."""
    body_at = raw.find("\n\n")
    head = raw[:body_at + 1] if body_at >= 0 else raw
    msg = email.message_from_string(raw, policy=email.policy.compat32)
    subject = " ".join((msg.get("Subject") or "").split())
    parts = []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        payload = part.get_payload(decode=True)
        if payload is None:
            continue
        parts.append(payload.decode(part.get_content_charset() or "utf-8", errors="replace"))
    body = "\n".join(p if p.endswith("\n") else p + "\n" for p in parts)
    return subject, head + ("\n" if not head.endswith("\n\n") else "") + body


def read(text, name):
    """Patches of one input (a file's text), in order."""
    text = text.replace("\r\n", "\n")
    if _is_mail(text):
        mails = [_decode_mail(m) if _is_mail(m) else ("", m) for m in _split_mbox(text)]
    else:
        mails = [("", text)]
    patches = []
    for subject, body in mails:
        p = Patch(name, subject, body, 0, 0)
        p.files = parse_diff(body)
        patches.append(p)
    with_diffs = [p for p in patches if p.files]
    if with_diffs and len(with_diffs) < len(patches):
        patches = with_diffs
    for i, p in enumerate(patches):
        p.number, p.total = i + 1, len(patches)
    return patches


def apply(fd, old):
    """Apply one FileDiff to `old` (list of lines without "\\n", None if absent)."""
    if fd.binary:
        raise PatchError("%s: binary diff, cannot apply" % fd.path)
    if fd.old is None and old is not None and fd.hunks:
        raise PatchError("%s: the patch creates it, but it already exists" % fd.path)
    if fd.old is not None and old is None:
        raise PatchError("%s: no such file" % fd.old)
    src = list(old or [])
    out = []
    added, removed = {}, {}
    pos = 0             # next line of src not yet copied
    offset = 0
    for hn, h in enumerate(fd.hunks, 1):
        want = [t for k, t, _ in h.lines if k in " -"]
        start = h.old_start - 1 + offset if h.old_len else h.old_start + offset
        at = _find(src, want, max(start, pos), pos)
        if at is None:
            raise PatchError("%s: hunk #%d (patch line %d) does not apply at line %d"
                             % (fd.path, hn, h.header_line, h.old_start))
        offset = at - (h.old_start - 1 if h.old_len else h.old_start)
        out.extend(src[pos:at])
        i = at
        for k, t, pl in h.lines:
            if k == " ":
                out.append(src[i])
                i += 1
            elif k == "-":
                removed[i + 1] = (pl, t)
                i += 1
            else:
                out.append(t)
                added[len(out)] = (pl, t)
        pos = i
    out.extend(src[pos:])
    if fd.new is None:
        if out:
            raise PatchError("%s: the patch deletes it, but lines are left" % fd.path)
        return None, added, removed
    return out, added, removed


def lines_of(text):
    """A file's lines as a diff counts them: split at "\n" only (str.splitlines() would also
    split at the form feeds some kernel sources have)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def reverse(fd):
    """The FileDiff that undoes fd (old and new swapped, "+" and "-" lines swapped)."""
    r = FileDiff()
    r.old, r.new = fd.new, fd.old
    r.binary, r.rename, r.copy, r.first_line = fd.binary, fd.rename, fd.copy, fd.first_line
    for h in fd.hunks:
        rh = Hunk(h.new_start, h.new_len, h.old_start, h.old_len, h.header_line)
        rh.lines = [({"+": "-", "-": "+"}.get(k, k), t, pl) for k, t, pl in h.lines]
        r.hunks.append(rh)
    return r


def _find(src, want, start, floor):
    """Where `want` matches src at or nearest to `start` (not before floor), None if nowhere."""
    n = len(want)
    limit = len(src) - n
    if start > limit:
        start = limit
    for d in range(0, max(limit - floor, 0) + 2):
        for at in ((start - d, start + d) if d else (start,)):
            if floor <= at <= limit and src[at:at + n] == want:
                return at
    return None
