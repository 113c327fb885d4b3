/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after USB drivers that keep a large vmalloc()ed capture or trace buffer in their private struct and fill it from the device in a helper (drivers/media/usb/ capture ring buffers, drivers/usb/misc/ trace dumps, 6.1); reading straight into it is the bug put in */
/* known-to-fail: gcc the buffer is a member of the struct the helper is given: the plugin reports at the helper's call in probe (the outermost call), not at the transfer */
/* known-to-fail: sparse the buffer is a member of the struct the helper is given: the shared analysis reports at the helper's call in probe (the outermost call), not at the transfer */
/* what: a member that probe assigns vzalloc() memory, read into with usb_bulk_msg() at an offset by a same-file helper, warns at the transfer; a member assigned kmalloc() memory read the same way, and copied into the vmalloc buffer, stays silent */
#include <linux/usb.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <dmacheck-case.h>

#define CAP_RING	(128 * 1024)
#define CAP_PKT		512

struct cap {
	struct usb_device *udev;
	u8 *ring;
	u8 *pkt;
	size_t head;
};

static int cap_read_direct(struct cap *c)
{
	int got = 0;
	int ret;

	ret = usb_bulk_msg(c->udev, usb_rcvbulkpipe(c->udev, 0x81), c->ring + c->head, CAP_PKT, &got, 500); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	if (ret)
		return ret;
	c->head += got;
	return 0;
}

static int cap_read_bounce(struct cap *c)
{
	int got = 0;
	int ret;

	ret = usb_bulk_msg(c->udev, usb_rcvbulkpipe(c->udev, 0x81), c->pkt, CAP_PKT, &got, 500); /* { dg-bogus "dmacheck" } */
	if (ret)
		return ret;
	memcpy(c->ring + c->head, c->pkt, got);
	c->head += got;
	return 0;
}

int cap_probe(struct cap *c, struct usb_device *udev)
{
	c->udev = udev;
	c->ring = vzalloc(CAP_RING);
	c->pkt = kmalloc(CAP_PKT, GFP_KERNEL);
	if (!c->ring || !c->pkt)
		return -ENOMEM;
	cap_read_bounce(c);
	return cap_read_direct(c);
}

void cap_disconnect(struct cap *c)
{
	vfree(c->ring);
	c->ring = NULL;
	kfree(c->pkt);
}

/* oracle: probe on env->udev (bulk IN 0x81): one bounced read, one direct read */
void case_run(struct case_env *env)
{
	struct cap *c = kzalloc(sizeof(*c), GFP_KERNEL);

	cap_probe(c, env->udev);
	cap_disconnect(c);
	kfree(c);
}
