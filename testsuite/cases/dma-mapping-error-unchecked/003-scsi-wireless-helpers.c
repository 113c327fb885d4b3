/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/scsi/initio.c (6.1) i91u_build_scb(), drivers/scsi/dc395x.c (6.1) request_sense(), drivers/net/wireless/intel/ipw2x00/ipw2200.c (6.1) ipw_tx_skb(); the helpers are synthetic, in the shape of a driver's own map and check wrappers */
/* what: sense buffers and TX fragments mapped and written to the controller's command block untested (also inside cpu_to_le32() in a loop); a same-file map helper passes the duty to its caller, a same-file check helper (also one that tests a member) discharges it */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define SENSE_SIZE 14

struct initio_scb {
	u32 senseptr;
	u32 senselen;
	u32 bufptr;
};

struct initio_cmd_priv {
	dma_addr_t sense_dma_addr;
};

/* i91u_build_scb(): the sense buffer goes to the SCB and the command's private data */
void i91u_build_scb(struct device *dev, struct initio_scb *cblk, struct initio_cmd_priv *priv,
		    u8 *sense_buffer)
{
	dma_addr_t dma_addr;

	dma_addr = dma_map_single(dev, sense_buffer,
				  SENSE_SIZE, DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	cblk->senseptr = (u32)dma_addr;
	cblk->senselen = SENSE_SIZE;
	priv->sense_dma_addr = dma_addr;
}

struct sg_mapping_entry {
	u32 address;
	u32 length;
};

struct dc395x_srb {
	struct sg_mapping_entry segment_x[2];
	u8 *sense_buffer;
};

/* request_sense(): straight into the segment table */
void dc395x_request_sense(struct device *dev, struct dc395x_srb *srb)
{
	srb->segment_x[0].address = dma_map_single(dev, srb->sense_buffer, 96,
						   DMA_FROM_DEVICE); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
	srb->segment_x[0].length = 96;
}

struct ipw_tfd {
	__le32 chunk_ptr[4];
	__le16 chunk_len[4];
};

/* ipw_tx_skb(): every fragment, inside cpu_to_le32() */
void ipw_tx_frags(struct device *dev, struct ipw_tfd *tfd, u8 **frag, int nr, int len)
{
	int i;

	for (i = 0; i < nr; i++) {
		tfd->chunk_ptr[i] =
		    cpu_to_le32(dma_map_single(dev, frag[i], len,
					       DMA_TO_DEVICE)); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
		tfd->chunk_len[i] = cpu_to_le16(len);
	}
}

/* a driver's own wrappers */
static dma_addr_t hba_map_sense(struct device *dev, u8 *sense)
{
	return dma_map_single(dev, sense, 96, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
}

static int hba_dma_failed(struct device *dev, dma_addr_t addr)
{
	return dma_mapping_error(dev, addr);
}

static bool hba_segment_bad(struct device *dev, struct sg_mapping_entry *seg)
{
	return dma_mapping_error(dev, seg->address) != 0;
}

/* the helper's handle untested */
void hba_request_sense(struct device *dev, struct dc395x_srb *srb)
{
	dma_addr_t dma = hba_map_sense(dev, srb->sense_buffer); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */

	srb->segment_x[0].address = dma;
}

/* tested by the check helper */
int hba_request_sense_checked(struct device *dev, struct dc395x_srb *srb)
{
	dma_addr_t dma = hba_map_sense(dev, srb->sense_buffer); /* { dg-bogus "dmacheck" } */

	if (hba_dma_failed(dev, dma))
		return -ENOMEM;
	srb->segment_x[0].address = dma; /* { dg-bogus "dmacheck" } */
	return 0;
}

/* stored first, then tested through the helper that reads the member */
int hba_request_sense_member(struct device *dev, struct dc395x_srb *srb)
{
	srb->segment_x[1].address = dma_map_single(dev, srb->sense_buffer, 96,
						   DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } */
	if (hba_segment_bad(dev, &srb->segment_x[1]))
		return -ENOMEM;
	srb->segment_x[1].length = 96;
	return 0;
}

/* compared with DMA_MAPPING_ERROR itself: it sees the failure */
int hba_request_sense_value(struct device *dev, struct initio_scb *cblk, u8 *sense)
{
	dma_addr_t dma = dma_map_single(dev, sense, 96, DMA_FROM_DEVICE); /* { dg-bogus "dmacheck" } { core-differs "all" "DMA-API debug counts only dma_mapping_error() as the check; the comparison sees a failed mapping all the same" } */

	if (dma == DMA_MAPPING_ERROR)
		return -ENOMEM;
	cblk->senseptr = (u32)dma; /* { dg-bogus "dmacheck" } */
	return 0;
}

/* mapped and tested, the handle returned to the caller */
dma_addr_t hba_map_checked(struct device *dev, u8 *buf)
{
	dma_addr_t dma = dma_map_single(dev, buf, 64, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */

	if (dma_mapping_error(dev, dma))
		return 0;
	return dma;
}

/* oracle: each command built and its mappings unmapped as the completion does */
void case_run(struct case_env *env)
{
	struct device *dev = &env->pdev->dev;
	struct initio_scb *cblk = kzalloc(sizeof(*cblk), GFP_KERNEL);
	struct initio_cmd_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	struct dc395x_srb *srb = kzalloc(sizeof(*srb), GFP_KERNEL);
	struct ipw_tfd *tfd = kzalloc(sizeof(*tfd), GFP_KERNEL);
	u8 *sense = kzalloc(96, GFP_KERNEL);
	u8 *frag[2] = { kzalloc(64, GFP_KERNEL), kzalloc(64, GFP_KERNEL) };
	u8 *buf = kzalloc(64, GFP_KERNEL);
	dma_addr_t dma;
	int i;

	srb->sense_buffer = sense;
	i91u_build_scb(dev, cblk, priv, sense);
	dma_unmap_single(dev, priv->sense_dma_addr, SENSE_SIZE, DMA_FROM_DEVICE);
	dc395x_request_sense(dev, srb);
	dma_unmap_single(dev, srb->segment_x[0].address, 96, DMA_FROM_DEVICE);
	ipw_tx_frags(dev, tfd, frag, 2, 64);
	for (i = 0; i < 2; i++)
		dma_unmap_single(dev, le32_to_cpu(tfd->chunk_ptr[i]), 64, DMA_TO_DEVICE);
	hba_request_sense(dev, srb);
	dma_unmap_single(dev, srb->segment_x[0].address, 96, DMA_FROM_DEVICE);
	if (!hba_request_sense_checked(dev, srb))
		dma_unmap_single(dev, srb->segment_x[0].address, 96, DMA_FROM_DEVICE);
	if (!hba_request_sense_member(dev, srb))
		dma_unmap_single(dev, srb->segment_x[1].address, 96, DMA_FROM_DEVICE);
	if (!hba_request_sense_value(dev, cblk, sense))
		dma_unmap_single(dev, cblk->senseptr, 96, DMA_FROM_DEVICE);
	dma = hba_map_checked(dev, buf);
	if (dma)
		dma_unmap_single(dev, dma, 64, DMA_TO_DEVICE);
	kfree(buf);
	kfree(frag[0]);
	kfree(frag[1]);
	kfree(sense);
	kfree(tfd);
	kfree(srb);
	kfree(priv);
	kfree(cblk);
}
