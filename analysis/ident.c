// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/ident.c - object identity: how the function reaches a piece of memory, as a key.
 *
 *   O<n>+<off>        object n of the function (each local its own object) at a byte offset
 *   P<i>+<off>        what parameter i points to
 *   *(<key>)+<off>    what the pointer loaded from <key> points to (dev->urb: *(P0+8)+0)
 *   T<v>+<off>        what temporary v points to (a call's result, a phi)
 *   ...[]             an element whose index is not a constant (all elements are one);
 *                     constant indices are offsets, so urbs[0] and urbs[1] differ
 *
 * Copies, casts, constant pointer arithmetic and &p->member are folded into the offset, so
 * `&dev->urb` passed to usb_fill_bulk_urb() and a store to dev->urb.transfer_dma name the
 * same struct urb. Members are told apart by offset only (union members alias).
 * A pointer loaded from a place that the function stores exactly once, with a store that
 * dominates the load, is the stored value: after `buf->urb = urb`, `buf->urb->transfer_flags`
 * and `urb->transfer_dma` name one struct urb (drivers/media/usb/hdpvr's buffers).  Places
 * reached from a parameter are not forwarded: callers see them through summaries by name.
 *
 * Limits: two different pointers to one object are two keys (no alias analysis); the stores
 * are matched by key, so a store through another name, or by a callee, is not seen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "map.h"

const struct ir_insn *ir_def(const struct ir_fn *fn, int v)
{
	for (int depth = 0; depth < 64; depth++) {
		const struct ir_insn *in;

		if (v <= 0 || v >= fn->nvals || fn->vals[v].kind != IRV_TEMP || fn->vals[v].def < 0)
			return NULL;
		in = &fn->insns[fn->vals[v].def];
		if (in->op != IR_COPY)
			return in;
		v = in->a;
	}
	return NULL;
}

bool ir_is_const(const struct ir_fn *fn, int v, long long *cst)
{
	for (int depth = 0; depth < 64 && v > 0 && v < fn->nvals; depth++) {
		const struct ir_val *val = &fn->vals[v];

		if (val->kind == IRV_CONST) {
			*cst = val->cst;
			return true;
		}
		if (val->kind != IRV_TEMP || val->def < 0 || fn->insns[val->def].op != IR_COPY)
			return false;
		v = fn->insns[val->def].a;
	}
	return false;
}

static void place_base(const struct ir_fn *fn, const struct ir_place *p, char *buf, size_t len,
		       long long *off, bool *var, int depth);

/*
 * buf = prefix followed by n in decimal (truncated to len).  Keys are built for every load,
 * store and call argument, and snprintf() was most of their cost (docs/performance.md).
 */
static void put_num(char *buf, size_t len, const char *prefix, long long n)
{
	char digits[24];
	size_t used = 0, nd = 0;
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;

	if (!len)
		return;
	while (*prefix && used + 1 < len)
		buf[used++] = *prefix++;
	if (n < 0 && used + 1 < len)
		buf[used++] = '-';
	do
		digits[nd++] = (char)('0' + u % 10);
	while ((u /= 10));
	while (nd && used + 1 < len)
		buf[used++] = digits[--nd];
	buf[used] = '\0';
}

/*
 * The function's stores by place key (computed without forwarding): the store instruction, or
 * -2 when the place is stored more than once.  Built on the first load that asks.
 */
struct ident_stores {
	struct amap by_key;
	struct dom *dom;
};

static int no_forwarding;	/* > 0 while keys are computed for the table or a match */

void ident_cache_free(void *cache)
{
	struct ident_stores *st = cache;

	if (!st)
		return;
	amap_clear(&st->by_key);
	if (st->dom)
		dom_free(st->dom);
	free(st);
}

static struct ident_stores *stores_of(const struct ir_fn *fn)
{
	struct ident_stores *st = fn->ident_cache;

	if (st)
		return st;
	st = axrealloc(NULL, sizeof(*st));
	memset(st, 0, sizeof(*st));
	no_forwarding++;
	for (int i = 0; i < fn->ninsns; i++) {
		const struct ir_insn *in = &fn->insns[i];
		char key[IDENT_LEN];
		size_t n;

		if (in->op != IR_STORE)
			continue;
		ident_place(fn, &in->place, key, sizeof(key));
		n = strlen(key);
		amap_put(&st->by_key, key, n, amap_get(&st->by_key, key, n) == -1 ? i : -2);
	}
	no_forwarding--;
	((struct ir_fn *)fn)->ident_cache = st;
	return st;
}

/* The value a load (instruction at) from the place `key` reads, if one store dominating it
 * is the only store to that place; else 0. */
static int forwarded(const struct ir_fn *fn, const char *key, int at)
{
	struct ident_stores *st;
	const struct ir_insn *store;
	const struct ir_val *val;
	long i;

	const char *root = key;

	while (!strncmp(root, "*(", 2))
		root += 2;
	/* a place in the caller's memory keeps its name: the summaries speak of it (pm->irq
	 * filled by a helper is the caller's pm->irq, not the helper's temporary) */
	if (no_forwarding || root[0] == '?' || root[0] == 'P' || strstr(key, "[]"))
		return 0;
	st = stores_of(fn);
	i = amap_get(&st->by_key, key, strlen(key));
	if (i < 0 || i == at)
		return 0;
	store = &fn->insns[i];
	val = store->a > 0 && store->a < fn->nvals ? &fn->vals[store->a] : NULL;
	if (!val || (val->kind != IRV_TEMP && val->kind != IRV_PARAM))
		return 0;
	if (store->bb == fn->insns[at].bb) {
		if (i > at)
			return 0;
	} else {
		if (!st->dom)
			st->dom = dom_compute(fn);
		if (!dom_dominates(st->dom, store->bb, fn->insns[at].bb))
			return 0;
	}
	return store->a;
}

/* The base of what v points to, the offset and element flag accumulated. */
static void ptr_base(const struct ir_fn *fn, int v, char *buf, size_t len, long long *off,
		     bool *var, int depth)
{
	for (; depth < 48; depth++) {
		const struct ir_val *val = v > 0 && v < fn->nvals ? &fn->vals[v] : NULL;
		const struct ir_insn *in;
		long long c;

		if (!val || val->kind == IRV_UNKNOWN) {
			snprintf(buf, len, "?");
			return;
		}
		if (val->kind == IRV_CONST) {
			put_num(buf, len, "#", val->cst);
			return;
		}
		if (val->kind == IRV_PARAM) {
			put_num(buf, len, "P", val->param);
			return;
		}
		if (val->def < 0) {
			put_num(buf, len, "T", v);
			return;
		}
		in = &fn->insns[val->def];
		switch (in->op) {
		case IR_COPY:
			v = in->a;
			continue;
		case IR_ARITH:
			if (in->arith != IRA_PTRADD)
				break;
			if (ir_is_const(fn, in->b, &c))
				*off += c;
			else
				*var = true;
			v = in->a;
			continue;
		case IR_ADDR:
			place_base(fn, &in->place, buf, len, off, var, depth + 1);
			return;
		case IR_LOAD: {
			char inner[IDENT_LEN];
			int stored;

			no_forwarding++;
			ident_place(fn, &in->place, inner, sizeof(inner));
			no_forwarding--;
			stored = forwarded(fn, inner, val->def);
			if (stored > 0) {
				v = stored;
				continue;
			}
			if (!no_forwarding && strstr(inner, "*("))	/* forward the loads inside */
				ident_place(fn, &in->place, inner, sizeof(inner));
			snprintf(buf, len, "*(%s)", inner);
			return;
		}
		default:
			break;
		}
		put_num(buf, len, "T", v);
		return;
	}
	snprintf(buf, len, "?");
}

static void place_base(const struct ir_fn *fn, const struct ir_place *p, char *buf, size_t len,
		       long long *off, bool *var, int depth)
{
	*off += p->offset;
	*var |= p->var_index;
	if (p->object >= 0)
		put_num(buf, len, "O", p->object);
	else
		ptr_base(fn, p->ptr, buf, len, off, var, depth + 1);
}

static void finish(char *buf, size_t len, long long off, bool var)
{
	size_t used = strlen(buf);

	if (used + 1 < len) {
		put_num(buf + used, len - used, "+", off);
		used += strlen(buf + used);
		if (var && used + 2 < len)
			memcpy(buf + used, "[]", 3);
	}
}

int ident_value_source(const struct ir_fn *fn, int v)
{
	for (int depth = 0; depth < 16; depth++) {
		const struct ir_insn *in = ir_def(fn, v);
		char key[IDENT_LEN];
		int stored;

		if (!in)
			return v;
		if (in->op != IR_LOAD)
			return in->dst > 0 ? in->dst : v;
		no_forwarding++;
		ident_place(fn, &in->place, key, sizeof(key));
		no_forwarding--;
		stored = forwarded(fn, key, (int)(in - fn->insns));
		if (stored <= 0)
			return in->dst > 0 ? in->dst : v;
		v = stored;
	}
	return v;
}

void ident_ptr_member(const struct ir_fn *fn, int v, long long member, char *buf, size_t len)
{
	long long off = member;
	bool var = false;

	ptr_base(fn, v, buf, len, &off, &var, 0);
	finish(buf, len, off, var);
}

void ident_ptr(const struct ir_fn *fn, int v, char *buf, size_t len)
{
	long long off = 0;
	bool var = false;

	ptr_base(fn, v, buf, len, &off, &var, 0);
	finish(buf, len, off, var);
}

void ident_place(const struct ir_fn *fn, const struct ir_place *p, char *buf, size_t len)
{
	long long off = 0;
	bool var = false;

	place_base(fn, p, buf, len, &off, &var, 0);
	finish(buf, len, off, var);
}

const char *member_name(const char *record, const char *field)
{
	char key[IDENT_LEN];

	if (!record || !field || !*record || !*field ||
	    (size_t)snprintf(key, sizeof(key), "%s.%s", record, field) >= sizeof(key))
		return NULL;
	return ir_intern(key);
}

bool place_is_member(const struct ir_place *p, const char *record, const char *field)
{
	const struct ir_step *s;

	if (!p->nsteps)
		return false;
	s = &p->steps[p->nsteps - 1];
	return !strcmp(s->record, record) && !strcmp(s->field, field);
}

bool ident_member_owner(const struct ir_fn *fn, const struct ir_place *p, const char *record,
			const char *field, char *buf, size_t len)
{
	long long off = 0;
	bool var = false;

	if (!place_is_member(p, record, field))
		return false;
	place_base(fn, p, buf, len, &off, &var, 0);
	finish(buf, len, off - p->steps[p->nsteps - 1].offset, var);
	return true;
}
