/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/usb/catc.c catc_probe(): pattern before commit 'catc: Use heap buffer for memory size test', and the 6.1 code after it */
/* what: &i of a local int reaches usb_control_msg() through a macro and a same-file helper */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

enum control_requests {
	ReadMem =	0xf1,
	GetMac =	0xf2,
	WriteMem =	0xfc,
};

struct catc {
	struct usb_device *usbdev;
	int rxbufs;
};

static int catc_ctrl_msg(struct catc *catc, u8 dir, u8 request, u16 value, u16 index, void *buf, int len)
{
        int retval = usb_control_msg(catc->usbdev,
		dir ? usb_rcvctrlpipe(catc->usbdev, 0) : usb_sndctrlpipe(catc->usbdev, 0),
		 request, 0x40 | dir, value, index, buf, len, 1000); /* { dg-bogus "dmacheck" } */
        return retval < 0 ? retval : 0;
}

#define catc_get_mac(catc, mac)				catc_ctrl_msg(catc, USB_DIR_IN,  GetMac, 0, 0, mac,  6)
#define catc_write_mem(catc, addr, buf, size)		catc_ctrl_msg(catc, USB_DIR_OUT, WriteMem, 0, addr, buf, size)
#define catc_read_mem(catc, addr, buf, size)		catc_ctrl_msg(catc, USB_DIR_IN,  ReadMem, 0, addr, buf, size)

/* before the fix */
int catc_memsize_old(struct catc *catc)
{
	int i;

	i = 0x12345678;
	catc_write_mem(catc, 0x7a80, &i, 4); /* { dg-warning "dmacheck-dma-on-stack" } */
	i = 0x87654321;
	catc_write_mem(catc, 0xfa80, &i, 4); /* { dg-warning "dmacheck-dma-on-stack" } */
	catc_read_mem(catc, 0x7a80, &i, 4); /* { dg-warning "dmacheck-dma-on-stack" } */

	switch (i) {
	case 0x12345678:
		catc->rxbufs = 32;
		break;
	default:
		catc->rxbufs = 16;
		break;
	}
	return 0;
}

/* 6.1 */
int catc_memsize(struct catc *catc)
{
	u32 *buf;

	buf = kmalloc(4, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	*buf = 0x12345678;
	catc_write_mem(catc, 0x7a80, buf, 4); /* { dg-bogus "dmacheck" } */
	*buf = 0x87654321;
	catc_write_mem(catc, 0xfa80, buf, 4); /* { dg-bogus "dmacheck" } */
	catc_read_mem(catc, 0x7a80, buf, 4); /* { dg-bogus "dmacheck" } */

	switch (*buf) {
	case 0x12345678:
		catc->rxbufs = 32;
		break;
	default:
		catc->rxbufs = 16;
		break;
	}
	kfree(buf);
	return 0;
}

/* 6.1 catc_probe() reads the MAC address into a kmalloc()ed macbuf */
int catc_read_mac(struct catc *catc, u8 *dev_addr)
{
	u8 *macbuf;
	int ret;

	macbuf = kmalloc(6, GFP_KERNEL);
	if (!macbuf)
		return -ENOMEM;
	ret = catc_get_mac(catc, macbuf); /* { dg-bogus "dmacheck" } */
	memcpy(dev_addr, macbuf, 6);
	kfree(macbuf);
	return ret;
}

/* oracle: catc_probe()'s memory size test, old and 6.1, and its MAC address read */
void case_run(struct case_env *env)
{
	struct catc *catc = kzalloc(sizeof(*catc), GFP_KERNEL);
	u8 *dev_addr = kzalloc(6, GFP_KERNEL);

	catc->usbdev = env->udev;
	catc_memsize_old(catc);
	catc_memsize(catc);
	catc_read_mac(catc, dev_addr);
	kfree(dev_addr);
	kfree(catc);
}
