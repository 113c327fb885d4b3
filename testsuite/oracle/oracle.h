/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/oracle/oracle.h - what the oracle's parts share: the harness (harness.c), the
 * shim that implements testsuite/include's kernel API over the reference core (shim-*.c) and
 * the tracer that ties the core's events to source lines of the case (trace.c).
 *
 * Include the kernel-like headers of testsuite/include first, then this file: it pulls in
 * dmacore.h, whose <stdbool.h> must come after linux/types.h's `typedef _Bool bool`.
 *
 * Objects: the case sees the kernel's structures (struct usb_device, struct urb, struct
 * device, struct page); the core has its own (struct dmc_usb_device, ...). The shim keeps a
 * table from each case-visible object to its core twin (oracle_bind / oracle_lookup).
 *
 * Lines: an event's source lines are the case frames of the call stack when the core records
 * it, plus the "provenance" the shim knows for the buffers involved: where a struct page was
 * made from a pointer (virt_to_page, sg_set_buf) and which statement last stored the URB
 * fields the core reads at submit time (watched with page protection, see trace.c).
 */
#ifndef ORACLE_H
#define ORACLE_H

#include "dmacore.h"

#include <stdarg.h>

/*
 * The shim and the harness are compiled against testsuite/include's kernel headers, whose
 * types clash with glibc's <stdlib.h> and <stdio.h>; the few libc calls they make are
 * declared here (trace.c and main.c, the libc side, include the real headers).
 */
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
void abort(void) __attribute__((noreturn));
char *strcpy(char *dst, const char *src);

#define ORACLE_MAX_FRAMES 24

/* A captured call stack: code addresses, already adjusted to point into the call insn. */
struct oracle_stack {
	int n;
	uintptr_t pc[ORACLE_MAX_FRAMES];
};

void oracle_capture(struct oracle_stack *st);

/* ---- object table: case-visible object -> core twin ---------------------------------- */
enum oracle_kind { OK_DEVICE, OK_USB_DEVICE, OK_URB, OK_PAGE, OK_SG, OK_POOL, OK_KIND_COUNT };

void oracle_bind(enum oracle_kind kind, const void *key, void *core);
void oracle_unbind(enum oracle_kind kind, const void *key);
void *oracle_lookup(enum oracle_kind kind, const void *key);
void oracle_for_each(enum oracle_kind kind, void (*fn)(const void *key, void *core));

/* A use of an object the harness never made: reported, and the case fails. */
void oracle_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- provenance: extra source lines for the events of the next core call -------------- */
void oracle_prov_push(const struct oracle_stack *st);
void oracle_prov_clear(void);

/* ---- watched URB memory ------------------------------------------------------------- */
/* Page-aligned memory whose stores are recorded (field offset -> stack of the store). */
void *oracle_watch_alloc(size_t size);
void oracle_watch_free(void *base);
/* The shim's own stores: open the object for writing, then close it again. */
void oracle_watch_open(void *base);
void oracle_watch_close(void *base);
/* The last store to [base+off, base+off+len), or NULL. */
const struct oracle_stack *oracle_watch_last(const void *base, size_t off, size_t len);
/* The store that set (value & mask) from 0 to non-zero, for a 32-bit field, if no later
 * store cleared it again; else NULL. */
const struct oracle_stack *oracle_watch_last_set(const void *base, size_t off, uint32_t mask);

/* ---- the run ------------------------------------------------------------------------ */
void oracle_trace_init(void);
void oracle_trace_model(const char *model);	/* start a model: event records name it */
void oracle_trace_done(const char *model);	/* the model ran to the end */
/* Kernel log lines (printk, dev_err, ...), to stderr. */
void oracle_vlog(const char *prefix, const char *fmt, va_list ap);
/* harness.c: boot model `model` (enum dmc_hcd_model) and run the case in it. */
int harness_run_model(int model);
/* the kernel the core follows where 6.1 and 6.12 differ (main.c sets it) */
extern enum dmc_kernel harness_kernel;

#endif /* ORACLE_H */
