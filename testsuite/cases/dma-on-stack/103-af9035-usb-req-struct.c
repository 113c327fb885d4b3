/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/media/usb/dvb-usb-v2/af9035.c (6.1) af9035_ctrl_msg()/af9035_rd_regs(): struct usb_req carries pointers to the caller's stack buffers; a direct-send helper (no copy into state->buf) is a synthetic bug */
/* what: stack addresses stored into a struct that is passed by pointer to a helper: silent when the helper copies into the heap buffer as af9035 does, a warning at the caller's call when the helper sends req->wbuf itself */
/* known-to-fail: cocci the stack address is stored in a struct initialiser and sent as req->wbuf in another function; the script follows only whole parameters */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <dmacheck-case.h>

#define CMD_MEM_RD	0x00
#define REQ_HDR_LEN	4
#define ACK_HDR_LEN	3
#define BUF_LEN		64

struct usb_req {
	u8  cmd;
	u8  mbox;
	u8  wlen;
	u8  *wbuf;
	u8  rlen;
	u8  *rbuf;
};

struct state {
	struct usb_device *udev;
	u8 buf[BUF_LEN];
	u8 seq;
};

/* 6.1: the request is copied into state->buf, which lives in the kzalloc()ed state */
static int af9035_ctrl_msg(struct state *state, struct usb_req *req)
{
	int ret, wlen, rlen, act;

	state->buf[0] = REQ_HDR_LEN + req->wlen;
	state->buf[1] = req->mbox;
	state->buf[2] = req->cmd;
	state->buf[3] = state->seq++;
	memcpy(&state->buf[REQ_HDR_LEN], req->wbuf, req->wlen);
	wlen = REQ_HDR_LEN + req->wlen;
	rlen = ACK_HDR_LEN + req->rlen;

	ret = usb_bulk_msg(state->udev, usb_sndbulkpipe(state->udev, 0x02),
			   state->buf, wlen, &act, 1000); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	ret = usb_bulk_msg(state->udev, usb_rcvbulkpipe(state->udev, 0x02),
			   state->buf, rlen, &act, 1000); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		return ret;
	if (req->rlen)
		memcpy(req->rbuf, &state->buf[ACK_HDR_LEN], req->rlen);
	return 0;
}

/* the same protocol without the bounce: each half goes straight to the bus */
static int it9xxx_ctrl_msg(struct state *state, struct usb_req *req)
{
	int ret, act;

	ret = usb_bulk_msg(state->udev, usb_sndbulkpipe(state->udev, 0x02),
			   req->wbuf, req->wlen, &act, 1000); /* { dg-bogus "dmacheck" } */
	if (ret < 0 || !req->rlen)
		return ret;
	return usb_bulk_msg(state->udev, usb_rcvbulkpipe(state->udev, 0x02),
			    req->rbuf, req->rlen, &act, 1000); /* { dg-bogus "dmacheck" } */
}

int af9035_rd_regs(struct state *state, u32 reg, u8 *val, int len)
{
	u8 wbuf[] = { len, 2, 0, 0, (reg >> 8) & 0xff, reg & 0xff };
	u8 mbox = (reg >> 16) & 0xff;
	struct usb_req req = { CMD_MEM_RD, mbox, sizeof(wbuf), wbuf, len, val };

	return af9035_ctrl_msg(state, &req); /* { dg-bogus "dmacheck" } */
}

int it9xxx_rd_regs(struct state *state, u32 reg, u8 *val, int len)
{
	u8 wbuf[] = { len, 2, 0, 0, (reg >> 8) & 0xff, reg & 0xff };
	u8 mbox = (reg >> 16) & 0xff;
	struct usb_req req = { CMD_MEM_RD, mbox, sizeof(wbuf), wbuf, len, val };

	return it9xxx_ctrl_msg(state, &req); /* { dg-warning "dmacheck-dma-on-stack" } */
}

/* oracle: read the chip id through both, into a kmalloc()ed result */
void case_run(struct case_env *env)
{
	struct state *state = kzalloc(sizeof(*state), GFP_KERNEL);
	u8 *id = kzalloc(4, GFP_KERNEL);

	state->udev = env->udev;
	af9035_rd_regs(state, 0x80ef80, id, 4);
	it9xxx_rd_regs(state, 0x80ef80, id, 4);
	kfree(id);
	kfree(state);
}
