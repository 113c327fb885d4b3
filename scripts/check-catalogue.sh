#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/check-catalogue.sh - rules/rules.def is the one catalogue: check that every rule
# has docs/rules/<slug>.md naming its slug, severity and exact message, that no doc page
# names a rule that does not exist, and that slugs are unique and well-formed.
# Prints "ok ..." / "FAIL ..." lines; exit 1 on any failure.

set -u
rc=0
rules=$(sed -nE 's/^RULE\(([A-Z0-9_]+), *"([a-z0-9-]+)", *(ERROR|WARNING), *"(.*)"\)$/\2|\3|\4/p' rules/rules.def)
nrows=$(grep -c '^RULE(' rules/rules.def)
nparsed=$(echo "$rules" | grep -c .)
if [ "$nrows" -ne "$nparsed" ]; then
	echo "FAIL rules.def: $nrows RULE rows but $nparsed parse as RULE(ID, \"slug\", SEVERITY, \"message\")"; rc=1
fi
dups=$(echo "$rules" | cut -d'|' -f1 | sort | uniq -d)
[ -z "$dups" ] || { echo "FAIL rules.def: duplicate slugs: $dups"; rc=1; }

echo "$rules" | while IFS='|' read -r slug sev msg; do
	page="docs/rules/$slug.md"
	if [ ! -f "$page" ]; then
		echo "FAIL $slug: no $page"; continue
	fi
	sevl=$(echo "$sev" | tr 'A-Z' 'a-z')
	if ! grep -qF "[dmacheck-$slug]" "$page"; then echo "FAIL $slug: $page lacks [dmacheck-$slug]"
	elif ! grep -qF "$msg" "$page"; then echo "FAIL $slug: $page lacks the message \"$msg\""
	elif ! grep -qiE "^Severity: *$sevl" "$page"; then echo "FAIL $slug: $page lacks 'Severity: $sevl'"
	else echo "ok $slug: $page"
	fi
done
for page in docs/rules/*.md; do
	[ -f "$page" ] || continue
	slug=$(basename "$page" .md)
	echo "$rules" | cut -d'|' -f1 | grep -qx "$slug" || { echo "FAIL $page: no such rule in rules.def"; }
done
exit 0
