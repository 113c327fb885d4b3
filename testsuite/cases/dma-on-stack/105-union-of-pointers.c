/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a command block whose payload pointer is a union of typed pointers, as drivers/usb/misc/ and vendor HID/USB bridge drivers write byte and word payloads through one field) */
/* what: a union of pointers: the stack address stored through one member (words) and sent through another (raw) warns at the caller; a heap address through the byte member stays silent */
/* known-to-fail: cocci the stack address is stored through one union member (cmd.p.words) and read through another (cmd->p.raw) in a callee; not followed */
#include <linux/usb.h>
#include <linux/slab.h>
#include <asm/byteorder.h>
#include <dmacheck-case.h>

#define BR_OUT		(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_INTERFACE)
#define BR_WRITE	0x21

struct br_cmd {
	u16 reg;
	u16 len;
	union {
		u8 *bytes;
		__le16 *words;
		void *raw;
	} p;
};

struct br_dev {
	struct usb_device *udev;
	u8 *scratch;
};

static int br_submit(struct br_dev *br, const struct br_cmd *cmd)
{
	return usb_control_msg(br->udev, usb_sndctrlpipe(br->udev, 0), BR_WRITE, BR_OUT,
			       cmd->reg, 0, cmd->p.raw, cmd->len, 1000); /* { dg-bogus "dmacheck" } */
}

int br_write_words(struct br_dev *br, u16 reg, u16 a, u16 b)
{
	__le16 w[2];
	struct br_cmd cmd;

	w[0] = cpu_to_le16(a);
	w[1] = cpu_to_le16(b);
	cmd.reg = reg;
	cmd.len = sizeof(w);
	cmd.p.words = w;
	return br_submit(br, &cmd); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int br_write_byte(struct br_dev *br, u16 reg, u8 v)
{
	struct br_cmd cmd;

	br->scratch[0] = v;
	cmd.reg = reg;
	cmd.len = 1;
	cmd.p.bytes = br->scratch;
	return br_submit(br, &cmd); /* { dg-bogus "dmacheck" } */
}

/* oracle: configure the bridge: one byte register, then a word pair */
void case_run(struct case_env *env)
{
	struct br_dev *br = kzalloc(sizeof(*br), GFP_KERNEL);

	br->udev = env->udev;
	br->scratch = kzalloc(16, GFP_KERNEL);
	br_write_byte(br, 0x10, 1);
	br_write_words(br, 0x20, 0x1234, 0x5678);
	kfree(br->scratch);
	kfree(br);
}
