/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: shaped after drivers/net/usb/rndis_host.c (6.1) rndis_command() and rndis_bind()'s query of the physical medium; the second function is synthetic */
/* what: a stack buffer given to usb_interrupt_msg() warns even when the file also holds a local pointer to a local that only goes to a non-DMA function (the Coccinelle scripts once lost the first when they dropped the second) */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct usb_cdc_notification {
	__u8	bmRequestType;
	__u8	bNotificationType;
	__le16	wValue;
	__le16	wIndex;
	__le16	wLength;
} __attribute__ ((packed));

extern int rndis_query(void *dev, u32 oid, void **reply, u32 *reply_len);

int rndis_poll_status(struct usb_device *udev, struct usb_host_endpoint *status)
{
	struct usb_cdc_notification notification;
	int partial;

	return usb_interrupt_msg(udev,
			usb_rcvintpipe(udev, status->desc.bEndpointAddress),
			&notification, sizeof(notification), &partial,
			5000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int rndis_query_medium(void *dev, u32 *medium)
{
	u32 reply_len = 4;
	u32 *plen = &reply_len;
	void *reply = medium;

	return rndis_query(dev, 0x00010114, &reply, plen); /* { dg-bogus "dmacheck" } */
}

/*
 * Reduced from drivers/net/usb/rndis_host.c (6.1) rndis_query() and rndis_command() (the
 * case's rndis_query() takes the USB device as dev, and no caller buffer): the query goes out
 * of, and the answer comes back into, a kzalloc()ed control buffer (rndis_bind()'s u.buf in
 * 6.1); reply and reply_len are only read and written by the CPU. The poll of the status
 * endpoint and the retries of rndis_command() are left out.
 */
#define CONTROL_BUFFER_SIZE			1025
#define RNDIS_MSG_QUERY				0x00000004
#define RNDIS_MSG_QUERY_C			0x80000004
#define USB_CDC_SEND_ENCAPSULATED_COMMAND	0x00
#define USB_CDC_GET_ENCAPSULATED_RESPONSE	0x01
#define RNDIS_CONTROL_TIMEOUT_MS		(5 * 1000)
#define EDOM					33	/* include/uapi/asm-generic/errno-base.h */

struct rndis_query {			/* the request */
	__le32	msg_type;
	__le32	msg_len;
	__le32	request_id;
	__le32	oid;
	__le32	len;
	__le32	offset;
/*?*/	__le32	handle;
} __attribute__ ((packed));

struct rndis_query_c {			/* the answer */
	__le32	msg_type;
	__le32	msg_len;
	__le32	request_id;
	__le32	status;
	__le32	len;
	__le32	offset;
} __attribute__ ((packed));

int rndis_query(void *dev, u32 oid, void **reply, u32 *reply_len)
{
	struct usb_device *udev = dev;
	union {
		void			*buf;
		struct rndis_query	*get;
		struct rndis_query_c	*get_c;
	} u;
	u32 off, len;
	__le32 xid = cpu_to_le32(1);
	int retval;

	u.buf = kzalloc(CONTROL_BUFFER_SIZE, GFP_KERNEL);
	if (!u.buf)
		return -ENOMEM;
	u.get->msg_type = cpu_to_le32(RNDIS_MSG_QUERY);
	u.get->msg_len = cpu_to_le32(sizeof(*u.get));
	u.get->request_id = xid;
	u.get->oid = cpu_to_le32(oid);
	u.get->len = 0;
	u.get->offset = cpu_to_le32(20);

	/* rndis_command() */
	retval = usb_control_msg(udev, usb_sndctrlpipe(udev, 0),
				 USB_CDC_SEND_ENCAPSULATED_COMMAND,
				 USB_TYPE_CLASS | USB_RECIP_INTERFACE, 0, 0,
				 u.buf, sizeof(*u.get), RNDIS_CONTROL_TIMEOUT_MS);
	if (unlikely(retval < 0))
		goto out;
	memset(u.buf, 0, CONTROL_BUFFER_SIZE);
	retval = usb_control_msg(udev, usb_rcvctrlpipe(udev, 0),
				 USB_CDC_GET_ENCAPSULATED_RESPONSE,
				 USB_DIR_IN | USB_TYPE_CLASS | USB_RECIP_INTERFACE, 0, 0,
				 u.buf, CONTROL_BUFFER_SIZE, RNDIS_CONTROL_TIMEOUT_MS);
	if (unlikely(retval < 8))
		goto out;
	if (u.get_c->msg_type != cpu_to_le32(RNDIS_MSG_QUERY_C) || u.get_c->request_id != xid) {
		retval = -ETIMEDOUT;	/* rndis_command(): no answer to this request */
		goto out;
	}

	/* rndis_query() */
	off = le32_to_cpu(u.get_c->offset);
	len = le32_to_cpu(u.get_c->len);
	if (unlikely((off > CONTROL_BUFFER_SIZE - 8) ||
		     (len > CONTROL_BUFFER_SIZE - 8 - off)) ||
	    (*reply_len != -1 && len != *reply_len)) {
		retval = -EDOM;
		goto out;
	}
	*reply = (unsigned char *)&u.get_c->request_id + off;
	*reply_len = len;
	return 0;	/* the reply points into the buffer: 6.1's rndis_bind() frees it later */
out:
	kfree(u.buf);
	return retval;
}

/* oracle: poll the status endpoint (interrupt IN 0x81), then query the physical medium */
void case_run(struct case_env *env)
{
	u32 *medium = kzalloc(sizeof(*medium), GFP_KERNEL);

	rndis_poll_status(env->udev, env->udev->ep_in[1]);
	rndis_query_medium(env->udev, medium);
	kfree(medium);
}
