/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc sparse cocci core */
/* origin: pattern before commit 'USB: serial: iuu_phoenix: fix DMA from stack' (2021), drivers/usb/serial/iuu_phoenix.c iuu_uart_flush() and bulk_immediate(), reduced (struct usb_serial and usb_serial_port cut down to the members used; read_immediate() and the LED call left out) */
/* what: a one-byte command in a local variable sent through a same-file wrapper over usb_bulk_msg() warns at the wrapper call; the fix's kmalloc()ed command stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define IUU_UART_RX	0x0b

struct usb_serial {
	struct usb_device *dev;
};

struct usb_serial_port {
	struct usb_serial *serial;
	u8 bulk_out_endpointAddress;
};

static int bulk_immediate(struct usb_serial_port *port, u8 *buf, u8 count)
{
	int status;
	struct usb_serial *serial = port->serial;
	int actual = 0;

	/* send the data out the bulk port */
	status = usb_bulk_msg(serial->dev,
			      usb_sndbulkpipe(serial->dev, port->bulk_out_endpointAddress),
			      buf, count, &actual, 1000); /* { dg-bogus "dmacheck" } */

	if (status != 0)
		return -EIO;
	return 0;
}

int iuu_uart_flush(struct usb_serial_port *port)
{
	int i;
	int status;
	u8 rxcmd = IUU_UART_RX;

	for (i = 0; i < 2; i++) {
		status = bulk_immediate(port, &rxcmd, 1); /* { dg-warning "dmacheck-dma-on-stack" } */
		if (status != 0)
			return status;
	}
	return 0;
}

/* the fixed version */
int iuu_uart_flush_fixed(struct usb_serial_port *port)
{
	int i;
	int status;
	u8 *rxcmd;

	rxcmd = kmalloc(1, GFP_KERNEL);
	if (!rxcmd)
		return -ENOMEM;
	rxcmd[0] = IUU_UART_RX;
	for (i = 0; i < 2; i++) {
		status = bulk_immediate(port, rxcmd, 1); /* { dg-bogus "dmacheck" } */
		if (status != 0)
			break;
	}
	kfree(rxcmd);
	return status;
}

/* oracle: the port's flush before and after the fix */
void case_run(struct case_env *env)
{
	struct usb_serial *serial = kzalloc(sizeof(*serial), GFP_KERNEL);
	struct usb_serial_port *port = kzalloc(sizeof(*port), GFP_KERNEL);

	serial->dev = env->udev;
	port->serial = serial;
	port->bulk_out_endpointAddress = 0x02;
	iuu_uart_flush(port);
	iuu_uart_flush_fixed(port);
}
