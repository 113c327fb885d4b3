/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: synthetic, shaped after the asynchronous register writes of drivers/net/usb/rtl8150.c async_set_registers() (6.1), whose setup packet lives in a kmalloc()ed struct */
/* what: a struct usb_ctrlrequest on the stack as the setup packet of usb_fill_control_urb() (mapped for DMA at submit, and gone before completion) warns; the heap one does not */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define RTL8150_REQT_WRITE	0x40
#define RTL8150_REQ_SET_REGS	0x05

struct async_req {
	struct usb_ctrlrequest dr;
	u16 rx_creg;
};

static void async_set_reg_cb(struct urb *urb)
{
	kfree(urb->context);
	usb_free_urb(urb);
}

/* synthetic bug: setup packet on the stack */
int async_set_registers_stack(struct usb_device *udev, struct urb *urb,
			      u16 indx, u16 size, u16 reg, void *heapbuf)
{
	struct usb_ctrlrequest dr;

	dr.bRequestType = RTL8150_REQT_WRITE;
	dr.bRequest = RTL8150_REQ_SET_REGS;
	dr.wIndex = 0;
	dr.wValue = cpu_to_le16(indx);
	dr.wLength = cpu_to_le16(size);
	usb_fill_control_urb(urb, udev,
			     usb_sndctrlpipe(udev, 0), (void *)&dr,
			     heapbuf, size, async_set_reg_cb, NULL); /* { dg-warning "dmacheck-dma-on-stack" } */
	return usb_submit_urb(urb, GFP_ATOMIC);
}

/* synthetic bug: the transfer buffer on the stack, the setup packet on the heap */
int async_set_registers_stackbuf(struct usb_device *udev, struct urb *urb,
				 struct async_req *req, u16 indx, u16 reg)
{
	__le16 val = cpu_to_le16(reg);

	req->dr.bRequestType = RTL8150_REQT_WRITE;
	req->dr.bRequest = RTL8150_REQ_SET_REGS;
	req->dr.wIndex = 0;
	req->dr.wValue = cpu_to_le16(indx);
	req->dr.wLength = cpu_to_le16(sizeof(val));
	usb_fill_control_urb(urb, udev,
			     usb_sndctrlpipe(udev, 0), (void *)&req->dr,
			     &val, sizeof(val), async_set_reg_cb, req); /* { dg-warning "dmacheck-dma-on-stack" } */
	return usb_submit_urb(urb, GFP_ATOMIC);
}

/* 6.1 async_set_registers(): both in the kmalloc()ed async_req */
int async_set_registers(struct usb_device *udev, u16 indx, u16 size, u16 reg)
{
	int res = -ENOMEM;
	struct urb *async_urb;
	struct async_req *req;

	req = kmalloc(sizeof(struct async_req), GFP_ATOMIC);
	if (req == NULL)
		return res;
	async_urb = usb_alloc_urb(0, GFP_ATOMIC);
	if (async_urb == NULL) {
		kfree(req);
		return res;
	}
	req->rx_creg = cpu_to_le16(reg);
	req->dr.bRequestType = RTL8150_REQT_WRITE;
	req->dr.bRequest = RTL8150_REQ_SET_REGS;
	req->dr.wIndex = 0;
	req->dr.wValue = cpu_to_le16(indx);
	req->dr.wLength = cpu_to_le16(size);
	usb_fill_control_urb(async_urb, udev,
			     usb_sndctrlpipe(udev, 0), (void *)&req->dr,
			     &req->rx_creg, size, async_set_reg_cb, req); /* { dg-bogus "dmacheck" } */
	res = usb_submit_urb(async_urb, GFP_ATOMIC);
	if (res) {
		usb_free_urb(async_urb);
		kfree(req);
	}
	return res;
}

/* oracle: the three asynchronous register writes, each submitting its own URB */
void case_run(struct case_env *env)
{
	struct urb *urb1 = usb_alloc_urb(0, GFP_KERNEL);
	struct urb *urb2 = usb_alloc_urb(0, GFP_KERNEL);
	struct async_req *req = kzalloc(sizeof(*req), GFP_KERNEL);
	__le16 *val = kzalloc(sizeof(*val), GFP_KERNEL);

	*val = cpu_to_le16(0x0c);
	async_set_registers_stack(env->udev, urb1, 0x0120, sizeof(*val), 0x0c, val);
	async_set_registers_stackbuf(env->udev, urb2, req, 0x0120, 0x0c);
	async_set_registers(env->udev, 0x0120, 2, 0x0c);
}
