/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: synthetic (a driver macro around usb_alloc_coherent() that stores the handle straight into the URB, in the spirit of sound/usb/misc/ua101.c and drivers/media/usb/em28xx/em28xx-core.c em28xx_alloc_urbs(), which pass &urb->transfer_dma) */
/* what: a kernel-style macro `URB_COHERENT_BUF(d, u, l)` expanding to usb_alloc_coherent(..., &(u)->transfer_dma): without the flag it warns on the macro's line, with the flag it stays silent */
/* known-to-fail: cocci usb_alloc_coherent(..., &urb->transfer_dma) is inside the driver's macro URB_COHERENT_BUF(), which the script does not expand */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define URB_COHERENT_BUF(d, u, l)	\
	usb_alloc_coherent((d)->udev, (l), GFP_KERNEL, &(u)->transfer_dma)

struct snd_dev {
	struct usb_device *udev;
	struct urb *in_urb;
	struct urb *out_urb;
};

static void snd_urb_done(struct urb *urb)
{
}

int snd_alloc_in(struct snd_dev *sd, unsigned int len)
{
	void *buf;

	sd->in_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!sd->in_urb)
		return -ENOMEM;
	buf = URB_COHERENT_BUF(sd, sd->in_urb, len); /* { dg-bogus "dmacheck" } */
	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(sd->in_urb, sd->udev, usb_rcvbulkpipe(sd->udev, 2), buf, len,
			  snd_urb_done, sd);
	sd->in_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	return 0;
}

int snd_alloc_out(struct snd_dev *sd, unsigned int len)
{
	void *buf;

	sd->out_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!sd->out_urb)
		return -ENOMEM;
	buf = URB_COHERENT_BUF(sd, sd->out_urb, len); /* { dg-warning "dmacheck-urb-dma-flag-missing" } */
	if (!buf)
		return -ENOMEM;
	usb_fill_bulk_urb(sd->out_urb, sd->udev, usb_sndbulkpipe(sd->udev, 2), buf, len,
			  snd_urb_done, sd);
	return 0;
}

/* oracle: allocate both streams (bulk IN 0x82, bulk OUT 0x02) and start them */
void case_run(struct case_env *env)
{
	struct snd_dev *sd = kzalloc(sizeof(*sd), GFP_KERNEL);

	sd->udev = env->udev;
	if (snd_alloc_in(sd, 512) == 0)
		usb_submit_urb(sd->in_urb, GFP_KERNEL);
	if (snd_alloc_out(sd, 512) == 0)
		usb_submit_urb(sd->out_urb, GFP_KERNEL);
}
