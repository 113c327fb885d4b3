/* SPDX-License-Identifier: GPL-2.0-only */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/media/usb/dvb-usb/dtt200u.c dtt200u_power_ctrl(), dtt200u_rc_query(): pattern before commit '[media] dtt200u: don't do DMA on stack', and the 6.1 code after it */
/* what: a local command byte and key array given to dvb_usb_generic_write()/_rw() (which bulk-transfer them) warn; the per-device st->data buffer does not */
#include <linux/usb.h>
#include <dvb-usb/dvb-usb.h>
#include <dmacheck-case.h>

#define GET_RC_CODE		0x84
#define SET_INIT		0x01

struct dtt200u_state {
	unsigned char data[80];
};

/* before the fix (the old code wrote 2 bytes from the 1-byte b; 1 here) */
int dtt200u_power_ctrl_old(struct dvb_usb_device *d, int onoff)
{
	u8 b = SET_INIT;

	if (onoff)
		return dvb_usb_generic_write(d, &b, 1); /* { dg-warning "dmacheck-dma-on-stack" } */
	return 0;
}

int dtt200u_rc_query_old(struct dvb_usb_device *d, u32 *scancode)
{
	u8 key[5], cmd = GET_RC_CODE;
	int ret;

	ret = dvb_usb_generic_rw(d, &cmd, 1, key, 5, 0); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret < 0)
		return ret;
	if (key[0] == 1)
		*scancode = key[1] << 16 | key[2] << 8 | key[3];
	return 0;
}

/* 6.1 */
int dtt200u_power_ctrl(struct dvb_usb_device *d, int onoff)
{
	struct dtt200u_state *st = d->priv;
	int ret = 0;

	mutex_lock(&d->data_mutex);

	st->data[0] = SET_INIT;

	if (onoff)
		ret = dvb_usb_generic_write(d, st->data, 2); /* { dg-bogus "dmacheck" } */

	mutex_unlock(&d->data_mutex);
	return ret;
}

int dtt200u_rc_query(struct dvb_usb_device *d, u32 *scancode)
{
	struct dtt200u_state *st = d->priv;
	int ret;

	mutex_lock(&d->data_mutex);
	st->data[0] = GET_RC_CODE;

	ret = dvb_usb_generic_rw(d, st->data, 1, st->data, 5, 0); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		goto ret;

	if (st->data[0] == 1)
		*scancode = st->data[1] << 16 | st->data[2] << 8 | st->data[3];
ret:
	mutex_unlock(&d->data_mutex);
	return ret;
}

/* oracle: a dtt200u dvb_usb_device (priv is the driver's dtt200u_state), powered on and its
 * remote control polled, old and 6.1 */
void case_run(struct case_env *env)
{
	struct dvb_usb_device *d = kzalloc(sizeof(*d), GFP_KERNEL);
	u32 *scancode = kzalloc(sizeof(*scancode), GFP_KERNEL);

	d->udev = env->udev;
	d->priv = kzalloc(sizeof(struct dtt200u_state), GFP_KERNEL);
	mutex_init(&d->data_mutex);
	mutex_init(&d->usb_mutex);
	dtt200u_power_ctrl_old(d, 1);
	dtt200u_rc_query_old(d, scancode);
	dtt200u_power_ctrl(d, 1);
	dtt200u_rc_query(d, scancode);
	kfree(d->priv);
	kfree(scancode);
	kfree(d);
}
