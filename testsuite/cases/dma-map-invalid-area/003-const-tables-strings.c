/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/input/touchscreen/usbtouchscreen.c nexio_init() (6.1), which memcpy()s its static init packet into a kmalloc()ed buffer, and sound/usb/quirks.c snd_usb_accessmusic_boot_quirk() (6.1), which kmemdup()s its static const sequence; the variants that send the static data itself are synthetic */
/* what: a module's const tables and string literals are module memory too: sent directly they warn; copied into kmalloc() memory, compared or handed to usb_control_msg_send() they stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <dmacheck-case.h>

#define NEXIO_TIMEOUT	5000
#define NEXIO_BUFSIZE	1024
#define VENDOR_OUT	(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)

static unsigned char nexio_init_pkt[4] = { 0x82, 0x04, 0x0a, 0x0f };
static unsigned char nexio_ack_pkt[2] = { 0xaa, 0x02 };
static const u8 seq[] = { 0x4e, 0x73, 0x52, 0x01 };

struct nexio_priv {
	struct urb *ack;
	unsigned char *ack_buf;
};

/* 6.1 */
int nexio_init(struct usb_device *dev, struct nexio_priv *priv, int output_ep)
{
	unsigned char *buf;
	int actual_len, ret;

	buf = kmalloc(NEXIO_BUFSIZE, GFP_NOIO);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, nexio_init_pkt, sizeof(nexio_init_pkt));
	ret = usb_bulk_msg(dev, usb_sndbulkpipe(dev, output_ep), buf, sizeof(nexio_init_pkt),
			   &actual_len, NEXIO_TIMEOUT); /* { dg-bogus "dmacheck" } */
	usb_fill_bulk_urb(priv->ack, dev, usb_sndbulkpipe(dev, output_ep), priv->ack_buf,
			  sizeof(nexio_ack_pkt), NULL, NULL); /* { dg-bogus "dmacheck" } */
	kfree(buf);
	return ret;
}

/* synthetic: the packet itself */
int nexio_init_direct(struct usb_device *dev, int output_ep)
{
	int actual_len;

	return usb_bulk_msg(dev, usb_sndbulkpipe(dev, output_ep), nexio_init_pkt,
			    sizeof(nexio_init_pkt), &actual_len, NEXIO_TIMEOUT); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

static void nexio_ack_complete(struct urb *urb)
{
}

int nexio_ack_direct(struct usb_device *dev, struct nexio_priv *priv, int output_ep)
{
	usb_fill_bulk_urb(priv->ack, dev, usb_sndbulkpipe(dev, output_ep), nexio_ack_pkt,
			  sizeof(nexio_ack_pkt), nexio_ack_complete, NULL); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
	return usb_submit_urb(priv->ack, GFP_KERNEL);
}

/* 6.1 */
int snd_usb_accessmusic_boot_quirk(struct usb_device *dev)
{
	int err, actual_length;
	void *buf;

	buf = kmemdup(seq, ARRAY_SIZE(seq), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	err = usb_interrupt_msg(dev, usb_sndintpipe(dev, 0x05), buf, ARRAY_SIZE(seq),
				&actual_length, 1000); /* { dg-bogus "dmacheck" } */
	kfree(buf);
	return err < 0 ? err : 0;
}

/* synthetic: the const sequence itself, cast to void * as the prototype wants */
int accessmusic_boot_direct(struct usb_device *dev)
{
	int actual_length;

	return usb_interrupt_msg(dev, usb_sndintpipe(dev, 0x05), (void *)seq, ARRAY_SIZE(seq),
				 &actual_length, 1000); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

/* synthetic: an ASCII command from a string literal */
int modem_reset(struct usb_device *dev)
{
	int actual;

	return usb_bulk_msg(dev, usb_sndbulkpipe(dev, 2), (void *)"ATZ\r", 4, &actual,
			    1000); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

int modem_hello(struct usb_device *dev)
{
	return usb_control_msg(dev, usb_sndctrlpipe(dev, 0), 0x01, VENDOR_OUT, 0, 0,
			       (void *)"HELLO", 5, 1000); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

/* the string and the table read by the CPU, or copied by the USB core */
int modem_check(struct usb_device *dev, const u8 *reply)
{
	if (!memcmp(reply, seq, sizeof(seq))) /* { dg-bogus "dmacheck" } */
		return 1;
	if (!memcmp(reply, "ATZ\r", 4)) /* { dg-bogus "dmacheck" } */
		return -EINVAL;
	return usb_control_msg_send(dev, 0, 0x01, VENDOR_OUT, 0, 0, "HELLO", 5, 1000,
				    GFP_KERNEL); /* { dg-bogus "dmacheck" } */
}

/* oracle: each sender once (bulk OUT 0x02, interrupt OUT 0x05 added by its pipe) */
void case_run(struct case_env *env)
{
	struct nexio_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	u8 *reply = kzalloc(8, GFP_KERNEL);

	priv->ack = usb_alloc_urb(0, GFP_KERNEL);
	priv->ack_buf = kmemdup(nexio_ack_pkt, sizeof(nexio_ack_pkt), GFP_KERNEL);
	nexio_init(env->udev, priv, 2);
	nexio_init_direct(env->udev, 2);
	nexio_ack_direct(env->udev, priv, 2);
	usb_kill_urb(priv->ack);
	snd_usb_accessmusic_boot_quirk(env->udev);
	accessmusic_boot_direct(env->udev);
	modem_reset(env->udev);
	modem_hello(env->udev);
	modem_check(env->udev, reply);
}
