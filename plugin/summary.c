// SPDX-License-Identifier: GPL-2.0
/*
 * summary.c - following values into the translation unit's own functions.
 *
 * While the pass visits a function, checks record which of its parameters reach a sink
 * ("parameter 2 of read_reg() reaches usb_control_msg()"), and every direct call records the
 * origins of its arguments. At the end of the unit the parameter facts are propagated up the
 * call graph to a fixed point (wrappers of wrappers, any depth, recursion included), and
 * every call that passes an offending object (a stack address for dma-on-stack, a USB
 * struct device for usb-dma-mask) to a parameter that reaches a sink is reported at that
 * call, with notes naming the object and the path to the sink.
 *
 * Everything kept across functions is plain data (DECL_UIDs, locations, copied strings):
 * trees of finished functions may be collected before the unit ends.
 *
 * Limits: calls through function pointers and into other translation units are not
 * followed; the first path found to a sink is the one shown.
 */
#include "dmacheck.h"

struct param_sink {
	unsigned int fn;	/* DECL_UID of the function */
	unsigned int param;	/* 0-based */
	int rule;
	char *path;		/* "usb_control_msg()" or "wrap() -> usb_control_msg()" */
};

struct call_fact {
	unsigned int caller, callee;
	char *callee_name;
	unsigned int argno;	/* 0-based */
	unsigned int kinds;
	unsigned HOST_WIDE_INT params;
	location_t loc;
	char *object;		/* the stack object's name, or NULL */
	location_t object_loc;
};

static vec<param_sink> sinks;
static vec<call_fact> calls;
static unsigned int rule_kind[RULE_COUNT];

void summary_register_rule(enum dmacheck_rule rule, unsigned int kind)
{
	rule_kind[rule] = kind;
}

static bool have_sink(unsigned int fn, unsigned int param, int rule)
{
	unsigned int i;
	param_sink *s;

	FOR_EACH_VEC_ELT(sinks, i, s)
		if (s->fn == fn && s->param == param && s->rule == rule)
			return true;
	return false;
}

static bool add_sink(unsigned int fn, unsigned int param, int rule, const char *path)
{
	if (have_sink(fn, param, rule))
		return false;
	sinks.safe_push({ fn, param, rule, xstrdup(path) });
	return true;
}

void summary_sink(enum dmacheck_rule rule, const struct flow *flow, const struct origin *o,
		  const char *sink)
{
	for (unsigned int i = 0; i < MAX_TRACKED_PARAMS; i++)
		if (o->params & (HOST_WIDE_INT_1U << i))
			add_sink(DECL_UID(flow_fndecl(flow)), i, rule, sink);
}

void summary_call(const struct flow *flow, const gimple *stmt)
{
	tree callee = gimple_call_fndecl(stmt);
	unsigned int wanted = 0, n;

	if (!callee || dma_api_rows(decl_name(callee), &n))
		return;		/* indirect, or a sink the checks handle themselves */
	for (int r = 0; r < RULE_COUNT; r++)
		wanted |= rule_kind[r];
	for (unsigned int j = 0; j < gimple_call_num_args(stmt) && j < MAX_TRACKED_PARAMS; j++) {
		struct origin o = flow_origin(flow, gimple_call_arg(stmt, j));
		call_fact c;

		if (!(o.kinds & wanted) && !o.params)
			continue;
		c.caller = DECL_UID(flow_fndecl(flow));
		c.callee = DECL_UID(callee);
		c.callee_name = xstrdup(decl_name(callee));
		c.argno = j;
		c.kinds = o.kinds & wanted;
		c.params = o.params;
		c.loc = gimple_location(stmt);
		c.object = o.stack_decl ? xstrdup(decl_name(o.stack_decl)) : NULL;
		c.object_loc = o.stack_decl ? DECL_SOURCE_LOCATION(o.stack_decl) : UNKNOWN_LOCATION;
		calls.safe_push(c);
	}
}

/* Parameters that reach a sink make the caller's parameters reach it too. */
static void propagate(void)
{
	bool changed = true;

	while (changed) {
		unsigned int i, k;
		call_fact *c;

		changed = false;
		FOR_EACH_VEC_ELT(calls, i, c) {
			if (!c->params)
				continue;
			for (k = 0; k < sinks.length(); k++) {
				char *path;

				if (sinks[k].fn != c->callee || sinks[k].param != c->argno)
					continue;
				path = concat(c->callee_name, "() -> ", sinks[k].path, NULL);
				for (unsigned int p = 0; p < MAX_TRACKED_PARAMS; p++)
					if (c->params & (HOST_WIDE_INT_1U << p))
						changed |= add_sink(c->caller, p, sinks[k].rule, path);
				free(path);
			}
		}
	}
}

void summary_finish_unit(void)
{
	unsigned int i, k;
	call_fact *c;
	param_sink *s;

	propagate();
	FOR_EACH_VEC_ELT(calls, i, c) {
		FOR_EACH_VEC_ELT(sinks, k, s) {
			char note[512];

			if (s->fn != c->callee || s->param != c->argno ||
			    !(c->kinds & rule_kind[s->rule]))
				continue;
			if (!report((enum dmacheck_rule)s->rule, c->loc))
				continue;
			if (c->object)
				inform(c->object_loc, "%qs declared here", c->object);
			snprintf(note, sizeof(note), "passed to %s() as argument %u, which hands it "
				 "to %s", c->callee_name, c->argno + 1, s->path);
			report_note(c->loc, note);
		}
	}
	FOR_EACH_VEC_ELT(sinks, i, s)
		free(s->path);
	FOR_EACH_VEC_ELT(calls, i, c) {
		free(c->callee_name);
		free(c->object);
	}
	sinks.release();
	calls.release();
}
