// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck.c - GCC plugin that warns about misuse of the Linux kernel DMA APIs.
 *
 *   gcc -fplugin=/path/to/dmacheck.so ...
 *   make KCFLAGS=-fplugin=$PWD/plugin/dmacheck.so M=drivers/usb
 *
 * A front end of the one analysis (analysis/, docs/architecture.md): the pass translates
 * each function into the analysis' IR (gimple-ir.c); at the end of the unit the analysis
 * runs and reports through GCC's diagnostics.
 *
 * Rules (rules/rules.def; one file each under analysis/check-*.c):
 *   dma-on-stack            stack memory reaches a DMA buffer (rules/dma-apis.def), also
 *                           through functions of the same translation unit
 *   usb-dma-mask            a DMA mask is set on a USB interface or USB device
 *   urb-dma-flag-missing    urb->transfer_dma is set but URB_NO_TRANSFER_DMA_MAP is not
 *   urb-dma-handle-missing  URB_NO_TRANSFER_DMA_MAP is set but no DMA handle was stored
 *   dma-mapping-error-unchecked  a dma_map_single/page() handle used on a path where
 *                           dma_mapping_error() did not test it
 *   dma-unmap-sg-nents-mismatch  dma_unmap_sg() given the count dma_map_sg() returned
 *   dma-map-sg-unchecked    dma_map_sg()'s count used untested or tested with < 0;
 *                           dma_map_sgtable()'s errno dropped
 *   dma-unmap-dir-mismatch, dma-unmap-size-mismatch, dma-sync-dir-mismatch,
 *   dma-free-addr-mismatch, dma-unmap-type-mismatch
 *                           an unmap, free or sync whose direction, size, CPU address or
 *                           kind differs from the mapping or allocation it is proven to
 *                           release
 *   dma-map-vmalloc         vmalloc memory (vmalloc(), fw->data, large kvmalloc()) reaches a
 *                           DMA buffer
 *   urb-control-dir-mismatch  a control request's pipe disagrees with bRequestType/wLength
 *   dma-map-invalid-area    a module's static data, const data or string literal reaches a DMA
 *                           buffer (how kbuild builds the file: its MODULE and KBUILD_MODNAME)
 *   dma-map-rodata          a built-in file's const data or string literal reaches one
 *
 * Diagnostics: "file:line:col: warning: <message> [dmacheck-<slug>]" plus notes; they go
 * through GCC's diagnostic machinery, so -fdiagnostics-format=json, -w and -Werror apply.
 *
 * Options:
 *   -fplugin-arg-dmacheck-disable=RULE[,RULE...]  do not report these rules
 *   -fplugin-arg-dmacheck-error                   report as errors (the build fails)
 *   -fplugin-arg-dmacheck-summaries=FILE          follow calls into other files through this
 *                                                 summaries database (docs/summaries.md)
 *   -fplugin-arg-dmacheck-summaries-out=DIR       write this file's summaries into DIR for
 *                                                 the merge (scan/summaries.py)
 *   -fplugin-arg-dmacheck-summaries-out=-         ... on stderr instead, for compiles that run
 *                                                 where DIR is not (icecream nodes: the build's
 *                                                 output comes back, files do not; the lines
 *                                                 "dmacheck-summaries-unit: NAME",
 *                                                 "dmacheck-summaries: LINE"...,
 *                                                 "dmacheck-summaries-end: NAME" per unit file)
 *
 * Why the pass sits after "ssa": every function of the unit passes through it before any
 * inlining (einline comes later), so calls to the kernel's DMA APIs and to the unit's own
 * wrappers are still calls, at -O0 as at -O2; and the SSA form makes local pointer copies
 * explicit. The pass only reads the IL: it never changes generated code.
 *
 * Limits: those of the analysis (docs/architecture.md, docs/gcc-plugin.md).
 */
#include "dmacheck.h"

#include <dirent.h>

int plugin_is_GPL_compatible;

static struct plugin_info dmacheck_plugin_info = {
	.version = "0.1",
	.help = "warns about misuse of the Linux kernel DMA APIs\n"
		"-fplugin-arg-dmacheck-disable=RULE[,RULE]\tdo not report these rules\n"
		"-fplugin-arg-dmacheck-error\treport errors instead of warnings\n"
		"-fplugin-arg-dmacheck-summaries=FILE\tother files' summaries (database)\n"
		"-fplugin-arg-dmacheck-summaries-out=DIR\twrite this file's summaries there "
		"('-': on stderr)\n",
};

static bool as_errors;

/* ---- diagnostics: what the analysis says, through GCC's machinery ---------------------- */

/* A warning and its notes are one diagnostic group (children in -fdiagnostics-format=json):
 * the group opened by a warning stays open for its notes until the next warning or the end
 * of the unit. */
static auto_diagnostic_group *group;

static void close_group(void)
{
	delete group;
	group = NULL;
}

/*
 * Where a diagnostic goes: the driver's line where the outermost macro is expanded, never a
 * header's #define (dma_map_single() is a macro of <linux/dma-mapping.h>, a driver wraps
 * usb_control_msg() in its own macro): what `dmacheck scan`, baselines and SARIF attribute
 * the finding to. When the call is written in the driver's own macro, a note at the macro's
 * body keeps the chain (GCC adds its "in expansion of macro" notes to it).
 */
static location_t placed(location_t loc)
{
	return linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL);
}

static bool gcc_diagnose(int rule, ir_loc loc)
{
	enum dmacheck_rule r = (enum dmacheck_rule)rule;
	location_t orig = gcc_location(loc), at = placed(orig);
	bool shown;

	close_group();
	group = new auto_diagnostic_group;
	if (as_errors) {
		error_at(at, "%s [dmacheck-%s]", rule_message(r), rule_slug(r));
		shown = true;
	} else {
		shown = warning_at(at, 0, "%s [dmacheck-%s]", rule_message(r), rule_slug(r));
	}
	if (shown && at != orig &&
	    !in_system_header_at(linemap_resolve_location(line_table, orig,
							 LRK_SPELLING_LOCATION, NULL)))
		inform(orig, "from this macro");
	return shown;
}

static void gcc_note(ir_loc loc, const char *text)
{
	inform(placed(gcc_location(loc)), "%s", text);
}

static void gcc_note_declared(ir_loc loc, const char *name)
{
	inform(placed(gcc_location(loc)), "%qs declared here", name);
}

static bool gcc_same_loc(ir_loc a, ir_loc b)
{
	return placed(gcc_location(a)) == placed(gcc_location(b));
}

static const struct analysis_frontend gcc_frontend = {
	gcc_diagnose, gcc_note, gcc_note_declared, gcc_same_loc,
};

/* ---- the pass: every function into the IR ---------------------------------------------- */

/* The C front end's preprocessor (c-family/c-common.h); weak: NULL in a compiler without one. */
extern cpp_reader *parse_in __attribute__((weak));

static bool macro_defined(const char *name)
{
	return parse_in && cpp_defined(parse_in, (const unsigned char *)name, (int)strlen(name));
}

static unsigned int dmacheck_execute(function *fun)
{
	static bool kbuild_told;

	/* how kbuild builds the unit (a module or built in): its -D macros, or the case's */
	if (!kbuild_told) {
		kbuild_told = true;
		analysis_unit_kbuild(macro_defined("KBUILD_MODNAME"), macro_defined("MODULE"));
	}
	analysis_add_function(gimple_to_ir(fun));
	return 0;
}

static const pass_data dmacheck_pass_data = {
	GIMPLE_PASS,		/* type */
	"dmacheck",		/* name */
	OPTGROUP_NONE,		/* optinfo_flags */
	TV_NONE,		/* tv_id */
	PROP_cfg | PROP_ssa,	/* properties_required */
	0,			/* properties_provided */
	0,			/* properties_destroyed */
	0,			/* todo_flags_start */
	0,			/* todo_flags_finish: nothing changed */
};

class dmacheck_pass : public gimple_opt_pass {
public:
	dmacheck_pass() : gimple_opt_pass(dmacheck_pass_data, g) {}
	opt_pass *clone() final override { return new dmacheck_pass(); }
	unsigned int execute(function *fun) final override { return dmacheck_execute(fun); }
};

/*
 * The end of the unit: cross-function findings. PLUGIN_FINISH_UNIT is not reached once an
 * error was seen (-fplugin-arg-dmacheck-error, -Werror), so PLUGIN_FINISH, which always
 * runs, does the same work if it is still to be done.
 */
static bool unit_done;

/*
 * -summaries-out=-: the analysis writes the unit's file into a private directory
 * (relay_dir), which the end of the unit copies to stderr, line by line, and removes.
 */
static char *relay_dir;

static void relay_summaries(void)
{
	DIR *d = opendir(relay_dir);
	struct dirent *e;
	char path[4096], line[8192];

	while (d && (e = readdir(d))) {
		FILE *f;
		size_t n = strlen(e->d_name);

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", relay_dir, e->d_name);
		f = n > 4 && strcmp(e->d_name + n - 4, ".tmp") ? fopen(path, "r") : NULL;
		if (f) {
			fprintf(stderr, "dmacheck-summaries-unit: %s\n", e->d_name);
			while (fgets(line, sizeof(line), f))
				fprintf(stderr, "dmacheck-summaries: %s%s", line,
					strchr(line, '\n') ? "" : "\n");
			fprintf(stderr, "dmacheck-summaries-end: %s\n", e->d_name);
			fclose(f);
		}
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(relay_dir);
}

static void dmacheck_finish_decl(void *gcc_data, void *user_data)
{
	(void)user_data;
	gimple_ir_decl((const_tree)gcc_data);
}

static void dmacheck_finish_unit(void *gcc_data, void *user_data)
{
	(void)gcc_data;
	(void)user_data;
	if (unit_done)
		return;
	unit_done = true;
	analysis_finish_unit();
	close_group();
	if (relay_dir)
		relay_summaries();
}

/*
 * The unit's file, for the summaries it writes and for choosing between two definitions of
 * one name in the database (docs/summaries.md). With preprocessed input on stdin, as an
 * icecream node compiles it ("-fpreprocessed -"), the name is "-" when the plugin starts and
 * the source's own name only once GCC has read the input's first line marker, which it does
 * before the unit starts.
 */
static void dmacheck_start_unit(void *gcc_data, void *user_data)
{
	(void)gcc_data;
	(void)user_data;
	analysis_unit_file(main_input_filename);
}

/* ---- arguments ----------------------------------------------------------------------- */

static bool parse_disable(const char *plugin_name, const char *list)
{
	char *copy, *tok, *save = NULL;
	bool ok = true;

	if (!list || !*list) {
		error(G_("no value supplied for option '-fplugin-arg-%s-%s'"), plugin_name,
		      "disable");
		return false;
	}
	copy = xstrdup(list);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		enum dmacheck_rule rule = rule_by_slug(strncmp(tok, "dmacheck-", 9) ? tok : tok + 9);

		if (rule == RULE_COUNT) {
			error(G_("unknown rule '%s' in '-fplugin-arg-%s-disable' (see rules/rules.def)"),
			      tok, plugin_name);
			ok = false;
			continue;
		}
		analysis_disable_rule(rule);
	}
	free(copy);
	return ok;
}

/* -fplugin-arg-dmacheck-summaries=FILE (read), -summaries-out=DIR (write; analysis/xsummary.c) */
static bool parse_summaries(const char *plugin_name, const char *key, const char *value)
{
	char err[512];
	bool ok;

	if (!value || !*value) {
		error(G_("no value supplied for option '-fplugin-arg-%s-%s'"), plugin_name, key);
		return false;
	}
	if (!strcmp(key, "summaries-out") && !strcmp(value, "-")) {
		/* a private directory in $TMPDIR, /tmp, or the compile's own directory */
		const char *tmp = getenv("TMPDIR");
		char tmpl[4096];

		snprintf(tmpl, sizeof(tmpl), "%s/dmacheck-summaries-XXXXXX",
			 tmp && *tmp ? tmp : access("/tmp", W_OK) ? "." : "/tmp");
		if (!mkdtemp(tmpl)) {
			error(G_("cannot make a directory for '-fplugin-arg-%s-%s=-': %s"),
			      plugin_name, key, xstrerror(errno));
			return false;
		}
		relay_dir = xstrdup(tmpl);
		value = relay_dir;
	}
	ok = strcmp(key, "summaries") ? analysis_write_summaries_to(value, err, sizeof(err)) :
					analysis_read_summaries(value, err, sizeof(err));
	if (!ok)
		error(G_("%s (option '-fplugin-arg-%s-%s')"), err, plugin_name, key);
	return ok;
}

static bool parse_args(const struct plugin_name_args *info)
{
	bool ok = true;

	for (int i = 0; i < info->argc; i++) {
		const struct plugin_argument *arg = &info->argv[i];

		if (!strcmp(arg->key, "disable")) {
			ok &= parse_disable(info->base_name, arg->value);
		} else if (!strcmp(arg->key, "summaries") || !strcmp(arg->key, "summaries-out")) {
			ok &= parse_summaries(info->base_name, arg->key, arg->value);
		} else if (!strcmp(arg->key, "error")) {
			if (arg->value) {
				error(G_("option '-fplugin-arg-%s-%s' takes no value"),
				      info->base_name, arg->key);
				ok = false;
			}
			as_errors = true;
		} else {
			error(G_("unknown option '-fplugin-arg-%s-%s'"), info->base_name, arg->key);
			ok = false;
		}
	}
	return ok;
}

int plugin_init(struct plugin_name_args *plugin_info, struct plugin_gcc_version *version)
{
	struct register_pass_info pass_info;

	if (!plugin_default_version_check(version, &gcc_version)) {
		error(G_("incompatible gcc/plugin versions: %s was built for gcc %s, this is gcc %s; "
			 "rebuild it with this compiler"), plugin_info->base_name,
		      gcc_version.basever, version->basever);
		return 1;
	}
	if (!parse_args(plugin_info))
		return 1;

	analysis_init(&gcc_frontend);
	analysis_unit_file(main_input_filename);

	pass_info.pass = new dmacheck_pass();
	pass_info.reference_pass_name = "ssa";
	pass_info.ref_pass_instance_number = 1;
	pass_info.pos_op = PASS_POS_INSERT_AFTER;

	register_callback(plugin_info->base_name, PLUGIN_INFO, NULL, &dmacheck_plugin_info);
	register_callback(plugin_info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass_info);
	register_callback(plugin_info->base_name, PLUGIN_START_UNIT, dmacheck_start_unit, NULL);
	register_callback(plugin_info->base_name, PLUGIN_FINISH_DECL, dmacheck_finish_decl, NULL);
	register_callback(plugin_info->base_name, PLUGIN_FINISH_UNIT, dmacheck_finish_unit, NULL);
	register_callback(plugin_info->base_name, PLUGIN_FINISH, dmacheck_finish_unit, NULL);
	return 0;
}
