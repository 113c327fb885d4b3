// SPDX-License-Identifier: GPL-2.0
/*
 * rules/catalogue.c - the tables of rules.def, dma-apis.def and dma-apis-versions.def, built
 * with X-macros, and their lookups (rules/catalogue.h), compiled once into the analysis archive that the GCC plugin and
 * the sparse checker link (analysis/, Makefile).
 * Nothing here knows a function or rule by name: the knowledge is the .def files'.
 */
#include <string.h>

#include "catalogue.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *slug, *message;
} rules[RULE_COUNT] = {
#define RULE(id, slug, sev, msg) { slug, msg },
#include "rules.def"
#undef RULE
};

static const struct dma_api apis[] = {
#define DMA_API(fn, arg, len, dir, dir_arg, role) { #fn, arg, len, dir, dir_arg, role },
#include "dma-apis-rows.h"
};

static const struct dma_field fields[] = {
#define DMA_FIELD(rec, field, role) { #rec, #field, role },
#include "dma-apis-rows.h"
};

static const struct {
	const char *name;
	enum dma_mem mem;
} allocs[] = {
#define DMA_ALLOC(fn, mem) { #fn, mem },
#include "dma-apis-rows.h"
};

static const struct {
	const char *name;
	unsigned long long value;
} flags[] = {
#define DMA_FLAG(name, value) { #name, value },
#include "dma-apis-rows.h"
};

static const struct dma_usbdev usbdevs[] = {
#define DMA_USBDEV(rec, path, how) { #rec, #path, how },
#include "dma-apis-rows.h"
};

static const struct {
	const char *name;
	unsigned int arg;
} passthroughs[] = {
#define DMA_PASSTHROUGH(fn, arg) { #fn, arg },
#include "dma-apis-rows.h"
};

/* dma-apis-versions.def: names a call of a dma-apis.def function has on a newer kernel */
static const struct {
	const char *name, *canonical;
} renames[] = {
#define DMA_RENAMED(name, canonical, since) { #name, #canonical },
#include "dma-apis-versions.def"
#undef DMA_RENAMED
};

const char *dma_canonical_name(const char *name)
{
	for (size_t i = 0; name && i < N_ELEMS(renames); i++)
		if (!strcmp(renames[i].name, name))
			return renames[i].canonical;
	return name;
}

static const struct dma_vmem vmems[] = {
#define DMA_VMEM(fn, size_arg, count_arg, how) { #fn, size_arg, count_arg, how },
#include "dma-apis-rows.h"
};

static const struct dma_field vmem_fields[] = {
#define DMA_VMEM_FIELD(rec, field) { #rec, #field, ROLE_DMA_BUF },
#include "dma-apis-rows.h"
};

static const struct dma_ctrl ctrls[] = {
#define DMA_CTRL(fn, pipe, reqtype, wlength, setup) { #fn, pipe, reqtype, wlength, setup },
#include "dma-apis-rows.h"
};

static const char *const pipes[] = {
#define DMA_PIPE(fn) #fn,
#include "dma-apis-rows.h"
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
	name = dma_canonical_name(name);
	for (size_t i = 0; name && i < N_ELEMS(apis); i++) {
		if (strcmp(apis[i].name, name))
			continue;
		*n = 0;
		while (i + *n < N_ELEMS(apis) && !strcmp(apis[i + *n].name, name))
			(*n)++;
		return &apis[i];
	}
	*n = 0;
	return NULL;
}

const struct dma_field *dma_field_row(const char *record, const char *field)
{
	for (size_t i = 0; record && field && i < N_ELEMS(fields); i++)
		if (!strcmp(fields[i].record, record) && !strcmp(fields[i].field, field))
			return &fields[i];
	return NULL;
}

bool dma_alloc_kind(const char *name, enum dma_mem *mem)
{
	name = dma_canonical_name(name);
	for (size_t i = 0; name && i < N_ELEMS(allocs); i++) {
		if (!strcmp(allocs[i].name, name)) {
			*mem = allocs[i].mem;
			return true;
		}
	}
	return false;
}

unsigned long long dma_flag_value(const char *name)
{
	for (size_t i = 0; i < N_ELEMS(flags); i++)
		if (!strcmp(flags[i].name, name))
			return flags[i].value;
	return 0;
}

const struct dma_usbdev *dma_usbdev_rows(unsigned int *n)
{
	*n = N_ELEMS(usbdevs);
	return usbdevs;
}

unsigned int dma_passthrough_arg(const char *name)
{
	name = dma_canonical_name(name);
	for (size_t i = 0; name && i < N_ELEMS(passthroughs); i++)
		if (!strcmp(passthroughs[i].name, name))
			return passthroughs[i].arg;
	return 0;
}

const struct dma_vmem *dma_vmem_row(const char *name)
{
	name = dma_canonical_name(name);	/* 6.12's vmalloc_noprof() is vmalloc() */
	for (size_t i = 0; name && i < N_ELEMS(vmems); i++)
		if (!strcmp(vmems[i].name, name))
			return &vmems[i];
	return NULL;
}

bool dma_vmem_field(const char *record, const char *field)
{
	for (size_t i = 0; record && field && i < N_ELEMS(vmem_fields); i++)
		if (!strcmp(vmem_fields[i].record, record) && !strcmp(vmem_fields[i].field, field))
			return true;
	return false;
}

const struct dma_ctrl *dma_ctrl_row(const char *name)
{
	for (size_t i = 0; name && i < N_ELEMS(ctrls); i++)
		if (!strcmp(ctrls[i].name, name))
			return &ctrls[i];
	return NULL;
}

bool dma_pipe_builder(const char *name)
{
	for (size_t i = 0; name && i < N_ELEMS(pipes); i++)
		if (!strcmp(pipes[i], name))
			return true;
	return false;
}
