/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/bluetooth/bfusb.c bfusb_load_firmware() and drivers/staging/rtl8192u/r8192U_core.c rtl8192_tx() (6.1); the last function is synthetic */
/* what: NULL buffers and transfers whose length is the constant 0 map nothing: a zero-length bulk URB pointing at a local byte is not DMA */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define BFUSB_BLOCK_TIMEOUT	3000

static void tx_zero_isr(struct urb *tx_urb)
{
}

int bfusb_finish_firmware(struct usb_device *udev, int bulk_out_ep)
{
	unsigned int pipe;
	int err, len;

	pipe = usb_sndbulkpipe(udev, bulk_out_ep);

	err = usb_bulk_msg(udev, pipe, NULL, 0,
					&len, BFUSB_BLOCK_TIMEOUT); /* { dg-bogus "dmacheck" } */
	if (err < 0)
		return err;

	pipe = usb_sndctrlpipe(udev, 0);

	err = usb_control_msg(udev, pipe, USB_REQ_SET_CONFIGURATION,
				0, 2, 0, NULL, 0, USB_CTRL_SET_TIMEOUT); /* { dg-bogus "dmacheck" } */
	return err < 0 ? err : 0;
}

int rtl8192_tx_zero(struct usb_device *udev, int idx_pipe, void *ctx, unsigned int skb_len)
{
	struct urb *tx_urb_zero;
	bool bSend0Byte = false;
	u8 zero = 0;
	int status = 0;

	if (udev->speed == USB_SPEED_HIGH) {
		if (skb_len > 0 && skb_len % 512 == 0)
			bSend0Byte = true;
	} else {
		if (skb_len > 0 && skb_len % 64 == 0)
			bSend0Byte = true;
	}
	if (bSend0Byte) {
		tx_urb_zero = usb_alloc_urb(0, GFP_ATOMIC);
		if (!tx_urb_zero)
			return -ENOMEM;
		usb_fill_bulk_urb(tx_urb_zero, udev,
				  usb_sndbulkpipe(udev, idx_pipe),
				  &zero, 0, tx_zero_isr, ctx); /* { dg-bogus "dmacheck" } */
		status = usb_submit_urb(tx_urb_zero, GFP_ATOMIC);
	}
	return status;
}

int set_feature_no_data(struct usb_device *udev, u16 feature)
{
	u8 unused = 0;

	return usb_control_msg(udev, usb_sndctrlpipe(udev, 0), USB_REQ_SET_FEATURE,
			       USB_RECIP_DEVICE, feature, 0, &unused, 0,
			       USB_CTRL_SET_TIMEOUT); /* { dg-bogus "dmacheck" } */
}

/* oracle: bfusb ends its firmware download (bulk OUT 0x02), rtl8192 sends the zero-length
 * packet after a 512-byte frame (high speed), then a SET_FEATURE without data */
void case_run(struct case_env *env)
{
	bfusb_finish_firmware(env->udev, 2);
	rtl8192_tx_zero(env->udev, 2, NULL, 512);
	set_feature_no_data(env->udev, 1);
}
