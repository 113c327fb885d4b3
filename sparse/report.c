// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - diagnostics in GCC's format, the one every dmacheck engine prints:
 *
 *   file:line:col: warning: <message> [dmacheck-<slug>]
 *   file:line:col: note: ...
 *
 * ("error:" with --dmacheck-error). A rule is reported once per source position; disabled
 * rules (--dmacheck-disable=) are not reported. Findings go to `dmcs_out`, the process's
 * stderr as it was at start-up (where kbuild shows a checker's output), even while sparse's
 * own messages are muted for dmacheck's parse in --also-sparse mode.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "dmacheck-sparse.h"
#include "token.h"
#include "map.h"

FILE *dmcs_out;
bool dmcs_disabled[RULE_COUNT];
bool dmcs_as_errors;
unsigned int dmcs_findings;

static struct dmcs_map reported;
static bool last_shown;

static void where(struct position pos)
{
	fprintf(dmcs_out, "%s:%d:%d: ", stream_name(pos.stream), pos.line, pos.pos);
}

bool report(enum dmacheck_rule rule, struct position pos)
{
	char key[64];
	int len;

	last_shown = false;
	if (rule >= RULE_COUNT || dmcs_disabled[rule])
		return false;
	len = snprintf(key, sizeof(key), "%d:%d:%d:%d", pos.stream, pos.line, pos.pos, rule);
	if (dmcs_map_get(&reported, key, len) >= 0)
		return false;
	dmcs_map_put(&reported, key, len, 1);
	where(pos);
	fprintf(dmcs_out, "%s: %s [dmacheck-%s]\n", dmcs_as_errors ? "error" : "warning",
		rule_message(rule), rule_slug(rule));
	dmcs_findings++;
	last_shown = true;
	return true;
}

void report_note(struct position pos, const char *fmt, ...)
{
	va_list ap;

	if (!last_shown)
		return;
	where(pos);
	fputs("note: ", dmcs_out);
	va_start(ap, fmt);
	vfprintf(dmcs_out, fmt, ap);
	va_end(ap);
	fputc('\n', dmcs_out);
}

void note_declared(struct symbol *sym)
{
	if (sym && sym->ident)
		report_note(sym->pos, "'%s' declared here", dmcs_ident(sym->ident));
}

void report_reset_unit(void)
{
	dmcs_map_clear(&reported);
	last_shown = false;
	fflush(dmcs_out);
}
