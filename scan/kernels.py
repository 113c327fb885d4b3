# SPDX-License-Identifier: GPL-2.0
"""scan/kernels.py - the Debian kernel trees dmacheck prepares itself: `--kernel 6.1|6.12`
of `dmacheck scan` and `dmacheck check-patch`.

  6.1    linux-source-6.1 (the default: the version the rules, the core and the triaged
         findings of docs/findings-6.1.md were made on)
  6.12   linux-source-6.12 from bookworm-security, the LTS most distributions run now
         (docs/findings-6.12.md)

Each is unpacked, configured with Debian's amd64 config and prepared once by
scripts/kernel-tree.sh --kernel V in ${DMACHECK_CACHE:-~/.cache/dmacheck}/linux-V, each
with its own lock. --kernel and --tree exclude each other: --tree is a tree of one's own.
Limits: only the versions above (scripts/kernel-tree.sh knows their packages).
"""

import subprocess

from . import paths

KERNELS = ("6.1", "6.12")
DEFAULT = "6.1"


class KernelError(Exception):
    pass


def add_option(ap):
    ap.add_argument("--kernel", choices=KERNELS, metavar="VERSION",
                    help="which Debian tree to use when --tree is not given: %s (default %s; "
                         "prepared once by scripts/kernel-tree.sh); e.g. --kernel 6.12"
                    % (" or ".join(KERNELS), DEFAULT))


def version(a):
    """The --kernel of parsed arguments a, DEFAULT if not given; KernelError with --tree."""
    if a.kernel and a.tree:
        raise KernelError("--kernel picks one of Debian's trees, --tree names your own: "
                          "give one of them")
    return a.kernel or DEFAULT


def default_tree(ver, say):
    """The prepared Debian tree of version ver (prepared now if it is not yet)."""
    say("preparing the Debian %s tree (scripts/kernel-tree.sh --kernel %s; once)" % (ver, ver))
    p = subprocess.run(["sh", paths.script("kernel-tree.sh"), "--kernel", ver],
                       stdout=subprocess.PIPE, universal_newlines=True)
    if p.returncode != 0 or not p.stdout.strip():
        raise KernelError("scripts/kernel-tree.sh could not prepare the Debian %s tree "
                          "(scripts/deps.sh %s installs what it needs)"
                          % (ver, "kernel" if ver == "6.1" else "kernel kernel612"))
    return p.stdout.strip().splitlines()[-1]
