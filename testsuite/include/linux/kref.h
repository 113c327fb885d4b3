/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/kref.h - mirrors 6.1's include/linux/kref.h and refcount.h: the
 * struct kref / refcount_t layout.
 * Left out: kref_get/put and the refcount saturation logic.
 */
#ifndef _KREF_H_
#define _KREF_H_

#include <linux/types.h>

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

struct kref {
	refcount_t refcount;
};

#endif /* _KREF_H_ */
