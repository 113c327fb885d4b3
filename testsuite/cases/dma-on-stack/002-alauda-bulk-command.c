/* SPDX-License-Identifier: GPL-2.0+ */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/usb/storage/alauda.c (6.1) alauda_check_status2(), alauda_get_redu_data(), alauda_erase_block(): real 6.1 code */
/* what: command and status arrays on the stack handed to usb_stor_bulk_transfer_buf(), which maps them for a bulk URB */
#include <linux/usb.h>
#include <usb-storage/transport.h>
#include <dmacheck-case.h>

#define ALAUDA_STATUS_ERROR		0x01
#define ALAUDA_BULK_CMD			0x40
#define ALAUDA_BULK_GET_REDU_DATA	0x85
#define ALAUDA_BULK_GET_STATUS2		0xb7
#define ALAUDA_BULK_ERASE_BLOCK		0x94
#define ALAUDA_PORT_XD			0x00
#define MEDIA_PORT(us)			ALAUDA_PORT_XD
#define PBA_LO(pba) ((pba & 0xF) << 5)
#define PBA_HI(pba) (pba >> 3)
#define PBA_ZONE(pba) (pba >> 11)

static int alauda_check_status2(struct us_data *us)
{
	int rc;
	unsigned char command[] = {
		ALAUDA_BULK_CMD, ALAUDA_BULK_GET_STATUS2,
		0, 0, 0, 0, 3, 0, MEDIA_PORT(us)
	};
	unsigned char data[3];

	rc = usb_stor_bulk_transfer_buf(us, us->send_bulk_pipe,
		command, 9, NULL); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (rc != USB_STOR_XFER_GOOD)
		return rc;

	rc = usb_stor_bulk_transfer_buf(us, us->recv_bulk_pipe,
		data, 3, NULL); /* { dg-warning "dmacheck-dma-on-stack" } { core-differs "ehci-dma ehci-iommu xhci musb" "DMA controllers refuse the stack command sent before it, so this read never runs there" } */
	if (rc != USB_STOR_XFER_GOOD)
		return rc;

	if (data[0] & ALAUDA_STATUS_ERROR)
		return USB_STOR_XFER_ERROR;

	return USB_STOR_XFER_GOOD;
}

static int alauda_get_redu_data(struct us_data *us, u16 pba, unsigned char *data)
{
	int rc;
	unsigned char command[] = {
		ALAUDA_BULK_CMD, ALAUDA_BULK_GET_REDU_DATA,
		PBA_HI(pba), PBA_ZONE(pba), 0, PBA_LO(pba), 0, 0, MEDIA_PORT(us)
	};

	rc = usb_stor_bulk_transfer_buf(us, us->send_bulk_pipe,
		command, 9, NULL); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (rc != USB_STOR_XFER_GOOD)
		return rc;

	return usb_stor_bulk_transfer_buf(us, us->recv_bulk_pipe,
		data, 16, NULL); /* { dg-bogus "dmacheck" } */
}

static int alauda_erase_block(struct us_data *us, u16 pba)
{
	int rc;
	unsigned char command[] = {
		ALAUDA_BULK_CMD, ALAUDA_BULK_ERASE_BLOCK, PBA_HI(pba),
		PBA_ZONE(pba), 0, PBA_LO(pba), 0x02, 0, MEDIA_PORT(us)
	};
	unsigned char buf[2];

	rc = usb_stor_bulk_transfer_buf(us, us->send_bulk_pipe,
		command, 9, NULL); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (rc != USB_STOR_XFER_GOOD)
		return rc;

	rc = usb_stor_bulk_transfer_buf(us, us->recv_bulk_pipe,
		buf, 2, NULL); /* { dg-warning "dmacheck-dma-on-stack" } { core-differs "ehci-dma ehci-iommu xhci musb" "DMA controllers refuse the stack command sent before it, so this read never runs there" } */
	if (rc != USB_STOR_XFER_GOOD)
		return rc;

	return buf[0] == 0 ? rc : USB_STOR_XFER_ERROR;
}

/* the driver's redundancy buffer is us->iobuf, DMA-able and preallocated */
int alauda_check_media(struct us_data *us, u16 pba)
{
	int rc = alauda_check_status2(us);

	if (rc != USB_STOR_XFER_GOOD)
		return rc;
	rc = alauda_get_redu_data(us, pba, us->iobuf); /* { dg-bogus "dmacheck" } */
	if (rc != USB_STOR_XFER_GOOD)
		return rc;
	return alauda_erase_block(us, pba);
}

/* oracle: an alauda us_data as usb_stor_probe1() sets it up (current_urb, cr, coherent iobuf),
 * then the media check and each of its steps on their own (every command runs even where the
 * first stack transfer of a step is refused) */
void case_run(struct case_env *env)
{
	struct us_data *us = case_usb_stor_probe(env);

	alauda_check_media(us, 0x123);
	alauda_check_status2(us);
	alauda_get_redu_data(us, 0x123, us->iobuf);
	alauda_erase_block(us, 0x123);
}
