#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/obj-cmd.sh - the exact compile command kbuild used for one object, re-targeted.
#
#   scripts/obj-cmd.sh TREE OBJ OUT
#
# Prints, on one line, the gcc command recorded in TREE/<dir of OBJ>/.<OBJ>.cmd ("cmd_OBJ := ..."
# in 6.1, "savedcmd_OBJ := ..." in later kernels) with three changes, so that it can be run
# again (`cd TREE && eval "$(scripts/obj-cmd.sh TREE OBJ OUT) EXTRA-FLAGS"`) without touching
# the tree:
#   - only the compile: what kbuild chains after " ; " (objtool, which rewrites the object
#     in place) is dropped;
#   - every -fplugin=... and -fplugin-arg-...=... (from KCFLAGS) is removed;
#   - "-o OBJ" becomes "-o OUT" and the dependency file (-Wp,-MMD,...) goes to OUT.d.
# OBJ is relative to TREE (drivers/usb/serial/ftdi_sio.o).  Used by bench/plugin-cost.sh and
# scripts/plugin-identity.sh.
#
# Exit: 0 printed; 1 no .cmd file, or its command is not "gcc ... -c -o OBJ SRC.c" (a linked
# composite object, an assembler file); 2 usage.
# Limits: the command is printed as kbuild wrote it, for eval from TREE; paths in it are
# relative to TREE.

set -eu

[ $# -eq 3 ] || { echo "usage: $0 TREE OBJ OUT" >&2; exit 2; }
tree=$1 obj=$2 out=$3

cmdfile=$tree/$(dirname "$obj")/.$(basename "$obj").cmd
[ -f "$cmdfile" ] || { echo "$0: no $cmdfile" >&2; exit 1; }

line=$(grep -m 1 -E "^(saved)?cmd_$obj := " "$cmdfile" || true)
cmd=${line#* := }
cmd=${cmd%% ; *}
cmd=${cmd%"${cmd##*[! ]}"}		# trailing blanks
case $cmd in
*" -c -o $obj "*.c) ;;
*)	echo "$0: $obj: not a compile of a .c file: ${cmd:0:80}..." >&2; exit 1 ;;
esac

cmd=$(printf '%s\n' "$cmd" | sed -E 's/ -fplugin(=|-arg-)[^ ]*//g')
cmd=${cmd/ -o "$obj" / -o "$out" }
cmd=$(printf '%s\n' "$cmd" | sed -E "s|-Wp,-MMD,[^ ]+|-Wp,-MMD,$out.d|")
printf '%s\n' "$cmd"
