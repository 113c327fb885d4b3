/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/compiler.h - mirrors 6.1's include/linux/compiler_attributes.h,
 * compiler_types.h and compiler.h: the attribute macros drivers use (__always_inline,
 * __must_check, __alloc_size, __printf, __packed, likely/unlikely, __same_type,
 * __must_be_array, BUILD_BUG_ON_ZERO, static_assert).
 * Left out: sparse annotations beyond empty __force/__bitwise/__user/__iomem, instrumentation
 * (KASAN/KCSAN), READ_ONCE/WRITE_ONCE, every compiler-version #if.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define __force
#define __bitwise
#define __user
#define __iomem
#define __must_check		__attribute__((__warn_unused_result__))
#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __malloc		__attribute__((__malloc__))
#define __alloc_size(x, ...)	__attribute__((__alloc_size__(x, ## __VA_ARGS__))) __malloc
#define __realloc_size(x, ...)	__attribute__((__alloc_size__(x, ## __VA_ARGS__)))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __cold			__attribute__((__cold__))
#define __noreturn		__attribute__((__noreturn__))
#define __assume_kmalloc_alignment	__attribute__((__assume_aligned__(8)))
#define __assume_page_alignment		__attribute__((__assume_aligned__(4096)))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define barrier()	__asm__ __volatile__("" : : : "memory")

#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))
#define __must_be_array(a)	BUILD_BUG_ON_ZERO(__same_type((a), &(a)[0]))
#define BUILD_BUG_ON(condition) ((void)sizeof(char[1 - 2 * !!(condition)]))
#define static_assert(expr, ...) __static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...) _Static_assert(expr, msg)

#endif /* _LINUX_COMPILER_H */
