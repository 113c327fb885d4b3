/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a register accessor that retries by calling itself with one retry fewer, the recursive form of the retry loops in drivers/net/usb/pegasus.c and drivers/media/usb/dvb-usb-v2 register helpers) */
/* what: a recursive same-file helper that hands its buffer to usb_control_msg(): its summary needs a fixpoint; a stack buffer passed to it warns at the caller, a kmalloc() buffer stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define RD_TYPE		(USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define REQ_GET_REGS	0xf0

struct rr_dev {
	struct usb_device *udev;
};

static int rr_get_regs(struct rr_dev *d, u16 reg, void *buf, u16 len, int retries)
{
	int ret;

	ret = usb_control_msg(d->udev, usb_rcvctrlpipe(d->udev, 0), REQ_GET_REGS, RD_TYPE, 0,
			      reg, buf, len, 500); /* { dg-bogus "dmacheck" } */
	if (ret >= 0 && ret < len && retries > 0)	/* short read: ask again */
		return rr_get_regs(d, reg, buf, len, retries - 1); /* { dg-bogus "dmacheck" } */
	return ret;
}

int rr_read_mac(struct rr_dev *d, u8 *mac)
{
	u8 tmp[6];
	int ret, i;

	ret = rr_get_regs(d, 0x10, tmp, sizeof(tmp), 2); /* { dg-warning "dmacheck-dma-on-stack" } */
	for (i = 0; i < 6; i++)
		mac[i] = tmp[i];
	return ret;
}

int rr_read_mac_heap(struct rr_dev *d, u8 *mac)
{
	u8 *tmp = kmalloc(6, GFP_KERNEL);
	int ret, i;

	if (!tmp)
		return -ENOMEM;
	ret = rr_get_regs(d, 0x10, tmp, 6, 2); /* { dg-bogus "dmacheck" } */
	for (i = 0; i < 6; i++)
		mac[i] = tmp[i];
	kfree(tmp);
	return ret;
}

/* the device answers the first read short (3 bytes), then in full, so the retry runs */
static size_t rr_device(unsigned int pipe, const struct usb_ctrlrequest *setup,
			void *data, size_t len, void *arg)
{
	int *calls = arg;
	u8 *p = data;
	size_t i;

	if (!usb_pipein(pipe))
		return 0;
	for (i = 0; i < len; i++)
		p[i] = 0x10 + i;
	return (*calls)++ == 0 && len > 3 ? 3 : len;
}

/* oracle: read the MAC address both ways, into a kmalloc()ed result; the first read is short */
void case_run(struct case_env *env)
{
	struct rr_dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	u8 *mac = kzalloc(6, GFP_KERNEL);
	int *calls = kzalloc(sizeof(*calls), GFP_KERNEL);

	d->udev = env->udev;
	case_device_answers(env, rr_device, calls);
	rr_read_mac_heap(d, mac);
	rr_read_mac(d, mac);
	case_device_answers(env, NULL, NULL);
	kfree(calls);
	kfree(mac);
	kfree(d);
}
