/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a firmware-loader command packer that fills a header and returns the buffer it was given, in the style of drivers/usb/misc/emi62.c and the dvb-usb firmware loaders) */
/* what: a helper that returns its buffer parameter: the bulk write of its return value warns when the caller passed a stack array, and stays silent for a kmalloc() buffer */
/* known-to-fail: cocci the buffer is the return value of a same-file helper that returns its parameter; no return summaries */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define FW_CMD_LEN	8
#define FW_OP_BOOT	0x03

struct fwl {
	struct usb_device *udev;
	u8 seq;
};

static u8 *fwl_pack(struct fwl *f, u8 *buf, u8 op, u32 arg)
{
	buf[0] = op;
	buf[1] = f->seq++;
	buf[2] = 0;
	buf[3] = 0;
	buf[4] = arg & 0xff;
	buf[5] = (arg >> 8) & 0xff;
	buf[6] = (arg >> 16) & 0xff;
	buf[7] = (arg >> 24) & 0xff;
	return buf;
}

int fwl_boot(struct fwl *f, u32 entry)
{
	u8 cmd[FW_CMD_LEN];
	int act;

	return usb_bulk_msg(f->udev, usb_sndbulkpipe(f->udev, 0x02),
			    fwl_pack(f, cmd, FW_OP_BOOT, entry), FW_CMD_LEN, &act, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int fwl_boot_heap(struct fwl *f, u32 entry)
{
	u8 *cmd = kmalloc(FW_CMD_LEN, GFP_KERNEL);
	int act, ret;

	if (!cmd)
		return -ENOMEM;
	ret = usb_bulk_msg(f->udev, usb_sndbulkpipe(f->udev, 0x02),
			   fwl_pack(f, cmd, FW_OP_BOOT, entry), FW_CMD_LEN, &act, 1000); /* { dg-bogus "dmacheck" } */
	kfree(cmd);
	return ret;
}

/* oracle: boot both ways */
void case_run(struct case_env *env)
{
	struct fwl *f = kzalloc(sizeof(*f), GFP_KERNEL);

	f->udev = env->udev;
	fwl_boot_heap(f, 0x100000);
	fwl_boot(f, 0x100000);
	kfree(f);
}
