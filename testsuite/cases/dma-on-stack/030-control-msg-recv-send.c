/* SPDX-License-Identifier: GPL-2.0-only */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/ieee802154/atusb.c atusb_write_subreg(), atusb_read_subreg() and drivers/net/can/usb/gs_usb.c gs_cmd_reset(), gs_usb_get_timestamp() (6.1) */
/* what: usb_control_msg_recv()/_send() copy through a kmalloc()ed bounce buffer (ROLE_COPIED), so locals are fine */
#include <linux/usb.h>
#include <dmacheck-case.h>

#define ATUSB_REG_WRITE		0x03
#define ATUSB_REG_READ		0x04
#define ATUSB_REQ_TO_DEV	(USB_TYPE_VENDOR | USB_DIR_OUT)
#define ATUSB_REQ_FROM_DEV	(USB_TYPE_VENDOR | USB_DIR_IN)
#define GS_USB_BREQ_MODE	2
#define GS_USB_BREQ_TIMESTAMP	16
#define GS_CAN_MODE_RESET	0

struct gs_device_mode {
	__le32 mode;
	__le32 flags;
} __packed;

int atusb_write_subreg(struct usb_device *usb_dev, u8 reg, u8 mask,
		       u8 shift, u8 value)
{
	u8 orig, tmp;
	int ret = 0;

	ret = usb_control_msg_recv(usb_dev, 0, ATUSB_REG_READ, ATUSB_REQ_FROM_DEV,
				   0, reg, &orig, 1, 1000, GFP_KERNEL); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;

	/* Write the value only into that part of the register which is allowed
	 * by the mask. All other bits stay as before.
	 */
	tmp = orig & ~mask;
	tmp |= (value << shift) & mask;

	if (tmp != orig)
		ret = usb_control_msg_send(usb_dev, 0, ATUSB_REG_WRITE, ATUSB_REQ_TO_DEV,
					   tmp, reg, NULL, 0, 1000, GFP_KERNEL); /* { dg-bogus "dmacheck" } */

	return ret;
}

int atusb_read_subreg(struct usb_device *usb_dev,
		      unsigned int addr, unsigned int mask,
		      unsigned int shift)
{
	int reg, ret;

	reg = 0;
	ret = usb_control_msg_recv(usb_dev, 0, ATUSB_REG_READ, ATUSB_REQ_FROM_DEV,
				   0, addr, &reg, 1, 1000, GFP_KERNEL); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;

	reg = (reg & mask) >> shift;

	return reg;
}

int gs_cmd_reset(struct usb_interface *iface, int channel)
{
	struct gs_device_mode dm = {
		.mode = GS_CAN_MODE_RESET,
	};

	return usb_control_msg_send(interface_to_usbdev(iface), 0,
				    GS_USB_BREQ_MODE,
				    USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_INTERFACE,
				    channel, 0, &dm, sizeof(dm), 1000,
				    GFP_KERNEL); /* { dg-bogus "dmacheck" } */
}

int gs_usb_get_timestamp(struct usb_device *udev, u32 *timestamp_p)
{
	__le32 timestamp;
	int rc;

	rc = usb_control_msg_recv(udev, 0, GS_USB_BREQ_TIMESTAMP,
				  USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_INTERFACE,
				  0, 0,
				  &timestamp, sizeof(timestamp),
				  USB_CTRL_GET_TIMEOUT,
				  GFP_KERNEL); /* { dg-bogus "dmacheck" } */
	if (rc)
		return rc;

	*timestamp_p = le32_to_cpu(timestamp);

	return 0;
}

/* oracle: atusb writes a register bit (the device answers 0xa5, so the write happens) and reads
 * one back, gs_usb resets channel 0 and reads the timestamp into a kmalloc()ed word */
void case_run(struct case_env *env)
{
	u32 *timestamp = kmalloc(sizeof(*timestamp), GFP_KERNEL);

	atusb_write_subreg(env->udev, 0x08, 0x01, 0, 0);
	atusb_read_subreg(env->udev, 0x08, 0x01, 0);
	gs_cmd_reset(env->intf, 0);
	gs_usb_get_timestamp(env->udev, timestamp);
	kfree(timestamp);
}
