/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/usb/rndis_host.c (6.1) rndis_command(): real 6.1 code */
/* what: a local struct usb_cdc_notification polled with usb_interrupt_msg() is DMA to the stack */
#include <linux/usb.h>
#include <dmacheck-case.h>

#define USB_CDC_SEND_ENCAPSULATED_COMMAND	0x00
#define RNDIS_CONTROL_TIMEOUT_MS		(5 * 1000)
#define RNDIS_DRIVER_DATA_POLL_STATUS		BIT(1)

/* include/uapi/linux/usb/cdc.h */
struct usb_cdc_notification {
	__u8	bmRequestType;
	__u8	bNotificationType;
	__le16	wValue;
	__le16	wIndex;
	__le16	wLength;
} __attribute__ ((packed));

struct rndis_msg_hdr {
	__le32	msg_type;
	__le32	msg_len;
	__le32	request_id;
	__le32	status;
} __attribute__ ((packed));

int rndis_command(struct usb_device *udev, struct usb_host_endpoint *status,
		  unsigned long driver_data, int master_ifnum,
		  struct rndis_msg_hdr *buf)
{
	struct usb_cdc_notification notification;
	int retval;
	int partial;

	retval = usb_control_msg(udev,
		usb_sndctrlpipe(udev, 0),
		USB_CDC_SEND_ENCAPSULATED_COMMAND,
		USB_TYPE_CLASS | USB_RECIP_INTERFACE,
		0, master_ifnum,
		buf, le32_to_cpu(buf->msg_len),
		RNDIS_CONTROL_TIMEOUT_MS); /* { dg-bogus "dmacheck" } */
	if (unlikely(retval < 0))
		return retval;

	/* Some devices don't respond on the control channel until
	 * polled on the status channel, so do that first. */
	if (driver_data & RNDIS_DRIVER_DATA_POLL_STATUS) {
		retval = usb_interrupt_msg(
			udev,
			usb_rcvintpipe(udev,
				       status->desc.bEndpointAddress),
			&notification, sizeof(notification), &partial,
			RNDIS_CONTROL_TIMEOUT_MS); /* { dg-warning "dmacheck-dma-on-stack" } */
		if (unlikely(retval < 0))
			return retval;
	}
	return 0;
}

/* oracle: a device that needs polling (RNDIS_DRIVER_DATA_POLL_STATUS), status on 0x81 */
void case_run(struct case_env *env)
{
	struct rndis_msg_hdr *buf = kzalloc(sizeof(*buf), GFP_KERNEL);

	buf->msg_len = cpu_to_le32(sizeof(*buf));
	rndis_command(env->udev, env->udev->ep_in[1], RNDIS_DRIVER_DATA_POLL_STATUS, 0, buf);
	kfree(buf);
}
