/* SPDX-License-Identifier: GPL-2.0-only */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/usb/rtl8150.c set_ethernet_addr(), rtl8150_reset(): helpers as before commit 'rtl8150: Use heap buffers for all register access', and the 6.1 helpers (usb_control_msg_recv/send) */
/* what: stack buffers passed to a same-file helper that hands them to usb_control_msg() warn at the caller; the same callers with the 6.1 copying helpers stay silent */
#include <linux/usb.h>
#include <dmacheck-case.h>

#define RTL8150_REQT_READ	0xc0
#define RTL8150_REQT_WRITE	0x40
#define RTL8150_REQ_GET_REGS	0x05
#define RTL8150_REQ_SET_REGS	0x05
#define IDR			0x0120
#define CR			0x012e
#define ETH_ALEN		6
#define HZ			250

struct rtl8150 {
	unsigned long flags;
	struct usb_device *udev;
	u8 dev_addr[ETH_ALEN];
};
typedef struct rtl8150 rtl8150_t;

/* the helpers before the fix */
static int old_get_registers(rtl8150_t * dev, u16 indx, u16 size, void *data)
{
	return usb_control_msg(dev->udev, usb_rcvctrlpipe(dev->udev, 0),
			       RTL8150_REQ_GET_REGS, RTL8150_REQT_READ,
			       indx, 0, data, size, 500); /* { dg-bogus "dmacheck" } */
}

static int old_set_registers(rtl8150_t * dev, u16 indx, u16 size, void *data)
{
	return usb_control_msg(dev->udev, usb_sndctrlpipe(dev->udev, 0),
			       RTL8150_REQ_SET_REGS, RTL8150_REQT_WRITE,
			       indx, 0, data, size, 500); /* { dg-bogus "dmacheck" } */
}

void old_set_ethernet_addr(rtl8150_t *dev)
{
	u8 node_id[ETH_ALEN];
	int ret;

	ret = old_get_registers(dev, IDR, sizeof(node_id), node_id); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (!ret)
		memcpy(dev->dev_addr, node_id, ETH_ALEN);
}

int old_rtl8150_reset(rtl8150_t * dev)
{
	u8 data = 0x10;
	int i = HZ;

	old_set_registers(dev, CR, 1, &data); /* { dg-warning "dmacheck-dma-on-stack" } */
	do {
		old_get_registers(dev, CR, 1, &data); /* { dg-warning "dmacheck-dma-on-stack" } */
	} while ((data & 0x10) && --i);

	return (i > 0) ? 1 : 0;
}

/* 6.1 */
static int get_registers(rtl8150_t * dev, u16 indx, u16 size, void *data)
{
	return usb_control_msg_recv(dev->udev, 0, RTL8150_REQ_GET_REGS,
				    RTL8150_REQT_READ, indx, 0, data, size,
				    1000, GFP_NOIO); /* { dg-bogus "dmacheck" } */
}

static int set_registers(rtl8150_t * dev, u16 indx, u16 size, const void *data)
{
	return usb_control_msg_send(dev->udev, 0, RTL8150_REQ_SET_REGS,
				    RTL8150_REQT_WRITE, indx, 0, data, size,
				    1000, GFP_NOIO); /* { dg-bogus "dmacheck" } */
}

void set_ethernet_addr(rtl8150_t *dev)
{
	u8 node_id[ETH_ALEN];
	int ret;

	ret = get_registers(dev, IDR, sizeof(node_id), node_id); /* { dg-bogus "dmacheck" } */
	if (!ret)
		memcpy(dev->dev_addr, node_id, ETH_ALEN);
}

int rtl8150_reset(rtl8150_t * dev)
{
	u8 data = 0x10;
	int i = HZ;

	set_registers(dev, CR, 1, &data); /* { dg-bogus "dmacheck" } */
	do {
		get_registers(dev, CR, 1, &data); /* { dg-bogus "dmacheck" } */
	} while ((data & 0x10) && --i);

	return (i > 0) ? 1 : 0;
}

/* oracle: probe's MAC address read and a reset, with the old helpers and the 6.1 ones */
void case_run(struct case_env *env)
{
	rtl8150_t *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	dev->udev = env->udev;
	old_set_ethernet_addr(dev);
	old_rtl8150_reset(dev);
	set_ethernet_addr(dev);
	rtl8150_reset(dev);
	kfree(dev);
}
