/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rules/dma-apis-rows.h - dma-apis.def with every row macro the includer did not define
 * expanding to nothing, then all of them undefined again: a table of one row kind is
 *
 *	#define DMA_FLAG(name, value) { #name, value },
 *	#include "dma-apis-rows.h"
 *
 * No include guard: included once per table (rules/catalogue.c).
 */
#ifndef DMA_API
#define DMA_API(fn, arg, len, dir, dir_arg, role)
#endif
#ifndef DMA_FIELD
#define DMA_FIELD(rec, field, role)
#endif
#ifndef DMA_ALLOC
#define DMA_ALLOC(fn, mem)
#endif
#ifndef DMA_FLAG
#define DMA_FLAG(name, value)
#endif
#ifndef DMA_USBDEV
#define DMA_USBDEV(rec, path, how)
#endif
#ifndef DMA_PASSTHROUGH
#define DMA_PASSTHROUGH(fn, arg)
#endif
#ifndef DMA_VMEM
#define DMA_VMEM(fn, size_arg, count_arg, how)
#endif
#ifndef DMA_VMEM_FIELD
#define DMA_VMEM_FIELD(rec, field)
#endif
#ifndef DMA_CTRL
#define DMA_CTRL(fn, pipe_arg, reqtype_arg, wlength_arg, setup_arg)
#endif
#ifndef DMA_PIPE
#define DMA_PIPE(fn)
#endif
#include "dma-apis.def"
#undef DMA_API
#undef DMA_FIELD
#undef DMA_ALLOC
#undef DMA_FLAG
#undef DMA_USBDEV
#undef DMA_PASSTHROUGH
#undef DMA_VMEM
#undef DMA_VMEM_FIELD
#undef DMA_CTRL
#undef DMA_PIPE
