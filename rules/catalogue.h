/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rules/catalogue.h - rules.def and dma-apis.def as C types and lookups, shared by the static
 * engines that are written in C: the GCC plugin (compiled as C++) and the sparse checker.
 * The tables themselves are built once, in rules/catalogue.c, with X-macros over the .def
 * files; no engine holds a copy of a function list.
 * Limits: plain C that also compiles as C++ (no designated initialisers, explicit casts).
 */
#ifndef DMACHECK_CATALOGUE_H
#define DMACHECK_CATALOGUE_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

enum dmacheck_rule {
#define RULE(id, slug, sev, msg) RULE_##id,
#include "rules.def"
#undef RULE
	RULE_COUNT
};

enum dma_dir { DIR_TO_DEVICE, DIR_FROM_DEVICE, DIR_BIDIRECTIONAL, DIR_UNKNOWN, DIR_FROM_PIPE,
	       DIR_FROM_ARG };
enum dma_role { ROLE_DMA_BUF, ROLE_SETUP_PKT, ROLE_COPIED, ROLE_MASK_DEV, ROLE_HANDLE_OUT,
		ROLE_URB, ROLE_URB_SUBMIT, ROLE_URB_FREE, ROLE_MAP_HANDLE, ROLE_MAP_TEST,
		ROLE_UNMAP_HANDLE, ROLE_SG_MAP, ROLE_SG_UNMAP,
		ROLE_SYNC_HANDLE, ROLE_LIST_MAP, ROLE_LIST_UNMAP, ROLE_LIST_SYNC,
		ROLE_COHERENT_ALLOC, ROLE_FREE_CPU, ROLE_FREE_HANDLE, ROLE_MAP_ERRNO };
enum dma_mem { MEM_NONCOHERENT, MEM_COHERENT };
enum dma_usbdev_how { USBDEV_ADDR, USBDEV_LOAD };
enum dma_vmem_how { VMEM_ALWAYS, VMEM_LARGE };

struct dma_api {
	const char *name;
	unsigned int arg, len_arg;	/* 1-based, 0: none */
	enum dma_dir dir;
	unsigned int dir_arg;
	enum dma_role role;
};

struct dma_field {
	const char *record, *field;
	enum dma_role role;
};

struct dma_usbdev {
	const char *record, *path;	/* "usb_interface", "dev.parent" */
	enum dma_usbdev_how how;
};

const char *rule_slug(enum dmacheck_rule rule);
const char *rule_message(enum dmacheck_rule rule);
/* RULE_COUNT if unknown */
enum dmacheck_rule rule_by_slug(const char *slug);
/* The name dma-apis.def knows a call by: `canonical` for a DMA_RENAMED(name, canonical, since)
 * row of dma-apis-versions.def (kmalloc_noprof is 6.12's kmalloc), else `name` itself. Every
 * lookup below by function name goes through it. */
const char *dma_canonical_name(const char *name);
/* Rows of dma-apis.def for the function named `name`: *n of them, NULL if none. */
const struct dma_api *dma_api_rows(const char *name, unsigned int *n);
/* Row for a stored-to member (record "urb", field "transfer_buffer"), NULL if none. */
const struct dma_field *dma_field_row(const char *record, const char *field);
/* DMA_ALLOC: true and *mem set if `name` is a known allocator. */
bool dma_alloc_kind(const char *name, enum dma_mem *mem);
/* DMA_FLAG: the flag's value, 0 if unknown. */
unsigned long long dma_flag_value(const char *name);

/* DMA_PASSTHROUGH: the 1-based argument whose memory the result names, 0 if none. */
unsigned int dma_passthrough_arg(const char *name);
/* DMA_USBDEV: every row (*n of them). */
const struct dma_usbdev *dma_usbdev_rows(unsigned int *n);

/* Issue 17 (dma-map-vmalloc, urb-control-dir-mismatch). */
struct dma_vmem {
	const char *name;
	unsigned int size_arg, count_arg;	/* 1-based, 0: none */
	enum dma_vmem_how how;
};

struct dma_ctrl {
	const char *name;
	unsigned int pipe_arg, reqtype_arg, wlength_arg, setup_arg;	/* 1-based, 0: none */
};

/* DMA_VMEM: the row of an allocator of vmalloc memory, NULL if none. */
const struct dma_vmem *dma_vmem_row(const char *name);
/* DMA_VMEM_FIELD: does record.field hold vmalloc memory? */
bool dma_vmem_field(const char *record, const char *field);
/* DMA_CTRL: the row of a control transfer, NULL if none. */
const struct dma_ctrl *dma_ctrl_row(const char *name);
/* DMA_PIPE: does the function build a pipe without a direction bit? */
bool dma_pipe_builder(const char *name);

#ifdef __cplusplus
}
#endif

#endif
