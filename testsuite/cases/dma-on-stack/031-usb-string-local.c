/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/net/can/usb/usb_8dev.c usb_8dev_probe() and drivers/net/usb/cx82310_eth.c cx82310_bind(), cx82310_cmd() (6.1) */
/* what: usb_string() reads into its own kmalloc()ed buffer (ROLE_COPIED); cx82310_cmd() copies caller buffers into a kzalloc()ed packet, so the locals its callers pass are safe */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define CMD_PACKET_SIZE	64
#define CMD_TIMEOUT	100
#define CMD_REPLY_RETRY	5
#define CMD_EP		0x01
#define STATUS_SUCCESS	0
#define ETH_ALEN	6

enum cx82310_cmd {
	CMD_START		= 0x84,	/* no effect? */
	CMD_STOP		= 0x85,	/* no effect? */
	CMD_GET_STATUS		= 0x90,	/* returns nothing? */
	CMD_GET_MAC_ADDR	= 0x91,	/* read MAC address */
	CMD_GET_LINK_STATUS	= 0x92,	/* not useful, link is always up */
	CMD_ETHERNET_MODE	= 0x99,
};

int usb_8dev_check_product(struct usb_interface *intf)
{
	char buf[18];
	struct usb_device *usbdev = interface_to_usbdev(intf);

	/* product id looks strange, better we also check iProduct string */
	if (usb_string(usbdev, usbdev->descriptor.iProduct, buf,
		       sizeof(buf)) > 0 && strcmp(buf, "USB2CAN converter")) { /* { dg-bogus "dmacheck" } */
		dev_info(&usbdev->dev, "ignoring: not an USB2CAN converter\n");
		return -ENODEV;
	}
	return 0;
}

static int cx82310_cmd(struct usb_device *udev, enum cx82310_cmd cmd, bool reply,
		       u8 *wdata, int wlen, u8 *rdata, int rlen)
{
	int actual_len, retries, ret;
	u8 *buf = kzalloc(CMD_PACKET_SIZE, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;

	/* create command packet */
	buf[0] = cmd;
	if (wdata)
		memcpy(buf + 4, wdata, min_t(int, wlen, CMD_PACKET_SIZE - 4));

	/* send command packet */
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, CMD_EP), buf,
			   CMD_PACKET_SIZE, &actual_len, CMD_TIMEOUT); /* { dg-bogus "dmacheck" } */
	if (ret < 0)
		goto end;

	if (reply) {
		/* wait for reply, retry if it's empty */
		for (retries = 0; retries < CMD_REPLY_RETRY; retries++) {
			ret = usb_bulk_msg(udev, usb_rcvbulkpipe(udev, CMD_EP),
					   buf, CMD_PACKET_SIZE, &actual_len,
					   CMD_TIMEOUT); /* { dg-bogus "dmacheck" } */
			if (ret < 0)
				goto end;
			if (actual_len > 0)
				break;
		}
		if (actual_len == 0 || buf[0] != cmd || buf[1] != STATUS_SUCCESS) {
			ret = -EIO;
			goto end;
		}
		if (rdata)
			memcpy(rdata, buf + 4,
			       min_t(int, rlen, CMD_PACKET_SIZE - 4));
	}
end:
	kfree(buf);
	return ret;
}

int cx82310_bind(struct usb_device *udev, u8 *dev_addr)
{
	int ret;
	char buf[15];
	u8 link[3];
	int timeout = 50;
	u8 addr[ETH_ALEN];

	/* avoid ADSL modems - continue only if iProduct is "USB NET CARD" */
	if (usb_string(udev, udev->descriptor.iProduct, buf, sizeof(buf)) > 0
	    && strcmp(buf, "USB NET CARD")) { /* { dg-bogus "dmacheck" } */
		dev_info(&udev->dev, "ignoring: probably an ADSL modem\n");
		return -ENODEV;
	}

	/* wait for firmware to become ready (indicated by the link being up) */
	while (--timeout) {
		ret = cx82310_cmd(udev, CMD_GET_LINK_STATUS, true, NULL, 0,
				  link, sizeof(link)); /* { dg-bogus "dmacheck" } */
		/* the command can time out during boot - it's not an error */
		if (!ret && link[0] == 1 && link[2] == 1)
			break;
	}
	if (!timeout)
		return -ETIMEDOUT;

	/* enable ethernet mode (?) */
	ret = cx82310_cmd(udev, CMD_ETHERNET_MODE, true, (u8 *)"\x01", 1, NULL, 0); /* { dg-bogus "dmacheck" } */
	if (ret)
		return -ENODEV;

	/* get the MAC address */
	ret = cx82310_cmd(udev, CMD_GET_MAC_ADDR, true, NULL, 0, addr, ETH_ALEN); /* { dg-bogus "dmacheck" } */
	if (ret)
		return -ENODEV;
	memcpy(dev_addr, addr, ETH_ALEN);
	return 0;
}

/*
 * The CX82310's side: it echoes each command with STATUS_SUCCESS, reports the link up, and
 * answers anything else (the string descriptors) with the default pattern.
 */
static size_t cx82310_device(unsigned int pipe, const struct usb_ctrlrequest *setup,
			     void *data, size_t len, void *arg)
{
	u8 *last_cmd = arg, *p = data;
	size_t i;

	if (!setup && !usb_pipein(pipe)) {
		*last_cmd = p[0];
		return 0;
	}
	for (i = 0; i < len; i++)
		p[i] = (i & 1) ? 0x5A : 0xA5;
	if (!setup && len >= 8) {	/* endpoint 1: bulk OUT, interrupt IN on the harness' device */
		p[0] = *last_cmd;
		p[1] = STATUS_SUCCESS;
		p[4] = 1;	/* link status: up */
		p[6] = 1;
	}
	return len;
}

/* oracle: with an iProduct string (the model's device answers a pattern, not the expected name:
 * both drivers reject it), then without one and with a CX82310 that answers its commands, so
 * cx82310_bind() polls the link, enables ethernet mode and reads the MAC address */
void case_run(struct case_env *env)
{
	u8 *dev_addr = kmalloc(ETH_ALEN, GFP_KERNEL);
	u8 *last_cmd = kzalloc(1, GFP_KERNEL);

	env->udev->descriptor.iProduct = 2;
	usb_8dev_check_product(env->intf);
	cx82310_bind(env->udev, dev_addr);
	env->udev->descriptor.iProduct = 0;
	case_device_answers(env, cx82310_device, last_cmd);
	cx82310_bind(env->udev, dev_addr);
	case_device_answers(env, NULL, NULL);
	kfree(last_cmd);
	kfree(dev_addr);
}
