/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic */
/* what: stack memory reached through casts, pointer arithmetic, &a[i], &scalar and members of local structs and unions warns */
#include <linux/usb.h>
#include <dmacheck-case.h>

#define VENDOR_READ	(USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define VENDOR_WRITE	(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)

struct reg_msg {
	u8 hdr[2];
	__le16 value;
	u8 payload[8];
};

union reg_word {
	__le32 word;
	u8 bytes[4];
};

int read_reg16(struct usb_device *udev, u16 reg, u16 *val)
{
	__le16 v = 0;
	int ret;

	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 0x01, VENDOR_READ,
			      0, reg, (void *)&v, sizeof(v), 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
	*val = le16_to_cpu(v);
	return ret;
}

int read_reg_tail(struct usb_device *udev, u16 reg)
{
	u8 buf[16] = { 0 };

	return usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 0x02, VENDOR_READ,
			       0, reg, buf + 4, 8, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int write_reg_at(struct usb_device *udev, u16 reg, int i)
{
	u8 buf[16] = { 0 };

	buf[i & 15] = 0xff;
	return usb_control_msg(udev, usb_sndctrlpipe(udev, 0), 0x03, VENDOR_WRITE,
			       0, reg, &buf[i & 7], 4, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int write_reg8(struct usb_device *udev, u16 reg, u8 value)
{
	u8 v = value;

	return usb_control_msg(udev, usb_sndctrlpipe(udev, 0), 0x04, VENDOR_WRITE,
			       0, reg, &v, 1, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int send_reg_msg(struct usb_device *udev, u16 value)
{
	struct reg_msg msg = { .hdr = { 0xaa, 0x55 } };
	int actual;

	msg.value = cpu_to_le16(value);
	return usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), msg.payload,
			    sizeof(msg.payload), &actual, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int send_whole_msg(struct usb_device *udev, u16 value)
{
	struct reg_msg msg = { .hdr = { 0xaa, 0x55 } };
	int actual;

	msg.value = cpu_to_le16(value);
	return usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), &msg,
			    sizeof(msg), &actual, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int read_word_union(struct usb_device *udev, u16 reg, u32 *out)
{
	union reg_word w = { .word = 0 };
	int ret;

	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 0x05, VENDOR_READ,
			      0, reg, w.bytes, sizeof(w.bytes), 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
	*out = le32_to_cpu(w.word);
	return ret;
}

int read_reg_member_addr(struct usb_device *udev, u16 reg, u16 *val)
{
	struct reg_msg msg = { .value = 0 };
	int ret;

	ret = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0), 0x06, VENDOR_READ,
			      0, reg, (u8 *)&msg.value + 0, sizeof(msg.value), 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
	*val = le16_to_cpu(msg.value);
	return ret;
}

/* oracle: every accessor once */
void case_run(struct case_env *env)
{
	u16 *val = kzalloc(sizeof(*val), GFP_KERNEL);
	u32 *word = kzalloc(sizeof(*word), GFP_KERNEL);

	read_reg16(env->udev, 0x10, val);
	read_reg_tail(env->udev, 0x11);
	write_reg_at(env->udev, 0x12, 3);
	write_reg8(env->udev, 0x13, 0x5a);
	send_reg_msg(env->udev, 0x1234);
	send_whole_msg(env->udev, 0x1234);
	read_word_union(env->udev, 0x14, word);
	read_reg_member_addr(env->udev, 0x15, val);
	kfree(word);
	kfree(val);
}
