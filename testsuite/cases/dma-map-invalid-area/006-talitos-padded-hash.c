/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/crypto/talitos.c (6.1) talitos_handle_buggy_hash() and its map_single_talitos_ptr() -> __map_single_talitos_ptr() -> dma_map_single_attrs() helpers (a finding of the lifecycle scan, docs/findings-6.1.md); the request context's hw_context mapped the same way is 6.1 too; the fixed variant is synthetic */
/* what: a function-local static padding block mapped through two same-file helpers warns at the outer helper's call; the request context's member array and a padding block kept in the kzalloc()ed context stay silent */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define TALITOS_MDEU_MAX_CONTEXT_SIZE	64

struct talitos_ptr {
	__be16 len;
	u8 j_extent;
	u8 eptr;
	__be32 ptr;
};

struct talitos_ctx {
	struct device *dev;
	u8 *pad;			/* synthetic: a kzalloc()ed padding block */
};

struct talitos_ahash_req_ctx {
	u32 hw_context[TALITOS_MDEU_MAX_CONTEXT_SIZE / sizeof(u32)];
	unsigned int hw_context_size;
};

static void to_talitos_ptr(struct talitos_ptr *ptr, dma_addr_t dma_addr, unsigned int len)
{
	ptr->ptr = (__be32)dma_addr;
	ptr->len = (__be16)len;
}

static void __map_single_talitos_ptr(struct device *dev, struct talitos_ptr *ptr,
				     unsigned int len, void *data,
				     enum dma_data_direction dir, unsigned long attrs)
{
	dma_addr_t dma_addr = dma_map_single_attrs(dev, data, len, dir, attrs);

	if (dma_mapping_error(dev, dma_addr))	/* not in 6.1: dma-mapping-error-unchecked's */
		return;
	to_talitos_ptr(ptr, dma_addr, len);
}

static void map_single_talitos_ptr(struct device *dev, struct talitos_ptr *ptr,
				   unsigned int len, void *data, enum dma_data_direction dir)
{
	__map_single_talitos_ptr(dev, ptr, len, data, dir, 0);
}

/* 6.1: SEC1 does not hash a zero-length message; the driver feeds a padded block */
void talitos_handle_buggy_hash(struct talitos_ctx *ctx, struct talitos_ptr *ptr)
{
	static u8 padded_hash[64] = {
		0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	};

	map_single_talitos_ptr(ctx->dev, ptr, sizeof(padded_hash),
			       (char *)padded_hash, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-invalid-area" } */
}

/* 6.1: the hash context lives in the request context (kmalloc()ed by the crypto API) */
void talitos_map_context(struct talitos_ctx *ctx, struct talitos_ahash_req_ctx *req_ctx,
			 struct talitos_ptr *ptr)
{
	map_single_talitos_ptr(ctx->dev, ptr, req_ctx->hw_context_size, req_ctx->hw_context,
			       DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
}

/* synthetic fix: the block in memory the driver allocated */
int talitos_handle_buggy_hash_fixed(struct talitos_ctx *ctx, struct talitos_ptr *ptr)
{
	if (!ctx->pad) {
		ctx->pad = kzalloc(64, GFP_KERNEL);
		if (!ctx->pad)
			return -ENOMEM;
		ctx->pad[0] = 0x80;
	}
	map_single_talitos_ptr(ctx->dev, ptr, 64, ctx->pad, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	return 0;
}

/* oracle: each once, on the platform device (the mappings are left live, as the case does
 * not model the descriptor's completion) */
void case_run(struct case_env *env)
{
	struct talitos_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	struct talitos_ahash_req_ctx *req_ctx = kzalloc(sizeof(*req_ctx), GFP_KERNEL);
	struct talitos_ptr *ptrs = kcalloc(3, sizeof(*ptrs), GFP_KERNEL);

	ctx->dev = &env->pdev->dev;
	req_ctx->hw_context_size = 32;
	talitos_handle_buggy_hash(ctx, &ptrs[0]);
	talitos_map_context(ctx, req_ctx, &ptrs[1]);
	talitos_handle_buggy_hash_fixed(ctx, &ptrs[2]);
}
