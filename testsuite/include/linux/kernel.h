/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/kernel.h - mirrors what 6.1's include/linux/kernel.h pulls in for
 * drivers: container_of (container_of.h), ARRAY_SIZE (array_size.h), min/max/min_t/max_t/
 * clamp (minmax.h, without __careful_cmp's constant-expression branch), DIV_ROUND_UP,
 * BIT, printk/pr_* (printk.h), BUG_ON/WARN_ON (bug.h), byte order, errno.
 * Left out: everything else (kstrto*, might_sleep, lockdep, trace_printk, ...).
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/errno.h>
#include <asm/byteorder.h>

#define container_of(ptr, type, member) ({				\
	void *__mptr = (void *)(ptr);					\
	static_assert(__same_type(*(ptr), ((type *)0)->member) ||	\
		      __same_type(*(ptr), void),			\
		      "pointer type mismatch in container_of()");	\
	((type *)(__mptr - offsetof(type, member))); })

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))

#define __cmp(x, y, op)	((x) op (y) ? (x) : (y))
#define __cmp_once(x, y, op) ({			\
		typeof(x) __x = (x);		\
		typeof(y) __y = (y);		\
		(void)(&__x == &__y);		\
		__cmp(__x, __y, op); })
#define min(x, y)	__cmp_once(x, y, <)
#define max(x, y)	__cmp_once(x, y, >)
#define min_t(type, x, y)	({ type __mx = (x); type __my = (y); __mx < __my ? __mx : __my; })
#define max_t(type, x, y)	({ type __mx = (x); type __my = (y); __mx > __my ? __mx : __my; })
#define clamp(val, lo, hi)	min((typeof(val))max(val, lo), hi)
#define clamp_val(val, lo, hi)	clamp_t(typeof(val), val, lo, hi)
#define clamp_t(type, val, lo, hi)	min_t(type, max_t(type, val, lo), hi)

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define BIT(nr)			(1UL << (nr))
#define U8_MAX			((u8)~0U)
#define U16_MAX			((u16)~0U)
#define INT_MAX			((int)(~0U >> 1))

/* include/linux/printk.h */
#define KERN_SOH	"\001"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
__printf(1, 2) __cold int _printk(const char *fmt, ...);
#define printk(fmt, ...) _printk(fmt, ##__VA_ARGS__)
#define no_printk(fmt, ...) ({ if (0) _printk(fmt, ##__VA_ARGS__); 0; })
#define pr_err(fmt, ...)	printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	no_printk(KERN_DEBUG fmt, ##__VA_ARGS__)

/* include/asm-generic/bug.h (BUG() is an arch trap) */
#define BUG()		__builtin_trap()
#define BUG_ON(c)	do { if (unlikely(c)) BUG(); } while (0)
#define WARN_ON(c)	({ int __ret_warn_on = !!(c); unlikely(__ret_warn_on); })

#endif /* _LINUX_KERNEL_H */
