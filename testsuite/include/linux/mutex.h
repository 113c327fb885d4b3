/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/mutex.h - mirrors 6.1's include/linux/mutex.h: struct mutex and
 * the lock/unlock prototypes (mutex_lock_interruptible is a macro over the _nested form
 * only with lockdep; extern here as without it).
 * Left out: the lock's real members, lockdep, mutex_init's static key.
 */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#include <linux/types.h>

struct mutex {
	atomic_t		owner;
};

extern void mutex_init(struct mutex *lock);
extern void mutex_lock(struct mutex *lock);
extern int __must_check mutex_lock_interruptible(struct mutex *lock);
extern void mutex_unlock(struct mutex *lock);

#endif /* __LINUX_MUTEX_H */
