/* SPDX-License-Identifier: GPL-2.0-only */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/net/usb/rtl8150.c async_set_registers() (6.1), whose setup packet is filled by hand in a kmalloc()ed struct; the two buggy copies are synthetic (a receive pipe for the write, a zero-length read) */
/* what: the direction of a hand-built struct usb_ctrlrequest given to usb_fill_control_urb() is compared with the pipe: bRequestType 0x40 on usb_rcvctrlpipe() and a 0xc0 request with wLength 0 on usb_rcvctrlpipe() warn at the fill; 6.1's write and a read with a data stage stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define RTL8150_REQT_READ	0xc0
#define RTL8150_REQT_WRITE	0x40
#define RTL8150_REQ_GET_REGS	0x05
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

static int submit(struct urb *async_urb, struct async_req *req)
{
	int res = usb_submit_urb(async_urb, GFP_ATOMIC);

	if (res) {
		usb_free_urb(async_urb);
		kfree(req);
	}
	return res;
}

/* 6.1 */
int async_set_registers(struct usb_device *udev, u16 indx, u16 size, u16 reg)
{
	struct urb *async_urb;
	struct async_req *req;

	req = kmalloc(sizeof(struct async_req), GFP_ATOMIC);
	if (req == NULL)
		return -ENOMEM;
	async_urb = usb_alloc_urb(0, GFP_ATOMIC);
	if (async_urb == NULL) {
		kfree(req);
		return -ENOMEM;
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
	return submit(async_urb, req);
}

/* synthetic: the write on a receive pipe (the length is the caller's: OUT whatever it is) */
int bad_async_set_registers(struct usb_device *udev, u16 indx, u16 size, u16 reg)
{
	struct urb *async_urb;
	struct async_req *req;

	req = kmalloc(sizeof(struct async_req), GFP_ATOMIC);
	if (req == NULL)
		return -ENOMEM;
	async_urb = usb_alloc_urb(0, GFP_ATOMIC);
	if (async_urb == NULL) {
		kfree(req);
		return -ENOMEM;
	}
	req->rx_creg = cpu_to_le16(reg);
	req->dr.bRequestType = RTL8150_REQT_WRITE;
	req->dr.bRequest = RTL8150_REQ_SET_REGS;
	req->dr.wIndex = 0;
	req->dr.wValue = cpu_to_le16(indx);
	req->dr.wLength = cpu_to_le16(size);
	usb_fill_control_urb(async_urb, udev,
			     usb_rcvctrlpipe(udev, 0), (void *)&req->dr,
			     &req->rx_creg, size, async_set_reg_cb, req); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	return submit(async_urb, req);
}

/* synthetic: a read without a data stage, still marked IN on a receive pipe */
int bad_async_poke(struct usb_device *udev, u16 indx)
{
	struct urb *async_urb;
	struct async_req *req;

	req = kzalloc(sizeof(struct async_req), GFP_ATOMIC);
	if (req == NULL)
		return -ENOMEM;
	async_urb = usb_alloc_urb(0, GFP_ATOMIC);
	if (async_urb == NULL) {
		kfree(req);
		return -ENOMEM;
	}
	req->dr.bRequestType = RTL8150_REQT_READ;
	req->dr.bRequest = RTL8150_REQ_GET_REGS;
	req->dr.wIndex = 0;
	req->dr.wValue = cpu_to_le16(indx);
	req->dr.wLength = 0;
	usb_fill_control_urb(async_urb, udev,
			     usb_rcvctrlpipe(udev, 0), (void *)&req->dr,
			     NULL, 0, async_set_reg_cb, req); /* { dg-warning "dmacheck-urb-control-dir-mismatch" } */
	return submit(async_urb, req);
}

/* the read with its data stage */
int async_get_registers(struct usb_device *udev, u16 indx)
{
	struct urb *async_urb;
	struct async_req *req;

	req = kzalloc(sizeof(struct async_req), GFP_ATOMIC);
	if (req == NULL)
		return -ENOMEM;
	async_urb = usb_alloc_urb(0, GFP_ATOMIC);
	if (async_urb == NULL) {
		kfree(req);
		return -ENOMEM;
	}
	req->dr.bRequestType = RTL8150_REQT_READ;
	req->dr.bRequest = RTL8150_REQ_GET_REGS;
	req->dr.wIndex = 0;
	req->dr.wValue = cpu_to_le16(indx);
	req->dr.wLength = cpu_to_le16(2);
	usb_fill_control_urb(async_urb, udev,
			     usb_rcvctrlpipe(udev, 0), (void *)&req->dr,
			     &req->rx_creg, 2, async_set_reg_cb, req); /* { dg-bogus "dmacheck" } */
	return submit(async_urb, req);
}

/* oracle: the four asynchronous requests, each submitting its own URB */
void case_run(struct case_env *env)
{
	async_set_registers(env->udev, 0x0120, 2, 0x0c);
	bad_async_set_registers(env->udev, 0x0120, 2, 0x0c);
	bad_async_poke(env->udev, 0x0120);
	async_get_registers(env->udev, 0x0120);
}
