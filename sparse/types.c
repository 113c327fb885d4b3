// SPDX-License-Identifier: GPL-2.0
/*
 * types.c - small helpers over sparse's symbols and instructions: interned identifiers, the
 * type behind typedefs, the struct a pointer points to, call names and argument counts.
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
	static struct amap names;
	static char **pool;
	static long n;
	long i;

	if (!id)
		return NULL;
	i = amap_get(&names, &id, sizeof(id));
	if (i >= 0)
		return pool[i];
	pool = axrealloc(pool, (n + 1) * sizeof(*pool));
	pool[n] = axrealloc(NULL, id->len + 1u);
	memcpy(pool[n], id->name, id->len);
	pool[n][id->len] = 0;
	amap_put(&names, &id, sizeof(id), n);
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
