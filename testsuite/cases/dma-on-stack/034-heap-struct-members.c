/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/wireless/realtek/rtl818x/rtl8187/dev.c rtl8187b_init_status_urb(), drivers/net/mdio/mdio-mvusb.c mvusb_mdio_read() and drivers/usb/misc/lvstest.c lvs_rh_probe() (6.1) */
/* what: members of kmalloc()ed/devm_kzalloc()ed driver structs, by address or by index, are heap memory */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define MVUSB_CMD_PREAMBLE0	0
#define MVUSB_CMD_PREAMBLE1	1
#define MVUSB_CMD_ADDR		2
#define MVUSB_CMD_VAL		3
#define USB_RT_HUB		(USB_TYPE_CLASS | USB_RECIP_DEVICE)
#define USB_DT_SS_HUB		0x2a
#define USB_DT_SS_HUB_SIZE	12
#define USB_DT_HUB_NONVAR_SIZE	7

struct rtl8187_priv {
	struct usb_device *udev;
	union {
		__le64 buf;
		struct {
			u16 dummy;
		} b;
	} b_tx_status; /* This queue is used by both -b and non-b devices */
};

struct mvusb_mdio {
	struct usb_device *udev;
	__le16 buf[4];
};

struct usb_hub_descriptor {
	__u8  bDescLength;
	__u8  bDescriptorType;
	__u8  bNbrPorts;
	__le16 wHubCharacteristics;
	__u8  bPwrOn2PwrGood;
	__u8  bHubContrCurrent;
	__u8  DeviceRemovable[5];
} __attribute__ ((packed));

struct lvs_rh {
	struct usb_interface *intf;
	struct usb_hub_descriptor descriptor;
};

static void rtl8187b_status_cb(struct urb *urb)
{
}

int rtl8187b_init_status_urb(struct rtl8187_priv *priv, void *dev)
{
	struct urb *entry;
	int ret = 0;

	entry = usb_alloc_urb(0, GFP_KERNEL);
	if (!entry)
		return -ENOMEM;

	usb_fill_bulk_urb(entry, priv->udev, usb_rcvbulkpipe(priv->udev, 9),
			  &priv->b_tx_status.buf, sizeof(priv->b_tx_status.buf),
			  rtl8187b_status_cb, dev); /* { dg-bogus "dmacheck" } */

	ret = usb_submit_urb(entry, GFP_KERNEL);
	usb_free_urb(entry);
	return ret;
}

int mvusb_mdio_read(struct mvusb_mdio *mvusb, int dev, int reg)
{
	int err, alen;

	mvusb->buf[MVUSB_CMD_ADDR] = cpu_to_le16(0xa400 | (dev << 5) | reg);

	err = usb_bulk_msg(mvusb->udev, usb_sndbulkpipe(mvusb->udev, 2),
			   mvusb->buf, 6, &alen, 100); /* { dg-bogus "dmacheck" } */
	if (err)
		return err;

	err = usb_bulk_msg(mvusb->udev, usb_rcvbulkpipe(mvusb->udev, 6),
			   &mvusb->buf[MVUSB_CMD_VAL], 2, &alen, 100); /* { dg-bogus "dmacheck" } */
	if (err)
		return err;

	return le16_to_cpu(mvusb->buf[MVUSB_CMD_VAL]);
}

int lvs_rh_probe(struct usb_interface *intf, struct usb_device *hdev)
{
	struct lvs_rh *lvs;
	int ret;

	lvs = devm_kzalloc(&intf->dev, sizeof(*lvs), GFP_KERNEL);
	if (!lvs)
		return -ENOMEM;

	lvs->intf = intf;
	usb_set_intfdata(intf, lvs);

	/* how many number of ports this root hub has */
	ret = usb_control_msg(hdev, usb_rcvctrlpipe(hdev, 0),
			USB_REQ_GET_DESCRIPTOR, USB_DIR_IN | USB_RT_HUB,
			USB_DT_SS_HUB << 8, 0, &lvs->descriptor,
			USB_DT_SS_HUB_SIZE, USB_CTRL_GET_TIMEOUT); /* { dg-bogus "dmacheck" } */
	if (ret < (USB_DT_HUB_NONVAR_SIZE + 2))
		return ret < 0 ? ret : -EINVAL;
	return 0;
}

/* oracle: rtl8187b queues its status URB (bulk IN 9) into the kzalloc()ed priv, mdio-mvusb
 * reads a PHY register through its kzalloc()ed struct, lvstest probes the root hub's
 * descriptor into its devm_kzalloc()ed struct */
void case_run(struct case_env *env)
{
	struct rtl8187_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	struct mvusb_mdio *mvusb = kzalloc(sizeof(*mvusb), GFP_KERNEL);

	priv->udev = env->udev;
	rtl8187b_init_status_urb(priv, NULL);
	mvusb->udev = env->udev;
	mvusb_mdio_read(mvusb, 0, 2);
	kfree(mvusb);
	lvs_rh_probe(env->intf, env->udev);
}
