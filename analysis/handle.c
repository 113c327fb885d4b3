// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/handle.c - where the results of a check's chosen calls go in one function
 * (handle.h): per value and per place, the set of calls whose result it may hold, iterated to
 * a fixed point over copies, phis, selects, arithmetic and memory.
 * Limits: HANDLE_MAX_SITES calls per function (the later ones are not followed); places are
 * ident.c's keys, so two different pointers to one object are two places.
 */
#include <stdlib.h>
#include <string.h>

#include "handle.h"

#define ROLE_SLOTS 32

struct role_args {
	const struct dma_api *rows;	/* the callee's run of rows */
	unsigned int mask;		/* bit r: a row with role r */
	unsigned char row[ROLE_SLOTS];	/* per enum dma_role: its first row's index + 1 */
};

/* The cached roles of an interned callee name, NULL if it has no row. */
static const struct role_args *roles_of(const char *callee)
{
	static struct amap cache;	/* interned name -> roles[] (names live until exit) */
	static struct role_args *roles;
	static long n, cap;
	long i;

	if (!callee)
		return NULL;
	i = amap_get(&cache, &callee, sizeof(callee));
	if (i < 0) {
		unsigned int nrows;
		const struct dma_api *rows = dma_api_rows(callee, &nrows);

		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			roles = axrealloc(roles, (size_t)cap * sizeof(*roles));
		}
		memset(&roles[n], 0, sizeof(roles[n]));
		roles[n].rows = rows;
		for (unsigned int r = 0; rows && r < nrows && r < 255; r++) {
			unsigned int role = (unsigned int)rows[r].role;

			if (role < ROLE_SLOTS && !roles[n].row[role]) {
				roles[n].row[role] = (unsigned char)(r + 1);
				roles[n].mask |= 1U << role;
			}
		}
		i = n++;
		amap_put(&cache, &callee, sizeof(callee), i);
	}
	return roles[i].mask ? &roles[i] : NULL;
}

unsigned int handles_role_arg(const char *callee, enum dma_role role)
{
	const struct dma_api *row = handles_role_row(callee, role);

	return row ? row->arg : 0;
}

const struct dma_api *handles_role_row(const char *callee, enum dma_role role)
{
	const struct role_args *r = roles_of(callee);

	if (!r || (unsigned int)role >= ROLE_SLOTS || !r->row[role])
		return NULL;
	return &r->rows[r->row[role] - 1];
}

unsigned int handles_role_mask(const char *callee)
{
	const struct role_args *r = roles_of(callee);

	return r ? r->mask : 0;
}

void *handles_zalloc(size_t n)
{
	void *p = axrealloc(NULL, n ? n : 1);

	memset(p, 0, n ? n : 1);
	return p;
}

static bool or_into(handle_mask *dst, handle_mask m)
{
	handle_mask old = *dst;

	*dst |= m;
	return *dst != old;
}

handle_mask handles_exact(const struct handles *h, int v)
{
	return v > 0 && v < h->fn->nvals ? h->exact[v] : 0;
}

handle_mask handles_derived(const struct handles *h, int v)
{
	return v > 0 && v < h->fn->nvals ? h->derived[v] : 0;
}

handle_mask handles_member(const struct handles *h, int v, long long off)
{
	char key[IDENT_LEN];
	long s;

	ident_ptr_member(h->fn, v, off, key, sizeof(key));
	s = amap_get(&h->keys, key, strlen(key));
	return s >= 0 ? h->pderived[s] : 0;
}

bool handles_frame_place(const struct ir_fn *fn, const struct ir_place *p)
{
	return p->object >= 0 && fn->objs[p->object].kind == IRO_FRAME;
}

static void find_places(struct handles *h)
{
	const struct ir_fn *fn = h->fn;
	char key[IDENT_LEN];

	h->slot = axrealloc(NULL, (size_t)(fn->ninsns + 1) * sizeof(int));
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];
		long s;

		h->slot[i] = -1;
		if (in->op != IR_LOAD && in->op != IR_STORE)
			continue;
		ident_place(fn, &in->place, key, sizeof(key));
		s = amap_get(&h->keys, key, strlen(key));
		if (s < 0) {
			s = h->nplaces++;
			amap_put(&h->keys, key, strlen(key), s);
		}
		h->slot[i] = (int)s;
	}
	h->pexact = handles_zalloc(((size_t)h->nplaces + 1) * sizeof(handle_mask));
	h->pderived = handles_zalloc(((size_t)h->nplaces + 1) * sizeof(handle_mask));
}

static void propagate(struct handles *h)
{
	const struct ir_fn *fn = h->fn;
	bool changed = true;

	for (int round = 0; changed && round < 64; round++) {
		changed = false;
		for (int i = 0; i < fn->ninsns; i++) {
			const struct ir_insn *in = &fn->insns[i];
			handle_mask e = 0, d = 0;

			switch (in->op) {
			case IR_CALL:
				if (h->site_of[i] >= 0)
					e = 1ULL << h->site_of[i];
				break;
			case IR_COPY:
				e = handles_exact(h, in->a);
				d = handles_derived(h, in->a);
				break;
			case IR_SELECT:
				e = handles_exact(h, in->a) | handles_exact(h, in->b);
				d = handles_derived(h, in->a) | handles_derived(h, in->b);
				break;
			case IR_PHI:
				for (unsigned int k = 0; k < in->nargs; k++) {
					e |= handles_exact(h, in->args[k]);
					d |= handles_derived(h, in->args[k]);
				}
				break;
			case IR_ARITH:
				if (in->arith != IRA_CMP)
					d = handles_derived(h, in->a) | handles_derived(h, in->b);
				break;
			case IR_LOAD:
				e = h->pexact[h->slot[i]];
				d = h->pderived[h->slot[i]];
				break;
			case IR_STORE:
				changed |= or_into(&h->pexact[h->slot[i]], handles_exact(h, in->a));
				changed |= or_into(&h->pderived[h->slot[i]], handles_derived(h, in->a));
				continue;
			default:
				continue;
			}
			if (in->dst > 0 && in->dst < fn->nvals) {
				changed |= or_into(&h->exact[in->dst], e);
				changed |= or_into(&h->derived[in->dst], d | e);
			}
		}
	}
}

bool handles_find(struct handles *h, const struct ir_fn *fn,
		  bool (*is_site)(const struct ir_insn *in))
{
	memset(h, 0, sizeof(*h));
	h->fn = fn;
	for (int i = 0; i < fn->ninsns && h->nsites < HANDLE_MAX_SITES; i++)
		if (is_site(&fn->insns[i]))
			h->site_insn[h->nsites++] = i;
	if (!h->nsites)
		return false;
	h->site_of = axrealloc(NULL, (size_t)(fn->ninsns + 1) * sizeof(int));
	for (int i = 0; i < fn->ninsns; i++)
		h->site_of[i] = -1;
	for (int k = 0; k < h->nsites; k++)
		h->site_of[h->site_insn[k]] = k;
	h->exact = handles_zalloc(((size_t)fn->nvals + 1) * sizeof(handle_mask));
	h->derived = handles_zalloc(((size_t)fn->nvals + 1) * sizeof(handle_mask));
	find_places(h);
	propagate(h);
	return true;
}

void handles_free(struct handles *h)
{
	free(h->site_of);
	free(h->exact);
	free(h->derived);
	free(h->slot);
	free(h->pexact);
	free(h->pderived);
	amap_clear(&h->keys);
	memset(h, 0, sizeof(*h));
}
