// SPDX-License-Identifier: GPL-2.0
/*
 * testsuite/oracle/trace.c - ties the core's events to the case's source lines.
 *
 * Every event the core records (dmc_set_event_hook) is printed as one line
 *
 *	E <model> <rule-slug> <outcome> <ret> <kfunc> : <pc...> | <pc...> # <detail>
 *
 * with the code addresses of the call stack at that moment (left of '|') and of the
 * provenance stacks the shim pushed for the buffers of the current call (right of '|').
 * testsuite/oracle.py turns addresses into lines of the case with addr2line and keeps the
 * frames that lie in the case file. Addresses are adjusted so that each points into its
 * instruction (return address - 1; the faulting pc as is).
 *
 * Watched memory: the core reads an URB's transfer_buffer, transfer_dma, transfer_flags and
 * setup_packet when it is submitted, but the rules are about the statement that stored them.
 * URBs are therefore allocated on pages of their own and kept read-only; a store faults, the
 * SIGSEGV handler records the store's stack, opens the page and sets the x86 trap flag, the
 * SIGTRAP after that one instruction reads the new value and closes the page again.
 *
 * Limits: x86_64 Linux only (REG_RIP, REG_EFL); one thread; memory the case embeds an URB in
 * (an URB inside a driver struct, not from usb_alloc_urb) is not watched, so its events carry
 * only their call stacks.
 */
#define _GNU_SOURCE
#include "oracle.h"

#include <execinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#define X86_TRAP_FLAG 0x100

static const char *model_name = "?";

/* ---- stacks ---------------------------------------------------------------------------- */

void oracle_capture(struct oracle_stack *st)
{
	void *bt[ORACLE_MAX_FRAMES + 1];
	int n = backtrace(bt, ORACLE_MAX_FRAMES + 1);

	st->n = 0;
	for (int i = 1; i < n; i++)	/* frame 0 is this function */
		st->pc[st->n++] = (uintptr_t)bt[i] - 1;
}

static void print_stack(const struct oracle_stack *st)
{
	for (int i = 0; i < st->n; i++)
		printf(" %#lx", (unsigned long)st->pc[i]);
}

/* ---- object table ---------------------------------------------------------------------- */

struct binding {
	enum oracle_kind kind;
	const void *key;
	void *core;
};

static struct binding *bindings;
static size_t nbindings, capbindings;

void oracle_bind(enum oracle_kind kind, const void *key, void *core)
{
	for (size_t i = 0; i < nbindings; i++)
		if (bindings[i].kind == kind && bindings[i].key == key) {
			bindings[i].core = core;
			return;
		}
	if (nbindings == capbindings) {
		capbindings = capbindings ? 2 * capbindings : 64;
		bindings = realloc(bindings, capbindings * sizeof(*bindings));
		if (!bindings)
			abort();
	}
	bindings[nbindings++] = (struct binding){ kind, key, core };
}

void oracle_unbind(enum oracle_kind kind, const void *key)
{
	for (size_t i = 0; i < nbindings; i++)
		if (bindings[i].kind == kind && bindings[i].key == key) {
			bindings[i] = bindings[--nbindings];
			return;
		}
}

void *oracle_lookup(enum oracle_kind kind, const void *key)
{
	for (size_t i = 0; i < nbindings; i++)
		if (bindings[i].kind == kind && bindings[i].key == key)
			return bindings[i].core;
	return NULL;
}

void oracle_for_each(enum oracle_kind kind, void (*fn)(const void *key, void *core))
{
	for (size_t i = 0; i < nbindings; i++)
		if (bindings[i].kind == kind)
			fn(bindings[i].key, bindings[i].core);
}

void oracle_error(const char *fmt, ...)
{
	struct oracle_stack st;
	va_list ap;

	oracle_capture(&st);
	printf("X %s :", model_name);
	print_stack(&st);
	printf(" # ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

/* ---- provenance ------------------------------------------------------------------------ */

#define MAX_PROV 8
static struct oracle_stack prov[MAX_PROV];
static int nprov;

void oracle_prov_push(const struct oracle_stack *st)
{
	if (st && nprov < MAX_PROV)
		prov[nprov++] = *st;
}

void oracle_prov_clear(void)
{
	nprov = 0;
}

/* ---- events ---------------------------------------------------------------------------- */

static void on_event(const struct dmc_event *ev, void *arg)
{
	struct oracle_stack st;

	(void)arg;
	oracle_capture(&st);
	printf("E %s %s %s %d %s :", model_name, dmc_rule_info(ev->rule)->slug,
	       dmc_outcome_name(ev->outcome), ev->ret, ev->kfunc ? ev->kfunc : "-");
	print_stack(&st);
	printf(" |");
	for (int i = 0; i < nprov; i++)
		print_stack(&prov[i]);
	printf(" # %s\n", ev->detail);
	fflush(stdout);
}

/* ---- watched memory -------------------------------------------------------------------- */

struct store {
	size_t off;
	uint32_t before, after;
	struct oracle_stack st;
};

/*
 * The last STORE_RING stores of each object are kept (the rules only ask for the last store
 * to a field): the ring is allocated with the object, so the signal handler never allocates.
 */
#define STORE_RING 256

struct watched {
	void *base;
	size_t size;
	struct store *stores;	/* STORE_RING entries; store n is at n % STORE_RING */
	size_t nstores;		/* stores recorded so far */
};

#define MAX_WATCHED 256
static struct watched watched[MAX_WATCHED];
static struct watched *pending_w;	/* the object opened by the SIGSEGV handler */
static struct store pending_s;

static struct watched *watched_at(uintptr_t addr)
{
	for (int i = 0; i < MAX_WATCHED; i++)
		if (watched[i].base && addr >= (uintptr_t)watched[i].base &&
		    addr < (uintptr_t)watched[i].base + watched[i].size)
			return &watched[i];
	return NULL;
}

static uint32_t peek32(const struct watched *w, size_t off)
{
	uint32_t v = 0;

	if (off + sizeof(v) <= w->size)
		memcpy(&v, (const char *)w->base + off, sizeof(v));
	return v;
}

/* Newest first: the i-th most recent store, or NULL. */
static struct store *store_back(struct watched *w, size_t i)
{
	if (i >= w->nstores || i >= STORE_RING)
		return NULL;
	return &w->stores[(w->nstores - 1 - i) % STORE_RING];
}

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	struct watched *w = watched_at((uintptr_t)si->si_addr);
	uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	void *bt[ORACLE_MAX_FRAMES + 4];
	int n, i, first = -1;

	if (!w || pending_w || !w->stores) {
		/* not ours: crash as the program would have */
		signal(sig, SIG_DFL);
		return;
	}
	pending_s.off = (uintptr_t)si->si_addr - (uintptr_t)w->base;
	pending_s.before = peek32(w, pending_s.off);
	pending_s.st.n = 0;
	pending_s.st.pc[pending_s.st.n++] = rip;
	n = backtrace(bt, ORACLE_MAX_FRAMES + 4);
	for (i = 0; i < n && first < 0; i++)
		if ((uintptr_t)bt[i] == rip || (uintptr_t)bt[i] == rip + 1)
			first = i + 1;
	for (i = first; first > 0 && i < n && pending_s.st.n < ORACLE_MAX_FRAMES; i++)
		pending_s.st.pc[pending_s.st.n++] = (uintptr_t)bt[i] - 1;
	mprotect(w->base, w->size, PROT_READ | PROT_WRITE);
	pending_w = w;
	uc->uc_mcontext.gregs[REG_EFL] |= X86_TRAP_FLAG;
}

static void on_trap(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	struct watched *w = pending_w;

	(void)si;
	if (!w) {
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	pending_s.after = peek32(w, pending_s.off);
	w->stores[w->nstores++ % STORE_RING] = pending_s;
	mprotect(w->base, w->size, PROT_READ);
	pending_w = NULL;
	uc->uc_mcontext.gregs[REG_EFL] &= ~X86_TRAP_FLAG;
}

void *oracle_watch_alloc(size_t size)
{
	size_t pages = (size + (size_t)getpagesize() - 1) & ~((size_t)getpagesize() - 1);
	void *base = mmap(NULL, pages, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (base == MAP_FAILED)
		return NULL;
	for (int i = 0; i < MAX_WATCHED; i++)
		if (!watched[i].base) {
			watched[i] = (struct watched){ .base = base, .size = pages,
				.stores = calloc(STORE_RING, sizeof(struct store)) };
			if (!watched[i].stores)
				abort();
			return base;	/* left writable: the shim initialises it, then closes it */
		}
	return base;			/* table full: an unwatched URB (its events keep their stacks) */
}

void oracle_watch_free(void *base)
{
	struct watched *w = watched_at((uintptr_t)base);
	size_t size = w ? w->size : (size_t)getpagesize();

	if (w) {
		free(w->stores);
		*w = (struct watched){ 0 };
	}
	munmap(base, size);
}

void oracle_watch_open(void *base)
{
	struct watched *w = watched_at((uintptr_t)base);

	if (w)
		mprotect(w->base, w->size, PROT_READ | PROT_WRITE);
}

void oracle_watch_close(void *base)
{
	struct watched *w = watched_at((uintptr_t)base);

	if (w)
		mprotect(w->base, w->size, PROT_READ);
}

const struct oracle_stack *oracle_watch_last(const void *base, size_t off, size_t len)
{
	struct watched *w = watched_at((uintptr_t)base);
	struct store *s;

	for (size_t i = 0; w && (s = store_back(w, i)); i++)
		if (s->off >= off && s->off < off + len)
			return &s->st;
	return NULL;
}

const struct oracle_stack *oracle_watch_last_set(const void *base, size_t off, uint32_t mask)
{
	struct watched *w = watched_at((uintptr_t)base);
	struct store *s;

	for (size_t i = 0; w && (s = store_back(w, i)); i++) {
		if (s->off != off)
			continue;
		if (!(s->after & mask))
			return NULL;	/* cleared again since: no statement set it */
		if (!(s->before & mask))
			return &s->st;
	}
	return NULL;
}

/* ---- set-up ---------------------------------------------------------------------------- */

void oracle_trace_init(void)
{
	struct sigaction sa = { 0 };
	void *warm[2];

	backtrace(warm, 2);	/* loads libgcc_s now, not first inside a signal handler */
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigaction(SIGSEGV, &sa, NULL);
	sa.sa_sigaction = on_trap;
	sigaction(SIGTRAP, &sa, NULL);
	dmc_set_event_hook(on_event, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);
}

void oracle_trace_done(const char *model)
{
	printf("D %s ok\n", model);
	fflush(stdout);
}

void oracle_vlog(const char *prefix, const char *fmt, va_list ap)
{
	fprintf(stderr, "kernel: %s", prefix);
	vfprintf(stderr, fmt, ap);
}

void oracle_trace_model(const char *model)
{
	model_name = model;
	printf("M %s\n", model);
}
