/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse cocci core */
/* origin: reduced from drivers/scsi/bnx2fc/bnx2fc_io.c (6.1) bnx2fc_map_sg(), bnx2fc_build_bd_list_from_sg(); the untested caller is synthetic */
/* what: the count bounds the loop that builds the BD list and nothing else; the helper returns the BD count, 0 before the loop and raised only inside it, so a failed mapping (count 0) returns 0, and the only caller tests that for 0 (-ENOMEM): handled one function up, silent. The same helper whose caller uses the BD count untested is a finding */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define MAX_BD_LEN 0xffff

struct bd_ctx {
	u32 buf_addr_lo, buf_addr_hi;
	u16 buf_len, flags;
};

struct fc_cmd {
	struct device *dev;
	struct scatterlist *sgl;
	int sg_cnt;
	struct bd_ctx *bd;
	int bd_valid;
};

static int split_bd(struct fc_cmd *io_req, u64 addr, int sg_len, int bd_index)
{
	io_req->bd[bd_index].buf_addr_lo = addr & 0xffffffff;
	io_req->bd[bd_index].buf_len = MAX_BD_LEN;
	return (sg_len + MAX_BD_LEN - 1) / MAX_BD_LEN;
}

/* bnx2fc_map_sg() */
static int map_sg(struct fc_cmd *io_req)
{
	struct bd_ctx *bd = io_req->bd;
	struct scatterlist *sg;
	unsigned int sg_len;
	int sg_count = 0;
	int bd_count = 0;
	int sg_frags;
	u64 addr;
	int i;

	sg_count = dma_map_sg(io_req->dev, io_req->sgl, io_req->sg_cnt, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	for_each_sg(io_req->sgl, sg, sg_count, i) {
		sg_len = sg_dma_len(sg);
		addr = sg_dma_address(sg);
		if (sg_len > MAX_BD_LEN) {
			sg_frags = split_bd(io_req, addr, sg_len, bd_count);
		} else {
			sg_frags = 1;
			bd[bd_count].buf_addr_lo = addr & 0xffffffff;
			bd[bd_count].buf_addr_hi = addr >> 32;
			bd[bd_count].buf_len = (u16)sg_len;
		}
		bd_count += sg_frags;
	}
	return bd_count;
}

/* bnx2fc_build_bd_list_from_sg(): the only caller tests the BD count for 0 */
int build_bd_list(struct fc_cmd *io_req)
{
	int bd_count;

	if (io_req->sg_cnt) {
		bd_count = map_sg(io_req);
		if (bd_count == 0)
			return -ENOMEM;
	} else {
		bd_count = 0;
		io_req->bd[0].buf_len = 0;
	}
	io_req->bd_valid = bd_count;
	return 0;
}

/* the same helper, but its caller takes 0 BDs for a command without data */
static int map_sg_untested(struct fc_cmd *io_req)
{
	struct scatterlist *sg;
	int sg_count = 0;
	int bd_count = 0;
	int i;

	sg_count = dma_map_sg(io_req->dev, io_req->sgl, io_req->sg_cnt, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-sg-unchecked" } { core-differs "all" "no model fails this mapping, so the count is never 0 in the run" } */
	for_each_sg(io_req->sgl, sg, sg_count, i) {
		io_req->bd[bd_count].buf_addr_lo = sg_dma_address(sg) & 0xffffffff;
		io_req->bd[bd_count].buf_len = (u16)sg_dma_len(sg);
		bd_count++;
	}
	return bd_count;
}

int build_bd_list_untested(struct fc_cmd *io_req)
{
	io_req->bd_valid = map_sg_untested(io_req);
	return 0;
}

static struct scatterlist *case_sg(int n)
{
	struct scatterlist *sg = kcalloc(n, sizeof(*sg), GFP_KERNEL);
	int i;

	sg_init_table(sg, n);
	for (i = 0; i < n; i++)
		sg_set_buf(&sg[i], kzalloc(256, GFP_KERNEL), 256);
	return sg;
}

static void case_sg_free(struct scatterlist *sg, int n)
{
	int i;

	for (i = 0; i < n; i++)
		kfree(sg_virt(&sg[i]));
	kfree(sg);
}

/* oracle: each command mapped and unmapped as its completion does, on the platform device */
void case_run(struct case_env *env)
{
	struct fc_cmd *io_req = kzalloc(sizeof(*io_req), GFP_KERNEL);

	io_req->dev = &env->pdev->dev;
	io_req->sgl = case_sg(2);
	io_req->sg_cnt = 2;
	io_req->bd = kcalloc(4, sizeof(*io_req->bd), GFP_KERNEL);
	if (!build_bd_list(io_req))
		dma_unmap_sg(io_req->dev, io_req->sgl, io_req->sg_cnt, DMA_TO_DEVICE);
	build_bd_list_untested(io_req);
	dma_unmap_sg(io_req->dev, io_req->sgl, io_req->sg_cnt, DMA_TO_DEVICE);
	case_sg_free(io_req->sgl, 2);
	kfree(io_req->bd);
	kfree(io_req);
}
