// SPDX-License-Identifier: GPL-2.0
/*
 * rules/catalogue.c - the tables of rules.def, dma-apis.def and dma-apis-versions.def, built
 * with X-macros, and their lookups (rules/catalogue.h), compiled once into the analysis archive that the GCC plugin and
 * the sparse checker link (analysis/, Makefile).
 * Nothing here knows a function or rule by name: the knowledge is the .def files'.
 *
 * Lookups by function name go through one hash index over every name of every table (built on
 * first use, about 400 names): the analysis asks them for every call of every function, and
 * linear scans of the tables were a quarter of the plugin's cost on r8152.c (docs/performance.md).
 * Lookups by record and field stay linear: they are few and their tables short.
 */
#include <stdint.h>
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

/*
 * The name index: for each name, where its rows are in each table (-1: none).  A name that
 * dma-apis-versions.def renames carries its canonical name's api, alloc, passthrough and vmem
 * rows (the lookups that follow renames); ctrl and pipe rows are looked up by the name as
 * written, as before the index.
 */
struct name_entry {
	const char *name, *canonical;
	int api, api_n, alloc, passthrough, vmem, ctrl, pipe;
};

#define N_NAMES (N_ELEMS(apis) + N_ELEMS(allocs) + N_ELEMS(passthroughs) + N_ELEMS(vmems) + \
		 N_ELEMS(ctrls) + N_ELEMS(pipes) + N_ELEMS(renames))
#define INDEX_SLOTS 2048	/* a power of two, more than twice N_NAMES (checked below) */
_Static_assert(2 * N_NAMES < INDEX_SLOTS, "rules/catalogue.c: INDEX_SLOTS too small");

static struct name_entry name_entries[N_NAMES];
static int name_slots[INDEX_SLOTS];	/* index into name_entries + 1; 0: empty */
static unsigned int n_name_entries;
static int index_built;

static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct name_entry *name_find(const char *name, int create)
{
	uint32_t i = name_hash(name) & (INDEX_SLOTS - 1);

	for (;; i = (i + 1) & (INDEX_SLOTS - 1)) {
		int e = name_slots[i];

		if (e && !strcmp(name_entries[e - 1].name, name))
			return &name_entries[e - 1];
		if (!e)
			break;
	}
	if (!create)
		return NULL;
	struct name_entry *n = &name_entries[n_name_entries++];

	*n = (struct name_entry){ name, name, -1, 0, -1, -1, -1, -1, -1 };
	name_slots[i] = (int)n_name_entries;
	return n;
}

static void index_build(void)
{
	size_t i;

	for (i = 0; i < N_ELEMS(apis); i++) {
		struct name_entry *n = name_find(apis[i].name, 1);

		if (n->api < 0)		/* rows of one function are adjacent in dma-apis.def */
			n->api = (int)i;
		if (n->api + n->api_n == (int)i)
			n->api_n++;
	}
	for (i = 0; i < N_ELEMS(allocs); i++) {
		struct name_entry *n = name_find(allocs[i].name, 1);

		if (n->alloc < 0)
			n->alloc = (int)i;
	}
	for (i = 0; i < N_ELEMS(passthroughs); i++) {
		struct name_entry *n = name_find(passthroughs[i].name, 1);

		if (n->passthrough < 0)
			n->passthrough = (int)i;
	}
	for (i = 0; i < N_ELEMS(vmems); i++) {
		struct name_entry *n = name_find(vmems[i].name, 1);

		if (n->vmem < 0)
			n->vmem = (int)i;
	}
	for (i = 0; i < N_ELEMS(ctrls); i++) {
		struct name_entry *n = name_find(ctrls[i].name, 1);

		if (n->ctrl < 0)
			n->ctrl = (int)i;
	}
	for (i = 0; i < N_ELEMS(pipes); i++) {
		struct name_entry *n = name_find(pipes[i], 1);

		if (n->pipe < 0)
			n->pipe = (int)i;
	}
	for (i = 0; i < N_ELEMS(renames); i++) {
		struct name_entry *n = name_find(renames[i].name, 1);
		const struct name_entry *c = name_find(renames[i].canonical, 0);

		if (n->canonical != n->name)	/* the first row of a name wins, as in the scan */
			continue;
		n->canonical = renames[i].canonical;
		n->api = c ? c->api : -1;
		n->api_n = c ? c->api_n : 0;
		n->alloc = c ? c->alloc : -1;
		n->passthrough = c ? c->passthrough : -1;
		n->vmem = c ? c->vmem : -1;
	}
	index_built = 1;
}

static const struct name_entry *name_lookup(const char *name)
{
	if (!name)
		return NULL;
	if (!index_built)
		index_build();
	return name_find(name, 0);
}

const char *dma_canonical_name(const char *name)
{
	const struct name_entry *n = name_lookup(name);

	return n ? n->canonical : name;
}

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

const struct dma_api *dma_api_rows(const char *name, unsigned int *n)
{
	const struct name_entry *e = name_lookup(name);

	*n = e && e->api >= 0 ? (unsigned int)e->api_n : 0;
	return *n ? &apis[e->api] : NULL;
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
	const struct name_entry *e = name_lookup(name);

	if (!e || e->alloc < 0)
		return false;
	*mem = allocs[e->alloc].mem;
	return true;
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
	const struct name_entry *e = name_lookup(name);

	return e && e->passthrough >= 0 ? passthroughs[e->passthrough].arg : 0;
}

const struct dma_vmem *dma_vmem_row(const char *name)
{
	const struct name_entry *e = name_lookup(name);	/* 6.12's vmalloc_noprof() is vmalloc() */

	return e && e->vmem >= 0 ? &vmems[e->vmem] : NULL;
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
	const struct name_entry *e = name_lookup(name);

	return e && e->ctrl >= 0 ? &ctrls[e->ctrl] : NULL;
}

bool dma_pipe_builder(const char *name)
{
	const struct name_entry *e = name_lookup(name);

	return e && e->pipe >= 0;
}
