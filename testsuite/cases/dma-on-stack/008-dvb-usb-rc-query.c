/* SPDX-License-Identifier: GPL-2.0-only */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/media/usb/dvb-usb/a800.c a800_rc_query() and nova-t-usb2.c nova_t_rc_query(): patterns before commits '[media] a800: don't do DMA on stack' and '[media] nova-t-usb2: don't do DMA on stack', and the 6.1 code after them */
/* what: remote-control key arrays on the stack read by usb_control_msg() and dvb_usb_generic_rw() warn; kmalloc()ed ones do not */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dvb-usb/dvb-usb.h>
#include <dmacheck-case.h>

#define DIBUSB_REQ_POLL_REMOTE		0x04
#define DIBUSB_RC_HAUPPAUGE_KEY_PRESSED	0x01

/* a800, before the fix */
int a800_rc_query_old(struct dvb_usb_device *d, u8 *code)
{
	u8 key[5];

	if (usb_control_msg(d->udev,usb_rcvctrlpipe(d->udev,0),
				0x04, USB_TYPE_VENDOR | USB_DIR_IN, 0, 0, key, 5,
				2000) != 5) /* { dg-warning "dmacheck-dma-on-stack" } */
		return -ENODEV;
	if (key[0] == 1)
		*code = key[3];
	return 0;
}

/* a800, 6.1 */
int a800_rc_query(struct dvb_usb_device *d, u8 *code)
{
	int ret = 0;
	u8 *key = kmalloc(5, GFP_KERNEL);
	if (!key)
		return -ENOMEM;

	if (usb_control_msg(d->udev,usb_rcvctrlpipe(d->udev,0),
				0x04, USB_TYPE_VENDOR | USB_DIR_IN, 0, 0, key, 5,
				2000) != 5) { /* { dg-bogus "dmacheck" } */
		ret = -ENODEV;
		goto out;
	}
	if (key[0] == 1)
		*code = key[3];
out:
	kfree(key);
	return ret;
}

/* nova-t-usb2, before the fix */
int nova_t_rc_query_old(struct dvb_usb_device *d, u32 *event)
{
	u8 key[5], cmd[2] = { DIBUSB_REQ_POLL_REMOTE, 0x35 };
	int ret;

	ret = dvb_usb_generic_rw(d, cmd, 2, key, 5, 0); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret < 0)
		return ret;
	if (key[0] == DIBUSB_RC_HAUPPAUGE_KEY_PRESSED)
		*event = ((key[1] << 8) | key[2]) >> 3;
	return 0;
}

/* nova-t-usb2, 6.1 */
int nova_t_rc_query(struct dvb_usb_device *d, u32 *event)
{
	u8 *buf;
	int ret;

	buf = kmalloc(5, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	buf[0] = DIBUSB_REQ_POLL_REMOTE;
	buf[1] = 0x35;
	ret = dvb_usb_generic_rw(d, buf, 2, buf, 5, 0); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		goto ret;
	if (buf[0] == DIBUSB_RC_HAUPPAUGE_KEY_PRESSED)
		*event = ((buf[1] << 8) | buf[2]) >> 3;
ret:
	kfree(buf);
	return ret;
}

/* oracle: the remote-control polls of a800 and nova-t-usb2, old and 6.1, on one dvb_usb_device */
void case_run(struct case_env *env)
{
	struct dvb_usb_device *d = kzalloc(sizeof(*d), GFP_KERNEL);
	u8 *code = kzalloc(1, GFP_KERNEL);
	u32 *event = kzalloc(sizeof(*event), GFP_KERNEL);

	d->udev = env->udev;
	mutex_init(&d->data_mutex);
	mutex_init(&d->usb_mutex);
	a800_rc_query_old(d, code);
	a800_rc_query(d, code);
	nova_t_rc_query_old(d, event);
	nova_t_rc_query(d, event);
	kfree(event);
	kfree(code);
	kfree(d);
}
