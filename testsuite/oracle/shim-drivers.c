// SPDX-License-Identifier: GPL-2.0
/*
 * testsuite/oracle/shim-drivers.c - the subsystem libraries that cases call, as 6.1 runs
 * them: what matters for DMA is whether the library passes the driver's buffer on to usbcore
 * (then a stack buffer reaches the HCD) or copies it first.
 *
 *   dvb_usb_generic_rw/_write  drivers/media/usb/dvb-usb/dvb-usb-urb.c: usb_bulk_msg() on
 *                              the caller's wbuf and rbuf (endpoint 1 out and in, the
 *                              props the testsuite's struct omits)
 *   hid_hw_raw_request         hid-core.c -> usbhid_raw_request(): usb_control_msg() on the
 *                              caller's buffer (byte 0 skipped when the report id is 0)
 *   hid_hw_output_report       -> usbhid_output_report(): usb_interrupt_msg() on the caller's
 *                              buffer, on the interface's interrupt OUT endpoint
 *   usb_stor_*                 drivers/usb/storage/transport.c: us->current_urb filled with
 *                              the caller's buffer, us->cr as setup packet, submitted by
 *                              usb_stor_msg_common()
 *   case_usb_stor_probe        the us_data usb_stor_probe1() leaves for a subdriver
 *                              (associate_dev(), get_pipes(), usb_stor_acquire_resources())
 * The HID device's USB device is hid_to_usb_dev(): hdev->dev.parent is the interface.
 * MMIO writes (iowrite16/32, writel) go nowhere: the model devices have no registers.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/usb.h>
#include <linux/hid.h>
#include <linux/io.h>
#include <dvb-usb/dvb-usb.h>
#include <usb-storage/transport.h>
#include <dmacheck-case.h>
#include "oracle.h"
#include "shim.h"


/* ---- dvb-usb --------------------------------------------------------------------------- */

#define DVB_GENERIC_BULK_CTRL_ENDPOINT 0x01

int dvb_usb_generic_rw(struct dvb_usb_device *d, u8 *wbuf, u16 wlen, u8 *rbuf, u16 rlen,
		       int delay_ms)
{
	int actlen = 0, ret;

	(void)delay_ms;
	if (!d || wbuf == NULL || wlen == 0)
		return -EINVAL;
	ret = mutex_lock_interruptible(&d->usb_mutex);
	if (ret)
		return ret;
	ret = usb_bulk_msg(d->udev, usb_sndbulkpipe(d->udev, DVB_GENERIC_BULK_CTRL_ENDPOINT),
			   wbuf, wlen, &actlen, 2000);
	if (!ret)
		ret = actlen != wlen ? -1 : 0;
	/* an answer is expected, and no error before */
	if (!ret && rbuf && rlen)
		ret = usb_bulk_msg(d->udev,
				   usb_rcvbulkpipe(d->udev, DVB_GENERIC_BULK_CTRL_ENDPOINT),
				   rbuf, rlen, &actlen, 2000);
	mutex_unlock(&d->usb_mutex);
	return ret;
}

int dvb_usb_generic_write(struct dvb_usb_device *d, u8 *buf, u16 len)
{
	return dvb_usb_generic_rw(d, buf, len, NULL, 0, 0);
}

/* ---- hid / usbhid ---------------------------------------------------------------------- */

static struct usb_interface *hid_intf(struct hid_device *hdev)
{
	return hdev->dev.parent ? to_usb_interface(hdev->dev.parent) : NULL;
}

int hid_hw_raw_request(struct hid_device *hdev, unsigned char reportnum, __u8 *buf, size_t len,
		       enum hid_report_type rtype, enum hid_class_request reqtype)
{
	struct usb_interface *intf = hid_intf(hdev);
	struct usb_device *dev;
	bool in = reqtype == HID_REQ_GET_REPORT;
	int ret;

	if (len < 1 || len > 16384 || !buf)
		return -EINVAL;
	if (!intf)
		return -ENODEV;
	if (reqtype != HID_REQ_GET_REPORT && reqtype != HID_REQ_SET_REPORT)
		return -EIO;
	dev = interface_to_usbdev(intf);
	/* Byte 0 is the report number. Report data starts at byte 1. */
	if (in)
		buf[0] = reportnum;
	if (reportnum == 0x0) {
		buf++;
		len--;
	}
	ret = usb_control_msg(dev, in ? usb_rcvctrlpipe(dev, 0) : usb_sndctrlpipe(dev, 0),
			      reqtype, (in ? USB_DIR_IN : USB_DIR_OUT) | USB_TYPE_CLASS |
			      USB_RECIP_INTERFACE, ((rtype + 1) << 8) | reportnum,
			      intf->cur_altsetting->desc.bInterfaceNumber, buf, len,
			      USB_CTRL_SET_TIMEOUT);
	/* count also the report id */
	if (ret > 0 && reportnum == 0x0)
		ret++;
	return ret;
}

int hid_hw_output_report(struct hid_device *hdev, __u8 *buf, size_t len)
{
	struct usb_interface *intf = hid_intf(hdev);
	struct usb_host_interface *alt;
	struct usb_device *dev;
	int i, actual_length, skipped_report_id = 0, ret;

	if (len < 1 || len > 16384 || !intf)
		return -EINVAL;
	dev = interface_to_usbdev(intf);
	alt = intf->cur_altsetting;
	for (i = 0; i < alt->desc.bNumEndpoints; i++)	/* usbhid->urbout's endpoint */
		if (usb_endpoint_xfer_int(&alt->endpoint[i].desc) &&
		    !usb_endpoint_dir_in(&alt->endpoint[i].desc))
			break;
	if (i == alt->desc.bNumEndpoints)
		return -ENOSYS;
	if (buf[0] == 0x0) {
		/* Don't send the Report ID */
		buf++;
		len--;
		skipped_report_id = 1;
	}
	ret = usb_interrupt_msg(dev, usb_sndintpipe(dev, alt->endpoint[i].desc.bEndpointAddress),
				buf, len, &actual_length, USB_CTRL_SET_TIMEOUT);
	/* return the number of bytes transferred */
	if (ret == 0) {
		ret = actual_length;
		/* count also the report id */
		if (skipped_report_id)
			ret++;
	}
	return ret;
}

/* ---- usb-storage ----------------------------------------------------------------------- */

static void usb_stor_blocking_completion(struct urb *urb)
{
	(void)urb;
}

static int usb_stor_msg_common(struct us_data *us, int timeout)
{
	struct urb *urb = us->current_urb;
	int status;

	(void)timeout;
	urb->context = NULL;
	urb->transfer_flags = 0;
	/*
	 * we assume that if transfer_buffer isn't us->iobuf then it
	 * hasn't been mapped for DMA.
	 */
	if (urb->transfer_buffer == us->iobuf)
		urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	urb->transfer_dma = us->iobuf_dma;
	status = usb_submit_urb(urb, GFP_NOIO);
	if (status)
		return status;
	/* the device answers at once: usb_stor_blocking_completion() */
	shim_urb_giveback(urb);
	return urb->status;
}

int usb_stor_control_msg(struct us_data *us, unsigned int pipe, u8 request, u8 requesttype,
			 u16 value, u16 index, void *data, u16 size, int timeout)
{
	int status;

	us->cr->bRequestType = requesttype;
	us->cr->bRequest = request;
	us->cr->wValue = cpu_to_le16(value);
	us->cr->wIndex = cpu_to_le16(index);
	us->cr->wLength = cpu_to_le16(size);
	usb_fill_control_urb(us->current_urb, us->pusb_dev, pipe, (unsigned char *)us->cr, data,
			     size, usb_stor_blocking_completion, NULL);
	status = usb_stor_msg_common(us, timeout);
	if (status == 0)
		status = us->current_urb->actual_length;
	return status;
}

int usb_stor_ctrl_transfer(struct us_data *us, unsigned int pipe, u8 request, u8 requesttype,
			   u16 value, u16 index, void *data, u16 size)
{
	int result = usb_stor_control_msg(us, pipe, request, requesttype, value, index, data,
					  size, 0);

	return result < 0 ? USB_STOR_XFER_ERROR : USB_STOR_XFER_GOOD;
}

int usb_stor_bulk_transfer_buf(struct us_data *us, unsigned int pipe, void *buf,
			       unsigned int length, unsigned int *act_len)
{
	int result;

	usb_fill_bulk_urb(us->current_urb, us->pusb_dev, pipe, buf, length,
			  usb_stor_blocking_completion, NULL);
	result = usb_stor_msg_common(us, 0);
	if (act_len)
		*act_len = us->current_urb->actual_length;
	return result < 0 ? USB_STOR_XFER_ERROR : USB_STOR_XFER_GOOD;
}

int usb_stor_clear_halt(struct us_data *us, unsigned int pipe)
{
	return usb_clear_halt(us->pusb_dev, pipe);
}

#define US_IOBUF_SIZE 64	/* Size of the DMA-mapped I/O buffer */

struct us_data *case_usb_stor_probe(struct case_env *env)
{
	struct usb_endpoint_descriptor *ep_in, *ep_out, *ep_int;
	struct us_data *us = kzalloc(sizeof(*us), GFP_KERNEL);

	if (!us)
		return NULL;
	/* associate_dev() */
	us->pusb_dev = env->udev;
	us->pusb_intf = env->intf;
	us->ifnum = env->intf->cur_altsetting->desc.bInterfaceNumber;
	usb_set_intfdata(env->intf, us);
	us->cr = kmalloc(sizeof(*us->cr), GFP_KERNEL);
	us->iobuf = usb_alloc_coherent(us->pusb_dev, US_IOBUF_SIZE, GFP_KERNEL, &us->iobuf_dma);
	/* get_pipes() */
	if (usb_find_common_endpoints(env->intf->cur_altsetting, &ep_in, &ep_out, NULL, NULL))
		return NULL;
	us->send_ctrl_pipe = usb_sndctrlpipe(us->pusb_dev, 0);
	us->recv_ctrl_pipe = usb_rcvctrlpipe(us->pusb_dev, 0);
	us->send_bulk_pipe = usb_sndbulkpipe(us->pusb_dev, usb_endpoint_num(ep_out));
	us->recv_bulk_pipe = usb_rcvbulkpipe(us->pusb_dev, usb_endpoint_num(ep_in));
	if (!usb_find_common_endpoints(env->intf->cur_altsetting, NULL, NULL, &ep_int, NULL)) {
		us->recv_intr_pipe = usb_rcvintpipe(us->pusb_dev, usb_endpoint_num(ep_int));
		us->ep_bInterval = ep_int->bInterval;
	}
	/* usb_stor_acquire_resources() */
	us->current_urb = usb_alloc_urb(0, GFP_KERNEL);
	return us;
}

/* ---- MMIO (<linux/io.h>): the model devices have no registers, a write goes nowhere ---- */

void iowrite16(u16 val, void __iomem *addr)
{
	(void)val;
	(void)addr;
}

void iowrite32(u32 val, void __iomem *addr)
{
	(void)val;
	(void)addr;
}

void writel(unsigned int val, volatile void __iomem *addr)
{
	(void)val;
	(void)addr;
}
