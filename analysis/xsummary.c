// SPDX-License-Identifier: GPL-2.0
/*
 * analysis/xsummary.c - summaries across translation units (issue 18, docs/summaries.md).
 *
 * Writing: with an output directory (-fplugin-arg-dmacheck-summaries-out=DIR,
 * --dmacheck-summaries-out=DIR), the end of each unit writes the summaries (summary.c) of its
 * non-static functions to DIR/<source path, '/' as '%'>.dmasum: a temporary file beside it,
 * renamed over it, so parallel compiles never see half a file. Besides the facts the
 * database keeps, a unit's file has "E" lines: a parameter handed to a function of another
 * unit, which the merge (scan/summaries.py) resolves to a fixpoint across the whole scan.
 *
 * Reading: with a database (-fplugin-arg-dmacheck-summaries=FILE, --dmacheck-summaries=FILE,
 * made by the merge), a call to a function that is not in the unit and has no row in
 * rules/dma-apis.def uses the database's summary: its sinks are judged at the call (the note
 * names the other file), its return, stores, URB effects and handles as for a function of the
 * unit. When several units define a non-static function of one name (two modules), the one
 * whose file shares the longest directory prefix with this unit is used.
 *
 * Format (text, one fact a line, fields separated by one space; the path and file are the
 * rest of their line):
 *
 *   dmacheck-summaries 1
 *   F NAME FILE                       a function of FILE (path relative to the tree)
 *   S P OFF RULE PATH                 parameter P (0-based; OFF -1) or the member at byte OFF
 *                                     of what it points to reaches a sink of RULE (a slug)
 *                                     along PATH ("usb_fill_control_urb()")
 *   E P OFF ARG CALLEE PATH           (unit files only) ... is argument ARG (0-based) of
 *                                     CALLEE, a function of another unit, along PATH
 *   R KINDS PARAMS M...               what it returns: origin kinds (analysis.h), parameter
 *                                     bits (hex), members P:OFF it may come from
 *   T P OFF KINDS PARAMS M...         what it stores into *(P + OFF)
 *   U P OFF DEREF FLAG FILLED         what it leaves on an URB (summary.h's urb_fact)
 *   H BITS                            parameters it stores a DMA handle through (hex)
 *
 * Limits: guards (conditions on parameters) are not written: a sink of another unit counts as
 * reached whatever the constant arguments; the stack object of a note is the caller's own.
 * A malformed database is an error for the front end to print (analysis_read_summaries).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "map.h"

struct xdef {
	struct summary sum;
	long next;		/* another definition of the name, -1 if none */
};

static struct xdef *defs;
static size_t ndefs, capdefs;
static struct amap by_name;		/* interned name -> first defs[] */
static const char *out_dir;
static const char *unit_file;
static struct amap public_fns;		/* interned names of the unit's non-static functions */

/* ---- reading ----------------------------------------------------------------------------- */

static bool parse_origin(char **p, struct origin *o)
{
	char *end;

	*o = origin_none();
	o->kinds = (unsigned int)strtoul(*p, &end, 10);
	if (end == *p || *end != ' ')
		return false;
	*p = end + 1;
	o->params = strtoull(*p, &end, 16);
	if (end == *p)
		return false;
	*p = end;
	while (**p == ' ') {
		struct member_src m;

		(*p)++;
		m.param = (int)strtol(*p, &end, 10);
		if (end == *p || *end != ':')
			return false;
		*p = end + 1;
		m.off = strtoll(*p, &end, 10);
		if (end == *p)
			return false;
		*p = end;
		if (o->nmem < MAX_MEMBER_SOURCES)
			o->mem[o->nmem++] = m;
	}
	return **p == 0;
}

static bool parse_src(char **p, struct member_src *s)
{
	char *end;

	s->param = (int)strtol(*p, &end, 10);
	if (end == *p || *end != ' ' || s->param < 0 || s->param >= MAX_TRACKED_PARAMS)
		return false;
	*p = end + 1;
	s->off = strtoll(*p, &end, 10);
	if (end == *p || (*end != ' ' && *end))
		return false;
	*p = *end ? end + 1 : end;
	return true;
}

static bool parse_fact(struct summary *s, char *line)
{
	char *p = line + 2, *end;

	switch (line[0]) {
	case 'S': {
		struct sink_fact f;
		char *slug = NULL;
		enum dmacheck_rule rule;

		memset(&f, 0, sizeof(f));
		if (!parse_src(&p, &f.src) || !(end = strchr(p, ' ')))
			return false;
		*end = 0;
		slug = p;
		rule = rule_by_slug(slug);
		if (rule == RULE_COUNT)
			return true;	/* a rule this build does not know: not ours to judge */
		f.rule = (int)rule;
		f.path = axstrdup(end + 1);
		s->sinks = axrealloc(s->sinks, (s->nsinks + 1) * sizeof(*s->sinks));
		s->sinks[s->nsinks++] = f;
		return true;
	}
	case 'E':
		return true;		/* unit files only: the merge resolves them */
	case 'R':
		return parse_origin(&p, &s->ret);
	case 'T': {
		struct store_fact f;

		if (!parse_src(&p, &f.dst) || !parse_origin(&p, &f.val))
			return false;
		s->stores = axrealloc(s->stores, (s->nstores + 1) * sizeof(*s->stores));
		s->stores[s->nstores++] = f;
		return true;
	}
	case 'U': {
		struct urb_fact f;
		int deref, flag, filled, handle = 0;

		/* HANDLE was added later: a database without it reads as "no handle" */
		if (!parse_src(&p, &f.urb) ||
		    sscanf(p, "%d %d %d %d", &deref, &flag, &filled, &handle) < 3 ||
		    flag < FX_NONE || flag > FX_MAYBE)
			return false;
		f.deref = deref;
		f.flag = (enum urb_flag_effect)flag;
		f.filled = filled;
		f.handle = handle;
		s->urbs = axrealloc(s->urbs, (s->nurbs + 1) * sizeof(*s->urbs));
		s->urbs[s->nurbs++] = f;
		return true;
	}
	case 'H':
		s->handle_out = strtoull(p, &end, 16);
		return end != p && !*end;
	}
	return false;
}

static struct summary *new_def(const char *name, const char *file)
{
	long first = amap_get(&by_name, &name, sizeof(name));

	if (ndefs == capdefs) {
		capdefs = capdefs ? 2 * capdefs : 256;
		defs = axrealloc(defs, capdefs * sizeof(*defs));
	}
	memset(&defs[ndefs], 0, sizeof(defs[0]));
	defs[ndefs].sum.name = name;
	defs[ndefs].sum.file = file;
	defs[ndefs].sum.ret = origin_none();
	defs[ndefs].sum.done = true;
	defs[ndefs].next = first;
	amap_put(&by_name, &name, sizeof(name), (long)ndefs);
	return &defs[ndefs++].sum;
}

bool analysis_read_summaries(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned int lineno = 0;
	struct summary *cur = NULL;
	bool ok = true;

	if (!f) {
		snprintf(err, errlen, "cannot read the summaries database '%s': %s", path,
			 strerror(errno));
		return false;
	}
	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = 0;
		if (lineno == 1) {
			if (strcmp(line, "dmacheck-summaries 1")) {
				snprintf(err, errlen, "'%s' is not a dmacheck summaries database "
					 "(first line '%s', expected 'dmacheck-summaries 1')", path, line);
				ok = false;
				break;
			}
			continue;
		}
		if (!len || line[0] == '#')
			continue;
		if (line[0] == 'F' && line[1] == ' ') {
			char *name = line + 2, *file = strchr(name, ' ');

			if (file)
				*file++ = 0;
			cur = new_def(ir_intern(name), ir_intern(file ? file : ""));
			continue;
		}
		if (!cur || len < 2 || line[1] != ' ' || !parse_fact(cur, line)) {
			snprintf(err, errlen, "%s:%u: malformed summaries line '%.80s'", path, lineno,
				 line);
			ok = false;
			break;
		}
	}
	if (ok && lineno == 0) {
		snprintf(err, errlen, "'%s' is empty, not a dmacheck summaries database", path);
		ok = false;
	}
	free(line);
	fclose(f);
	return ok;
}

static size_t common_dirs(const char *a, const char *b)
{
	size_t n = 0;

	for (size_t i = 0; a[i] && a[i] == b[i]; i++)
		if (a[i] == '/')
			n++;
	return n;
}

const struct summary *xsummary_of(const char *name)
{
	long i = ndefs ? amap_get(&by_name, &name, sizeof(name)) : -1;
	long best = i;
	size_t best_n = 0;

	if (i < 0)
		return NULL;
	for (; i >= 0; i = defs[i].next) {
		size_t n = unit_file ? common_dirs(unit_file, defs[i].sum.file) : 0;

		if (n > best_n) {
			best_n = n;
			best = i;
		}
	}
	return &defs[best].sum;
}

/* ---- writing ----------------------------------------------------------------------------- */

bool analysis_write_summaries_to(const char *dir, char *err, size_t errlen)
{
	if (access(dir, W_OK)) {
		snprintf(err, errlen, "cannot write summaries into '%s': %s", dir, strerror(errno));
		return false;
	}
	out_dir = ir_intern(dir);
	return true;
}

void analysis_unit_file(const char *path)
{
	unit_file = path ? ir_intern(path) : NULL;
}

void xsummary_public(const char *name)
{
	if (out_dir)
		amap_put(&public_fns, &name, sizeof(name), 1);
}

bool xsummary_writing(void)
{
	return out_dir != NULL;
}

static void write_origin(FILE *f, const struct origin *o)
{
	fprintf(f, "%u %llx", o->kinds & ~(unsigned int)O_STACK, (unsigned long long)o->params);
	for (unsigned int i = 0; i < o->nmem; i++)
		fprintf(f, " %d:%lld", o->mem[i].param, o->mem[i].off);
	fputc('\n', f);
}

static void write_summary(FILE *f, const struct summary *s)
{
	fprintf(f, "F %s %s\n", s->name, unit_file);
	for (unsigned int i = 0; i < s->nsinks; i++) {
		const struct sink_fact *k = &s->sinks[i];

		if (k->ext)
			fprintf(f, "E %d %lld %u %s %s\n", k->src.param, k->src.off, k->ext_arg,
				k->ext, k->path);
		else
			fprintf(f, "S %d %lld %s %s\n", k->src.param, k->src.off,
				rule_slug((enum dmacheck_rule)k->rule), k->path);
	}
	if ((s->ret.kinds & ~(unsigned int)O_STACK) || origin_has_sources(&s->ret)) {
		fputs("R ", f);
		write_origin(f, &s->ret);
	}
	for (unsigned int i = 0; i < s->nstores; i++) {
		fprintf(f, "T %d %lld ", s->stores[i].dst.param, s->stores[i].dst.off);
		write_origin(f, &s->stores[i].val);
	}
	for (unsigned int i = 0; i < s->nurbs; i++)
		fprintf(f, "U %d %lld %d %d %d %d\n", s->urbs[i].urb.param, s->urbs[i].urb.off,
			s->urbs[i].deref, (int)s->urbs[i].flag, s->urbs[i].filled,
			s->urbs[i].handle);
	if (s->handle_out)
		fprintf(f, "H %llx\n", (unsigned long long)s->handle_out);
}

/* The unit's file: DIR/<path with '/' as '%'>.dmasum, through a temporary and a rename. */
void xsummary_write_unit(void)
{
	char path[4096], tmp[4200];
	size_t n;
	FILE *f;

	if (!out_dir || !unit_file || !public_fns.used)
		goto out;
	n = (size_t)snprintf(path, sizeof(path), "%s/", out_dir);
	for (const char *c = unit_file; *c && n + 8 < sizeof(path); c++)
		path[n++] = *c == '/' ? '%' : *c;
	snprintf(path + n, sizeof(path) - n, ".dmasum");
	snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid());
	f = fopen(tmp, "w");
	if (!f)
		goto out;	/* summaries are an aid: the compile itself must not fail */
	fputs("dmacheck-summaries 1\n", f);
	for (size_t i = 0; i < public_fns.cap; i++) {
		const char *name;
		const struct summary *s;

		if (!public_fns.slots[i].key)
			continue;
		memcpy(&name, public_fns.slots[i].key, sizeof(name));
		s = summary_of(name);
		if (s)
			write_summary(f, s);	/* also without facts: see scan/summaries.py */
	}
	if (fclose(f) || rename(tmp, path))
		unlink(tmp);
out:
	amap_clear(&public_fns);
}
