// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/report.c - diagnostics: which rules are enabled, each rule once per place, and
 * notes after a shown warning. The front end prints (analysis_frontend in dmacheck-ir.h): GCC through
 * its diagnostic machinery, sparse in GCC's format; the words are the same for both.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"
#include "map.h"

static const struct analysis_frontend *frontend;
static bool disabled[RULE_COUNT];
static bool last_shown;
static bool muted;

struct reported {
	int rule;
	ir_loc loc;
};

static struct reported *done;
static size_t ndone, capdone;

void analysis_init(const struct analysis_frontend *fe)
{
	frontend = fe;
}

void analysis_disable_rule(int rule)
{
	if (rule >= 0 && rule < RULE_COUNT)
		disabled[rule] = true;
}

bool rule_enabled(enum dmacheck_rule rule)
{
	return rule < RULE_COUNT && !disabled[rule];
}

void report_mute(bool mute)
{
	muted = mute;
	last_shown = false;
}

bool report(enum dmacheck_rule rule, ir_loc loc)
{
	last_shown = false;
	if (!rule_enabled(rule) || !frontend || muted)
		return false;
	for (size_t i = 0; i < ndone; i++)
		if (done[i].rule == (int)rule && (done[i].loc.raw == loc.raw ||
		    (frontend->same_loc && frontend->same_loc(done[i].loc, loc))))
			return false;
	if (ndone == capdone) {
		capdone = capdone ? 2 * capdone : 32;
		done = axrealloc(done, capdone * sizeof(*done));
	}
	done[ndone].rule = (int)rule;
	done[ndone++].loc = loc;
	last_shown = frontend->diagnose((int)rule, loc);
	return last_shown;
}

void report_note(ir_loc loc, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	if (!last_shown)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	frontend->note(loc, text);
}

void report_note_declared(ir_loc loc, const char *name)
{
	if (last_shown && name && *name)
		frontend->note_declared(loc, name);
}

void note_declared(const struct ir_fn *fn, int obj)
{
	if (obj >= 0 && obj < fn->nobjs)
		report_note_declared(fn->objs[obj].loc, fn->objs[obj].name);
}

void report_forget_unit(void)
{
	free(done);
	done = NULL;
	ndone = capdone = 0;
	last_shown = false;
}
