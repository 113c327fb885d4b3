# SPDX-License-Identifier: GPL-2.0
"""scan/icecc.py - `dmacheck scan --icecc`: the gcc engine's compiles spread over an icecream
farm as the user has it set up (the local iceccd, its scheduler, ICECC_VERSION).

  make ... CC="icecc gcc" KCFLAGS="-fplugin=... -fdiagnostics-column-unit=byte"
  with ICECC_VERSION=<an environment that carries the plugin>, ICECC_CARET_WORKAROUND=0

- The compiler environment: remote nodes compile in a chroot of the environment the client
  sends, so the plugin must be inside it, at the path -fplugin= names. prepare() reuses the
  user's ICECC_VERSION when its native environment already holds the plugin (same path, same
  bytes once stripped as icecc-create-env strips executables); otherwise it makes one with `icecc-create-env <gcc> --addfile <plugin>` (plus the
  summaries database when one is read) and keeps it in
  ${DMACHECK_CACHE:-~/.cache/dmacheck}/icecc/dmacheck-<key>.tar.gz, the key a hash of the
  compiler, the plugin and the database, so a later scan reuses it and a node receives it
  once. Cross-compiler entries of the user's ICECC_VERSION ("...,arch:file") are dropped for
  the scan: they do not carry the plugin. Nodes need nothing installed but iceccd.
- ICECC_CARET_WORKAROUND=0: otherwise the client compiles a file again locally whenever the
  remote compile printed anything (its caret workaround), i.e. every file with a finding.
- Columns: a node compiles preprocessed text from stdin and cannot read the source, so GCC
  prints byte columns there and display columns (tabs expanded to 8) where it can. Every
  compile gets -fdiagnostics-column-unit=byte, wherever it runs, and display_columns() turns
  the findings back into the columns a local scan prints.
- The local daemon must be reachable (ICECC_TEST_SOCKET, /var/run/icecc/iceccd.socket,
  /var/run/iceccd.socket, ~/.iceccd.socket or 127.0.0.1:10245, the client's own order):
  without it icecc quietly compiles everything locally, so that is a usage error here.
- --summaries: the database is read on the nodes (it travels in the environment, so a new
  database makes a new environment). A node cannot write DB.units/ (its chroot is
  discarded; icecream returns only the object and the compiler's output), so the compiles
  print their unit files on stderr (-fplugin-arg-dmacheck-summaries-out=-) and the scan
  writes them there (scan/summaries.py save_relayed()).

Limits: a note that points into a macro definition ("from this macro" at a header's
#define) can carry another column on a node, and for a definition over several lines
another line: icecream preprocesses with -fdirectives-only, and the node compiles the
definitions as GCC re-emits them ("#define f(a,b) ...", spacing normalised); the findings
themselves (file, line, column, rule, function) and the other notes are a local scan's.
gcc only (sparse and cocci run locally as always); the user's own environment is
used only if it has this very plugin build; the nodes must be x86_64 (the environment is
native).
"""

import hashlib
import os
import shutil
import socket
import subprocess
import tarfile
import tempfile
import unicodedata


class IceccError(Exception):
    pass


def cache_dir():
    return os.path.join(os.environ.get("DMACHECK_CACHE") or
                        os.path.join(os.path.expanduser("~"), ".cache", "dmacheck"), "icecc")


def daemon_reachable():
    """Where the client will find its local daemon, or None (icecc's own order)."""
    test = os.environ.get("ICECC_TEST_SOCKET")
    socks = [test] if test else ["/var/run/icecc/iceccd.socket", "/var/run/iceccd.socket",
                                  os.path.join(os.path.expanduser("~"), ".iceccd.socket")]
    for path in socks:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.settimeout(2)
            s.connect(path)
            return path
        except OSError:
            pass
        finally:
            s.close()
    if test:
        return None
    try:
        socket.create_connection(("127.0.0.1", 10245), timeout=2).close()
        return "127.0.0.1:10245"
    except OSError:
        return None


def _digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _digests(path):
    """The file's digest, and that of the copy icecc-create-env stores of an executable
    (objcopy -p --strip-unneeded)."""
    out = {_digest(path)}
    if os.access(path, os.X_OK) and shutil.which("objcopy"):
        with tempfile.TemporaryDirectory() as tmp:
            copy = os.path.join(tmp, "f")
            if subprocess.run(["objcopy", "-p", "--strip-unneeded", path, copy],
                              stderr=subprocess.DEVNULL).returncode == 0:
                out.add(_digest(copy))
    return out


def holds(tarball, files):
    """Does the environment tarball hold each of files (absolute paths), as the file or as
    icecc-create-env's stripped copy of it?"""
    want = {f.lstrip("/"): _digests(f) for f in files}
    try:
        with tarfile.open(tarball) as t:
            for m in t:
                name = m.name.lstrip("./")
                if name in want and m.isfile():
                    h = hashlib.sha256(t.extractfile(m).read()).hexdigest()
                    if h in want[name]:
                        del want[name]
    except (OSError, tarfile.TarError):
        return False
    return not want


def create_env(compiler, extra, say):
    """A cached environment of compiler carrying the extra files; its path."""
    ver = subprocess.run([compiler, "-v"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         universal_newlines=True).stderr
    h = hashlib.sha256((os.path.realpath(compiler) + "\n" + ver).encode())
    for f in extra:
        h.update((f + "\n" + _digest(f) + "\n").encode())
    d = cache_dir()
    out = os.path.join(d, "dmacheck-%s.tar.gz" % h.hexdigest()[:16])
    if os.path.isfile(out):
        say("icecc: reusing the compiler environment %s" % out)
        return out
    os.makedirs(d, exist_ok=True)
    say("icecc: creating a compiler environment with the plugin (icecc-create-env, once)")
    with tempfile.TemporaryDirectory(prefix="env-", dir=d) as tmp:
        cmd = ["icecc-create-env", compiler]
        for f in extra:
            cmd += ["--addfile", f]
        p = subprocess.run(cmd, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        made = [f for f in os.listdir(tmp) if f.endswith((".tar.gz", ".tar.xz", ".tar.zst",
                                                           ".tar.bz2"))]
        if p.returncode != 0 or len(made) != 1:
            raise IceccError("icecc-create-env %s failed: %s" % (
                " ".join(cmd[1:]), (p.stdout.strip().splitlines() or ["no output"])[-1]))
        if not made[0].endswith(".tar.gz"):
            out = out[:-len(".tar.gz")] + made[0][made[0].index(".tar"):]
        os.replace(os.path.join(tmp, made[0]), out)
    return out


def prepare(plugin, say, database=None, compiler="gcc"):
    """The environment variables and make arguments of an icecream build with the plugin
    (and the summaries database, if one is read): (env, make_args, kcflags)."""
    for tool in ("icecc", "icecc-create-env"):
        if not shutil.which(tool):
            raise IceccError("%s is not installed: run scripts/deps.sh icecc (Debian's "
                             "icecc package), and have an iceccd running" % tool)
    where = daemon_reachable()
    if not where:
        raise IceccError(
            "no icecream daemon to talk to (%s): without one icecc compiles everything "
            "locally; start iceccd (Debian: systemctl start iceccd) or a private farm "
            "(scripts/icecc-local.sh up DIR)" % (
                "ICECC_TEST_SOCKET=" + os.environ["ICECC_TEST_SOCKET"]
                if os.environ.get("ICECC_TEST_SOCKET") else
                "no /var/run/icecc/iceccd.socket, ~/.iceccd.socket or 127.0.0.1:10245"))
    cc = shutil.which(compiler)
    if not cc:
        raise IceccError("%s not found" % compiler)
    extra = [os.path.abspath(plugin)] + ([os.path.abspath(database)] if database else [])
    user = os.environ.get("ICECC_VERSION", "")
    native = user.split(",")[0]
    if native and ":" not in native and "=" not in native and holds(native, extra):
        env_file = native
        say("icecc: ICECC_VERSION %s carries the plugin: using it" % native)
    else:
        if user:
            say("icecc: ICECC_VERSION %s does not carry this plugin build: the scan uses "
                "its own environment" % user)
        env_file = create_env(cc, extra, say)
    say("icecc: daemon %s, environment %s" % (where, env_file))
    env = {"ICECC_VERSION": env_file, "ICECC_CARET_WORKAROUND": "0"}
    return env, ["CC=icecc " + compiler], ["-fdiagnostics-column-unit=byte"]


# ---- columns ----------------------------------------------------------------------------

def _width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_column(line, col):
    """GCC's display column (tabs to the next multiple of 8, wide characters 2) of the byte
    column col of line (bytes)."""
    prefix = line[:max(col - 1, 0)].decode("utf-8", errors="replace")
    w = 0
    for ch in prefix:
        w = (w // 8 + 1) * 8 if ch == "\t" else w + _width(ch)
    return w + 1


class Columns:
    """Byte columns of findings made display columns, reading each file once."""

    def __init__(self, tree):
        self.tree, self.lines = tree, {}

    def col(self, path, line, col):
        if path not in self.lines:
            try:
                with open(os.path.join(self.tree, path), "rb") as f:
                    self.lines[path] = f.read().split(b"\n")
            except OSError:
                self.lines[path] = None
        text = self.lines[path]
        if not text or not 1 <= line <= len(text):
            return col
        return display_column(text[line - 1], col)

    def fix(self, f):
        f.col = self.col(f.file, f.line, f.col)
        f.notes = [(p, l, self.col(p, l, c), m) for p, l, c, m in f.notes]
        return f
