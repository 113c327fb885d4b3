// SPDX-License-Identifier: GPL-2.0
/*
 * events.c - the rule table (generated from rules/rules.def) and the event log.
 *
 * Every violation the model sees becomes one struct dmc_event: the rule, what the kernel
 * visibly does (outcome, return code, the text it prints) and the driver call site given by
 * dmc_at(). The log grows without bound; dmc_machine_init() clears it.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct dmc_rule_info rule_table[DMC_RULE_COUNT] = {
#define ERROR DMC_SEV_ERROR
#define WARNING DMC_SEV_WARNING
#define RULE(id, slug, sev, msg) [DMC_RULE_##id] = { slug, sev, msg },
#include "rules.def"
#undef RULE
#undef ERROR
#undef WARNING
};

static const char *const outcome_names[] = {
	[DMC_OUT_REFUSED] = "refused",
	[DMC_OUT_CORRUPTION] = "corruption",
	[DMC_OUT_REPORTED] = "reported",
	[DMC_OUT_SILENT] = "latent",
	[DMC_OUT_WASTE] = "waste",
	[DMC_OUT_SHARED_STATE] = "shared-state",
};

static struct {
	struct dmc_event *ev;
	size_t count, cap;
	const char *file;
	int line;
	void (*hook)(const struct dmc_event *ev, void *arg);
	void *hook_arg;
	char **once_keys;
	size_t once_count, once_cap;
} log_state;

const struct dmc_rule_info *dmc_rule_info(enum dmc_rule rule)
{
	if ((unsigned int)rule >= DMC_RULE_COUNT)
		return NULL;
	return &rule_table[rule];
}

enum dmc_rule dmc_rule_by_slug(const char *slug)
{
	for (int i = 0; i < DMC_RULE_COUNT; i++)
		if (slug && strcmp(rule_table[i].slug, slug) == 0)
			return (enum dmc_rule)i;
	return DMC_RULE_COUNT;
}

const char *dmc_outcome_name(enum dmc_outcome outcome)
{
	return outcome_names[outcome];
}

void dmc_at(const char *file, int line)
{
	log_state.file = file;
	log_state.line = line;
}

const char *dmc_fmt(const char *fmt, ...)
{
	static char slots[8][DMC_TEXT_MAX];
	static unsigned int next;
	char *buf = slots[next++ % DMC_ARRAY_SIZE(slots)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, DMC_TEXT_MAX, fmt, ap);
	va_end(ap);
	return buf;
}

void dmc_report(enum dmc_rule rule, enum dmc_outcome outcome, int ret, const char *kfunc,
		const void *addr, const char *kernel_msg, const char *detail)
{
	struct dmc_event *ev;

	log_state.ev = dmc_grow(log_state.ev, &log_state.cap, log_state.count, sizeof(*ev));
	ev = &log_state.ev[log_state.count++];
	memset(ev, 0, sizeof(*ev));
	ev->rule = rule;
	ev->outcome = outcome;
	ev->ret = ret;
	ev->kfunc = kfunc;
	ev->file = log_state.file;
	ev->line = log_state.line;
	ev->addr = (uintptr_t)addr;
	snprintf(ev->kernel_msg, sizeof(ev->kernel_msg), "%s", kernel_msg ? kernel_msg : "");
	snprintf(ev->detail, sizeof(ev->detail), "%s", detail ? detail : "");
	if (log_state.hook)
		log_state.hook(ev, log_state.hook_arg);
}

size_t dmc_event_count(void)
{
	return log_state.count;
}

const struct dmc_event *dmc_event_get(size_t i)
{
	return i < log_state.count ? &log_state.ev[i] : NULL;
}

size_t dmc_event_count_rule(enum dmc_rule rule)
{
	size_t n = 0;

	for (size_t i = 0; i < log_state.count; i++)
		n += log_state.ev[i].rule == rule;
	return n;
}

void dmc_set_event_hook(void (*hook)(const struct dmc_event *ev, void *arg), void *arg)
{
	log_state.hook = hook;
	log_state.hook_arg = arg;
}

bool dmc_warn_once(const char *key)
{
	for (size_t i = 0; i < log_state.once_count; i++)
		if (strcmp(log_state.once_keys[i], key) == 0)
			return false;
	log_state.once_keys = dmc_grow(log_state.once_keys, &log_state.once_cap,
				       log_state.once_count, sizeof(char *));
	log_state.once_keys[log_state.once_count++] = strdup(key);
	return true;
}

void dmc_events_clear(void)
{
	free(log_state.ev);
	for (size_t i = 0; i < log_state.once_count; i++)
		free(log_state.once_keys[i]);
	free(log_state.once_keys);
	log_state.ev = NULL;
	log_state.once_keys = NULL;
	log_state.count = log_state.cap = log_state.once_count = log_state.once_cap = 0;
	log_state.file = NULL;
	log_state.line = 0;
}

int dmc_event_format(const struct dmc_event *ev, char *buf, size_t len)
{
	const struct dmc_rule_info *ri = dmc_rule_info(ev->rule);
	char where[96];

	if (ev->file)
		snprintf(where, sizeof(where), "%s:%d", ev->file, ev->line);
	else
		snprintf(where, sizeof(where), "%s", ev->kfunc ? ev->kfunc : "?");
	return snprintf(buf, len, "%s: %s: %s [dmacheck-%s] (%s in %s, ret %d%s%s%s%s)", where,
			ri->severity == DMC_SEV_ERROR ? "error" : "warning", ri->message,
			ri->slug, outcome_names[ev->outcome], ev->kfunc ? ev->kfunc : "?", ev->ret,
			ev->kernel_msg[0] ? "; kernel: \"" : "", ev->kernel_msg,
			ev->kernel_msg[0] ? "\"" : "",
			ev->detail[0] ? dmc_fmt("; %s", ev->detail) : "");
}
