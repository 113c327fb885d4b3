/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/asm/byteorder.h - mirrors 6.1's x86 <asm/byteorder.h>, i.e.
 * include/linux/byteorder/little_endian.h and generic.h: cpu_to_le16() and friends.
 * Left out: the swab.h machinery (the builtins are used directly), *_p and *s variants.
 */
#ifndef _ASM_BYTEORDER_H
#define _ASM_BYTEORDER_H

#include <linux/types.h>

#define __LITTLE_ENDIAN 1234
#define __cpu_to_le16(x) ((__force __le16)(__u16)(x))
#define __le16_to_cpu(x) ((__force __u16)(__le16)(x))
#define __cpu_to_le32(x) ((__force __le32)(__u32)(x))
#define __le32_to_cpu(x) ((__force __u32)(__le32)(x))
#define __cpu_to_be16(x) ((__force __be16)__builtin_bswap16((__u16)(x)))
#define __be16_to_cpu(x) __builtin_bswap16((__force __u16)(__be16)(x))
#define __cpu_to_be32(x) ((__force __be32)__builtin_bswap32((__u32)(x)))
#define __be32_to_cpu(x) __builtin_bswap32((__force __u32)(__be32)(x))

#define cpu_to_le16 __cpu_to_le16
#define le16_to_cpu __le16_to_cpu
#define cpu_to_le32 __cpu_to_le32
#define le32_to_cpu __le32_to_cpu
#define cpu_to_be16 __cpu_to_be16
#define be16_to_cpu __be16_to_cpu
#define cpu_to_be32 __cpu_to_be32
#define be32_to_cpu __be32_to_cpu

#endif /* _ASM_BYTEORDER_H */
