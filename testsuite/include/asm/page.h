/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/asm/page.h - mirrors 6.1's x86 asm/page_types.h: PAGE_SHIFT, PAGE_SIZE,
 * PAGE_MASK (4 KiB pages).
 * Left out: __pa/__va, huge pages, PHYSICAL_MASK.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

#endif /* _ASM_PAGE_H */
