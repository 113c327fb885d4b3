// SPDX-License-Identifier: GPL-2.0
/*
 * test_ledger.c - every check of the DMA-API debug ledger (check_unmap, check_sync,
 * debug_dma_mapping_error, dma_debug_device_change), with DMA debug on and off.
 */
#include "internal.h"
#include "tap.h"

enum op { OP_NONE, OP_UNMAP_SG, OP_UNMAP_SINGLE, OP_UNMAP_PAGE, OP_FREE_COHERENT, OP_SYNC_CPU, OP_SYNC_DEV,
	  OP_RELEASE };

static const struct lcase {
	const char *name;
	bool debug, iommu, check_error;
	enum dmc_dir map_dir;		/* DMC_NONE: do not map */
	enum op op;
	long addr_delta;		/* op address = mapping + delta */
	size_t size;			/* op size (mapping is 256 bytes) */
	enum dmc_dir op_dir;
	const char *rules[3];
	int outcome;			/* of rules[0], -1: do not care */
} cases[] = {
	{ "clean unmap", true, false, true, DMC_TO_DEVICE, OP_UNMAP_SINGLE, 0, 256, DMC_TO_DEVICE, { NULL }, -1 },
	{ "clean unmap_page", true, false, true, DMC_TO_DEVICE, OP_UNMAP_PAGE, 0, 256, DMC_TO_DEVICE, { NULL }, -1 },
	{ "mapping error never checked", true, false, false, DMC_TO_DEVICE, OP_UNMAP_SINGLE, 0, 256, DMC_TO_DEVICE, { "dma-mapping-error-unchecked" }, DMC_OUT_REPORTED },
	{ "unchecked, no DMA debug", false, false, false, DMC_TO_DEVICE, OP_UNMAP_SINGLE, 0, 256, DMC_TO_DEVICE, { "dma-mapping-error-unchecked" }, DMC_OUT_SILENT },
	{ "unmap never mapped", true, false, true, DMC_NONE, OP_UNMAP_SINGLE, 0, 256, DMC_TO_DEVICE, { "dma-unmap-unknown" }, DMC_OUT_REPORTED },
	{ "unmap unknown behind iommu", true, true, true, DMC_NONE, OP_UNMAP_SINGLE, 0, 256, DMC_TO_DEVICE, { "dma-unmap-unknown" }, DMC_OUT_CORRUPTION },
	{ "unmap size mismatch", true, false, true, DMC_TO_DEVICE, OP_UNMAP_SINGLE, 0, 128, DMC_TO_DEVICE, { "dma-unmap-size-mismatch" }, DMC_OUT_REPORTED },
	{ "unmap direction mismatch", true, false, true, DMC_TO_DEVICE, OP_UNMAP_SINGLE, 0, 256, DMC_FROM_DEVICE, { "dma-unmap-dir-mismatch" }, DMC_OUT_REPORTED },
	{ "unmap everything wrong", true, false, false, DMC_FROM_DEVICE, OP_UNMAP_SINGLE, 0, 64, DMC_BIDIRECTIONAL, { "dma-unmap-size-mismatch", "dma-unmap-dir-mismatch", "dma-mapping-error-unchecked" }, -1 },
	{ "streaming freed as coherent", true, false, true, DMC_BIDIRECTIONAL, OP_FREE_COHERENT, 0, 4096, DMC_BIDIRECTIONAL, { "dma-unmap-size-mismatch", "dma-unmap-type-mismatch" }, -1 },
	{ "streaming unmapped as sg", true, false, true, DMC_TO_DEVICE, OP_UNMAP_SG, 0, 256, DMC_TO_DEVICE, { "dma-unmap-type-mismatch" }, DMC_OUT_REPORTED },
	{ "sync in range", true, false, true, DMC_FROM_DEVICE, OP_SYNC_CPU, 16, 64, DMC_FROM_DEVICE, { NULL }, -1 },
	{ "sync bidirectional mapping", true, false, true, DMC_BIDIRECTIONAL, OP_SYNC_DEV, 0, 256, DMC_TO_DEVICE, { NULL }, -1 },
	{ "sync never mapped", true, false, true, DMC_NONE, OP_SYNC_CPU, 0, 64, DMC_FROM_DEVICE, { "dma-sync-outside-mapping" }, DMC_OUT_CORRUPTION },
	{ "sync past the end", true, false, true, DMC_FROM_DEVICE, OP_SYNC_CPU, 200, 100, DMC_FROM_DEVICE, { "dma-sync-outside-mapping" }, DMC_OUT_CORRUPTION },
	{ "sync direction mismatch", true, false, true, DMC_TO_DEVICE, OP_SYNC_DEV, 0, 256, DMC_FROM_DEVICE, { "dma-sync-dir-mismatch" }, DMC_OUT_REPORTED },
	{ "read-only memory synced for cpu", true, false, true, DMC_TO_DEVICE, OP_SYNC_CPU, 0, 256, DMC_FROM_DEVICE, { "dma-sync-dir-mismatch", "dma-sync-dir-mismatch" }, -1 },
	{ "write-only memory synced to device", true, false, true, DMC_FROM_DEVICE, OP_SYNC_DEV, 0, 256, DMC_TO_DEVICE, { "dma-sync-dir-mismatch", "dma-sync-dir-mismatch" }, -1 },
	{ "mapping leaked at release", true, false, true, DMC_TO_DEVICE, OP_RELEASE, 0, 0, DMC_TO_DEVICE, { "dma-mapping-leak" }, DMC_OUT_REPORTED },
	{ "leak, no DMA debug", false, false, true, DMC_TO_DEVICE, OP_RELEASE, 0, 0, DMC_TO_DEVICE, { "dma-mapping-leak" }, DMC_OUT_SILENT },
};

static void run(const struct lcase *c)
{
	struct dmc_machine_config m;
	struct dmc_device dev;
	dmc_dma_t a = 0x12345000;
	void *buf;
	size_t n = 0;

	dmc_machine_default(&m);
	m.dma_debug = c->debug;
	dmc_machine_init(&m);
	dmc_device_init(&dev, "dev", DMC_DEV_PCI, c->iommu, true);
	*dev.dma_mask = DMC_BIT_MASK(64);
	buf = dmc_kmalloc(256, 0);
	if (c->map_dir != DMC_NONE) {
		a = dmc_dma_map_single(&dev, buf, 256, c->map_dir);
		if (c->check_error)
			CHECK(!dmc_dma_mapping_error(&dev, a));
	}
	switch (c->op) {
	case OP_UNMAP_SINGLE:
		dmc_dma_unmap_single(&dev, a + c->addr_delta, c->size, c->op_dir);
		break;
	case OP_UNMAP_PAGE:
		dmc_dma_unmap_page(&dev, a + c->addr_delta, c->size, c->op_dir);
		break;
	case OP_UNMAP_SG: {
		struct dmc_scatterlist sg;

		dmc_sg_init_one(&sg, buf, (unsigned int)c->size);
		sg.map_addr = a + c->addr_delta;
		dmc_dma_unmap_sg(&dev, &sg, 1, c->op_dir);
		break;
	}
	case OP_FREE_COHERENT:
		dmc_dma_free_coherent(&dev, c->size, buf, a + c->addr_delta);
		break;
	case OP_SYNC_CPU:
		dmc_dma_sync_single_for_cpu(&dev, a + c->addr_delta, c->size, c->op_dir);
		break;
	case OP_SYNC_DEV:
		dmc_dma_sync_single_for_device(&dev, a + c->addr_delta, c->size, c->op_dir);
		break;
	case OP_RELEASE:
		dmc_device_release(&dev);
		break;
	case OP_NONE:
		break;
	}
	while (n < 3 && c->rules[n])
		n++;
	if (n == 0)
		CHECK_NO_EVENTS();
	else if (n == 1)
		CHECK_RULES(c->rules[0]);
	else if (n == 2)
		CHECK_RULES(c->rules[0], c->rules[1]);
	else
		CHECK_RULES(c->rules[0], c->rules[1], c->rules[2]);
	if (c->outcome >= 0)
		CHECK_EQ(tap_outcome(c->rules[0]), c->outcome);
	if (c->op == OP_FREE_COHERENT)	/* foreign pages handed to the page allocator */
		CHECK_EQ(tap_outcome("dma-unmap-type-mismatch"), DMC_OUT_CORRUPTION);
	for (size_t i = 0; i < dmc_event_count(); i++)	/* the kernel prints only with debug */
		CHECK_EQ(dmc_event_get(i)->kernel_msg[0] != 0, c->debug);
}

int main(void)
{
	struct dmc_device dev;

	for (size_t i = 0; i < DMC_ARRAY_SIZE(cases); i++) {
		tap_case(cases[i].name);
		run(&cases[i]);
	}

	/* kernel/dma/debug.c's type2name[]: 6.12 fixed the spelling of the sg type */
	for (int k = DMC_KERNEL_6_1; k <= DMC_KERNEL_6_12; k++) {
		struct dmc_machine_config m;
		struct dmc_scatterlist sg;
		const char *want = k == DMC_KERNEL_6_1 ? "[mapped as scather-gather]" :
							 "[mapped as scatter-gather]";

		tap_case(k == DMC_KERNEL_6_1 ? "sg unmapped as single, 6.1's words" :
					       "sg unmapped as single, 6.12's words");
		dmc_machine_default(&m);
		m.kernel = (enum dmc_kernel)k;
		dmc_machine_init(&m);
		dmc_device_init(&dev, "dev", DMC_DEV_PCI, false, true);
		dmc_sg_init_one(&sg, dmc_kmalloc(64, 0), 64);
		CHECK_EQ(dmc_dma_map_sg(&dev, &sg, 1, DMC_TO_DEVICE), 1);
		dmc_dma_unmap_single(&dev, dmc_sg_dma_address(&sg), 64, DMC_TO_DEVICE);
		CHECK_RULES("dma-unmap-type-mismatch");
		CHECK(strstr(dmc_event_get(0)->kernel_msg, want) != NULL);
	}

	tap_case("unmap of DMA_MAPPING_ERROR");
	dmc_machine_init(NULL);
	dmc_device_init(&dev, "dev", DMC_DEV_PCI, false, true);
	dmc_dma_unmap_single(&dev, DMC_MAPPING_ERROR, 16, DMC_TO_DEVICE);
	CHECK_RULES("dma-unmap-unknown");
	CHECK(strstr(dmc_event_get(0)->kernel_msg, "free an invalid DMA memory address") != NULL);

	/* __hash_bucket_find()'s best fit: the same memory mapped twice at one device address */
	tap_case("coherent buffer mapped again as streaming: each unmap finds its own entry");
	dmc_machine_init(NULL);
	dmc_device_init(&dev, "dev", DMC_DEV_PCI, false, true);
	{
		dmc_dma_t h, s1, s2;
		void *coh = dmc_dma_alloc_coherent(&dev, 256, &h, 0);

		s1 = dmc_dma_map_single(&dev, coh, 64, DMC_FROM_DEVICE);
		dmc_dma_mapping_error(&dev, s1);
		CHECK_EQ(s1, h);	/* no IOMMU: one device address, two entries */
		dmc_dma_unmap_single(&dev, s1, 64, DMC_FROM_DEVICE);
		dmc_dma_free_coherent(&dev, 256, coh, h);
		CHECK_RULES(NULL);
		CHECK_EQ(dmc_ledger_count(&dev), 0);

		tap_case("two entries at one address, neither fits: the kernel finds none");
		coh = dmc_dma_alloc_coherent(&dev, 256, &h, 0);
		s1 = dmc_dma_map_single(&dev, coh, 64, DMC_FROM_DEVICE);
		s2 = dmc_dma_map_single(&dev, coh, 32, DMC_TO_DEVICE);
		dmc_dma_mapping_error(&dev, s1);
		dmc_dma_mapping_error(&dev, s2);
		dmc_dma_unmap_single(&dev, s1, 128, DMC_BIDIRECTIONAL);
		CHECK_RULES("dma-unmap-unknown");
	}

	tap_case("ledger counts per device and in all");
	dmc_machine_init(NULL);
	{
		struct dmc_device a, b;

		dmc_device_init(&a, "a", DMC_DEV_PCI, false, true);
		dmc_device_init(&b, "b", DMC_DEV_PCI, false, true);
		dmc_dma_map_single(&a, dmc_kmalloc(8, DMC_GFP_DMA32), 8, DMC_TO_DEVICE);
		dmc_dma_map_single(&b, dmc_kmalloc(8, DMC_GFP_DMA32), 8, DMC_TO_DEVICE);
		dmc_dma_map_single(&b, dmc_kmalloc(8, DMC_GFP_DMA32), 8, DMC_TO_DEVICE);
		CHECK_EQ(dmc_ledger_count(&a), 1);
		CHECK_EQ(dmc_ledger_count(&b), 2);
		CHECK_EQ(dmc_ledger_count(NULL), 3);
		CHECK(!dmc_ledger_covers(&a, 0, 8));
		dmc_device_release(&b);
		CHECK_RULES("dma-mapping-leak");
		CHECK(strstr(dmc_event_get(0)->kernel_msg, "[count=2]") != NULL);
	}
	for (int i = 0; i < 70; i++)	/* the ledger grows */
		dmc_dma_map_single(&dev, dmc_kmalloc(8, DMC_GFP_DMA32), 8, DMC_TO_DEVICE);
	CHECK_EQ(dmc_ledger_count(&dev), 70);
	dmc_machine_exit();
	return tap_done("test_ledger");
}
