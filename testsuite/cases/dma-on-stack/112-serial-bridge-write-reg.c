/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/usb/serial/cp210x.c (6.1) cp210x_write_u32_reg()/cp210x_write_reg_block(), which kmemdup()s the caller's block; the fast path that skips the copy is a synthetic bug */
/* what: a usb-serial bridge register writer: a __le32 local through the copying block writer stays silent, through a "small values go direct" shortcut it warns at the caller */
#include <linux/usb.h>
#include <linux/slab.h>
#include <asm/byteorder.h>
#include <dmacheck-case.h>

#define REQTYPE_HOST_TO_INTERFACE	0x41
#define CP210X_SET_BAUDRATE		0x1E
#define USB_CTRL_SET_TIMEOUT		5000

struct cp210x_port {
	struct usb_device *udev;
	u8 bInterfaceNumber;
};

static int cp210x_write_reg_block(struct cp210x_port *port, u8 req, void *buf, int bufsize)
{
	void *dmabuf;
	int result;

	dmabuf = kmemdup(buf, bufsize, GFP_KERNEL);
	if (!dmabuf)
		return -ENOMEM;
	result = usb_control_msg(port->udev, usb_sndctrlpipe(port->udev, 0), req,
				 REQTYPE_HOST_TO_INTERFACE, 0, port->bInterfaceNumber,
				 dmabuf, bufsize, USB_CTRL_SET_TIMEOUT); /* { dg-bogus "dmacheck" } */
	kfree(dmabuf);
	return result < 0 ? result : 0;
}

static int cp210x_write_reg_direct(struct cp210x_port *port, u8 req, void *buf, int bufsize)
{
	int result;

	result = usb_control_msg(port->udev, usb_sndctrlpipe(port->udev, 0), req,
				 REQTYPE_HOST_TO_INTERFACE, 0, port->bInterfaceNumber,
				 buf, bufsize, USB_CTRL_SET_TIMEOUT); /* { dg-bogus "dmacheck" } */
	return result < 0 ? result : 0;
}

int cp210x_write_u32_reg(struct cp210x_port *port, u8 req, u32 val)
{
	__le32 le32_val;

	le32_val = cpu_to_le32(val);
	return cp210x_write_reg_block(port, req, &le32_val, sizeof(le32_val)); /* { dg-bogus "dmacheck" } */
}

int cp210x_write_u32_reg_fast(struct cp210x_port *port, u8 req, u32 val)
{
	__le32 le32_val;

	le32_val = cpu_to_le32(val);
	return cp210x_write_reg_direct(port, req, &le32_val, sizeof(le32_val)); /* { dg-warning "dmacheck-dma-on-stack" } */
}

/* oracle: set the baud rate both ways */
void case_run(struct case_env *env)
{
	struct cp210x_port *port = kzalloc(sizeof(*port), GFP_KERNEL);

	port->udev = env->udev;
	cp210x_write_u32_reg(port, CP210X_SET_BAUDRATE, 115200);
	cp210x_write_u32_reg_fast(port, CP210X_SET_BAUDRATE, 115200);
	kfree(port);
}
