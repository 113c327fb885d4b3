// SPDX-License-Identifier: GPL-2.0
/*
 * catalogue.c - rules/rules.def and rules/dma-apis.def compiled into the plugin, and the
 * small tree helpers every check uses. Nothing here knows a function or rule by name: the
 * knowledge is the .def files'.
 */
#include "dmacheck.h"

struct rule_row {
	const char *slug, *message;
};

static const struct rule_row rules[RULE_COUNT] = {
#define RULE(id, slug, sev, msg) { slug, msg },
#include "rules.def"
#undef RULE
};

static const struct dma_api apis[] = {
#define DMA_API(fn, arg, len, dir, dir_arg, role) { #fn, arg, len, dir, dir_arg, role },
#define DMA_FIELD(rec, field, role)
#define DMA_ALLOC(fn, mem)
#define DMA_FLAG(name, value)
#include "dma-apis.def"
#undef DMA_API
#undef DMA_FIELD
#undef DMA_ALLOC
#undef DMA_FLAG
};

static const struct dma_field fields[] = {
#define DMA_API(fn, arg, len, dir, dir_arg, role)
#define DMA_FIELD(rec, field, role) { #rec, #field, role },
#define DMA_ALLOC(fn, mem)
#define DMA_FLAG(name, value)
#include "dma-apis.def"
#undef DMA_API
#undef DMA_FIELD
#undef DMA_ALLOC
#undef DMA_FLAG
};

static const struct {
	const char *name;
	enum dma_mem mem;
} allocs[] = {
#define DMA_API(fn, arg, len, dir, dir_arg, role)
#define DMA_FIELD(rec, field, role)
#define DMA_ALLOC(fn, mem) { #fn, mem },
#define DMA_FLAG(name, value)
#include "dma-apis.def"
#undef DMA_API
#undef DMA_FIELD
#undef DMA_ALLOC
#undef DMA_FLAG
};

const char *rule_slug(enum dmacheck_rule rule)
{
	return rules[rule].slug;
}

const char *rule_message(enum dmacheck_rule rule)
{
	return rules[rule].message;
}

enum dmacheck_rule rule_by_slug(const char *slug)
{
	for (int i = 0; i < RULE_COUNT; i++)
		if (!strcmp(rules[i].slug, slug))
			return (enum dmacheck_rule)i;
	return RULE_COUNT;
}

/* Rows of one function are adjacent in dma-apis.def. */
const struct dma_api *dma_api_rows(const char *name, unsigned int *n)
{
	for (size_t i = 0; name && i < ARRAY_SIZE(apis); i++) {
		if (strcmp(apis[i].name, name))
			continue;
		*n = 0;
		while (i + *n < ARRAY_SIZE(apis) && !strcmp(apis[i + *n].name, name))
			(*n)++;
		return &apis[i];
	}
	*n = 0;
	return NULL;
}

const struct dma_field *dma_field_row(const char *record, const char *field)
{
	for (size_t i = 0; record && field && i < ARRAY_SIZE(fields); i++)
		if (!strcmp(fields[i].record, record) && !strcmp(fields[i].field, field))
			return &fields[i];
	return NULL;
}

bool dma_alloc_kind(const char *name, enum dma_mem *mem)
{
	for (size_t i = 0; name && i < ARRAY_SIZE(allocs); i++) {
		if (!strcmp(allocs[i].name, name)) {
			*mem = allocs[i].mem;
			return true;
		}
	}
	return false;
}

const char *record_name(const_tree type)
{
	tree name;

	if (!type)
		return NULL;
	type = TYPE_MAIN_VARIANT(type);
	if (TREE_CODE(type) != RECORD_TYPE && TREE_CODE(type) != UNION_TYPE)
		return NULL;
	name = TYPE_NAME(type);
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	return name && TREE_CODE(name) == IDENTIFIER_NODE ? IDENTIFIER_POINTER(name) : NULL;
}

const char *decl_name(const_tree decl)
{
	return decl && DECL_P(decl) && DECL_NAME(decl) ? IDENTIFIER_POINTER(DECL_NAME(decl)) : "";
}

const char *call_name(const gimple *stmt)
{
	tree fndecl = gimple_call_fndecl(stmt);

	return fndecl ? decl_name(fndecl) : NULL;
}
