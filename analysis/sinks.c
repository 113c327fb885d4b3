// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/sinks.c - where a buffer is handed to DMA, for the checks of what memory may be
 * mapped (dma-on-stack, dma-map-vmalloc): every argument of a ROLE_DMA_BUF or ROLE_SETUP_PKT
 * row of rules/dma-apis.def (unless its length argument is a constant 0: nothing is
 * transferred) and every store to a DMA_FIELD member with such a role (urb->transfer_buffer).
 * And where vmalloc memory comes from (origin.c asks): DMA_VMEM allocators, with kvmalloc()'s
 * size decided here, and DMA_VMEM_FIELD members (fw->data); and a callee's DMA_CTRL row (the
 * urb-control-dir-mismatch check asks). And what a static object's address is for the unit
 * (dma-map-invalid-area, dma-map-rodata; docs/rules/dma-map-invalid-area.md):
 *
 *   unit (analysis_unit_kbuild)          IRO_DATA (.data/.bss)    IRO_RODATA (const, strings)
 *   a module (MODULE defined)            O_IMAGE                  O_IMAGE
 *   outside kbuild (neither macro)       O_IMAGE                  O_IMAGE
 *   built in (KBUILD_MODNAME, no MODULE) 0                        O_RODATA
 *
 * A module's image comes from module_alloc(), outside the linear map, on every architecture:
 * dma-map-invalid-area. A file compiled outside kbuild is taken for a module: the drivers
 * dmacheck is run on are modules in the distribution configs (Debian's amd64 builds the USB
 * corpus as modules), and the core's harness registers a case's data as a module's. A
 * built-in's data is in the linear map on x86 and 32-bit ARM (the arm64 image is not: there
 * it is dma-map-invalid-area, which the checker does not assume), its rodata is kernel rodata:
 * dma-map-rodata (DMA debug says so on 32-bit, a device write corrupts it everywhere).
 *
 * The rows of a callee are looked up once per interned name (the checks ask for every call
 * of every function; the catalogue's lookups are linear scans).
 * Limits: a kvmalloc() size is known only as a constant (times a constant count).
 */
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "map.h"

#define PAGE_SIZE_6_1 4096	/* x86_64, arm64 4K: kvmalloc_node() falls back above it */
#define MAX_SINK_ROWS 4

struct callee_info {
	unsigned int nbuf;
	struct { unsigned char arg, len_arg; } buf[MAX_SINK_ROWS];
	const struct dma_vmem *vmem;
	const struct dma_ctrl *ctrl;
};

/* The callee's buffer rows and vmalloc row, cached per interned name. */
static const struct callee_info *callee_info(const char *callee)
{
	static struct amap cache;	/* interned name -> infos[] (names live until exit) */
	static struct callee_info *infos;
	static long n, cap;
	long i = amap_get(&cache, &callee, sizeof(callee));

	if (i < 0) {
		unsigned int nrows;
		const struct dma_api *rows = dma_api_rows(callee, &nrows);
		struct callee_info *ci;

		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			infos = axrealloc(infos, (size_t)cap * sizeof(*infos));
		}
		ci = &infos[n];
		memset(ci, 0, sizeof(*ci));
		for (unsigned int r = 0; rows && r < nrows && ci->nbuf < MAX_SINK_ROWS; r++) {
			if (rows[r].role != ROLE_DMA_BUF && rows[r].role != ROLE_SETUP_PKT)
				continue;
			ci->buf[ci->nbuf].arg = (unsigned char)rows[r].arg;
			ci->buf[ci->nbuf++].len_arg = (unsigned char)rows[r].len_arg;
		}
		ci->vmem = dma_vmem_row(callee);
		ci->ctrl = dma_ctrl_row(callee);
		i = n++;
		amap_put(&cache, &callee, sizeof(callee), i);
	}
	return &infos[i];
}

const struct dma_ctrl *ctrl_row(const char *callee)
{
	return callee ? callee_info(callee)->ctrl : NULL;
}

void buffer_sinks(const struct flow *flow, const struct ir_insn *in, buffer_judge judge)
{
	const struct ir_fn *fn = flow_fn(flow);
	char sink[128];

	if (in->op == IR_CALL && in->callee) {
		const struct callee_info *ci = callee_info(in->callee);
		long long len;

		for (unsigned int i = 0; i < ci->nbuf; i++) {
			if (ci->buf[i].arg > in->nargs)
				continue;
			if (ci->buf[i].len_arg && ci->buf[i].len_arg <= in->nargs &&
			    ir_is_const(fn, in->args[ci->buf[i].len_arg - 1], &len) && !len)
				continue;	/* nothing is transferred */
			snprintf(sink, sizeof(sink), "%s()", in->callee);
			judge(flow, in->args[ci->buf[i].arg - 1], in, sink);
		}
	} else if (in->op == IR_STORE && in->place.nsteps) {
		const struct ir_step *last = &in->place.steps[in->place.nsteps - 1];
		const struct dma_field *row = dma_field_row(last->record, last->field);

		if (!row || (row->role != ROLE_DMA_BUF && row->role != ROLE_SETUP_PKT))
			return;
		snprintf(sink, sizeof(sink), "%s->%s", row->record, row->field);
		judge(flow, in->a, in, sink);
	}
}

static bool unit_builtin;	/* kbuild compiles the unit into the kernel */

void analysis_unit_kbuild(bool kbuild, bool module)
{
	unit_builtin = kbuild && !module;
}

void image_forget_unit(void)
{
	unit_builtin = false;
}

unsigned int image_kinds(enum ir_obj_kind kind)
{
	switch (kind) {
	case IRO_DATA:
		return unit_builtin ? 0 : O_IMAGE;
	case IRO_RODATA:
		return unit_builtin ? O_RODATA : O_IMAGE;
	default:
		return 0;	/* the frame, extern and per-cpu objects */
	}
}

int image_object(const struct ir_fn *fn, int v)
{
	for (int depth = 0; depth < 16; depth++) {
		const struct ir_insn *in = ir_def(fn, v);

		if (!in)
			return -1;
		if (in->op == IR_ADDR)
			return in->place.object >= 0 && *fn->objs[in->place.object].name &&
			       image_kinds(fn->objs[in->place.object].kind) ? in->place.object : -1;
		if (in->op != IR_ARITH || in->arith != IRA_PTRADD)
			return -1;
		v = in->a;
	}
	return -1;
}

bool vmem_call(const struct ir_fn *fn, const struct ir_insn *in, unsigned int *kinds)
{
	const struct dma_vmem *row;
	long long size = 1, c;

	*kinds = 0;
	if (!in->callee || !(row = callee_info(in->callee)->vmem))
		return false;
	*kinds = O_VMALLOC_MAYBE;
	if (row->how == VMEM_ALWAYS)
		*kinds = O_VMALLOC;
	/* kvmalloc(): kmalloc memory up to PAGE_SIZE, maybe vmalloc memory above */
	else if (row->size_arg && row->size_arg <= in->nargs &&
		 ir_is_const(fn, in->args[row->size_arg - 1], &size) &&
		 (!row->count_arg || (row->count_arg <= in->nargs &&
				      ir_is_const(fn, in->args[row->count_arg - 1], &c) &&
				      (size *= c, true))) &&
		 size >= 0 && size <= PAGE_SIZE_6_1)
		*kinds = 0;
	return true;
}

bool vmem_field_place(const struct ir_place *p)
{
	static const char *last_field, *last_record;	/* interned: compared by address */
	static bool last_answer;
	const struct ir_step *s;

	if (!p->nsteps)
		return false;
	s = &p->steps[p->nsteps - 1];
	if (s->field != last_field || s->record != last_record) {
		last_field = s->field;
		last_record = s->record;
		last_answer = dma_vmem_field(s->record, s->field);
	}
	return last_answer;
}
