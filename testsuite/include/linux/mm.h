/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/mm.h - mirrors the parts of 6.1's include/linux/mm.h (and x86's
 * asm/page.h) that scatterlists and dma_map_single() use: struct page, PAGE_SIZE,
 * offset_in_page(), virt_to_page(), is_vmalloc_addr(), page_address().
 * Left out: virt_to_page() is an arch macro (pfn_to_page(__pa(kaddr) >> PAGE_SHIFT)) and
 * is_vmalloc_addr() a static inline comparing with VMALLOC_START/END in 6.1; here both are
 * extern functions so that a user-space model can implement them.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <asm/page.h>

struct page;

#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

extern struct page *virt_to_page(const void *kaddr);
extern void *page_address(const struct page *page);
extern bool is_vmalloc_addr(const void *x);

#endif /* _LINUX_MM_H */
