#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# cocci/kernel-run.sh - run every cocci/*.cocci over the real 6.1 tree, one process at a time.
#
#   cocci/kernel-run.sh [TREE] [OUTDIR]
#
# drivers/usb the kernel's way (make coccicheck MODE=report COCCI=... M=drivers/usb J=1), the
# other USB-heavy directories with spatch --dir (the same options coccicheck passes). Raw
# outputs go to OUTDIR/<script>/<dir>.log, wall-clock times to OUTDIR/<script>/times.txt
# ("script dir seconds exit"). COCCI_SCRIPTS and COCCI_DIRS narrow the run. Default TREE ~/.cache/dmacheck/linux-6.1, OUTDIR
# testsuite/cocci-smoke. COCCI_TIMEOUT (default 120) is spatch's per-file timeout.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:-$HOME/.cache/dmacheck/linux-6.1}
out=${2:-$here/testsuite/cocci-smoke}
timeout=${COCCI_TIMEOUT:-120}
dirs=${COCCI_DIRS:-"drivers/usb drivers/media/usb drivers/net/usb sound/usb drivers/hid drivers/input drivers/bluetooth"}
scripts=${COCCI_SCRIPTS:-$(ls "$here"/cocci/*.cocci)}
mkdir -p "$out"
for s in $scripts; do
	s=$(cd "$(dirname "$s")" && pwd)/$(basename "$s")	# the runs cd into the tree
	name=$(basename "$s" .cocci)
	mkdir -p "$out/$name"
	: > "$out/$name/times.txt.new"
	for d in $dirs; do
		log="$out/$name/$(echo "$d" | tr / _).log"
		start=$(date +%s)
		if [ "$d" = drivers/usb ]; then
			(cd "$tree" && make -s coccicheck MODE=report COCCI="$s" M="$d" J=1 \
				SPFLAGS="--timeout $timeout") > "$log" 2>&1
		else
			opts=$(sed -n 's|^// Options: *||p' "$s")
			(cd "$tree" && spatch -D report --no-show-diff --very-quiet $opts \
				--timeout "$timeout" --sp-file "$s" --dir "$d" -I arch/x86/include \
				-I arch/x86/include/generated -I include -I include/uapi \
				-I arch/x86/include/uapi) > "$log" 2>&1
		fi
		rc=$?
		end=$(date +%s)
		echo "$name $d $((end - start)) $rc" | tee -a "$out/$name/times.txt.new"
	done
	mv "$out/$name/times.txt.new" "$out/$name/times.txt"
done
