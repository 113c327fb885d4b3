/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/percpu.h - DEFINE_PER_CPU() as 6.1 declares it: the .data..percpu
 * section (what GCC sees) and, under sparse, the __percpu address space (what sparse sees);
 * this_cpu_ptr()/per_cpu_ptr() as plain casts of the one copy there is.
 * Left out: RELOC_HIDE()'s empty asm and __per_cpu_offset[] (the harness has no per-cpu
 * areas: one copy, in the image), the this_cpu_*() operations.
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#ifdef __CHECKER__
#define __percpu	__attribute__((noderef, address_space(__percpu)))
#else
#define __percpu
#endif

#define DEFINE_PER_CPU(type, name) \
	__percpu __attribute__((section(".data..percpu"))) __typeof__(type) name

#define per_cpu_ptr(ptr, cpu)	((void)(cpu), (__typeof__(*(ptr)) *)(unsigned long)(ptr))
#define this_cpu_ptr(ptr)	per_cpu_ptr(ptr, 0)

#endif /* _LINUX_PERCPU_H */
