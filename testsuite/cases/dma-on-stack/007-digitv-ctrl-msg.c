/* SPDX-License-Identifier: GPL-2.0-only */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/media/usb/dvb-usb/digitv.c digitv_ctrl_msg(): pattern before commit '[media] digitv: don't do DMA on stack', and the 6.1 code after it */
/* what: local sndbuf/rcvbuf arrays for dvb_usb_generic_rw()/_write() warn; the same arrays inside d->priv do not */
#include <linux/usb.h>
#include <dvb-usb/dvb-usb.h>
#include <dmacheck-case.h>

struct digitv_state {
	int is_nxt6000;

	unsigned char sndbuf[7];
	unsigned char rcvbuf[7];
};

/* before the fix */
int digitv_ctrl_msg_old(struct dvb_usb_device *d,
		u8 cmd, u8 vv, u8 *wbuf, int wlen, u8 *rbuf, int rlen)
{
	int wo = (rbuf == NULL || rlen == 0); /* write-only */
	u8 sndbuf[7], rcvbuf[7];
	int ret;

	if (wlen > 4 || rlen > 4)
		return -EIO;

	memset(sndbuf, 0, 7);
	memset(rcvbuf, 0, 7);

	sndbuf[0] = cmd;
	sndbuf[1] = vv;
	sndbuf[2] = wo ? wlen : rlen;

	if (wo) {
		memcpy(&sndbuf[3], wbuf, wlen);
		ret = dvb_usb_generic_write(d, sndbuf, 7); /* { dg-warning "dmacheck-dma-on-stack" } */
	} else {
		ret = dvb_usb_generic_rw(d, sndbuf, 7, rcvbuf, 7, 10); /* { dg-warning "dmacheck-dma-on-stack" } */
		memcpy(rbuf, &rcvbuf[3], rlen);
	}
	return ret;
}

/* 6.1 */
int digitv_ctrl_msg(struct dvb_usb_device *d,
		u8 cmd, u8 vv, u8 *wbuf, int wlen, u8 *rbuf, int rlen)
{
	struct digitv_state *st = d->priv;
	int ret, wo;

	wo = (rbuf == NULL || rlen == 0); /* write-only */

	if (wlen > 4 || rlen > 4)
		return -EIO;

	memset(st->sndbuf, 0, 7);
	memset(st->rcvbuf, 0, 7);

	st->sndbuf[0] = cmd;
	st->sndbuf[1] = vv;
	st->sndbuf[2] = wo ? wlen : rlen;

	if (wo) {
		memcpy(&st->sndbuf[3], wbuf, wlen);
		ret = dvb_usb_generic_write(d, st->sndbuf, 7); /* { dg-bogus "dmacheck" } */
	} else {
		ret = dvb_usb_generic_rw(d, st->sndbuf, 7, st->rcvbuf, 7, 10); /* { dg-bogus "dmacheck" } */
		memcpy(rbuf, &st->rcvbuf[3], rlen);
	}
	return ret;
}

/* oracle: a digitv dvb_usb_device (priv is the driver's digitv_state); a register write
 * (write-only) and a read, old and 6.1 */
void case_run(struct case_env *env)
{
	struct dvb_usb_device *d = kzalloc(sizeof(*d), GFP_KERNEL);
	u8 *wbuf = kzalloc(4, GFP_KERNEL);
	u8 *rbuf = kzalloc(4, GFP_KERNEL);

	d->udev = env->udev;
	d->priv = kzalloc(sizeof(struct digitv_state), GFP_KERNEL);
	mutex_init(&d->data_mutex);
	mutex_init(&d->usb_mutex);
	digitv_ctrl_msg_old(d, 0x07, 0, wbuf, 4, NULL, 0);
	digitv_ctrl_msg_old(d, 0x06, 0, NULL, 0, rbuf, 4);
	digitv_ctrl_msg(d, 0x07, 0, wbuf, 4, NULL, 0);
	digitv_ctrl_msg(d, 0x06, 0, NULL, 0, rbuf, 4);
	kfree(d->priv);
	kfree(rbuf);
	kfree(wbuf);
	kfree(d);
}
