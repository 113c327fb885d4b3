// SPDX-License-Identifier: GPL-2.0
/*
 * test_device.c - DMA masks and the usb-dma-mask verdict, decided by what the write reached:
 * with 6.1's wiring (USB devices and interfaces have no dma_mask) and with the wiring of 5.9
 * and older (they share the host controller's dma_mask pointer), built here by hand.
 */
#include "internal.h"
#include "tap.h"

static struct dmc_device hc, udev, intf, pci;

/* the pointer sharing of usb_alloc_dev() and usb_set_configuration() up to 5.9, by hand */
static void make_bus(void)
{
	dmc_machine_init(NULL);
	dmc_device_init(&hc, "0000:00:14.0", DMC_DEV_PCI, false, true);
	dmc_device_init(&udev, "1-1", DMC_DEV_USB_DEVICE, false, true);
	dmc_device_init(&intf, "1-1:1.0", DMC_DEV_USB_INTERFACE, false, true);
	dmc_device_init(&pci, "0000:03:00.0", DMC_DEV_PCI, false, true);
	udev.parent = &hc;
	udev.dma_mask = hc.dma_mask;
	udev.coherent_dma_mask = 0;
	intf.parent = &udev;
	intf.dma_mask = udev.dma_mask;
	intf.coherent_dma_mask = 0;
}

typedef int (*setter_t)(struct dmc_device *dev, uint64_t mask);

static void test_setters(void)
{
	static const struct {
		const char *name;
		setter_t set;
		int target;	/* 0 pci, 1 usb device, 2 interface */
		uint64_t mask;
		int ret;
		int outcome;	/* -1: no event */
		uint64_t hc_mask_after;
	} t[] = {
		{ "pci dma_set_mask", dmc_dma_set_mask, 0, DMC_BIT_MASK(64), 0, -1, DMC_BIT_MASK(32) },
		{ "pci mask below ZONE_DMA", dmc_dma_set_mask, 0, DMC_BIT_MASK(20), -DMC_EIO, -1, DMC_BIT_MASK(32) },
		{ "pci set_mask_and_coherent", dmc_dma_set_mask_and_coherent, 0, DMC_BIT_MASK(40), 0, -1, DMC_BIT_MASK(32) },
		{ "5.9 wiring: interface dma_set_mask", dmc_dma_set_mask, 2, DMC_BIT_MASK(64), 0, DMC_OUT_SHARED_STATE, DMC_BIT_MASK(64) },
		{ "5.9 wiring: usb device dma_set_mask", dmc_dma_set_mask, 1, DMC_BIT_MASK(31), 0, DMC_OUT_SHARED_STATE, DMC_BIT_MASK(31) },
		{ "5.9 wiring: interface set_mask_and_coherent", dmc_dma_set_mask_and_coherent, 2, DMC_BIT_MASK(64), 0, DMC_OUT_SHARED_STATE, DMC_BIT_MASK(64) },
		{ "interface set_mask_and_coherent too small", dmc_dma_set_mask_and_coherent, 2, DMC_BIT_MASK(16), -DMC_EIO, DMC_OUT_REFUSED, DMC_BIT_MASK(32) },
		{ "interface coherent mask", dmc_dma_set_coherent_mask, 2, DMC_BIT_MASK(64), 0, DMC_OUT_SILENT, DMC_BIT_MASK(32) },
		{ "interface coherent mask too small", dmc_dma_set_coherent_mask, 2, DMC_BIT_MASK(8), -DMC_EIO, DMC_OUT_REFUSED, DMC_BIT_MASK(32) },
		{ "interface coerce", dmc_dma_coerce_mask_and_coherent, 2, DMC_BIT_MASK(64), 0, DMC_OUT_SILENT, DMC_BIT_MASK(32) },
		{ "usb device coerce too small", dmc_dma_coerce_mask_and_coherent, 1, DMC_BIT_MASK(12), -DMC_EIO, DMC_OUT_REFUSED, DMC_BIT_MASK(32) },
		{ "pci coerce", dmc_dma_coerce_mask_and_coherent, 0, DMC_BIT_MASK(32), 0, -1, DMC_BIT_MASK(32) },
	};

	for (size_t i = 0; i < DMC_ARRAY_SIZE(t); i++) {
		struct dmc_device *dev;

		tap_case(t[i].name);
		make_bus();
		dev = t[i].target == 0 ? &pci : t[i].target == 1 ? &udev : &intf;
		CHECK_EQ(t[i].set(dev, t[i].mask), t[i].ret);
		if (t[i].outcome < 0) {
			CHECK_NO_EVENTS();
		} else {
			CHECK_RULES("usb-dma-mask");
			CHECK_EQ(tap_outcome("usb-dma-mask"), t[i].outcome);
		}
		CHECK_EQ(*hc.dma_mask, t[i].hc_mask_after);
	}

	tap_case("interface on a bus whose controller has no mask");
	make_bus();
	intf.dma_mask = NULL;
	CHECK_EQ(dmc_dma_set_mask(&intf, DMC_BIT_MASK(32)), -DMC_EIO);
	CHECK_RULES("usb-dma-mask");
	CHECK_EQ(tap_outcome("usb-dma-mask"), DMC_OUT_REFUSED);

	tap_case("iommu devices support any mask");
	make_bus();
	pci.iommu = true;
	CHECK(dmc_dma_supported(&pci, DMC_BIT_MASK(12)));
	CHECK(!dmc_dma_supported(&hc, DMC_BIT_MASK(12)));

	tap_case("arm64 ZONE_DMA is 30 bits");
	{
		struct dmc_machine_config c;

		dmc_machine_default(&c);
		c.arch = DMC_ARCH_ARM64;
		dmc_machine_init(&c);
		dmc_device_init(&pci, "platform", DMC_DEV_PLATFORM, false, false);
		CHECK(!dmc_dma_supported(&pci, DMC_BIT_MASK(29)));
		CHECK(dmc_dma_supported(&pci, DMC_BIT_MASK(30)));
	}

	tap_case("device release without mappings");
	make_bus();
	dmc_device_release(&pci);
	CHECK(!pci.registered);
	CHECK_NO_EVENTS();
}

/* 6.1's wiring, through the model's own usb_alloc_dev()/usb_set_configuration() */
static void test_setters_61(void)
{
	static const struct {
		const char *name;
		setter_t set;
		bool on_interface;
		int ret;
		int outcome;
	} t[] = {
		{ "6.1: interface dma_set_mask", dmc_dma_set_mask, true, -DMC_EIO, DMC_OUT_REFUSED },
		{ "6.1: usb device dma_set_mask", dmc_dma_set_mask, false, -DMC_EIO, DMC_OUT_REFUSED },
		{ "6.1: interface set_mask_and_coherent", dmc_dma_set_mask_and_coherent, true, -DMC_EIO, DMC_OUT_REFUSED },
		{ "6.1: interface coherent mask", dmc_dma_set_coherent_mask, true, 0, DMC_OUT_SILENT },
		{ "6.1: usb device coerce", dmc_dma_coerce_mask_and_coherent, false, 0, DMC_OUT_SILENT },
	};

	for (size_t i = 0; i < DMC_ARRAY_SIZE(t); i++) {
		struct dmc_usb_hcd h;
		struct dmc_usb_device d;
		struct dmc_usb_interface f;
		uint64_t before;

		tap_case(t[i].name);
		dmc_machine_init(NULL);
		dmc_device_init(&hc, "0000:00:1d.0", DMC_DEV_PCI, false, true);
		dmc_hcd_create(&h, &hc, DMC_HCD_DMA);
		dmc_usb_device_init(&d, &h, 2);
		dmc_usb_interface_init(&f, &d);
		before = *hc.dma_mask;
		CHECK_EQ(t[i].set(t[i].on_interface ? &f.dev : &d.dev, DMC_BIT_MASK(64)), t[i].ret);
		CHECK_RULES("usb-dma-mask");
		CHECK_EQ(tap_outcome("usb-dma-mask"), t[i].outcome);
		CHECK_EQ(*hc.dma_mask, before);		/* the controller is untouched */
		dmc_hcd_destroy(&h);
	}
}

int main(void)
{
	test_setters();
	test_setters_61();
	return tap_done("test_device");
}
