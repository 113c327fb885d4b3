// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/indirect.c - calls through a member of an ops table, resolved where the unit proves
 * the target. Drivers that serve several buses read registers through their own ops
 * (`dev->bus->read(dev, reg, &val, 4)`, with `static const struct vnd_bus_ops vnd_usb_ops =
 * { .read = vnd_read_cmd }`): a stack buffer handed to such a call reaches vnd_read_cmd()'s
 * usb_control_msg() as surely as through a direct call.
 *
 * The front ends report every static initializer that sets a member to a function's address
 * (analysis_fnptr_init()); a call whose target is loaded from record.field is a call of that
 * function when every such initializer of the unit names the same one and no code of the
 * unit stores into record.field (a store could put another function there). The call then
 * gets that callee's name, so summaries, the call graph and the catalogue see it as written.
 *
 * Limits: by member name, not by object: two tables of one type with different functions
 * resolve nothing (a USB and a PCIe table: the member is ambiguous); a table filled at run
 * time, or in another file, is not seen; a pointer to function kept in a local or passed as
 * an argument is not followed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "map.h"

struct fnptr_target {
	const char *function;	/* interned; NULL: more than one, or stored by code */
};

/* by member_name() */
static struct named_table targets = { sizeof(struct fnptr_target), NULL, 0, 0, { NULL, 0, 0 } };

static struct fnptr_target *target_of(const struct ir_step *s)
{
	return named_row(&targets, member_name(s->record, s->field), 0);
}

void analysis_fnptr_init(const char *record, const char *field, const char *function)
{
	const char *member = member_name(record, field);
	bool fresh = member && !named_row(&targets, member, 0);
	struct fnptr_target *t = named_row(&targets, member, 1);
	const char *f = function ? ir_intern(function) : NULL;

	if (!t)
		return;
	/* interned: one pointer per name; a second, different function makes it ambiguous */
	t->function = fresh || t->function == f ? f : NULL;
}

void indirect_resolve(struct ir_fn *const *fns, size_t nfns)
{
	if (!targets.n)
		return;
	/* code that stores into such a member may put another function there */
	for (size_t f = 0; f < nfns; f++)
		for (int i = 0; i < fns[f]->ninsns; i++) {
			const struct ir_insn *in = &fns[f]->insns[i];
			struct fnptr_target *t;

			if (in->op == IR_STORE && in->place.nsteps &&
			    (t = target_of(&in->place.steps[in->place.nsteps - 1])))
				t->function = NULL;
		}
	for (size_t f = 0; f < nfns; f++)
		for (int i = 0; i < fns[f]->ninsns; i++) {
			struct ir_insn *in = &fns[f]->insns[i];
			const struct ir_insn *load;
			const struct fnptr_target *t;

			if (in->op != IR_CALL || in->callee || in->c <= 0)
				continue;
			load = ir_def(fns[f], in->c);
			if (load && load->op == IR_LOAD && load->place.nsteps &&
			    (t = target_of(&load->place.steps[load->place.nsteps - 1])) && t->function)
				in->callee = t->function;
		}
}

void indirect_via(const struct ir_fn *fn, const struct ir_insn *call, char *buf, size_t len)
{
	const struct ir_insn *load = call->callee && call->c > 0 ? ir_def(fn, call->c) : NULL;
	const struct ir_step *s;

	buf[0] = 0;
	if (!load || load->op != IR_LOAD || !load->place.nsteps)
		return;
	s = &load->place.steps[load->place.nsteps - 1];
	snprintf(buf, len, " (through %s.%s)", s->record, s->field);
}

void indirect_forget_unit(void)
{
	named_clear(&targets);
}
