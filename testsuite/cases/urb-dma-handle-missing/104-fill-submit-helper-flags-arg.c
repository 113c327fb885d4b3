/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic, shaped after the URB helpers of drivers/net/wireless/ath/ath9k/hif_usb.c and drivers/bluetooth/btusb.c (6.1) that fill and submit an URB for their callers; here the helper also takes the handle and the extra transfer flags */
/* what: a helper fills, stores the handle argument, sets the flags argument and submits: the caller passing a coherent buffer, its handle and the flag stays silent; the caller passing a kmalloc() buffer, handle 0 and the flag warns at its call */
/* known-to-fail: gcc the handle (constant 0) and the flags come in as arguments of a fill-and-submit helper; the helper's stores are not summarised with the caller's constants */
/* known-to-fail: sparse the handle (constant 0) and the flags come in as arguments of a fill-and-submit helper; the helper's stores are not summarised with the caller's constants */
/* known-to-fail: cocci the handle (constant 0) and the flags come in as arguments of a fill-and-submit helper; the helper's stores are not summarised with the caller's constants */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define MSG_LEN	64

struct hif {
	struct usb_device *udev;
};

static void hif_done(struct urb *urb)
{
}

static int hif_submit(struct hif *hif, struct urb *urb, void *buf, dma_addr_t dma,
		      int len, unsigned int flags)
{
	usb_fill_bulk_urb(urb, hif->udev, usb_sndbulkpipe(hif->udev, 2), buf, len, hif_done, hif);
	urb->transfer_dma = dma;
	urb->transfer_flags |= flags;
	return usb_submit_urb(urb, GFP_ATOMIC);
}

int hif_send_coherent(struct hif *hif, struct urb *urb)
{
	dma_addr_t dma;
	void *buf = usb_alloc_coherent(hif->udev, MSG_LEN, GFP_ATOMIC, &dma);

	if (!buf)
		return -ENOMEM;
	return hif_submit(hif, urb, buf, dma, MSG_LEN, URB_NO_TRANSFER_DMA_MAP); /* { dg-bogus "dmacheck" } */
}

int hif_send_kmalloc(struct hif *hif, struct urb *urb)
{
	void *buf = kmalloc(MSG_LEN, GFP_ATOMIC);

	if (!buf)
		return -ENOMEM;
	return hif_submit(hif, urb, buf, 0, MSG_LEN, URB_NO_TRANSFER_DMA_MAP); /* { dg-warning "dmacheck-urb-dma-handle-missing" } */
}

int hif_send_plain(struct hif *hif, struct urb *urb)
{
	void *buf = kmalloc(MSG_LEN, GFP_ATOMIC);

	if (!buf)
		return -ENOMEM;
	return hif_submit(hif, urb, buf, 0, MSG_LEN, URB_ZERO_PACKET); /* { dg-bogus "dmacheck" } */
}

/* oracle: three messages on bulk OUT 0x02, fresh URBs */
void case_run(struct case_env *env)
{
	struct hif *hif = kzalloc(sizeof(*hif), GFP_KERNEL);

	hif->udev = env->udev;
	hif_send_coherent(hif, usb_alloc_urb(0, GFP_KERNEL));
	hif_send_kmalloc(hif, usb_alloc_urb(0, GFP_KERNEL));
	hif_send_plain(hif, usb_alloc_urb(0, GFP_KERNEL));
}
