#!/bin/bash
# usage: oracle-run.sh CASE.c  -- compile a case natively, run it under every HCD model, resolve lines
set -e
cd /work/main
C=$1; B=build/oracle/tmp-$$
mkdir -p build/oracle
gcc -std=gnu11 -Wall -O0 -g -fno-omit-frame-pointer -fno-inline -DDMACHECK_ORACLE -nostdinc -isystem testsuite/include -c $C -o $B.o
gcc -no-pie -o $B $B.o build/oracle/{trace,main,shim-mem,shim-dma,shim-usb,shim-drivers,harness}.o build/libdmacore.a -lpthread
$B > $B.out || echo "harness rc=$?"
base=$(basename $C)
while read -r line; do
  case "$line" in
  E*|X*) pcs=$(echo "$line" | sed 's/ # .*//; s/^[^:]*://; s/|//'); locs=$(addr2line -e $B $pcs | grep -F "$base" | sed 's/.*://; s/ .*//' | sort -un | tr '\n' ,); echo "${line%% :*} lines=${locs} #${line##*#}";;
  *) echo "$line";;
  esac
done < $B.out
rm -f $B $B.o $B.out
