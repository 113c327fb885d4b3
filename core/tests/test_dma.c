// SPDX-License-Identifier: GPL-2.0
/*
 * test_dma.c - streaming and coherent mappings: every memory kind under every machine shape
 * (table), swiotlb bounce data flow and exhaustion, IOMMU IOVA allocation and faults,
 * scatterlists (direct, merged by the IOMMU, failing half way), syncs, coherent memory and
 * the device side.
 */
#include "internal.h"
#include "tap.h"

#include <pthread.h>
#include <stdlib.h>

enum buf_kind { B_KMALLOC, B_KMALLOC_DMA32, B_STACK, B_OTHER_STACK, B_VMALLOC, B_IMAGE_DATA,
		B_IMAGE_RODATA, B_COHERENT, B_UNKNOWN };

static char image_data[256];
static const char image_rodata[256] = "firmware table";

struct mcase {
	const char *name;
	enum dmc_arch arch;
	bool vmap, debug, swiotlb, above4g;
	bool iommu, coherent;
	unsigned int mask_bits;
	bool as_module;
	enum buf_kind buf;
	enum dmc_dir dir;
	bool map_error;
	const char *rule;	/* NULL: silent */
	int outcome;
};

#define X86 DMC_ARCH_X86_64
#define ARM DMC_ARCH_ARM64
#define TO DMC_TO_DEVICE
#define FROM DMC_FROM_DEVICE
#define OK false
#define ERR true

static const struct mcase cases[] = {
	/* name                          arch vmap  debug swiotlb 4g   iommu  coh  bits mod   buf            dir   err  rule                    outcome */
	{ "kmalloc, 64-bit device",      X86, true, true, true, true, false, true, 64, true, B_KMALLOC,      TO,   OK,  NULL, 0 },
	{ "kmalloc above 4G, bounced",   X86, true, true, true, true, false, true, 32, true, B_KMALLOC,      FROM, OK,  NULL, 0 },
	{ "kmalloc above 4G, no swiotlb",X86, true, true, false,true, false, true, 32, true, B_KMALLOC,      TO,   ERR, "dma-addr-overflow", DMC_OUT_REFUSED },
	{ "small RAM, no swiotlb",       X86, true, true, false,false,false, true, 32, true, B_KMALLOC,      TO,   OK,  NULL, 0 },
	{ "GFP_DMA32, no swiotlb",       X86, true, true, false,true, false, true, 32, true, B_KMALLOC_DMA32,TO,   OK,  NULL, 0 },
	{ "vmap stack",                  X86, true, true, true, true, false, true, 64, true, B_STACK,        TO,   ERR, "dma-on-stack", DMC_OUT_REFUSED },
	{ "direct stack, DMA debug",     X86, false,true, true, true, false, true, 64, true, B_STACK,        TO,   OK,  "dma-on-stack", DMC_OUT_REPORTED },
	{ "direct stack, no debug",      X86, false,false,true, true, false, true, 64, true, B_STACK,        TO,   OK,  "dma-on-stack", DMC_OUT_SILENT },
	{ "direct stack, non-coherent",  ARM, false,true, true, true, false, false,64, true, B_STACK,        FROM, OK,  "dma-on-stack", DMC_OUT_CORRUPTION },
	{ "another task's stack",        X86, false,true, true, true, false, true, 64, true, B_OTHER_STACK,  TO,   OK,  "dma-on-stack", DMC_OUT_SILENT },
	{ "vmalloc",                     X86, true, true, true, true, false, true, 64, true, B_VMALLOC,      TO,   ERR, "dma-map-vmalloc", DMC_OUT_REFUSED },
	{ "module static",               X86, true, true, true, true, false, true, 64, true, B_IMAGE_DATA,   FROM, OK,  "dma-map-invalid-area", DMC_OUT_CORRUPTION },
	{ "module rodata",               X86, true, true, true, true, false, true, 64, true, B_IMAGE_RODATA, TO,   OK,  "dma-map-invalid-area", DMC_OUT_CORRUPTION },
	{ "built-in static on x86",      X86, true, true, true, true, false, true, 64, false,B_IMAGE_DATA,   FROM, OK,  NULL, 0 },
	{ "built-in static on arm64",    ARM, true, true, true, true, false, true, 64, false,B_IMAGE_DATA,   FROM, OK,  "dma-map-invalid-area", DMC_OUT_CORRUPTION },
	{ "kernel rodata, to device",    X86, true, true, true, true, false, true, 64, false,B_IMAGE_RODATA, TO,   OK,  "dma-map-rodata", DMC_OUT_SILENT },
	{ "kernel rodata, x86_32",       DMC_ARCH_X86_32, true, true, true, false, false, true, 32, false, B_IMAGE_RODATA, TO, OK, "dma-map-rodata", DMC_OUT_REPORTED },
	{ "kernel rodata, no debug",     X86, true, false,true, true, false, true, 64, false,B_IMAGE_RODATA, TO,   OK,  "dma-map-rodata", DMC_OUT_SILENT },
	{ "kernel rodata, from device",  X86, true, true, true, true, false, true, 64, false,B_IMAGE_RODATA, FROM, OK,  "dma-map-rodata", DMC_OUT_CORRUPTION },
	{ "coherent memory again, x86",  X86, true, true, true, true, false, true, 64, true, B_COHERENT,     TO,   OK,  NULL, 0 },
	{ "coherent memory, arm64 nc",   ARM, true, true, true, true, false, false,64, true, B_COHERENT,     TO,   ERR, "dma-map-vmalloc", DMC_OUT_REFUSED },
	{ "iommu, kmalloc above 4G",     X86, true, true, false,true, true,  true, 32, true, B_KMALLOC,      TO,   OK,  NULL, 0 },
	{ "iommu, vmap stack",           X86, true, true, true, true, true,  true, 64, true, B_STACK,        TO,   ERR, "dma-on-stack", DMC_OUT_REFUSED },
	{ "memory the model never saw",  X86, true, true, true, true, false, true, 64, true, B_UNKNOWN,      TO,   OK,  NULL, 0 },
};

static void *theirs_stack;
static void *register_other(void *arg)
{
	static __thread char local[64];
	char on_stack[64];

	(void)local;
	theirs_stack = on_stack;
	dmc_register_current_stack();
	(void)arg;
	return NULL;
}

static void boot(const struct mcase *c)
{
	struct dmc_machine_config m;

	dmc_machine_default(&m);
	m.arch = c->arch;
	m.vmap_stack = c->vmap;
	m.dma_debug = c->debug;
	m.swiotlb = c->swiotlb;
	m.ram_above_4g = c->above4g;
	dmc_machine_init(&m);
	dmc_register_current_stack();
	dmc_register_image(c->as_module);
}

static void test_map_single_table(void)
{
	for (size_t i = 0; i < DMC_ARRAY_SIZE(cases); i++) {
		const struct mcase *c = &cases[i];
		struct dmc_device dev, owner;
		char stack_buf[64];
		void *buf = NULL;
		dmc_dma_t h, a;
		pthread_t th;

		tap_case(c->name);
		boot(c);
		dmc_device_init(&dev, "dev", DMC_DEV_PCI, c->iommu, c->coherent);
		dmc_device_init(&owner, "owner", DMC_DEV_PCI, false, c->coherent);
		*dev.dma_mask = DMC_BIT_MASK(c->mask_bits);
		switch (c->buf) {
		case B_KMALLOC: buf = dmc_kmalloc(512, DMC_GFP_KERNEL); break;
		case B_KMALLOC_DMA32: buf = dmc_kmalloc(512, DMC_GFP_DMA32); break;
		case B_STACK: buf = stack_buf; break;
		case B_OTHER_STACK:
			pthread_create(&th, NULL, register_other, NULL);
			pthread_join(th, NULL);
			buf = theirs_stack;
			break;
		case B_VMALLOC: buf = dmc_vmalloc(512); break;
		case B_IMAGE_DATA: buf = image_data; break;
		case B_IMAGE_RODATA: buf = (void *)image_rodata; break;
		case B_COHERENT: buf = dmc_dma_alloc_coherent(&owner, 512, &h, 0); break;
		case B_UNKNOWN: buf = malloc(512); break;
		}
		dmc_events_clear();
		a = dmc_dma_map_single(&dev, buf, 64, c->dir);
		CHECK_EQ(dmc_dma_mapping_error(&dev, a), c->map_error);
		if (c->rule) {
			CHECK_RULES(c->rule);
			CHECK_EQ(tap_outcome(c->rule), c->outcome);
			CHECK_EQ(dmc_event_get(0)->addr, (uintptr_t)(c->outcome == DMC_OUT_CORRUPTION &&
								    c->buf == B_STACK ? (uintptr_t)buf : dmc_event_get(0)->addr));
		} else {
			CHECK_NO_EVENTS();
		}
		if (!c->map_error) {
			CHECK_EQ(dmc_ledger_count(&dev), 1);
			dmc_events_clear();
			dmc_dma_unmap_single(&dev, a, 64, c->dir);
			CHECK_NO_EVENTS();
			CHECK_EQ(dmc_ledger_count(&dev), 0);
		} else {
			CHECK_EQ(dmc_ledger_count(&dev), 0);
		}
		if (c->iommu && !c->map_error) {
			CHECK(a <= DMC_BIT_MASK(32));
			CHECK_EQ(dev.iommu_stats.maps, 1);
			CHECK_EQ(dev.iommu_stats.unmaps, 1);
			CHECK_EQ(dev.iommu_stats.iotlb_flushes, 1);
		}
		if (c->buf == B_UNKNOWN)
			free(buf);
	}
}

static void boot_default(bool swiotlb)
{
	struct dmc_machine_config m;

	dmc_machine_default(&m);
	m.swiotlb = swiotlb;
	dmc_machine_init(&m);
}

static void test_bounce_flow(void)
{
	struct dmc_device dev;
	unsigned char *buf, data[64], back[64];
	dmc_dma_t a;

	tap_case("swiotlb: to device");
	boot_default(true);
	dmc_device_init(&dev, "ehci", DMC_DEV_PCI, false, true);
	buf = dmc_kmalloc(64, 0);
	memset(buf, 0x11, 64);
	a = dmc_dma_map_single(&dev, buf, 64, DMC_TO_DEVICE);
	CHECK(!dmc_dma_mapping_error(&dev, a));
	CHECK(a != dmc_classify(buf).phys);		/* bounced below 4G */
	CHECK(a <= DMC_BIT_MASK(32));
	CHECK_EQ(dev.bounced_maps, 1);
	CHECK_EQ(dev.bounce_bytes, 64);
	CHECK_EQ(dmc_device_dma_read(&dev, a, back, 64), DMC_DEVDMA_OK);
	CHECK(back[0] == 0x11 && back[63] == 0x11);
	/* the CPU writes after mapping: the device sees it only after sync_for_device */
	memset(buf, 0x22, 64);
	dmc_device_dma_read(&dev, a, back, 64);
	CHECK(back[0] == 0x11);
	dmc_dma_sync_single_for_device(&dev, a, 64, DMC_TO_DEVICE);
	dmc_device_dma_read(&dev, a, back, 64);
	CHECK(back[0] == 0x22);
	/* for_cpu of a TO_DEVICE mapping copies nothing back */
	dmc_device_dma_write(&dev, a, "zz", 2);
	dmc_dma_sync_single_for_cpu(&dev, a, 64, DMC_TO_DEVICE);
	CHECK(buf[0] == 0x22);
	dmc_dma_unmap_single(&dev, a, 64, DMC_TO_DEVICE);
	CHECK(buf[0] == 0x22);
	CHECK_NO_EVENTS();

	tap_case("swiotlb: from device");
	memset(buf, 0, 64);
	memset(data, 0x5a, sizeof(data));
	a = dmc_dma_map_single(&dev, buf, 64, DMC_FROM_DEVICE);
	dmc_dma_mapping_error(&dev, a);
	CHECK_EQ(dmc_device_dma_write(&dev, a, data, 64), DMC_DEVDMA_OK);
	CHECK(buf[0] == 0);				/* still in the bounce buffer */
	dmc_dma_sync_single_for_cpu(&dev, a, 32, DMC_FROM_DEVICE);
	CHECK(buf[0] == 0x5a && buf[40] == 0);		/* only the synced part */
	dmc_dma_sync_single_for_device(&dev, a, 64, DMC_FROM_DEVICE);	/* no copy */
	dmc_dma_unmap_single(&dev, a, 64, DMC_FROM_DEVICE);
	CHECK(buf[63] == 0x5a);
	CHECK_NO_EVENTS();

	tap_case("swiotlb: skip cpu sync");
	memset(buf, 0, 64);
	a = dmc_dma_map_single_attrs(&dev, buf, 64, DMC_BIDIRECTIONAL, DMC_ATTR_SKIP_CPU_SYNC);
	dmc_dma_mapping_error(&dev, a);
	dmc_device_dma_write(&dev, a, data, 64);
	dmc_dma_unmap_single(&dev, a, 64, DMC_BIDIRECTIONAL);
	CHECK(buf[0] == 0x5a);		/* unmap without SKIP attrs bounces back */

	tap_case("swiotlb: mapping larger than a segment");
	a = dmc_dma_map_single(&dev, dmc_kmalloc(300 << 10, 0), 300 << 10, DMC_TO_DEVICE);
	CHECK(dmc_dma_mapping_error(&dev, a));
	CHECK_RULES("dma-addr-overflow");

	tap_case("swiotlb: pool exhausted");
	dmc_events_clear();
	for (int i = 0; i < 17; i++) {
		void *p = dmc_kmalloc(256 << 10, 0);

		a = dmc_dma_map_single(&dev, p, 256 << 10, DMC_TO_DEVICE);
	}
	CHECK(dmc_dma_mapping_error(&dev, a));		/* 4M / 256K = 16 fit */
	CHECK_RULES("dma-addr-overflow");

	tap_case("swiotlb: bounce buffer beyond a 24-bit mask");
	boot_default(true);
	dmc_device_init(&dev, "isa-like", DMC_DEV_PLATFORM, false, true);
	*dev.dma_mask = DMC_BIT_MASK(24);
	a = dmc_dma_map_single(&dev, dmc_kmalloc(64, 0), 64, DMC_TO_DEVICE);
	CHECK(dmc_dma_mapping_error(&dev, a));
	CHECK_RULES("dma-addr-overflow");
	CHECK(strstr(dmc_event_get(0)->kernel_msg, "swiotlb addr") != NULL);
	a = dmc_dma_map_single(&dev, dmc_kmalloc(64, 0), 64, DMC_TO_DEVICE);
	CHECK_EQ(dmc_event_count(), 2);
	CHECK(dmc_event_get(1)->kernel_msg[0] == 0);	/* dev_WARN_ONCE */
	a = dmc_dma_map_single(&dev, dmc_kmalloc(64, DMC_GFP_DMA), 64, DMC_TO_DEVICE);
	CHECK(!dmc_dma_mapping_error(&dev, a));		/* ZONE_DMA is reachable */

	tap_case("bogus original is not copied");
	boot_default(true);
	dmc_device_init(&dev, "ehci", DMC_DEV_PCI, false, true);
	dmc_register_image(true);
	a = dmc_dma_map_single(&dev, image_data, 16, DMC_BIDIRECTIONAL);
	CHECK(!dmc_dma_mapping_error(&dev, a));		/* bounced garbage, reported */
	dmc_dma_unmap_single(&dev, a, 16, DMC_BIDIRECTIONAL);
	CHECK_RULES("dma-map-invalid-area");
}

static void test_iommu(void)
{
	struct dmc_device dev;
	unsigned char *buf, back[8];
	dmc_dma_t a, b;

	tap_case("iommu: IOVAs, faults after unmap");
	boot_default(false);
	dmc_device_init(&dev, "xhci", DMC_DEV_PCI, true, true);
	*dev.dma_mask = DMC_BIT_MASK(64);
	buf = dmc_kmalloc(64, 0);
	memcpy(buf, "payload", 8);
	a = dmc_dma_map_single(&dev, buf, 64, DMC_TO_DEVICE);
	CHECK(a <= DMC_BIT_MASK(32));			/* PCI: 32-bit IOVA space first */
	CHECK_EQ(a & (DMC_PAGE_SIZE - 1), dmc_classify(buf).phys & (DMC_PAGE_SIZE - 1));
	CHECK_EQ(dmc_device_dma_read(&dev, a, back, 8), DMC_DEVDMA_OK);
	CHECK(memcmp(back, "payload", 8) == 0);
	CHECK_EQ(dmc_device_dma_read(&dev, a + DMC_PAGE_SIZE * 4, back, 8), DMC_DEVDMA_IOMMU_FAULT);
	dmc_dma_unmap_single(&dev, a, 64, DMC_TO_DEVICE);
	CHECK_EQ(dmc_device_dma_read(&dev, a, back, 8), DMC_DEVDMA_IOMMU_FAULT);
	CHECK_EQ(dmc_device_dma_write(&dev, a, back, 0), DMC_DEVDMA_OK);
	dmc_dma_sync_single_for_cpu(&dev, a, 64, DMC_TO_DEVICE);	/* not mapped any more */
	CHECK_RULES("dma-mapping-error-unchecked", "dma-sync-outside-mapping");

	tap_case("iommu: platform device uses its whole mask");
	dmc_device_init(&dev, "dwc3", DMC_DEV_PLATFORM, true, false);
	*dev.dma_mask = DMC_BIT_MASK(40);
	a = dmc_dma_map_single(&dev, buf, 64, DMC_TO_DEVICE);
	CHECK(a > DMC_BIT_MASK(32) && a <= DMC_BIT_MASK(40));
	CHECK_EQ(dev.cache_syncs, 1);			/* non-coherent */
	dmc_dma_unmap_single(&dev, a, 64, DMC_TO_DEVICE);
	CHECK_EQ(dev.cache_syncs, 2);

	tap_case("iommu: IOVA space exhausted");
	dmc_device_init(&dev, "tiny", DMC_DEV_PLATFORM, true, true);
	*dev.dma_mask = DMC_BIT_MASK(14);		/* four pages */
	a = dmc_dma_map_page(&dev, dmc_alloc_page(0), 0, DMC_PAGE_SIZE, DMC_TO_DEVICE);
	CHECK(!dmc_dma_mapping_error(&dev, a));
	b = dmc_dma_map_single(&dev, dmc_kmalloc(8192, 0), 8192, DMC_TO_DEVICE);
	CHECK(dmc_dma_mapping_error(&dev, b));
	CHECK_EQ(dmc_device_dma_read(&dev, 1ULL << 20, back, 8), DMC_DEVDMA_IOMMU_FAULT);
}

static void test_map_page_and_device_side(void)
{
	struct dmc_machine_config m32;
	struct dmc_device dev;
	struct dmc_page pg;
	unsigned char back[4];
	dmc_dma_t a;

	tap_case("highmem page on x86_32");
	dmc_machine_default(&m32);
	m32.arch = DMC_ARCH_X86_32;
	dmc_machine_init(&m32);
	dmc_device_init(&dev, "uhci", DMC_DEV_PCI, false, true);
	pg = dmc_alloc_page(DMC_GFP_HIGHMEM);
	memcpy(dmc_kmap(pg), "high", 4);
	a = dmc_dma_map_page(&dev, pg, 0, 4, DMC_TO_DEVICE);
	CHECK(!dmc_dma_mapping_error(&dev, a));
	CHECK_EQ(a, pg.phys);
	CHECK_EQ(dmc_device_dma_read(&dev, a, back, 4), DMC_DEVDMA_OK);
	CHECK(memcmp(back, "high", 4) == 0);
	dmc_dma_unmap_page(&dev, a, 4, DMC_TO_DEVICE);
	CHECK_NO_EVENTS();

	tap_case("map_page refusals");
	dmc_machine_init(NULL);
	dmc_device_init(&dev, "dev", DMC_DEV_PCI, false, true);
	pg = dmc_alloc_page(0);
	CHECK(dmc_dma_mapping_error(&dev, dmc_dma_map_page(&dev, pg, 0, 0, DMC_TO_DEVICE)));
	CHECK(dmc_dma_mapping_error(&dev, dmc_dma_map_page(&dev, pg, 0, 8, DMC_NONE)));
	dev.dma_mask = NULL;
	CHECK(dmc_dma_mapping_error(&dev, dmc_dma_map_page(&dev, pg, 0, 8, DMC_TO_DEVICE)));
	CHECK_NO_EVENTS();

	tap_case("bogus pages of every origin");
	{
		static const struct { enum dmc_mem_kind origin; const char *rule; } t[] = {
			{ DMC_MEM_STACK, "dma-on-stack" },
			{ DMC_MEM_VMALLOC, "dma-map-vmalloc" },
			{ DMC_MEM_MODULE_DATA, "dma-map-invalid-area" },
		};

		for (size_t i = 0; i < DMC_ARRAY_SIZE(t); i++) {
			struct dmc_page bogus = { 1ULL << 62, NULL, false, t[i].origin };

			dmc_machine_init(NULL);
			dmc_device_init(&dev, "dev", DMC_DEV_PCI, false, true);
			*dev.dma_mask = DMC_BIT_MASK(64);
			a = dmc_dma_map_page(&dev, bogus, 0, 16, DMC_FROM_DEVICE);
			CHECK_RULES(t[i].rule);
			CHECK_EQ(tap_outcome(t[i].rule), DMC_OUT_CORRUPTION);
			/* the device writes somewhere that is not the buffer */
			CHECK_EQ(dmc_device_dma_write(&dev, a, "x", 1), DMC_DEVDMA_WILD);
		}
		dmc_machine_init(NULL);
		dmc_device_init(&dev, "dev", DMC_DEV_PCI, false, true);
		*dev.dma_mask = DMC_BIT_MASK(64);
		dmc_dma_map_page(&dev, (struct dmc_page){ 1ULL << 62, NULL, false, DMC_MEM_UNKNOWN }, 0, 16,
				 DMC_TO_DEVICE);
		CHECK_NO_EVENTS();
	}

	tap_case("device side: address bits the hardware lacks");
	dmc_machine_init(NULL);
	dmc_device_init(&dev, "dev", DMC_DEV_PCI, false, true);
	dev.hw_dma_mask = DMC_BIT_MASK(32);
	*dev.dma_mask = DMC_BIT_MASK(64);		/* a driver claimed more than it has */
	a = dmc_dma_map_single(&dev, dmc_kmalloc(64, 0), 64, DMC_TO_DEVICE);
	CHECK(a > DMC_BIT_MASK(32));			/* not bounced: the mask says it can */
	CHECK_EQ(dmc_device_dma_read(&dev, a, back, 4), DMC_DEVDMA_MASKED);
}

static void test_sg(void)
{
	struct dmc_device dev;
	struct dmc_scatterlist sg[3];
	unsigned char *p0, *p1, back[8];
	char stack_buf[32];
	int n;

	tap_case("sg: direct");
	boot_default(true);
	dmc_register_current_stack();
	dmc_device_init(&dev, "ehci", DMC_DEV_PCI, false, true);
	*dev.dma_mask = DMC_BIT_MASK(64);
	p0 = dmc_kmalloc(100, 0);
	p1 = dmc_kmalloc(200, 0);
	dmc_sg_init_table(sg, 2);
	CHECK(sg[1].end && !sg[0].end);
	dmc_sg_set_buf(&sg[0], p0, 100);
	dmc_sg_set_buf(&sg[1], p1, 200);
	n = dmc_dma_map_sg(&dev, sg, 2, DMC_TO_DEVICE);
	CHECK_EQ(n, 2);
	CHECK_EQ(sg[1].dma_length, 200);
	CHECK_EQ(dmc_ledger_count(&dev), 2);
	dmc_dma_sync_sg_for_cpu(&dev, sg, 2, DMC_TO_DEVICE);
	dmc_dma_sync_sg_for_device(&dev, sg, 2, DMC_TO_DEVICE);
	dmc_dma_unmap_sg(&dev, sg, 2, DMC_TO_DEVICE);
	CHECK_EQ(dmc_ledger_count(&dev), 0);
	CHECK_NO_EVENTS();
	CHECK_EQ(dmc_dma_map_sg(&dev, sg, 0, DMC_TO_DEVICE), 0);

	tap_case("sg: iommu merges page-aligned entries");
	dmc_device_init(&dev, "xhci", DMC_DEV_PCI, true, true);
	*dev.dma_mask = DMC_BIT_MASK(64);
	{
		struct dmc_page pg0 = dmc_alloc_page(0), pg1 = dmc_alloc_page(0);
		struct dmc_page pg2 = dmc_alloc_page(0);

		memcpy((char *)pg1.vaddr, "second", 6);
		dmc_sg_init_table(sg, 3);
		dmc_sg_set_page(&sg[0], pg0, DMC_PAGE_SIZE, 0);
		dmc_sg_set_page(&sg[1], pg1, 512, 0);
		dmc_sg_set_page(&sg[2], pg2, 64, 128);	/* not at a page start: its own entry */
		n = dmc_dma_map_sg(&dev, sg, 3, DMC_TO_DEVICE);
		CHECK_EQ(n, 2);
		CHECK_EQ(sg[0].dma_length, DMC_PAGE_SIZE + 512);
		CHECK_EQ(sg[1].dma_length, 64);
		/* one IOVA range: the merged entry reads straight into the second page */
		CHECK_EQ(dmc_device_dma_read(&dev, sg[0].dma_address + DMC_PAGE_SIZE, back, 6), DMC_DEVDMA_OK);
		CHECK(memcmp(back, "second", 6) == 0);
		{	/* one access across both merged pages */
			static unsigned char whole[DMC_PAGE_SIZE + 512];

			CHECK_EQ(dmc_device_dma_read(&dev, sg[0].dma_address, whole, sizeof(whole)),
				 DMC_DEVDMA_OK);
			CHECK(memcmp(whole + DMC_PAGE_SIZE, "second", 6) == 0);
		}
		dmc_dma_unmap_sg(&dev, sg, 3, DMC_TO_DEVICE);
		CHECK_EQ(dmc_ledger_count(&dev), 0);
		CHECK_NO_EVENTS();

		tap_case("sg: unmap with the count dma_map_sg() returned (iommu merged)");
		n = dmc_dma_map_sg(&dev, sg, 3, DMC_TO_DEVICE);
		CHECK_EQ(n, 2);
		dmc_dma_unmap_sg(&dev, sg, n, DMC_TO_DEVICE);
		CHECK_RULES("dma-unmap-sg-nents-mismatch");
		CHECK_EQ(tap_outcome("dma-unmap-sg-nents-mismatch"), DMC_OUT_REPORTED);
		/* iommu_dma_unmap_sg() frees the whole range: nothing leaks */
		CHECK_EQ(dmc_ledger_count(&dev), 0);
		dmc_events_clear();
	}

	tap_case("sg: the returned count on dma-direct equals nents: latent, silent");
	dmc_device_init(&dev, "ehci", DMC_DEV_PCI, false, true);
	*dev.dma_mask = DMC_BIT_MASK(64);
	dmc_sg_init_table(sg, 2);
	dmc_sg_set_buf(&sg[0], p0, 100);
	dmc_sg_set_buf(&sg[1], p1, 200);
	n = dmc_dma_map_sg(&dev, sg, 2, DMC_TO_DEVICE);
	CHECK_EQ(n, 2);
	CHECK_EQ(dmc_sg_dma_address(&sg[1]), sg[1].dma_address);
	dmc_dma_unmap_sg(&dev, sg, n, DMC_TO_DEVICE);
	CHECK_NO_EVENTS();

	tap_case("sg: unmap with fewer entries than mapped leaves the rest mapped");
	CHECK_EQ(dmc_dma_map_sg(&dev, sg, 2, DMC_TO_DEVICE), 2);
	dmc_dma_unmap_sg(&dev, sg, 1, DMC_TO_DEVICE);
	CHECK_RULES("dma-unmap-sg-nents-mismatch");
	CHECK_EQ(dmc_ledger_count(&dev), 1);
	dmc_events_clear();
	dmc_ledger_release(&dev);
	CHECK_RULES("dma-mapping-leak");
	dmc_events_clear();

	tap_case("sg: IOVA space exhausted");
	*dev.dma_mask = DMC_BIT_MASK(13);
	dev.iova_next = 0;
	dmc_sg_init_one(sg, p0, 8192);
	sg[0].length = 3 * DMC_PAGE_SIZE;
	CHECK_EQ(dmc_dma_map_sg(&dev, sg, 1, DMC_TO_DEVICE), 0);

	tap_case("sg: failure half way undoes the list");
	boot_default(false);
	dmc_device_init(&dev, "ehci", DMC_DEV_PCI, false, true);
	dmc_sg_init_table(sg, 2);
	dmc_sg_set_buf(&sg[0], dmc_kmalloc(64, DMC_GFP_DMA32), 64);
	dmc_sg_set_buf(&sg[1], dmc_kmalloc(64, 0), 64);	/* above 4G, no swiotlb */
	CHECK_EQ(dmc_dma_map_sg(&dev, sg, 2, DMC_FROM_DEVICE), 0);
	CHECK_EQ(dmc_ledger_count(&dev), 0);
	CHECK_RULES("dma-addr-overflow");
	dmc_events_clear();

	tap_case("sg: addresses read after a failed dma_map_sg()");
	(void)dmc_sg_dma_address(&sg[0]);
	CHECK_RULES("dma-map-sg-unchecked");
	CHECK_EQ(tap_outcome("dma-map-sg-unchecked"), DMC_OUT_CORRUPTION);
	dmc_events_clear();
	(void)dmc_sg_dma_len(&sg[1]);
	CHECK_RULES("dma-map-sg-unchecked");
	dmc_events_clear();

	tap_case("sg: a list that maps again is usable");
	dmc_sg_set_buf(&sg[1], dmc_kmalloc(64, DMC_GFP_DMA32), 64);
	CHECK_EQ(dmc_dma_map_sg(&dev, sg, 2, DMC_FROM_DEVICE), 2);
	(void)dmc_sg_dma_address(&sg[0]);
	(void)dmc_sg_dma_len(&sg[1]);
	dmc_dma_unmap_sg(&dev, sg, 2, DMC_FROM_DEVICE);
	CHECK_NO_EVENTS();

	tap_case("sg: stack, vmalloc and module memory through sg_set_buf");
	boot_default(true);
	dmc_register_current_stack();
	dmc_register_image(true);
	dmc_device_init(&dev, "ehci", DMC_DEV_PCI, false, true);
	*dev.dma_mask = DMC_BIT_MASK(64);
	dmc_sg_init_table(sg, 3);
	dmc_sg_set_buf(&sg[0], stack_buf, sizeof(stack_buf));
	dmc_sg_set_buf(&sg[1], dmc_vmalloc(64), 64);
	dmc_sg_set_buf(&sg[2], image_data, 64);
	CHECK_EQ(dmc_dma_map_sg(&dev, sg, 3, DMC_FROM_DEVICE), 3);
	CHECK_RULES("dma-on-stack", "dma-map-vmalloc", "dma-map-invalid-area");
	CHECK_EQ(tap_outcome("dma-on-stack"), DMC_OUT_CORRUPTION);
	CHECK_EQ(dmc_device_dma_write(&dev, sg[0].dma_address, "x", 1), DMC_DEVDMA_WILD);
}

static void test_coherent(void)
{
	static const struct {
		const char *name;
		enum dmc_arch arch;
		bool iommu, coherent;
		unsigned int bits;
		enum dmc_zone zone;	/* DMC_ZONE_NONE: allocation fails */
		bool vmalloc_like;
	} t[] = {
		{ "x86 32-bit coherent mask", DMC_ARCH_X86_64, false, true, 32, DMC_ZONE_DMA32, false },
		{ "x86 64-bit coherent mask", DMC_ARCH_X86_64, false, true, 64, DMC_ZONE_NORMAL, false },
		{ "x86 24-bit coherent mask", DMC_ARCH_X86_64, false, true, 24, DMC_ZONE_DMA, false },
		{ "x86 20-bit coherent mask", DMC_ARCH_X86_64, false, true, 20, DMC_ZONE_NONE, false },
		{ "arm64 non-coherent", DMC_ARCH_ARM64, false, false, 32, DMC_ZONE_DMA32, true },
		{ "arm64 30-bit mask", DMC_ARCH_ARM64, false, true, 30, DMC_ZONE_DMA, false },
		{ "arm64 coherent", DMC_ARCH_ARM64, false, true, 64, DMC_ZONE_NORMAL, false },
		{ "iommu", DMC_ARCH_X86_64, true, true, 32, DMC_ZONE_NORMAL, false },
	};
	struct dmc_machine_config m;
	struct dmc_device dev;
	dmc_dma_t h;
	char *p;

	for (size_t i = 0; i < DMC_ARRAY_SIZE(t); i++) {
		tap_case(t[i].name);
		dmc_machine_default(&m);
		m.arch = t[i].arch;
		dmc_machine_init(&m);
		dmc_device_init(&dev, "dev", DMC_DEV_PLATFORM, t[i].iommu, t[i].coherent);
		dev.coherent_dma_mask = DMC_BIT_MASK(t[i].bits);
		p = dmc_dma_alloc_coherent(&dev, 100, &h, DMC_GFP_DMA);
		if (t[i].zone == DMC_ZONE_NONE) {
			CHECK(p == NULL && h == DMC_MAPPING_ERROR);
			continue;
		}
		CHECK(p != NULL);
		CHECK_EQ(dmc_classify(p).kind, DMC_MEM_COHERENT);
		CHECK_EQ(dmc_is_vmalloc_addr(p), t[i].vmalloc_like);
		CHECK(h + 100 - 1 <= DMC_BIT_MASK(t[i].bits));
		if (!t[i].iommu)
			CHECK_EQ(dmc_phys_zone(h), t[i].zone);
		CHECK(p[0] == 0 && p[99] == 0);
		CHECK_EQ(dmc_device_dma_write(&dev, h + 10, "dev", 3), DMC_DEVDMA_OK);
		CHECK(memcmp(p + 10, "dev", 3) == 0);		/* no sync needed */
		CHECK_EQ(dmc_ledger_count(&dev), 1);
		dmc_dma_free_coherent(&dev, 100, p, h);
		CHECK_EQ(dmc_ledger_count(&dev), 0);
		CHECK_NO_EVENTS();
	}

	tap_case("coherent: freed with another size");
	dmc_machine_init(NULL);
	dmc_device_init(&dev, "dev", DMC_DEV_PCI, false, true);
	p = dmc_dma_alloc_coherent(&dev, 100, &h, 0);
	dmc_dma_free_coherent(&dev, 128, p, h);
	CHECK_RULES("dma-unmap-size-mismatch");

	tap_case("coherent: size 0, double free, wrong CPU address");
	dmc_machine_init(NULL);
	dmc_device_init(&dev, "dev", DMC_DEV_PCI, false, true);
	CHECK(dmc_dma_alloc_coherent(&dev, 0, &h, 0) == NULL);
	p = dmc_dma_alloc_coherent(&dev, 4096, &h, 0);
	dmc_dma_free_coherent(&dev, 4096, p + 64, h);
	CHECK_RULES("dma-free-addr-mismatch");
	dmc_events_clear();
	dmc_dma_free_coherent(&dev, 4096, p, h);
	CHECK_RULES("dma-unmap-unknown");
	CHECK_EQ(tap_outcome("dma-unmap-unknown"), DMC_OUT_CORRUPTION);
}

/* Where 6.12 differs from 6.1 in kernel/dma (docs/core.md, "Linux 6.12") */
static void boot_kernel(enum dmc_kernel kernel, enum dmc_arch arch)
{
	struct dmc_machine_config m;

	dmc_machine_default(&m);
	m.kernel = kernel;
	m.arch = arch;
	dmc_machine_init(&m);
}

static void test_612(void)
{
	static const struct {
		enum dmc_kernel kernel;
		bool coherent;
		size_t size;
		enum dmc_dir dir;
		bool bounced;
	} t[] = {
		{ DMC_KERNEL_6_12, false,   8, DMC_FROM_DEVICE,   true },	/* kmalloc-8 */
		{ DMC_KERNEL_6_1,  false,   8, DMC_FROM_DEVICE,   false },	/* 6.1: 128-byte caches */
		{ DMC_KERNEL_6_12, false,   8, DMC_TO_DEVICE,     false },	/* clean only */
		{ DMC_KERNEL_6_12, false,   8, DMC_BIDIRECTIONAL, true },
		{ DMC_KERNEL_6_12, true,    8, DMC_FROM_DEVICE,   false },	/* coherent device */
		{ DMC_KERNEL_6_12, false, 128, DMC_FROM_DEVICE,   false },	/* kmalloc-128 */
		{ DMC_KERNEL_6_12, false, 150, DMC_FROM_DEVICE,   true },	/* kmalloc-192 */
		{ DMC_KERNEL_6_12, false, 200, DMC_FROM_DEVICE,   false },	/* kmalloc-256 */
		{ DMC_KERNEL_6_12, false, 300, DMC_FROM_DEVICE,   false },	/* >= 2 lines */
	};
	struct dmc_machine_config bad;
	struct dmc_device dev;
	dmc_dma_t a, h;
	void *buf;

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		tap_case(t[i].bounced ? "6.12 arm64: small non-coherent mapping bounced" :
					"arm64: mapping not bounced");
		boot_kernel(t[i].kernel, DMC_ARCH_ARM64);
		dmc_device_init(&dev, "dwc3", DMC_DEV_PLATFORM, false, t[i].coherent);
		dmc_dma_set_mask(&dev, DMC_BIT_MASK(64));	/* only the size may bounce */
		buf = dmc_kmalloc(t[i].size, 0);
		a = dmc_dma_map_single(&dev, buf, t[i].size, t[i].dir);
		CHECK(!dmc_dma_mapping_error(&dev, a));
		CHECK_EQ(dev.bounced_maps, (t[i].bounced ? 1 : 0));
		if (t[i].bounced) {	/* the data arrives at unmap, through the bounce buffer */
			dmc_device_dma_write(&dev, a, "6.12", 4);
			CHECK(memcmp(buf, "6.12", 4) != 0);
		}
		dmc_dma_unmap_single(&dev, a, t[i].size, t[i].dir);
		if (t[i].bounced)
			CHECK(memcmp(buf, "6.12", 4) == 0);
		CHECK_NO_EVENTS();
	}

	tap_case("6.12 x86_64: no kmalloc bouncing");
	boot_kernel(DMC_KERNEL_6_12, DMC_ARCH_X86_64);
	dmc_device_init(&dev, "xhci", DMC_DEV_PCI, false, true);
	dmc_dma_set_mask(&dev, DMC_BIT_MASK(64));
	a = dmc_dma_map_single(&dev, dmc_kmalloc(8, 0), 8, DMC_FROM_DEVICE);
	CHECK_EQ(dev.bounced_maps, 0);
	dmc_dma_unmap_single(&dev, a, 8, DMC_FROM_DEVICE);

	tap_case("__GFP_COMP: 6.1 allocates, 6.12 refuses");
	boot_kernel(DMC_KERNEL_6_1, DMC_ARCH_X86_64);
	dmc_device_init(&dev, "xhci", DMC_DEV_PCI, false, true);
	buf = dmc_dma_alloc_coherent(&dev, 8192, &h, DMC_GFP_COMP);
	CHECK(buf != NULL);
	dmc_dma_free_coherent(&dev, 8192, buf, h);
	boot_kernel(DMC_KERNEL_6_12, DMC_ARCH_X86_64);
	dmc_device_init(&dev, "xhci", DMC_DEV_PCI, false, true);
	CHECK(dmc_dma_alloc_coherent(&dev, 8192, &h, DMC_GFP_COMP) == NULL);
	CHECK_EQ(h, DMC_MAPPING_ERROR);
	buf = dmc_dma_alloc_coherent(&dev, 8192, &h, 0);
	CHECK(buf != NULL);
	dmc_dma_free_coherent(&dev, 8192, buf, h);
	CHECK_NO_EVENTS();

	tap_case("machine: unknown kernel");
	dmc_machine_default(&bad);
	bad.kernel = (enum dmc_kernel)7;
	CHECK_EQ(dmc_machine_init(&bad), -DMC_EINVAL);
}

int main(void)
{
	test_612();
	test_map_single_table();
	test_bounce_flow();
	test_iommu();
	test_map_page_and_device_side();
	test_sg();
	test_coherent();
	return tap_done("test_dma");
}
