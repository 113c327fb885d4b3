/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/usb/storage/shuttle_usbat.c usbat_read(), usbat_get_status(), usbat_multiple_write(), usbat_identify_device() (6.1): real 6.1 code */
/* what: a local status byte reaches usb_stor_ctrl_transfer() two helpers down and warns at the call that passes it; local register arrays given to usbat_multiple_write(), which copies them into us->iobuf, do not */
#include <linux/usb.h>
#include <usb-storage/transport.h>
#include <dmacheck-case.h>

#define USBAT_ATA		0x40
#define USBAT_CMD_READ_REG	0x00
#define USBAT_CMD_WRITE_REG	0x01
#define USBAT_CMD_WRITE_REGS	0x07
#define USBAT_CMD_EXEC_CMD	0x80
#define USBAT_ATA_STATUS	0x17  /* device status (R) */
#define USBAT_ATA_CMD		0x17  /* device command (W) */
#define US_IOBUF_SIZE		64	/* Size of the DMA-mapped I/O buffer */
#define LSB_of(s) ((s)&0xFF)
#define MSB_of(s) ((s)>>8)
#define short_pack(LSB, MSB) (((u16)(LSB)) | (((u16)(MSB))<<8))

static int usbat_read(struct us_data *us,
		      unsigned char access,
		      unsigned char reg,
		      unsigned char *content)
{
	return usb_stor_ctrl_transfer(us,
		us->recv_ctrl_pipe,
		access | USBAT_CMD_READ_REG,
		0xC0,
		(u16)reg,
		0,
		content,
		1); /* { dg-bogus "dmacheck" } */
}

static int usbat_write(struct us_data *us,
		       unsigned char access,
		       unsigned char reg,
		       unsigned char content)
{
	return usb_stor_ctrl_transfer(us,
		us->send_ctrl_pipe,
		access | USBAT_CMD_WRITE_REG,
		0x40,
		short_pack(reg, content),
		0,
		NULL,
		0); /* { dg-bogus "dmacheck" } */
}

static int usbat_get_status(struct us_data *us, unsigned char *status)
{
	int rc;
	rc = usbat_read(us, USBAT_ATA, USBAT_ATA_STATUS, status); /* { dg-bogus "dmacheck" } */

	return rc;
}

static int usbat_execute_command(struct us_data *us,
								 unsigned char *commands,
								 unsigned int len)
{
	return usb_stor_ctrl_transfer(us, us->send_ctrl_pipe,
								  USBAT_CMD_EXEC_CMD, 0x40, 0, 0,
								  commands, len); /* { dg-bogus "dmacheck" } */
}

static int usbat_multiple_write(struct us_data *us,
				unsigned char *registers,
				unsigned char *data_out,
				unsigned short num_registers)
{
	int i, result;
	unsigned char *data = us->iobuf;
	unsigned char *command = us->iobuf;

	BUG_ON(num_registers > US_IOBUF_SIZE/2);

	/* Write to multiple registers, ATA access */
	command[0] = 0x40;
	command[1] = USBAT_ATA | USBAT_CMD_WRITE_REGS;

	/* No relevance */
	command[2] = 0;
	command[3] = 0;
	command[4] = 0;
	command[5] = 0;

	/* Number of bytes to be transferred (incl. addresses and data) */
	command[6] = LSB_of(num_registers*2);
	command[7] = MSB_of(num_registers*2);

	/* The setup command */
	result = usbat_execute_command(us, command, 8); /* { dg-bogus "dmacheck" } */
	if (result != USB_STOR_XFER_GOOD)
		return USB_STOR_TRANSPORT_ERROR;

	/* Create the reg/data, reg/data sequence */
	for (i=0; i<num_registers; i++) {
		data[i<<1] = registers[i];
		data[1+(i<<1)] = data_out[i];
	}

	/* Send the data */
	result = usb_stor_bulk_transfer_buf(us, us->send_bulk_pipe, data,
					    num_registers*2, NULL); /* { dg-bogus "dmacheck" } */
	if (result != USB_STOR_XFER_GOOD)
		return USB_STOR_TRANSPORT_ERROR;
	return USB_STOR_TRANSPORT_GOOD;
}

int usbat_identify_device(struct us_data *us)
{
	int rc;
	unsigned char status;

	rc = usbat_write(us, USBAT_ATA, USBAT_ATA_CMD, 0xA1); /* { dg-bogus "dmacheck" } */
 	if (rc != USB_STOR_XFER_GOOD)
 		return USB_STOR_TRANSPORT_ERROR;

	rc = usbat_get_status(us, &status); /* { dg-warning "dmacheck-dma-on-stack" } */
 	if (rc != USB_STOR_XFER_GOOD)
 		return USB_STOR_TRANSPORT_ERROR;

	/* Check for error bit, or if the command 'fell through' */
	return (status == 0xA1 || !(status & 0x01)) ? 1 : 0;
}

int usbat_set_registers(struct us_data *us, unsigned char cmd)
{
	unsigned char registers[3] = { 0x11, 0x12, 0x17 };
	unsigned char command[3] = { 0x00, 0x00, cmd };
	int rc;

	rc = usbat_multiple_write(us, registers, command, 3); /* { dg-bogus "dmacheck" } */
	if (rc != USB_STOR_TRANSPORT_GOOD)
		return rc;
	return usbat_get_status(us, us->iobuf); /* { dg-bogus "dmacheck" } */
}

/* oracle: a shuttle_usbat us_data as usb_stor_probe1() sets it up (current_urb, cr, coherent
 * iobuf); identify the device, then write the registers and read the status into iobuf */
void case_run(struct case_env *env)
{
	struct us_data *us = case_usb_stor_probe(env);

	usbat_identify_device(us);
	usbat_set_registers(us, 0x20);

	usb_free_coherent(env->udev, US_IOBUF_SIZE, us->iobuf, us->iobuf_dma);
	kfree(us->cr);
	usb_free_urb(us->current_urb);
	kfree(us);
}
