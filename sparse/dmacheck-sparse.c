// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck-sparse.c - the sparse-based front end of dmacheck: the four mission rules of
 * rules/rules.def on sparse's linearized form, for kbuild's checker hook and for clang-built
 * kernels, where GCC plugins cannot be loaded.
 *
 *   make C=1 CHECK=/path/to/dmacheck-sparse M=drivers/usb/serial     files being rebuilt
 *   make C=2 CHECK=/path/to/dmacheck-sparse M=drivers/usb/serial     every file, no rebuild
 *   make C=2 CHECK=/path/to/dmacheck-sparse CF=--also-sparse ...     plus sparse's warnings
 *   dmacheck-sparse [sparse and gcc options] file.c ...
 *
 * A front end of the one analysis (analysis/, docs/architecture.md): each function is
 * translated into the analysis' IR (sparse-ir.c); at the end of the file the analysis runs
 * and reports. Rules (analysis/check-*.c): dma-on-stack, usb-dma-mask, urb-dma-flag-missing,
 * urb-dma-handle-missing, dma-mapping-error-unchecked, dma-unmap-sg-nents-mismatch,
 * dma-map-sg-unchecked, dma-unmap-dir-mismatch, dma-unmap-size-mismatch, dma-sync-dir-mismatch,
 * dma-free-addr-mismatch, dma-unmap-type-mismatch, dma-map-vmalloc, urb-control-dir-mismatch,
 * dma-map-invalid-area, dma-map-rodata;
 * the same
 * findings, messages and notes as the GCC plugin:
 *   file:line:col: warning: <message> [dmacheck-<slug>]
 *   file:line:col: note: ...
 *
 * Options (every other argument is sparse's, so everything kbuild passes to a checker --
 * CHECKFLAGS, -D, -I, -include, -W, -f, -m flags, the .c file -- is accepted as by sparse):
 *   --also-sparse                   also do what `sparse` does with the same arguments: its
 *                                   warnings come first, from its own pass (with inlining and
 *                                   its optimisations), then dmacheck's findings
 *   --dmacheck-disable=RULE[,RULE]  do not report these rules (slugs, with or without
 *                                   "dmacheck-")
 *   --dmacheck-error                report errors instead of warnings, exit 1 if any
 *   --dmacheck-summaries=FILE       follow calls into other files through this summaries
 *                                   database (docs/summaries.md)
 *   --dmacheck-summaries-out=DIR    write each file's summaries into DIR for the merge
 *   --dmacheck-help                 this summary
 *
 * Why the IR looks like this: sparse inlines every `inline` function while expanding, and
 * its optimiser folds container_of() arithmetic and merges loads. The plugin looks at GIMPLE
 * before inlining; to see the same program, dmacheck parses with inlining switched off (the
 * inline mark is cleared on the unit's functions before expansion) and linearizes with
 * mem2reg but without sparse's optimisation passes. Used inline functions are then checked
 * as functions of their own, like any other of the unit.
 *
 * Without --also-sparse, sparse's warnings are not shown (its errors are: they mean a
 * function was not understood). Exit status 0, also when there are findings (kbuild would
 * stop otherwise), 1 with --dmacheck-error and findings, 2 on a bad option.
 *
 * Limits: those of the analysis (docs/architecture.md); --also-sparse parses each file twice.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dmacheck-sparse.h"
#include "expression.h"
#include "parse.h"
#include "scope.h"
#include "evaluate.h"
#include "map.h"

void also_sparse_symbols(struct symbol_list *list);

static bool also_sparse;

static const char usage[] =
	"usage: dmacheck-sparse [--also-sparse] [--dmacheck-disable=RULE[,RULE]] "
	"[--dmacheck-error] [--dmacheck-summaries=FILE] [--dmacheck-summaries-out=DIR]\n"
	"       [sparse/gcc options] file.c...\n";

static int bad_option(const char *fmt, const char *arg)
{
	fputs("dmacheck-sparse: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage, stderr);
	return 2;
}

static int parse_disable(const char *list)
{
	char *copy, *tok, *save = NULL;
	int ret = 0;

	if (!*list)
		return bad_option("no value supplied for option '%s'", "--dmacheck-disable=");
	copy = axstrdup(list);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		enum dmacheck_rule rule = rule_by_slug(strncmp(tok, "dmacheck-", 9) ? tok : tok + 9);

		if (rule == RULE_COUNT) {
			ret = bad_option("unknown rule '%s' in '--dmacheck-disable' "
					 "(see rules/rules.def)", tok);
			break;
		}
		analysis_disable_rule(rule);
	}
	free(copy);
	return ret;
}

/* Take dmacheck's own options out of argv; what remains is sparse's. */
static int own_options(int *argc, char **argv)
{
	int out = 1;

	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--also-sparse")) {
			also_sparse = true;
		} else if (!strncmp(a, "--dmacheck-disable=", 19)) {
			if (parse_disable(a + 19))
				return 2;
		} else if (!strncmp(a, "--dmacheck-summaries=", 21) ||
			   !strncmp(a, "--dmacheck-summaries-out=", 25)) {
			char err[512];
			bool out = a[20] != '=';
			const char *v = a + (out ? 25 : 21);

			if (!*v)
				return bad_option("no value supplied for option '%s'", a);
			if (!(out ? analysis_write_summaries_to(v, err, sizeof(err)) :
				    analysis_read_summaries(v, err, sizeof(err))))
				return bad_option("%s", err);
		} else if (!strcmp(a, "--dmacheck-error")) {
			dmcs_as_errors = true;
		} else if (!strcmp(a, "--dmacheck-help")) {
			fputs(usage, stdout);
			exit(0);
		} else if (!strncmp(a, "--dmacheck", 10)) {
			return bad_option("unknown option '%s'", a);
		} else {
			argv[out++] = argv[i];
		}
	}
	argv[out] = NULL;
	*argc = out;
	return 0;
}

struct work {
	struct symbol **syms;
	size_t n, cap;
};

static void work_add(struct work *w, struct symbol *sym)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 256;
		w->syms = axrealloc(w->syms, w->cap * sizeof(*w->syms));
	}
	w->syms[w->n++] = sym;
}

/* Calls stay calls: no inlining of the unit's inline functions (see the header). Calls to
 * inline functions are not in the unit's symbol list (sparse adds an inline function there
 * only when its address is taken): the file scope holds them all. */
static void no_inlining(void)
{
	struct symbol *sym;

	FOR_EACH_PTR(file_scope->symbols, sym) {
		struct symbol *base = dmcs_base(sym);

		if (base && base->type == SYM_FN)
			sym->ctype.modifiers &= ~MOD_INLINE;
	} END_FOR_EACH_PTR(sym);
}

/* An inline function the unit calls, not yet a function of its own: make it one, as sparse
 * does for an inline function whose address is taken. NULL if there is nothing to do. */
static struct symbol *called_inline(struct instruction *insn)
{
	struct symbol *sym, *def, *base;
	struct symbol_list *one = NULL;

	if (!insn->func || insn->func->type != PSEUDO_SYM || !(sym = insn->func->sym))
		return NULL;
	def = sym->definition ? sym->definition : sym;
	base = def->ctype.base_type;
	if (!base || base->type != SYM_FN || base->stmt || !base->inline_stmt)
		return NULL;
	add_symbol(&one, def);
	evaluate_symbol_list(one);	/* uninline(): the body becomes base->stmt */
	free_ptr_list(&one);
	return base->stmt ? def : NULL;
}

static void check_function(struct entrypoint *ep, struct work *work)
{
	struct basic_block *bb;

	FOR_EACH_PTR(ep->bbs, bb) {
		struct instruction *insn;

		FOR_EACH_PTR(bb->insns, insn) {
			struct symbol *fn;

			if (insn->bb && insn->opcode == OP_CALL && (fn = called_inline(insn)))
				work_add(work, fn);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	analysis_add_function(sparse_to_ir(ep));
}

/* Is the macro defined at the end of the unit just parsed (its file scope still holds the
 * command line's -D and the file's #defines)? pre-process.c's lookup_macro(). */
static bool macro_defined(const char *name)
{
	struct symbol *sym = lookup_symbol(built_in_ident(name), NS_MACRO | NS_UNDEF);

	return sym && sym->namespace == NS_MACRO;
}

static void check_unit(char *file)
{
	int saved_max = fmax_warnings, saved_fd = -1;
	unsigned long saved_passes = fpasses;
	struct symbol_list *list;
	struct work work = { NULL, 0, 0 };
	struct symbol *sym;

	fflush(stderr);
	if (also_sparse) {
		/* sparse's messages were printed by its own pass: parse quietly */
		int null = open("/dev/null", O_WRONLY);

		saved_fd = dup(2);
		if (null >= 0 && saved_fd >= 0)
			dup2(null, 2);
		if (null >= 0)
			close(null);
	}
	fmax_warnings = 0;		/* sparse's warnings are not dmacheck's */
	fpasses &= ~PASS_OPTIM;		/* mem2reg only */

	analysis_unit_file(file);
	list = sparse(file);
	analysis_unit_kbuild(macro_defined("KBUILD_MODNAME"), macro_defined("MODULE"));
	no_inlining();
	FOR_EACH_PTR(list, sym) {
		work_add(&work, sym);
		sparse_ir_fnptr_inits(sym);
	} END_FOR_EACH_PTR(sym);
	/* the work list grows while it is walked: called inline functions join it */
	for (size_t i = 0; i < work.n; i++) {
		struct entrypoint *ep;

		expand_symbol(work.syms[i]);
		ep = linearize_symbol(work.syms[i]);
		if (ep && ep->entry)
			check_function(ep, &work);
	}
	free(work.syms);
	analysis_finish_unit();
	report_reset_unit();

	fmax_warnings = saved_max;
	fpasses = saved_passes;
	if (saved_fd >= 0) {
		fflush(stderr);
		dup2(saved_fd, 2);
		close(saved_fd);
	}
}

int main(int argc, char **argv)
{
	struct string_list *filelist = NULL;
	struct symbol_list *builtins;
	int fd, ret;
	char *file;

	ret = own_options(&argc, argv);
	if (ret)
		return ret;
	fd = dup(2);
	dmcs_out = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!dmcs_out)
		dmcs_out = stderr;

	analysis_init(&dmcs_frontend);

	do_output = 0;			/* as sparse: -o <file> is ignored */
	builtins = sparse_initialize(argc, argv, &filelist);
	if (also_sparse)
		also_sparse_symbols(builtins);
	FOR_EACH_PTR(filelist, file) {
		if (also_sparse) {
			also_sparse_symbols(sparse(file));
			fflush(stderr);
		}
		check_unit(file);
	} END_FOR_EACH_PTR(file);
	if (also_sparse)
		report_stats();
	fflush(dmcs_out);
	return dmcs_as_errors && dmcs_findings ? 1 : 0;
}
