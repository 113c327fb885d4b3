/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/string.h - mirrors 6.1's include/linux/string.h: mem* and str*
 * prototypes and kmemdup()/kstrdup() (extern there).
 * Left out: CONFIG_FORTIFY_SOURCE's wrappers (include/linux/fortify-string.h turns kmemdup
 * and memcpy into __FORTIFY_INLINE wrappers), strscpy and friends.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>

extern void *memcpy(void *, const void *, size_t);
extern void *memmove(void *, const void *, size_t);
extern void *memset(void *, int, size_t);
extern int memcmp(const void *, const void *, size_t);
extern size_t strlen(const char *);
extern int strcmp(const char *, const char *);
extern char *strncpy(char *, const char *, size_t);
extern char *kstrdup(const char *s, gfp_t gfp) __malloc;
extern void *kmemdup(const void *src, size_t len, gfp_t gfp);

#endif /* _LINUX_STRING_H */
