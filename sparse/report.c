// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - diagnostics in GCC's format, the one every dmacheck engine prints:
 *
 *   file:line:col: warning: <message> [dmacheck-<slug>]
 *   file:line:col: note: ...
 *
 * ("error:" with --dmacheck-error), for the analysis (analysis/report.c decides what is
 * reported, once per place; this file prints). Findings go to `dmcs_out`, the process's
 * stderr as it was at start-up (where kbuild shows a checker's output), even while sparse's
 * own messages are muted for dmacheck's parse in --also-sparse mode.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dmacheck-sparse.h"
#include "token.h"
#include "map.h"

FILE *dmcs_out;
bool dmcs_as_errors;
unsigned int dmcs_findings;

static struct position gcc_position(ir_loc loc);

static void where(struct position pos)
{
	fprintf(dmcs_out, "%s:%d:%d: ", stream_name(pos.stream), pos.line, pos.pos);
}

static bool sparse_diagnose(int rule, ir_loc loc)
{
	where(gcc_position(loc));
	fprintf(dmcs_out, "%s: %s [dmacheck-%s]\n", dmcs_as_errors ? "error" : "warning",
		rule_message((enum dmacheck_rule)rule), rule_slug((enum dmacheck_rule)rule));
	dmcs_findings++;
	return true;
}

static void sparse_note(ir_loc loc, const char *text)
{
	where(gcc_position(loc));
	fprintf(dmcs_out, "note: %s\n", text);
}

static void sparse_note_declared(ir_loc loc, const char *name)
{
	where(gcc_position(loc));
	fprintf(dmcs_out, "note: '%s' declared here\n", name);
}

/* One place is one (stream, line, column) as printed. */
static bool sparse_same_loc(ir_loc a, ir_loc b)
{
	struct position pa = gcc_position(a), pb = gcc_position(b);

	return pa.stream == pb.stream && pa.line == pb.line && pa.pos == pb.pos;
}

const struct analysis_frontend dmcs_frontend = {
	sparse_diagnose, sparse_note, sparse_note_declared, sparse_same_loc,
};

void report_reset_unit(void)
{
	fflush(dmcs_out);
}

/*
 * Where GCC puts a call: at the called function's name, where sparse puts it at the '('.
 * Columns are display columns in both (tabs to the next multiple of 8, 1-based), so the
 * name is found by reading the source line back from the '(' over blanks and an
 * identifier. The last file read is kept (findings come in source order). Any doubt (no
 * file, no '(' there, a macro's argument) leaves the position as it is.
 */
static char *cached_name, *cached_text;

static const char *source_line(const char *name, int line)
{
	const char *p;

	if (!cached_name || strcmp(cached_name, name)) {
		FILE *f = fopen(name, "r");
		size_t len = 0, cap = 0, got;
		char *text = NULL;

		if (!f)
			return NULL;
		do {
			if (len + 4096 + 1 > cap) {
				cap = 2 * cap + 4096 + 1;
				text = axrealloc(text, cap);
			}
			got = fread(text + len, 1, 4096, f);
			len += got;
		} while (got);
		fclose(f);
		text[len] = 0;
		free(cached_name);
		free(cached_text);
		cached_name = axstrdup(name);
		cached_text = text;
	}
	for (p = cached_text; --line > 0; p++) {
		p = strchr(p, '\n');
		if (!p)
			return NULL;
	}
	return p;
}

struct position dmcs_call_pos(struct position pos)
{
	const char *line = source_line(stream_name(pos.stream), pos.line), *q;
	int col = 1, paren = -1, i, start;

	if (!line)
		return pos;
	for (i = 0; line[i] && line[i] != '\n'; i++) {
		if (col == pos.pos) {
			paren = i;
			break;
		}
		col = line[i] == '\t' ? ((col - 1) / 8 + 1) * 8 + 1 : col + 1;
	}
	if (paren < 0 || line[paren] != '(')
		return pos;
	for (i = paren; i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t'); i--)
		;
	for (start = i; start > 0 && (isalnum((unsigned char)line[start - 1]) ||
				      line[start - 1] == '_'); start--)
		;
	if (start == i)
		return pos;
	for (col = 1, q = line; q < line + start; q++)
		col = *q == '\t' ? ((col - 1) / 8 + 1) * 8 + 1 : col + 1;
	pos.pos = col;
	return pos;
}

/*
 * Where GCC puts a store: at the assignment operator (`|=` of `urb->transfer_flags |= X`),
 * where sparse puts it at the start of the left-hand side. Found on the same line, forward
 * from sparse's column: the first `=` that is not part of `==`, `!=`, `<=`, `>=`, stepped
 * back over a compound operator's first characters. Any doubt leaves the position.
 */
struct position dmcs_store_pos(struct position pos)
{
	const char *line = source_line(stream_name(pos.stream), pos.line);
	int col = 1, i, start = -1;

	if (!line)
		return pos;
	for (i = 0; line[i] && line[i] != '\n'; i++) {
		if (col == pos.pos) {
			start = i;
			break;
		}
		col = line[i] == '\t' ? ((col - 1) / 8 + 1) * 8 + 1 : col + 1;
	}
	if (start < 0)
		return pos;
	for (i = start; line[i] && line[i] != '\n' && line[i] != ';'; i++) {
		if (line[i] != '=')
			continue;
		if (line[i + 1] == '=' || (i > 0 && strchr("=!", line[i - 1])) ||
		    (i > 0 && strchr("<>", line[i - 1]) && !(i > 1 && line[i - 2] == line[i - 1])))
			return pos;	/* a comparison first: not a plain assignment */
		while (i > start && strchr("|&^+-*/%<>", line[i - 1]))
			i--;
		for (col = pos.pos; start < i; start++)
			col = line[start] == '\t' ? ((col - 1) / 8 + 1) * 8 + 1 : col + 1;
		pos.pos = col;
		return pos;
	}
	return pos;
}

/* The position GCC gives the statement an IR location stands for. */
static struct position gcc_position(ir_loc loc)
{
	enum dmcs_loc_kind kind;
	struct position pos = dmcs_position(loc, &kind);

	if (kind == LOC_CALL)
		return dmcs_call_pos(pos);
	if (kind == LOC_STORE)
		return dmcs_store_pos(pos);
	return pos;
}
