// SPDX-License-Identifier: GPL-2.0
/*
 * test_pool.c - dma_pool blocks and their checks, and gen_pool local memory.
 */
#include "internal.h"
#include "tap.h"

static void boot(bool debug)
{
	struct dmc_machine_config m;

	dmc_machine_default(&m);
	m.slub_debug_on = debug;
	dmc_machine_init(&m);
}

static void test_dma_pool(void)
{
	struct dmc_device dev;
	struct dmc_dma_pool *pool;
	void *blk[200];
	dmc_dma_t h[200];

	tap_case("dma_pool: create");
	boot(true);
	dmc_device_init(&dev, "ehci", DMC_DEV_PCI, false, true);
	CHECK(dmc_dma_pool_create("x", &dev, 0, 0) == NULL);
	CHECK(dmc_dma_pool_create("x", &dev, 32, 3) == NULL);
	pool = dmc_dma_pool_create("tiny", &dev, 2, 0);		/* rounded up to 4 */
	CHECK(pool != NULL);
	dmc_dma_pool_destroy(pool);
	dmc_dma_pool_destroy(NULL);

	tap_case("dma_pool: blocks across pages");
	pool = dmc_dma_pool_create("buffer-32", &dev, 32, 32);
	for (int i = 0; i < 200; i++) {			/* 128 per page: two pages */
		blk[i] = dmc_dma_pool_alloc(pool, 0, &h[i]);
		CHECK(blk[i] != NULL);
	}
	CHECK_EQ(dmc_ledger_count(&dev), 2);		/* DMA debug sees pages, not blocks */
	CHECK_EQ(dmc_classify(blk[150]).kind, DMC_MEM_COHERENT);
	CHECK_EQ(h[1] - h[0], 32);
	CHECK_EQ(dmc_device_dma_write(&dev, h[5], "ok", 2), DMC_DEVDMA_OK);
	CHECK(memcmp(blk[5], "ok", 2) == 0);
	dmc_dma_pool_free(pool, blk[5], h[5]);
	CHECK(dmc_dma_pool_alloc(pool, 0, &h[5]) == blk[5]);	/* reused */
	CHECK_NO_EVENTS();

	tap_case("dma_pool: bad dma");
	dmc_dma_pool_free(pool, blk[3], 0x1000);
	CHECK_RULES("dma-pool-free-invalid");
	CHECK(strstr(dmc_event_get(0)->kernel_msg, "(bad dma)") != NULL);

	tap_case("dma_pool: vaddr and handle disagree");
	dmc_events_clear();
	dmc_dma_pool_free(pool, blk[3], h[4]);
	CHECK_RULES("dma-pool-free-invalid");
	CHECK_EQ(tap_outcome("dma-pool-free-invalid"), DMC_OUT_REPORTED);

	tap_case("dma_pool: double free");
	dmc_events_clear();
	dmc_dma_pool_free(pool, blk[7], h[7]);
	dmc_dma_pool_free(pool, blk[7], h[7]);
	CHECK_RULES("dma-pool-free-invalid");
	CHECK(strstr(dmc_event_get(0)->kernel_msg, "already free") != NULL);

	tap_case("dma_pool: destroy with busy pages leaks them");
	dmc_events_clear();
	dmc_dma_pool_destroy(pool);
	CHECK_RULES("dma-mapping-leak", "dma-mapping-leak");
	CHECK_EQ(dmc_ledger_count(&dev), 2);

	tap_case("dma_pool: without DMAPOOL_DEBUG the free list is corrupted");
	boot(false);
	dmc_device_init(&dev, "ehci", DMC_DEV_PCI, false, true);
	pool = dmc_dma_pool_create("buffer-128", &dev, 128, 128);
	blk[0] = dmc_dma_pool_alloc(pool, 0, &h[0]);
	blk[1] = dmc_dma_pool_alloc(pool, 0, &h[1]);
	dmc_dma_pool_free(pool, blk[0], h[1]);
	CHECK_RULES("dma-pool-free-invalid");
	CHECK_EQ(tap_outcome("dma-pool-free-invalid"), DMC_OUT_CORRUPTION);
	dmc_events_clear();
	dmc_dma_pool_free(pool, blk[1], h[1]);			/* freed by the bad call */
	CHECK_RULES("dma-pool-free-invalid");
	CHECK_EQ(tap_outcome("dma-pool-free-invalid"), DMC_OUT_CORRUPTION);
	dmc_events_clear();
	dmc_dma_pool_free(pool, blk[0], h[0]);
	dmc_dma_pool_destroy(pool);
	CHECK_NO_EVENTS();
	CHECK_EQ(dmc_ledger_count(&dev), 0);

	tap_case("dma_pool: blocks larger than a page");
	pool = dmc_dma_pool_create("big", &dev, 6000, 0);
	blk[0] = dmc_dma_pool_alloc(pool, 0, &h[0]);
	blk[1] = dmc_dma_pool_alloc(pool, 0, &h[1]);
	CHECK(blk[0] && blk[1] && blk[0] != blk[1]);
	dmc_dma_pool_free(pool, blk[0], h[0]);
	dmc_dma_pool_free(pool, blk[1], h[1]);
	dmc_dma_pool_destroy(pool);
	CHECK_NO_EVENTS();

	tap_case("dma_pool: no coherent memory");
	dev.coherent_dma_mask = DMC_BIT_MASK(12);
	pool = dmc_dma_pool_create("none", &dev, 64, 0);
	CHECK(dmc_dma_pool_alloc(pool, 0, &h[0]) == NULL);
	dmc_dma_pool_destroy(pool);
}

static void boot612(bool debug)
{
	struct dmc_machine_config m;

	dmc_machine_default(&m);
	m.kernel = DMC_KERNEL_6_12;
	m.slub_debug_on = debug;
	dmc_machine_init(&m);
}

/* mm/dmapool.c of 6.12 (rewritten in 6.4): the same misuses, other outcomes */
static void test_dma_pool_612(void)
{
	struct dmc_device dev;
	struct dmc_dma_pool *pool;
	void *blk[200];
	dmc_dma_t h[200];

	tap_case("dma_pool 6.12: bad dma without DMAPOOL_DEBUG joins the free list");
	boot612(false);
	dmc_device_init(&dev, "ehci", DMC_DEV_PCI, false, true);
	pool = dmc_dma_pool_create("buffer-32", &dev, 32, 32);
	for (int i = 0; i < 200; i++)			/* two pages */
		blk[i] = dmc_dma_pool_alloc(pool, 0, &h[i]);
	dmc_dma_pool_free(pool, blk[3], 0x1000);
	CHECK_RULES("dma-pool-free-invalid");
	CHECK_EQ(tap_outcome("dma-pool-free-invalid"), DMC_OUT_CORRUPTION);
	CHECK(dmc_event_get(0)->kernel_msg[0] == 0);	/* nothing printed */

	tap_case("dma_pool 6.12: vaddr and handle are never compared");
	dmc_events_clear();
	dmc_dma_pool_free(pool, blk[3], h[4]);
	CHECK_RULES("dma-pool-free-invalid");
	CHECK_EQ(tap_outcome("dma-pool-free-invalid"), DMC_OUT_CORRUPTION);

	tap_case("dma_pool 6.12: destroy of a busy pool leaks every page");
	dmc_events_clear();
	for (int i = 128; i < 200; i++)			/* the second page is idle */
		dmc_dma_pool_free(pool, blk[i], h[i]);
	CHECK_NO_EVENTS();
	dmc_dma_pool_destroy(pool);
	CHECK_RULES("dma-mapping-leak");		/* one message, not one per page */
	CHECK(strstr(dmc_event_get(0)->kernel_msg, "buffer-32 busy") != NULL);
	CHECK_EQ(dmc_ledger_count(&dev), 2);		/* 6.1 frees the idle page */

	tap_case("dma_pool 6.12: DMAPOOL_DEBUG names pool_block_err");
	boot612(true);
	dmc_device_init(&dev, "ehci", DMC_DEV_PCI, false, true);
	pool = dmc_dma_pool_create("buffer-128", &dev, 128, 128);
	blk[0] = dmc_dma_pool_alloc(pool, 0, &h[0]);
	dmc_dma_pool_free(pool, blk[0], 0x1000);
	CHECK_RULES("dma-pool-free-invalid");
	CHECK_EQ(tap_outcome("dma-pool-free-invalid"), DMC_OUT_REPORTED);
	CHECK(strstr(dmc_event_get(0)->kernel_msg, "pool_block_err buffer-128") != NULL);
	dmc_events_clear();
	dmc_dma_pool_free(pool, blk[0], h[0]);
	dmc_dma_pool_free(pool, blk[0], h[0]);
	CHECK_RULES("dma-pool-free-invalid");
	CHECK(strstr(dmc_event_get(0)->kernel_msg, "pool_block_err buffer-128, dma") != NULL);
	dmc_events_clear();
	dmc_dma_pool_destroy(pool);
	CHECK_NO_EVENTS();
	CHECK_EQ(dmc_ledger_count(&dev), 0);
}

static void test_gen_pool(void)
{
	struct dmc_device dev;
	struct dmc_gen_pool *pool;
	dmc_dma_t d1, d2;
	char *a, *b;

	tap_case("gen_pool: local memory");
	boot(true);
	dmc_device_init(&dev, "sm501", DMC_DEV_PLATFORM, false, true);
	pool = dmc_gen_pool_create_local(&dev, 4096, 0x20000000);
	a = dmc_gen_pool_dma_alloc(pool, 100, &d1);
	b = dmc_gen_pool_dma_alloc(pool, 100, &d2);
	CHECK(a && b);
	CHECK_EQ(d1, 0x20000000);
	CHECK_EQ(d2 - d1, b - a);
	CHECK_EQ(dmc_classify(a).kind, DMC_MEM_HCD_LOCAL);
	CHECK(!dmc_virt_addr_valid(a) && !dmc_is_vmalloc_addr(a));
	CHECK_EQ(dmc_device_dma_write(&dev, d2, "local", 5), DMC_DEVDMA_OK);
	CHECK(memcmp(b, "local", 5) == 0);
	CHECK(dmc_gen_pool_dma_alloc(pool, 8192, &d1) == NULL);	/* exhausted */
	CHECK(dmc_gen_pool_dma_alloc(pool, 0, &d1) == NULL);
	dmc_gen_pool_free(pool, a, 100);
	CHECK(dmc_gen_pool_dma_alloc(pool, 64, &d1) == a);
	dmc_gen_pool_destroy(pool);
	dmc_gen_pool_destroy(NULL);
	CHECK_EQ(dmc_classify(a).kind, DMC_MEM_UNKNOWN);
	CHECK_NO_EVENTS();
}

int main(void)
{
	test_dma_pool();
	test_dma_pool_612();
	test_gen_pool();
	dmc_machine_exit();
	return tap_done("test_pool");
}
