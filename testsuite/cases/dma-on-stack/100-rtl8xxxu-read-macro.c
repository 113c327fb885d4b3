/* SPDX-License-Identifier: GPL-2.0-only */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/net/wireless/realtek/rtl8xxxu/rtl8xxxu_core.c (6.1) rtl8xxxu_read8()/rtl8xxxu_read16(), the request written as a kernel-style wrapper macro; the stack variant is a synthetic bug (6.1 reads into priv->usb_buf) */
/* what: a driver macro with parenthesised parameters around usb_control_msg(): a stack buffer passed through it warns on the line that uses the macro; the heap union the real driver uses stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <asm/byteorder.h>
#include <dmacheck-case.h>

#define REALTEK_USB_READ		0xc0
#define REALTEK_USB_CMD_REQ		0x05
#define RTW_USB_CONTROL_MSG_TIMEOUT	500

#define rtl_usb_read(priv, addr, buf, len)				\
	usb_control_msg((priv)->udev, usb_rcvctrlpipe((priv)->udev, 0),	\
			REALTEK_USB_CMD_REQ, REALTEK_USB_READ, (addr), 0,	\
			(buf), (len), RTW_USB_CONTROL_MSG_TIMEOUT)

struct rtl8xxxu_priv {
	struct usb_device *udev;
	struct mutex usb_buf_mutex;
	union {
		__le32 val32;
		__le16 val16;
		u8 val8;
	} usb_buf;
};

u8 rtl8xxxu_read8(struct rtl8xxxu_priv *priv, u16 addr)
{
	u8 data;

	mutex_lock(&priv->usb_buf_mutex);
	rtl_usb_read(priv, addr, &priv->usb_buf.val8, sizeof(u8)); /* { dg-bogus "dmacheck" } */
	data = priv->usb_buf.val8;
	mutex_unlock(&priv->usb_buf_mutex);
	return data;
}

u16 rtl8xxxu_read16(struct rtl8xxxu_priv *priv, u16 addr)
{
	__le16 val = 0;

	rtl_usb_read(priv, addr, &val, sizeof(val)); /* { dg-warning "dmacheck-dma-on-stack" } */
	return le16_to_cpu(val);
}

/* oracle: the chip-version probe reads one byte and one word register */
void case_run(struct case_env *env)
{
	struct rtl8xxxu_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	priv->udev = env->udev;
	mutex_init(&priv->usb_buf_mutex);
	rtl8xxxu_read8(priv, 0x00f0);
	rtl8xxxu_read16(priv, 0x00f4);
	kfree(priv);
}
