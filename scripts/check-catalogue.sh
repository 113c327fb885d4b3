#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/check-catalogue.sh - rules/rules.def is the one catalogue: check that every rule
# has docs/rules/<slug>.md naming its slug, severity and exact message, that no doc page
# names a rule that does not exist, that slugs are unique and well-formed, and that a rule's
# page names ("Engines:") exactly the static engines its testsuite cases run on.
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
	# the static engines the page names are those the rule's testsuite cases run on
	if [ -d "testsuite/cases/$slug" ]; then
		tested=$(sed -nE 's@.*check-engines:[[:space:]]*([^*]*)\*/.*@\1@p' testsuite/cases/"$slug"/*.c |
			tr ' ' '\n' | grep -v '^core$' | grep . | sort -u | tr '\n' ' ')
		named=$(sed -nE 's/^Engines: *(.*)$/\1/p' "$page" | tr ',;' '  ' | tr ' ' '\n' |
			grep -v '^core$' | grep . | sort -u | tr '\n' ' ')
		if [ "$tested" = "$named" ]; then echo "ok $slug: page names the engines its cases run on ($tested)"
		else echo "FAIL $slug: $page says engines '$named', its cases run on '$tested'"
		fi
	fi
done
for page in docs/rules/*.md; do
	[ -f "$page" ] || continue
	slug=$(basename "$page" .md)
	echo "$rules" | cut -d'|' -f1 | grep -qx "$slug" || { echo "FAIL $page: no such rule in rules.def"; }
done
exit 0
