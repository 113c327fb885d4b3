/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (an init table of register/value pairs written one element at a time, as drivers/media/usb/gspca subdrivers and drivers/net/usb/sr9800.c write theirs; here the table is a local array of structs) */
/* what: &regs[i] of a local array of structs handed to a same-file writer warns at that call; the same writer over a kmalloc()ed table stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define SR_OUT		(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define SR_WRITE_PAIR	0x0d

struct reg_pair {
	u8 reg;
	u8 val;
};

struct sr_dev {
	struct usb_device *udev;
	struct reg_pair *init_tbl;
	int init_len;
};

static int sr_write_pair(struct sr_dev *sr, struct reg_pair *p)
{
	return usb_control_msg(sr->udev, usb_sndctrlpipe(sr->udev, 0), SR_WRITE_PAIR, SR_OUT,
			       0, 0, p, sizeof(*p), 1000); /* { dg-bogus "dmacheck" } */
}

int sr_set_rx_mode(struct sr_dev *sr, u8 mode, u8 thresh)
{
	struct reg_pair regs[2];
	int i, ret = 0;

	regs[0].reg = 0x10;
	regs[0].val = mode;
	regs[1].reg = 0x11;
	regs[1].val = thresh;
	for (i = 0; i < 2 && ret >= 0; i++)
		ret = sr_write_pair(sr, &regs[i]); /* { dg-warning "dmacheck-dma-on-stack" } */
	return ret;
}

int sr_load_init_table(struct sr_dev *sr)
{
	int i, ret = 0;

	for (i = 0; i < sr->init_len && ret >= 0; i++)
		ret = sr_write_pair(sr, &sr->init_tbl[i]); /* { dg-bogus "dmacheck" } */
	return ret;
}

/* oracle: load the init table, then set the rx mode */
void case_run(struct case_env *env)
{
	struct sr_dev *sr = kzalloc(sizeof(*sr), GFP_KERNEL);

	sr->udev = env->udev;
	sr->init_len = 3;
	sr->init_tbl = kcalloc(3, sizeof(struct reg_pair), GFP_KERNEL);
	sr_load_init_table(sr);
	sr_set_rx_mode(sr, 1, 4);
	kfree(sr->init_tbl);
	kfree(sr);
}
