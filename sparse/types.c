// SPDX-License-Identifier: GPL-2.0
/*
 * types.c - small helpers over sparse's symbols and instructions: the struct a pointer
 * points to, the member at an offset (sparse's memory operations carry a byte offset, not a
 * member name), call names and arguments, and following copies and casts.
 */
#include <string.h>

#include "dmacheck-sparse.h"
#include "target.h"
#include "token.h"
#include "map.h"

/* sparse's identifiers are not NUL-terminated and show_ident() rotates four buffers: names
 * handed out here are interned copies that live until exit. */
const char *dmcs_ident(const struct ident *id)
{
	static struct dmcs_map names;
	static char **pool;
	static long n;
	long i;

	if (!id)
		return NULL;
	i = dmcs_map_get(&names, &id, sizeof(id));
	if (i >= 0)
		return pool[i];
	pool = dmcs_xrealloc(pool, (n + 1) * sizeof(*pool));
	pool[n] = dmcs_xrealloc(NULL, id->len + 1u);
	memcpy(pool[n], id->name, id->len);
	pool[n][id->len] = 0;
	dmcs_map_put(&names, &id, sizeof(id), n);
	return pool[n++];
}

struct symbol *dmcs_base(struct symbol *type)
{
	for (int depth = 0; type && depth < 64; depth++) {
		if (type->type != SYM_NODE && type->type != SYM_TYPEOF)
			return type;
		type = type->ctype.base_type;
	}
	return NULL;
}

const char *dmcs_record_name(struct symbol *type)
{
	type = dmcs_base(type);
	if (!type || (type->type != SYM_STRUCT && type->type != SYM_UNION) || !type->ident)
		return NULL;
	return dmcs_ident(type->ident);
}

/* The symbol of argument `nr` (1-based) of the function being linearized. */
static struct symbol *argument_symbol(struct entrypoint *ep, int nr)
{
	struct symbol *fn = ep && ep->name ? dmcs_base(ep->name) : NULL;
	struct symbol *arg;
	int i = 0;

	if (!fn || fn->type != SYM_FN)
		return NULL;
	FOR_EACH_PTR(fn->arguments, arg) {
		if (++i == nr)
			return arg;
	} END_FOR_EACH_PTR(arg);
	return NULL;
}

struct symbol *dmcs_pointee(struct entrypoint *ep, pseudo_t p)
{
	struct symbol *type = NULL;

	if (!p)
		return NULL;
	switch (p->type) {
	case PSEUDO_SYM:
		return dmcs_base(p->sym);	/* a symbol pseudo is the symbol's address */
	case PSEUDO_ARG:
		type = argument_symbol(ep, p->nr);
		break;
	case PSEUDO_REG:
	case PSEUDO_PHI:
		type = p->def ? p->def->type : NULL;
		break;
	default:
		return NULL;
	}
	type = dmcs_base(type);
	if (!type || type->type != SYM_PTR)
		return NULL;
	return dmcs_base(type->ctype.base_type);
}

static unsigned int member_bytes(struct symbol *m)
{
	return m->bit_size > 0 ? (unsigned int)bits_to_bytes(m->bit_size) : 0;
}

bool dmcs_member_at(struct symbol *rec, long long offset, unsigned int bytes,
		    const char **record, const char **field, long long *rec_offset)
{
	struct symbol *m;

	rec = dmcs_base(rec);
	if (!rec || (rec->type != SYM_STRUCT && rec->type != SYM_UNION) || offset < 0)
		return false;
	FOR_EACH_PTR(rec->symbol_list, m) {
		struct symbol *mt = dmcs_base(m);
		long long moff = (long long)m->offset;
		unsigned int size = member_bytes(m);

		if (!mt || offset < moff || (size && offset >= moff + size))
			continue;
		if (mt->type == SYM_STRUCT || mt->type == SYM_UNION) {
			if (dmcs_member_at(mt, offset - moff, bytes, record, field, rec_offset)) {
				*rec_offset += moff;
				return true;
			}
			continue;
		}
		if (mt->type == SYM_BITFIELD || offset != moff || !m->ident)
			continue;
		if (bytes && size && bytes != size)
			continue;
		*record = rec->ident ? dmcs_ident(rec->ident) : "";
		*field = dmcs_ident(m->ident);
		*rec_offset = 0;
		return true;
	} END_FOR_EACH_PTR(m);
	return false;
}

const char *dmcs_call_name(struct instruction *insn)
{
	pseudo_t fn = insn->func;

	if (!fn || fn->type != PSEUDO_SYM || !fn->sym || !fn->sym->ident)
		return NULL;
	return dmcs_ident(fn->sym->ident);
}

unsigned int dmcs_call_nargs(struct instruction *insn)
{
	return (unsigned int)ptr_list_size((struct ptr_list *)insn->arguments);
}

pseudo_t dmcs_call_arg(struct instruction *insn, unsigned int i)
{
	pseudo_t arg;
	unsigned int k = 0;

	FOR_EACH_PTR(insn->arguments, arg) {
		if (k++ == i)
			return arg;
	} END_FOR_EACH_PTR(arg);
	return NULL;
}

pseudo_t dmcs_strip(pseudo_t p)
{
	for (int depth = 0; p && p->type == PSEUDO_REG && p->def && depth < 32; depth++) {
		struct instruction *def = p->def;

		switch (def->opcode) {
		case OP_COPY: case OP_PTRCAST: case OP_UTPTR: case OP_PTRTU:
		case OP_ZEXT: case OP_SEXT: case OP_TRUNC:
			p = def->src;
			continue;
		default:
			return p;
		}
	}
	return p;
}
