/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tap.h - the core's unit-test harness, header only.
 *
 *   CHECK(cond)              one check; prints the failing expression with file:line
 *   CHECK_EQ(a, b)           integers, prints both values on failure
 *   CHECK_RULES(case, ...)   the events since the last dmc_events_clear() are exactly the
 *                            listed slugs, in order (NULL-terminated)
 *   tap_case(name)           names the case that following failures belong to
 *   return tap_done("file")  prints "file: N passed, N failed"; exit status 1 on failure
 *
 * scripts/check.sh sums the per-binary lines into the run's closing "N passed, N failed".
 */
#ifndef DMACORE_TAP_H
#define DMACORE_TAP_H

#include "dmacore.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_pass, tap_fail;
static const char *tap_current = "?";

static inline void tap_case(const char *name)
{
	tap_current = name;
}

static inline int tap_check(int ok, const char *expr, const char *file, int line)
{
	if (ok) {
		tap_pass++;
	} else {
		tap_fail++;
		printf("FAIL %s: %s:%d: %s\n", tap_current, file, line, expr);
	}
	return ok;
}

#define CHECK(cond) tap_check(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_EQ(a, b)                                                                     \
	do {                                                                               \
		long long _a = (long long)(a), _b = (long long)(b);                        \
		if (!tap_check(_a == _b, #a " == " #b, __FILE__, __LINE__))               \
			printf("     got %lld (%#llx), expected %lld (%#llx)\n", _a,           \
			       (unsigned long long)_a, _b, (unsigned long long)_b);        \
	} while (0)

/* Compare the event log with an expected list of slugs; print both on mismatch. */
static inline int tap_rules(const char *file, int line, ...)
{
	const char *want[32];
	size_t n = 0, got = dmc_event_count();
	int ok;
	va_list ap;

	va_start(ap, line);
	for (const char *s = va_arg(ap, const char *); s && n < 32; s = va_arg(ap, const char *))
		want[n++] = s;
	va_end(ap);
	ok = got == n;
	for (size_t i = 0; ok && i < n; i++)
		ok = strcmp(dmc_rule_info(dmc_event_get(i)->rule)->slug, want[i]) == 0;
	if (!tap_check(ok, "event log matches", file, line)) {
		char buf[512];

		printf("     expected:");
		for (size_t i = 0; i < n; i++)
			printf(" %s", want[i]);
		printf("\n     got:\n");
		for (size_t i = 0; i < got; i++) {
			dmc_event_format(dmc_event_get(i), buf, sizeof(buf));
			printf("       %s\n", buf);
		}
	}
	return ok;
}

#define CHECK_RULES(...) tap_rules(__FILE__, __LINE__, __VA_ARGS__, (const char *)NULL)
#define CHECK_NO_EVENTS() CHECK_RULES((const char *)NULL)

/* The outcome of the last event with this slug, or -1. */
static inline int tap_outcome(const char *slug)
{
	for (size_t i = dmc_event_count(); i-- > 0;)
		if (strcmp(dmc_rule_info(dmc_event_get(i)->rule)->slug, slug) == 0)
			return (int)dmc_event_get(i)->outcome;
	return -1;
}

static inline int tap_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, tap_pass, tap_fail);
	return tap_fail ? 1 : 0;
}

#endif /* DMACORE_TAP_H */
