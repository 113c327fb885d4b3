// SPDX-License-Identifier: GPL-2.0
/*
 * test_mem.c - memory kinds, zones, registration of real process memory, the model
 * allocators, pages, the rule table and the event log.
 */
#include "internal.h"
#include "tap.h"

#include <pthread.h>
#include <stdlib.h>

static struct dmc_machine_config cfg_with(enum dmc_arch arch, bool vmap, bool above4g)
{
	struct dmc_machine_config c;

	dmc_machine_default(&c);
	c.arch = arch;
	c.vmap_stack = vmap;
	c.ram_above_4g = above4g;
	return c;
}

/* kmalloc zone placement per architecture: table-driven */
static void test_zones(void)
{
	static const struct {
		const char *name;
		enum dmc_arch arch;
		bool above4g;
		unsigned int gfp;
		enum dmc_zone zone;
	} t[] = {
		{ "x86_64 GFP_KERNEL", DMC_ARCH_X86_64, true, DMC_GFP_KERNEL, DMC_ZONE_NORMAL },
		{ "x86_64 GFP_DMA32", DMC_ARCH_X86_64, true, DMC_GFP_DMA32, DMC_ZONE_DMA32 },
		{ "x86_64 GFP_DMA", DMC_ARCH_X86_64, true, DMC_GFP_DMA, DMC_ZONE_DMA },
		{ "x86_64 small RAM", DMC_ARCH_X86_64, false, DMC_GFP_KERNEL, DMC_ZONE_DMA32 },
		{ "arm64 GFP_DMA", DMC_ARCH_ARM64, true, DMC_GFP_DMA, DMC_ZONE_DMA },
		{ "arm64 GFP_KERNEL", DMC_ARCH_ARM64, true, DMC_GFP_KERNEL, DMC_ZONE_NORMAL },
		{ "x86_32 GFP_KERNEL", DMC_ARCH_X86_32, true, DMC_GFP_KERNEL, DMC_ZONE_NORMAL },
		{ "x86_32 GFP_DMA32", DMC_ARCH_X86_32, false, DMC_GFP_DMA32, DMC_ZONE_NORMAL },
		{ "x86_32 GFP_DMA", DMC_ARCH_X86_32, false, DMC_GFP_DMA, DMC_ZONE_DMA },
	};

	for (size_t i = 0; i < DMC_ARRAY_SIZE(t); i++) {
		struct dmc_machine_config c = cfg_with(t[i].arch, true, t[i].above4g);
		struct dmc_memref ref;
		void *p;

		tap_case(t[i].name);
		CHECK_EQ(dmc_machine_init(&c), 0);
		p = dmc_kmalloc(100, t[i].gfp);
		ref = dmc_classify(p);
		CHECK_EQ(ref.kind, DMC_MEM_KMALLOC);
		CHECK_EQ(ref.zone, t[i].zone);
		CHECK(ref.linear && dmc_virt_addr_valid(p) && !dmc_is_vmalloc_addr(p));
		CHECK(dmc_phys_to_virt(ref.phys, 100) == p);
		CHECK(dmc_region_by_phys(ref.phys) == ref.region);
	}
}

static void test_allocators(void)
{
	void *a, *b, *big[3];
	char *z;

	tap_case("allocators");
	dmc_machine_init(NULL);
	CHECK(dmc_kmalloc(0, 0) == NULL);
	CHECK(dmc_kmalloc(64UL << 20, 0) == NULL);	/* beyond any arena */
	a = dmc_kmalloc(100, 0);
	CHECK_EQ(dmc_ksize(a), 128);			/* 64-byte granules */
	dmc_kfree(a);
	CHECK_EQ(dmc_ksize(a), 0);
	b = dmc_kmalloc(64, 0);
	CHECK(b == a);					/* first fit reuses the freed block */
	dmc_kfree(NULL);
	dmc_kfree((char *)b + 1);			/* not a block start: ignored */
	CHECK_EQ(dmc_ksize(b), 128);			/* the reused block keeps its size */
	CHECK_EQ(dmc_ksize(&a), 0);			/* not model memory */
	z = dmc_kmalloc(32, DMC_GFP_ZERO);
	CHECK(z[0] == 0 && z[31] == 0);
	for (int i = 0; i < 3; i++)			/* 3 x 3M: a second arena opens */
		big[i] = dmc_kmalloc(3UL << 20, 0);
	CHECK(big[0] && big[1] && big[2]);
	CHECK(dmc_classify(big[0]).region != dmc_classify(big[2]).region);
	CHECK(dmc_classify(big[0]).phys != dmc_classify(big[2]).phys);

	a = dmc_vmalloc(10000);
	CHECK_EQ(dmc_classify(a).kind, DMC_MEM_VMALLOC);
	CHECK(dmc_is_vmalloc_addr(a) && !dmc_virt_addr_valid(a));
	CHECK_EQ(dmc_classify(a).zone, DMC_ZONE_NONE);
	CHECK_EQ(((uintptr_t)a) & (DMC_PAGE_SIZE - 1), 0);
	dmc_vfree(a);
	dmc_vfree(NULL);
	CHECK_EQ(dmc_ksize(a), 0);
}

static void *other_thread(void *arg)
{
	char local[16];

	*(void **)arg = local;
	dmc_register_current_stack();
	return NULL;
}

static void test_stacks(void)
{
	static const struct {
		bool vmap;
	} t[] = { { true }, { false } };

	for (size_t i = 0; i < DMC_ARRAY_SIZE(t); i++) {
		struct dmc_machine_config c = cfg_with(DMC_ARCH_X86_64, t[i].vmap, true);
		char local[32];
		void *theirs = NULL;
		pthread_t th;

		tap_case(t[i].vmap ? "vmap stack" : "direct-mapped stack");
		dmc_machine_init(&c);
		CHECK_EQ(dmc_classify(local).kind, DMC_MEM_UNKNOWN);
		CHECK(!dmc_object_is_on_stack(local));
		CHECK_EQ(dmc_register_current_stack(), 0);
		CHECK_EQ(dmc_register_current_stack(), -DMC_EBUSY);
		CHECK_EQ(dmc_classify(local).kind, DMC_MEM_STACK);
		CHECK(dmc_object_is_on_stack(local));
		CHECK_EQ(dmc_is_vmalloc_addr(local), t[i].vmap);
		CHECK_EQ(dmc_virt_addr_valid(local), !t[i].vmap);
		CHECK_EQ(dmc_virt_to_page(local).valid, !t[i].vmap);
		CHECK_EQ(dmc_virt_to_page(local).origin, DMC_MEM_STACK);
		/* another task's stack is stack memory, but not object_is_on_stack() */
		pthread_create(&th, NULL, other_thread, &theirs);
		pthread_join(th, NULL);
		CHECK_EQ(dmc_classify(theirs).kind, DMC_MEM_STACK);
		CHECK(!dmc_object_is_on_stack(theirs));
	}
}

static int module_static[64];
static const char module_string[] = "rodata of the image";

static void test_image(void)
{
	static const struct {
		const char *name;
		enum dmc_arch arch;
		bool as_module;
		enum dmc_mem_kind data, rodata;
		bool linear;
	} t[] = {
		{ "module x86_64", DMC_ARCH_X86_64, true, DMC_MEM_MODULE_DATA, DMC_MEM_MODULE_RODATA, false },
		{ "built-in x86_64", DMC_ARCH_X86_64, false, DMC_MEM_KERNEL_DATA, DMC_MEM_KERNEL_RODATA, true },
		{ "built-in arm64", DMC_ARCH_ARM64, false, DMC_MEM_KERNEL_DATA, DMC_MEM_KERNEL_RODATA, false },
	};

	for (size_t i = 0; i < DMC_ARRAY_SIZE(t); i++) {
		struct dmc_machine_config c = cfg_with(t[i].arch, true, true);

		tap_case(t[i].name);
		dmc_machine_init(&c);
		CHECK_EQ(dmc_register_image(t[i].as_module), 0);
		CHECK_EQ(dmc_classify(module_static).kind, t[i].data);
		CHECK_EQ(dmc_classify(module_string).kind, t[i].rodata);
		CHECK_EQ(dmc_classify((const void *)test_image).kind, t[i].rodata);
		CHECK_EQ(dmc_virt_addr_valid(module_static), t[i].linear);
		CHECK(!dmc_is_vmalloc_addr(module_static));
		CHECK_EQ(dmc_virt_to_page(module_static).valid, t[i].linear);
	}
}

static void test_regions(void)
{
	static char buf[8192];
	struct dmc_page pg;

	tap_case("region registration");
	dmc_machine_init(NULL);
	CHECK_EQ(dmc_region_add(DMC_MEM_KMALLOC, NULL, 10, "x"), -DMC_EINVAL);
	CHECK_EQ(dmc_region_add(DMC_MEM_KMALLOC, buf, 0, "x"), -DMC_EINVAL);
	CHECK_EQ(dmc_region_add(DMC_MEM_UNKNOWN, buf, 10, "x"), -DMC_EINVAL);
	CHECK_EQ(dmc_region_add(DMC_MEM_KIND_COUNT, buf, 10, "x"), -DMC_EINVAL);
	CHECK_EQ(dmc_region_add(DMC_MEM_KMALLOC, buf, sizeof(buf), "harness heap"), 0);
	CHECK_EQ(dmc_region_add(DMC_MEM_VMALLOC, buf + 100, 10, "overlap"), -DMC_EBUSY);
	CHECK_EQ(dmc_classify(buf + 5000).kind, DMC_MEM_KMALLOC);
	CHECK_EQ(dmc_classify(buf + 5000).phys - dmc_classify(buf).phys, 5000);
	/* the page offset of the CPU address is kept in the physical address */
	CHECK_EQ(dmc_classify(buf).phys & (DMC_PAGE_SIZE - 1), (uintptr_t)buf & (DMC_PAGE_SIZE - 1));
	pg = dmc_virt_to_page(buf + 5000);
	CHECK(pg.valid && dmc_page_address(pg) != NULL);
	CHECK(dmc_kmap(pg) == dmc_page_address(pg));
	CHECK_EQ(dmc_region_remove(buf), 0);
	CHECK_EQ(dmc_region_remove(buf), -DMC_ENOENT);
	CHECK_EQ(dmc_classify(buf).kind, DMC_MEM_UNKNOWN);
	CHECK(dmc_classify(buf).region == NULL);
	CHECK(dmc_phys_to_virt(1ULL << 50, 4) == NULL);
	CHECK(!dmc_virt_addr_valid(buf) && !dmc_is_vmalloc_addr(buf));
	pg = dmc_virt_to_page(buf);
	CHECK(!pg.valid && dmc_page_address(pg) == NULL && dmc_kmap(pg) == NULL);
	/* a region with the same name for every kind */
	for (int k = DMC_MEM_UNKNOWN; k <= DMC_MEM_KIND_COUNT; k++)
		CHECK(dmc_mem_kind_name((enum dmc_mem_kind)k) != NULL);
	CHECK(strcmp(dmc_mem_kind_name(DMC_MEM_KIND_COUNT), "?") == 0);
	CHECK(strcmp(dmc_zone_name(DMC_ZONE_DMA32), "DMA32") == 0);
	CHECK(strcmp(dmc_zone_name((enum dmc_zone)42), "none") == 0);
}

static void test_pages(void)
{
	struct dmc_machine_config c32 = cfg_with(DMC_ARCH_X86_32, true, false);
	struct dmc_page pg;

	tap_case("highmem page on x86_32");
	dmc_machine_init(&c32);
	pg = dmc_alloc_page(DMC_GFP_HIGHMEM);
	CHECK(pg.valid && pg.origin == DMC_MEM_HIGHMEM);
	CHECK(dmc_page_address(pg) == NULL);
	CHECK(dmc_kmap(pg) != NULL);
	CHECK_EQ(dmc_phys_zone(pg.phys), DMC_ZONE_HIGHMEM);
	CHECK_EQ(dmc_classify(dmc_kmap(pg)).zone, DMC_ZONE_HIGHMEM);
	dmc_free_page(pg);
	pg = dmc_alloc_page(DMC_GFP_DMA);
	CHECK(pg.valid && dmc_phys_zone(pg.phys) == DMC_ZONE_DMA && dmc_page_address(pg));
	dmc_free_page(pg);

	tap_case("highmem request on x86_64");
	dmc_machine_init(NULL);
	pg = dmc_alloc_page(DMC_GFP_HIGHMEM);
	CHECK(pg.valid && dmc_page_address(pg) != NULL);
	CHECK_EQ(dmc_phys_zone(pg.phys), DMC_ZONE_NORMAL);
	pg = dmc_alloc_page(DMC_GFP_DMA32);
	CHECK_EQ(dmc_phys_zone(pg.phys), DMC_ZONE_DMA32);
	dmc_free_page(pg);
	dmc_free_page((struct dmc_page){ 0, NULL, false, DMC_MEM_UNKNOWN });
}

static int hook_calls;
static void hook(const struct dmc_event *ev, void *arg)
{
	(void)ev;
	hook_calls += *(int *)arg;
}

static void test_rules_and_events(void)
{
	struct dmc_machine_config bad;
	char buf[512];
	int one = 1;

	tap_case("rule table");
	CHECK_EQ(dmc_rule_by_slug("dma-on-stack"), DMC_RULE_DMA_ON_STACK);
	CHECK_EQ(dmc_rule_by_slug("urb-dma-handle-missing"), DMC_RULE_URB_DMA_HANDLE_MISSING);
	CHECK_EQ(dmc_rule_by_slug("no-such-rule"), DMC_RULE_COUNT);
	CHECK_EQ(dmc_rule_by_slug(NULL), DMC_RULE_COUNT);
	CHECK(dmc_rule_info(DMC_RULE_COUNT) == NULL);
	for (int r = 0; r < DMC_RULE_COUNT; r++)
		CHECK(dmc_rule_info((enum dmc_rule)r)->slug && dmc_rule_info((enum dmc_rule)r)->message);
	CHECK_EQ(dmc_rule_info(DMC_RULE_USB_DMA_MASK)->severity, DMC_SEV_ERROR);
	CHECK(strcmp(dmc_outcome_name(DMC_OUT_SILENT), "latent") == 0);

	tap_case("machine configuration");
	dmc_machine_default(&bad);
	bad.arch = (enum dmc_arch)7;
	CHECK_EQ(dmc_machine_init(&bad), -DMC_EINVAL);
	bad.arch = DMC_ARCH_X86_32;
	bad.ram_above_4g = true;
	CHECK_EQ(dmc_machine_init(&bad), 0);
	CHECK(!dmc_machine()->ram_above_4g);		/* no such thing on 32-bit */

	tap_case("event log");
	dmc_machine_init(NULL);
	dmc_set_event_hook(hook, &one);
	dmc_report(DMC_RULE_DMA_ON_STACK, DMC_OUT_REFUSED, -11, "usb_hcd_map_urb_for_dma", buf,
		   "transfer buffer is on stack", "detail");
	dmc_at("drv.c", 42);
	dmc_report(DMC_RULE_USB_DMA_MASK, DMC_OUT_SILENT, 0, NULL, NULL, NULL, NULL);
	dmc_set_event_hook(NULL, NULL);
	CHECK_EQ(hook_calls, 2);
	CHECK_EQ(dmc_event_count(), 2);
	CHECK_EQ(dmc_event_count_rule(DMC_RULE_DMA_ON_STACK), 1);
	CHECK(dmc_event_get(2) == NULL);
	CHECK_EQ(dmc_event_get(1)->line, 42);
	dmc_event_format(dmc_event_get(0), buf, sizeof(buf));
	CHECK(strstr(buf, "usb_hcd_map_urb_for_dma: error: DMA buffer is on the stack "
			  "[dmacheck-dma-on-stack] (refused in usb_hcd_map_urb_for_dma, ret -11; "
			  "kernel: \"transfer buffer is on stack\"; detail)") == buf);
	dmc_event_format(dmc_event_get(1), buf, sizeof(buf));
	CHECK(strstr(buf, "drv.c:42: error: DMA mask set on a USB interface or USB device "
			  "[dmacheck-usb-dma-mask] (latent in ?, ret 0)") == buf);
	for (int i = 0; i < 100; i++)		/* the log grows */
		dmc_report(DMC_RULE_DMA_MAP_VMALLOC, DMC_OUT_REFUSED, 0, "x", NULL, "", "");
	CHECK_EQ(dmc_event_count(), 102);
	CHECK(dmc_warn_once("k") && !dmc_warn_once("k") && dmc_warn_once("other"));
	dmc_events_clear();
	CHECK_EQ(dmc_event_count(), 0);
	CHECK(dmc_warn_once("k"));
	CHECK(strlen(dmc_fmt("%d-%s", 7, "x")) == 3);
	dmc_machine_exit();
}

int main(void)
{
	test_zones();
	test_allocators();
	test_stacks();
	test_image();
	test_regions();
	test_pages();
	test_rules_and_events();
	return tap_done("test_mem");
}
