/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/io.h - mirrors the MMIO accessors of 6.1's include/asm-generic/iomap.h
 * and arch/x86/include/asm/io.h that drivers program a DMA address with: iowrite16/32()
 * (extern in lib/iomap.c), writel() (a static inline asm store on x86: extern here, so that
 * the oracle build's shim can swallow the write; the device model has no registers).
 * Left out: the read side, the _relaxed and _rep variants, ioremap().
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <linux/compiler.h>

extern void iowrite16(u16 val, void __iomem *addr);
extern void iowrite32(u32 val, void __iomem *addr);
extern void writel(unsigned int val, volatile void __iomem *addr);

#endif /* _LINUX_IO_H */
