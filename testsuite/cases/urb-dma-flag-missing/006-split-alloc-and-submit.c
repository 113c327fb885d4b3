/* SPDX-License-Identifier: ISC */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/wireless/ath/ar5523/ar5523.c ar5523_alloc_rx_cmd()/ar5523_submit_rx_cmd() and drivers/net/usb/ipheth.c ipheth_alloc_urbs()/ipheth_rx_submit() (6.1): real, correct code */
/* what: the handle is stored in the allocation function, the flag in the submit function that always runs before submission: the code is safe and must stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define AR5523_MAX_RXCMDSZ	1024
#define IPHETH_BUF_SIZE		1514
#define IPHETH_IP_ALIGN		2

struct ar5523 {
	struct usb_device *dev;
	struct urb *rx_cmd_urb;
	void *rx_cmd_buf;
};

struct ipheth_device {
	struct usb_device *udev;
	struct urb *tx_urb;
	struct urb *rx_urb;
	unsigned char *tx_buf;
	unsigned char *rx_buf;
	unsigned char bulk_in;
};

static void ar5523_cmd_rx_cb(struct urb *urb)
{
}

static void ipheth_rcvbulk_callback(struct urb *urb)
{
}

static int ar5523_alloc_rx_cmd(struct ar5523 *ar)
{
	ar->rx_cmd_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!ar->rx_cmd_urb)
		return -ENOMEM;

	ar->rx_cmd_buf = usb_alloc_coherent(ar->dev, AR5523_MAX_RXCMDSZ,
					    GFP_KERNEL,
					    &ar->rx_cmd_urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	if (!ar->rx_cmd_buf) {
		usb_free_urb(ar->rx_cmd_urb);
		return -ENOMEM;
	}
	return 0;
}

static int ar5523_submit_rx_cmd(struct ar5523 *ar)
{
	usb_fill_bulk_urb(ar->rx_cmd_urb, ar->dev,
			  usb_rcvbulkpipe(ar->dev, 2), ar->rx_cmd_buf,
			  AR5523_MAX_RXCMDSZ, ar5523_cmd_rx_cb, ar);
	ar->rx_cmd_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */

	return usb_submit_urb(ar->rx_cmd_urb, GFP_ATOMIC);
}

int ar5523_start_rx(struct ar5523 *ar)
{
	int error = ar5523_alloc_rx_cmd(ar);

	if (error)
		return error;
	return ar5523_submit_rx_cmd(ar);
}

static int ipheth_alloc_urbs(struct ipheth_device *iphone)
{
	struct urb *tx_urb = NULL;
	struct urb *rx_urb = NULL;
	u8 *tx_buf = NULL;
	u8 *rx_buf = NULL;

	tx_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (tx_urb == NULL)
		goto error_nomem;

	rx_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (rx_urb == NULL)
		goto free_tx_urb;

	tx_buf = usb_alloc_coherent(iphone->udev, IPHETH_BUF_SIZE,
				    GFP_KERNEL, &tx_urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	if (tx_buf == NULL)
		goto free_rx_urb;

	rx_buf = usb_alloc_coherent(iphone->udev, IPHETH_BUF_SIZE + IPHETH_IP_ALIGN,
				    GFP_KERNEL, &rx_urb->transfer_dma); /* { dg-bogus "dmacheck" } */
	if (rx_buf == NULL)
		goto free_tx_buf;

	iphone->tx_urb = tx_urb;
	iphone->rx_urb = rx_urb;
	iphone->tx_buf = tx_buf;
	iphone->rx_buf = rx_buf;
	return 0;

free_tx_buf:
	usb_free_coherent(iphone->udev, IPHETH_BUF_SIZE, tx_buf,
			  tx_urb->transfer_dma);
free_rx_urb:
	usb_free_urb(rx_urb);
free_tx_urb:
	usb_free_urb(tx_urb);
error_nomem:
	return -ENOMEM;
}

static int ipheth_rx_submit(struct ipheth_device *dev, gfp_t mem_flags)
{
	struct usb_device *udev = dev->udev;

	usb_fill_bulk_urb(dev->rx_urb, udev,
			  usb_rcvbulkpipe(udev, dev->bulk_in),
			  dev->rx_buf, IPHETH_BUF_SIZE + IPHETH_IP_ALIGN,
			  ipheth_rcvbulk_callback,
			  dev);
	dev->rx_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP; /* { dg-bogus "dmacheck" } */

	return usb_submit_urb(dev->rx_urb, mem_flags);
}

int ipheth_open(struct ipheth_device *dev)
{
	int retval = ipheth_alloc_urbs(dev);

	if (retval)
		return retval;
	return ipheth_rx_submit(dev, GFP_KERNEL);
}

/* oracle: ar5523 start (alloc + submit the rx command URB), then ipheth open (alloc + submit rx on bulk IN 0x82) */
void case_run(struct case_env *env)
{
	struct ar5523 *ar = kzalloc(sizeof(*ar), GFP_KERNEL);
	struct ipheth_device *iphone = kzalloc(sizeof(*iphone), GFP_KERNEL);

	ar->dev = env->udev;
	ar5523_start_rx(ar);

	iphone->udev = env->udev;
	iphone->bulk_in = 2;
	ipheth_open(iphone);
}
