// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/summary.c - following values into the translation unit's own functions.
 *
 * While a function is checked, checks record which of its parameters reach a sink
 * ("parameter 2 of read_reg() reaches usb_control_msg()"), and every direct call records the
 * origins of its arguments. At the end of the unit the parameter facts are propagated up the
 * call graph to a fixed point (wrappers of wrappers, any depth, recursion included), and
 * every call that passes an offending object (a stack address for dma-on-stack, a USB
 * struct device for usb-dma-mask) to a parameter that reaches a sink is reported at that
 * call, with notes naming the object and the path to the sink.
 *
 * Functions are told apart by name (interned: one pointer per name); a translation unit has
 * one function of a name. Limits: calls through function pointers and into other
 * translation units are not followed; the first path found to a sink is the one shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "map.h"

struct param_sink {
	const char *fn;		/* interned */
	unsigned int param;	/* 0-based */
	int rule;
	char *path;		/* "usb_control_msg()" or "wrap() -> usb_control_msg()" */
};

struct call_fact {
	const char *caller, *callee;
	unsigned int argno;	/* 0-based */
	unsigned int kinds;
	uint64_t params;
	ir_loc loc;
	const char *object;	/* the stack object's name, or NULL */
	ir_loc object_loc;
};

static struct param_sink *sinks;
static size_t nsinks, capsinks;
static struct call_fact *calls;
static size_t ncalls, capcalls;
static unsigned int rule_kind[RULE_COUNT];

void summary_register_rule(enum dmacheck_rule rule, unsigned int kind)
{
	rule_kind[rule] = kind;
}

static bool add_sink(const char *fn, unsigned int param, int rule, const char *path)
{
	for (size_t i = 0; i < nsinks; i++)
		if (sinks[i].fn == fn && sinks[i].param == param && sinks[i].rule == rule)
			return false;
	if (nsinks == capsinks) {
		capsinks = capsinks ? 2 * capsinks : 32;
		sinks = axrealloc(sinks, capsinks * sizeof(*sinks));
	}
	sinks[nsinks].fn = fn;
	sinks[nsinks].param = param;
	sinks[nsinks].rule = rule;
	sinks[nsinks++].path = axstrdup(path);
	return true;
}

void summary_sink(enum dmacheck_rule rule, const struct flow *flow, const struct origin *o,
		  const char *sink)
{
	for (unsigned int i = 0; i < MAX_TRACKED_PARAMS; i++)
		if (o->params & (1ULL << i))
			add_sink(flow_fn(flow)->name, i, rule, sink);
}

void summary_call(const struct flow *flow, const struct ir_insn *call)
{
	const struct ir_fn *fn = flow_fn(flow);
	unsigned int wanted = 0, n;

	if (!call->callee || dma_api_rows(call->callee, &n))
		return;		/* indirect, or a sink the checks handle themselves */
	for (int r = 0; r < RULE_COUNT; r++)
		wanted |= rule_kind[r];
	for (unsigned int j = 0; j < call->nargs && j < MAX_TRACKED_PARAMS; j++) {
		struct origin o = flow_origin(flow, call->args[j]);
		struct call_fact *c;

		if (!(o.kinds & wanted) && !o.params)
			continue;
		if (ncalls == capcalls) {
			capcalls = capcalls ? 2 * capcalls : 64;
			calls = axrealloc(calls, capcalls * sizeof(*calls));
		}
		c = &calls[ncalls++];
		c->caller = fn->name;
		c->callee = call->callee;
		c->argno = j;
		c->kinds = o.kinds & wanted;
		c->params = o.params;
		c->loc = call->loc;
		c->object = o.stack_obj >= 0 ? fn->objs[o.stack_obj].name : NULL;
		c->object_loc = o.stack_obj >= 0 ? fn->objs[o.stack_obj].loc : call->loc;
	}
}

/* Parameters that reach a sink make the caller's parameters reach it too. */
static void propagate(void)
{
	bool changed = true;

	while (changed) {
		changed = false;
		for (size_t i = 0; i < ncalls; i++) {
			struct call_fact *c = &calls[i];

			if (!c->params)
				continue;
			for (size_t k = 0; k < nsinks; k++) {
				char *path;
				size_t len;

				if (sinks[k].fn != c->callee || sinks[k].param != c->argno)
					continue;
				len = strlen(c->callee) + strlen(sinks[k].path) + 8;
				path = axrealloc(NULL, len);
				snprintf(path, len, "%s() -> %s", c->callee, sinks[k].path);
				for (unsigned int p = 0; p < MAX_TRACKED_PARAMS; p++)
					if (c->params & (1ULL << p))
						changed |= add_sink(c->caller, p, sinks[k].rule, path);
				free(path);
			}
		}
	}
}

void summary_finish_unit(void)
{
	propagate();
	for (size_t i = 0; i < ncalls; i++) {
		struct call_fact *c = &calls[i];

		for (size_t k = 0; k < nsinks; k++) {
			struct param_sink *s = &sinks[k];

			if (s->fn != c->callee || s->param != c->argno ||
			    !(c->kinds & rule_kind[s->rule]))
				continue;
			if (!report((enum dmacheck_rule)s->rule, c->loc))
				continue;
			if (c->object)
				report_note_declared(c->object_loc, c->object);
			report_note(c->loc, "passed to %s() as argument %u, which hands it to %s",
				    c->callee, c->argno + 1, s->path);
		}
	}
	for (size_t k = 0; k < nsinks; k++)
		free(sinks[k].path);
	free(sinks);
	free(calls);
	sinks = NULL;
	calls = NULL;
	nsinks = capsinks = ncalls = capcalls = 0;
}
