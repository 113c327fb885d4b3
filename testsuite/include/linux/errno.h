/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/errno.h - mirrors 6.1's include/uapi/asm-generic/errno-base.h and
 * errno.h: the error numbers USB drivers return (same values).
 * Left out: every code the cases do not use.
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#define EPERM		 1
#define ENOENT		 2
#define EIO		 5
#define ENXIO		 6
#define E2BIG		 7
#define EAGAIN		11
#define ENOMEM		12
#define EFAULT		14
#define EBUSY		16
#define ENODEV		19
#define EINVAL		22
#define ENOSPC		28
#define EPIPE		32
#define ERANGE		34
#define ENODATA		61
#define EPROTO		71
#define EOVERFLOW	75
#define EOPNOTSUPP	95
#define ETIMEDOUT	110
#define ENOSYS		38
#define EINPROGRESS	115
#define EREMOTEIO	121

#endif /* _LINUX_ERRNO_H */
