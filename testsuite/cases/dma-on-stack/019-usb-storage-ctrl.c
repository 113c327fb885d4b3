/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse core */
/* origin: silent parts reduced from drivers/usb/storage/isd200.c isd200_action() and drivers/usb/storage/transport.c usb_stor_Bulk_max_lun() (6.1); the stack variants are synthetic */
/* what: usb_stor_control_msg() and usb_stor_ctrl_transfer() with a local status byte warn; us->iobuf and members of the kmalloc()ed isd200_info do not */
#include <linux/usb.h>
#include <usb-storage/transport.h>
#include <dmacheck-case.h>

#define US_BULK_GET_MAX_LUN	0xfe
#define ACTION_SELECT_0		0x10
#define REQUEST_CONFIG		0x02

struct isd200_config {
	unsigned char EventNotification;
	unsigned char ExternalClock;
	unsigned char ATAInitTimeout;
	unsigned char ATAConfig;
	unsigned char ATAMajorCommand;
	unsigned char ATAMinorCommand;
	unsigned char ATAExtraConfig;
	unsigned char Reserved;
};

struct isd200_info {
	struct isd200_config ConfigData;
	unsigned char *RegsBuf;
};

int get_max_lun_stack(struct us_data *us)
{
	unsigned char lun = 0;
	int result;

	result = usb_stor_control_msg(us, us->recv_ctrl_pipe,
				 US_BULK_GET_MAX_LUN,
				 USB_DIR_IN | USB_TYPE_CLASS |
				 USB_RECIP_INTERFACE,
				 0, us->ifnum, &lun, 1, 10*1000); /* { dg-warning "dmacheck-dma-on-stack" } */
	return result == 1 ? lun : 0;
}

int read_config_stack(struct us_data *us)
{
	struct isd200_config cfg;
	int result;

	result = usb_stor_ctrl_transfer(us, us->recv_ctrl_pipe, REQUEST_CONFIG,
					USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
					0x0002, 0, (void *) &cfg,
					sizeof(cfg)); /* { dg-warning "dmacheck-dma-on-stack" } */
	return result == USB_STOR_XFER_GOOD ? cfg.ATAConfig : -EIO;
}

/* 6.1 usb_stor_Bulk_max_lun() */
int usb_stor_Bulk_max_lun(struct us_data *us)
{
	int result;

	/* issue the command */
	us->iobuf[0] = 0;
	result = usb_stor_control_msg(us, us->recv_ctrl_pipe,
				 US_BULK_GET_MAX_LUN,
				 USB_DIR_IN | USB_TYPE_CLASS |
				 USB_RECIP_INTERFACE,
				 0, us->ifnum, us->iobuf, 1, 10*1000); /* { dg-bogus "dmacheck" } */

	if (result > 0) {
		if (us->iobuf[0] < 16) {
			return us->iobuf[0];
		}
	}
	return 0;
}

/* 6.1 isd200_read_config() */
int isd200_read_config(struct us_data *us)
{
	struct isd200_info *info = (struct isd200_info *)us->extra;
	int transferStatus;

	transferStatus = usb_stor_ctrl_transfer(us, us->recv_ctrl_pipe,
		0x02, 0xC0, 0x0002, 0, (void *) &info->ConfigData,
		sizeof(info->ConfigData)); /* { dg-bogus "dmacheck" } */
	return transferStatus == USB_STOR_XFER_GOOD ? 0 : -EIO;
}

/* oracle: a us_data as usb_stor_probe1() sets it up (current_urb, cr, coherent iobuf) with the
 * isd200's kmalloc()ed info as us->extra; the four control transfers */
void case_run(struct case_env *env)
{
	struct us_data *us = case_usb_stor_probe(env);

	us->extra = kzalloc(sizeof(struct isd200_info), GFP_KERNEL);

	get_max_lun_stack(us);
	read_config_stack(us);
	usb_stor_Bulk_max_lun(us);
	isd200_read_config(us);
}
