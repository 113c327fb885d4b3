/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/types.h - mirrors 6.1's include/linux/types.h and
 * include/uapi/asm-generic/int-ll64.h for x86_64: the fixed-width types, bool, size_t,
 * dma_addr_t (CONFIG_ARCH_DMA_ADDR_T_64BIT), gfp_t, atomic_t, struct list_head; plus
 * NULL/offsetof (linux/stddef.h) and kernel_ulong_t (mod_devicetable.h).
 * Left out: 32-bit variants, __kernel_* spellings, sector_t/blkcnt_t, rcu_head.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/compiler.h>

typedef signed char		__s8;
typedef unsigned char		__u8;
typedef signed short		__s16;
typedef unsigned short		__u16;
typedef signed int		__s32;
typedef unsigned int		__u32;
typedef signed long long	__s64;
typedef unsigned long long	__u64;

typedef __s8	s8;
typedef __u8	u8;
typedef __s16	s16;
typedef __u16	u16;
typedef __s32	s32;
typedef __u32	u32;
typedef __s64	s64;
typedef __u64	u64;

typedef __u16 __bitwise	__le16;
typedef __u16 __bitwise	__be16;
typedef __u32 __bitwise	__le32;
typedef __u32 __bitwise	__be32;
typedef __u64 __bitwise	__le64;
typedef __u64 __bitwise	__be64;

typedef unsigned long		size_t;
typedef long			ssize_t;
typedef long			ptrdiff_t;
typedef unsigned long		uintptr_t;
typedef long long		loff_t;
typedef unsigned long		kernel_ulong_t;
typedef unsigned char		u_char;
typedef unsigned short		u_short;
typedef unsigned int		u_int;
typedef unsigned long		u_long;
typedef unsigned int		uint;
typedef unsigned long		ulong;

typedef _Bool			bool;
enum {
	false	= 0,
	true	= 1
};

#undef NULL
#define NULL ((void *)0)
#undef offsetof
#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)

typedef u64 dma_addr_t;
typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;

typedef unsigned int __bitwise gfp_t;

typedef struct {
	int counter;
} atomic_t;

struct list_head {
	struct list_head *next, *prev;
};

#endif /* _LINUX_TYPES_H */
