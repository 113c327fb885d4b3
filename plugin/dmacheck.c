// SPDX-License-Identifier: GPL-2.0
/*
 * dmacheck.c - GCC plugin that warns about misuse of the Linux kernel DMA APIs.
 *
 *   gcc -fplugin=/path/to/dmacheck.so ...
 *   make KCFLAGS=-fplugin=$PWD/plugin/dmacheck.so M=drivers/usb
 *
 * Rules (rules/rules.def; one file each under plugin/check-*.c):
 *   dma-on-stack            stack memory reaches a DMA buffer (rules/dma-apis.def), also
 *                           through functions of the same translation unit
 *   usb-dma-mask            a DMA mask is set on a USB interface or USB device
 *   urb-dma-flag-missing    urb->transfer_dma is set but URB_NO_TRANSFER_DMA_MAP is not
 *   urb-dma-handle-missing  URB_NO_TRANSFER_DMA_MAP is set but no DMA handle was stored
 *
 * Diagnostics: "file:line:col: warning: <message> [dmacheck-<slug>]" plus notes; they go
 * through GCC's diagnostic machinery, so -fdiagnostics-format=json, -w and -Werror apply.
 *
 * Options:
 *   -fplugin-arg-dmacheck-disable=RULE[,RULE...]  do not report these rules
 *   -fplugin-arg-dmacheck-error                   report as errors (the build fails)
 *
 * Why the pass sits after "ssa": every function of the unit passes through it before any
 * inlining (einline comes later), so calls to the kernel's DMA APIs and to the unit's own
 * wrappers are still calls, at -O0 as at -O2; and the SSA form makes local pointer copies
 * explicit. The pass only reads the IL: it never changes generated code.
 *
 * Limits: flow-insensitive may-analysis inside a function (a pointer that is ever assigned a
 * stack address counts everywhere); values stored into heap memory are not followed; calls
 * through function pointers are not followed; see docs/gcc-plugin.md.
 */
#include "dmacheck.h"

int plugin_is_GPL_compatible;

static struct plugin_info dmacheck_plugin_info = {
	.version = "0.1",
	.help = "warns about misuse of the Linux kernel DMA APIs\n"
		"-fplugin-arg-dmacheck-disable=RULE[,RULE]\tdo not report these rules\n"
		"-fplugin-arg-dmacheck-error\treport errors instead of warnings\n",
};

static const struct dmacheck_check *const checks[] = {
	&check_dma_on_stack,
	&check_usb_dma_mask,
	&check_urb_dma,
};

static bool disabled[RULE_COUNT];
static bool as_errors;

/* ---- diagnostics -------------------------------------------------------------------- */

struct reported_key {
	location_t loc;
	int rule;
};

static vec<reported_key> reported;
static bool last_report_shown;
/* A warning and its notes are one diagnostic group (children in -fdiagnostics-format=json):
 * the group opened by report() stays open for the notes until the next report or the end of
 * the function or unit. */
static auto_diagnostic_group *group;

static void close_group(void)
{
	delete group;
	group = NULL;
}

bool rule_enabled(enum dmacheck_rule rule)
{
	return !disabled[rule];
}

bool report(enum dmacheck_rule rule, location_t loc)
{
	unsigned int i;
	reported_key *k;

	last_report_shown = false;
	if (disabled[rule])
		return false;
	/* A call made by a macro of a system header (dma_map_single() is a macro over
	 * dma_map_single_attrs() in <linux/dma-mapping.h>) is located inside that header, and GCC
	 * drops warnings there: report at the macro's use in the user's code instead. */
	loc = expansion_point_location_if_in_system_header(loc);
	FOR_EACH_VEC_ELT(reported, i, k)
		if (k->loc == loc && k->rule == (int)rule)
			return false;
	reported.safe_push({ loc, (int)rule });
	close_group();
	group = new auto_diagnostic_group;
	if (as_errors) {
		error_at(loc, "%s [dmacheck-%s]", rule_message(rule), rule_slug(rule));
		last_report_shown = true;
	} else {
		last_report_shown = warning_at(loc, 0, "%s [dmacheck-%s]", rule_message(rule),
					       rule_slug(rule));
	}
	return last_report_shown;
}

void report_note(location_t loc, const char *text)
{
	if (last_report_shown)
		inform(loc, "%s", text);
}

void note_declared(tree decl)
{
	if (last_report_shown && decl && DECL_P(decl))
		inform(DECL_SOURCE_LOCATION(decl), "%qD declared here", decl);
}

/* ---- the pass ------------------------------------------------------------------------- */

static unsigned int dmacheck_execute(function *fun)
{
	struct flow *flow = flow_analyze(fun);
	basic_block bb;

	FOR_EACH_BB_FN(bb, fun) {
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);

			if (is_gimple_call(stmt))
				summary_call(flow, stmt);
			for (unsigned int i = 0; i < ARRAY_SIZE(checks); i++)
				if (checks[i]->stmt)
					checks[i]->stmt(flow, stmt);
		}
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(checks); i++)
		if (checks[i]->function_end)
			checks[i]->function_end(flow);
	close_group();
	flow_free(flow);
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

static void dmacheck_finish_unit(void *gcc_data, void *user_data)
{
	(void)gcc_data;
	(void)user_data;
	if (unit_done)
		return;
	unit_done = true;
	summary_finish_unit();
	for (unsigned int i = 0; i < ARRAY_SIZE(checks); i++)
		if (checks[i]->unit_end)
			checks[i]->unit_end();
	close_group();
	reported.release();
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
		disabled[rule] = true;
	}
	free(copy);
	return ok;
}

static bool parse_args(const struct plugin_name_args *info)
{
	bool ok = true;

	for (int i = 0; i < info->argc; i++) {
		const struct plugin_argument *arg = &info->argv[i];

		if (!strcmp(arg->key, "disable")) {
			ok &= parse_disable(info->base_name, arg->value);
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

	summary_register_rule(RULE_DMA_ON_STACK, O_STACK);
	summary_register_rule(RULE_USB_DMA_MASK, O_USBDEV);

	pass_info.pass = new dmacheck_pass();
	pass_info.reference_pass_name = "ssa";
	pass_info.ref_pass_instance_number = 1;
	pass_info.pos_op = PASS_POS_INSERT_AFTER;

	register_callback(plugin_info->base_name, PLUGIN_INFO, NULL, &dmacheck_plugin_info);
	register_callback(plugin_info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass_info);
	register_callback(plugin_info->base_name, PLUGIN_FINISH_UNIT, dmacheck_finish_unit, NULL);
	register_callback(plugin_info->base_name, PLUGIN_FINISH, dmacheck_finish_unit, NULL);
	return 0;
}
