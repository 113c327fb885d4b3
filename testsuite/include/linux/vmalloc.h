/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/vmalloc.h - mirrors 6.1's include/linux/vmalloc.h: vmalloc(),
 * vzalloc(), vmalloc_user(), vfree() prototypes.
 * Left out: vmap/vm_struct, the _node variants.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>

extern void *vmalloc(unsigned long size) __alloc_size(1);
extern void *vzalloc(unsigned long size) __alloc_size(1);
extern void *vmalloc_user(unsigned long size) __alloc_size(1);
extern void vfree(const void *addr);

#endif /* _LINUX_VMALLOC_H */
