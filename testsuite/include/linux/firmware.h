/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/firmware.h - mirrors 6.1's include/linux/firmware.h: struct firmware,
 * request_firmware(), request_firmware_nowait(), release_firmware(). The loader's data is
 * vmalloc memory (drivers/base/firmware_loader/main.c); the oracle's shim gives it from the
 * core's vmalloc arena.
 * Left out: the _direct/_into_buf/_platform variants, firmware_request_nowarn(), struct module.
 */
#ifndef _LINUX_FIRMWARE_H
#define _LINUX_FIRMWARE_H

#include <linux/types.h>
#include <linux/gfp.h>

struct device;
struct module;

struct firmware {
	size_t size;
	const u8 *data;

	/* firmware loader private fields */
	void *priv;
};

int request_firmware(const struct firmware **fw, const char *name, struct device *device);
int request_firmware_nowait(struct module *module, bool uevent, const char *name,
			    struct device *device, gfp_t gfp, void *context,
			    void (*cont)(const struct firmware *fw, void *context));
void release_firmware(const struct firmware *fw);

#define THIS_MODULE ((struct module *)0)
#define FW_ACTION_UEVENT 1

#endif /* _LINUX_FIRMWARE_H */
