// SPDX-License-Identifier: GPL-2.0
/*
 * testsuite/oracle/harness.c - boots a model machine and runs one test case in it (main.c
 * runs this once per model, each in a child process).
 *
 * Linked with one case object (which defines case_run(), see testsuite/include/
 * dmacheck-case.h), the shim (shim-*.c) and libdmacore.a. For each host controller model
 * (default: all of enum dmc_hcd_model) a child process boots a fresh model machine (x86_64,
 * vmap stacks, DMA-API debug, swiotlb: dmc_machine_default; Linux 6.1, or 6.12 with
 * DMACHECK_CORE_KERNEL=6.12 in the environment), registers this thread's stack
 * and the executable's data as a module's (as the kernel image's for a case that says kbuild
 * builds it in: dmacheck_case_builtin, dmacheck-case.h), builds the host controller, a USB device with one
 * interface and a platform device, calls case_run() and then lets the host controller finish
 * every URB still queued. Output (stdout, one record a line, read by testsuite/oracle.py):
 *
 *	M <model>                              a model starts
 *	E <model> <rule> <outcome> <ret> <kfunc> : <pc...> | <pc...> # <detail>   (trace.c)
 *	X <model> : <pc...> # <message>        the case used something the harness never made
 *	D <model> <status>                     the model finished: "ok", or how the child died
 *
 * Limits: see trace.c (x86_64, one thread) and shim-usb.c (completion handlers).
 */
#include <linux/types.h>
#include <linux/usb.h>
#include <dmacheck-case.h>
#include "oracle.h"
#include "shim.h"

/* dmacheck-case.h: defined by a case that kbuild would build into the kernel */
extern const int dmacheck_case_builtin __attribute__((weak));

struct machine {
	struct dmc_device sysdev, platdev;
	struct dmc_usb_hcd hcd;
	struct dmc_usb_device udev;
	struct dmc_usb_interface intf;
};

/* Harness objects are kernel objects: they live in the model's kmalloc memory. */
static void *kzalloc_model(size_t size)
{
	void *p = dmc_kmalloc(size, DMC_GFP_ZERO);

	if (!p)
		abort();
	return p;
}

static void build_interface(struct case_env *env, struct machine *m)
{
	static const struct { u8 address; int xfer; u16 maxp; u8 interval; } eps[] = {
		{ 0x81, USB_ENDPOINT_XFER_INT, 8, 10 },
		{ 0x82, USB_ENDPOINT_XFER_BULK, 512, 0 },
		{ 0x02, USB_ENDPOINT_XFER_BULK, 512, 0 },
		{ 0x03, USB_ENDPOINT_XFER_INT, 8, 10 },
	};
	struct usb_interface *intf = kzalloc_model(sizeof(*intf));
	struct usb_host_interface *alt = kzalloc_model(sizeof(*alt));
	int n = sizeof(eps) / sizeof(eps[0]);

	alt->desc.bLength = 9;	/* USB_DT_INTERFACE_SIZE */
	alt->desc.bDescriptorType = USB_DT_INTERFACE;
	alt->desc.bInterfaceNumber = 0;
	alt->desc.bNumEndpoints = n;
	alt->endpoint = kzalloc_model(n * sizeof(*alt->endpoint));
	for (int i = 0; i < n; i++) {
		shim_fill_endpoint(&alt->endpoint[i], eps[i].address, eps[i].xfer, eps[i].maxp,
				   eps[i].interval);
		shim_add_endpoint(env->udev, &m->udev, &alt->endpoint[i]);
	}
	intf->altsetting = alt;
	intf->cur_altsetting = alt;
	intf->num_altsetting = 1;
	intf->condition = USB_INTERFACE_BOUND;
	intf->dev.parent = &env->udev->dev;
	intf->dev.init_name = "2-1:1.0";
	intf->usb_dev = &env->udev->dev;
	dmc_usb_interface_init(&m->intf, &m->udev);
	intf->dev.dma_mask = (u64 *)m->intf.dev.dma_mask;
	oracle_bind(OK_DEVICE, &intf->dev, &m->intf.dev);
	env->intf = intf;
}

static void boot(struct case_env *env, struct machine *m, enum dmc_hcd_model model)
{
	struct pci_dev *hc;
	struct platform_device *pdev;
	struct usb_device *udev;
	struct usb_bus *bus;

	struct dmc_machine_config cfg;

	dmc_machine_default(&cfg);
	cfg.kernel = harness_kernel;	/* main.c: DMACHECK_CORE_KERNEL */
	dmc_machine_init(&cfg);
	dmc_register_current_stack();
	dmc_register_image(!(&dmacheck_case_builtin && dmacheck_case_builtin));

	dmc_device_init(&m->sysdev, "0000:00:14.0", DMC_DEV_PCI, false, true);
	dmc_hcd_create(&m->hcd, &m->sysdev, model);
	hc = kzalloc_model(sizeof(*hc));
	hc->dev.init_name = "0000:00:14.0";
	hc->dma_mask = *m->sysdev.dma_mask;
	hc->dev.dma_mask = (u64 *)m->sysdev.dma_mask;
	hc->dev.coherent_dma_mask = m->sysdev.coherent_dma_mask;
	oracle_bind(OK_DEVICE, &hc->dev, &m->sysdev);

	dmc_device_init(&m->platdev, "dma-engine.0", DMC_DEV_PLATFORM, false, true);
	pdev = kzalloc_model(sizeof(*pdev));
	pdev->name = "dma-engine";
	pdev->dev.init_name = "dma-engine.0";
	pdev->dev.dma_mask = (u64 *)m->platdev.dma_mask;
	pdev->dev.coherent_dma_mask = m->platdev.coherent_dma_mask;
	oracle_bind(OK_DEVICE, &pdev->dev, &m->platdev);

	bus = kzalloc_model(sizeof(*bus));
	bus->controller = &hc->dev;
	bus->sysdev = &hc->dev;
	bus->busnum = 2;
	bus->bus_name = "0000:00:14.0";
	bus->uses_pio_for_control = m->hcd.self.uses_pio_for_control;
	bus->sg_tablesize = m->hcd.self.sg_tablesize;

	dmc_usb_device_init(&m->udev, &m->hcd, 2);
	udev = kzalloc_model(sizeof(*udev));
	udev->devnum = 2;
	strcpy(udev->devpath, "1");
	udev->state = USB_STATE_CONFIGURED;
	udev->speed = USB_SPEED_HIGH;
	udev->bus = bus;
	udev->dev.parent = &hc->dev;
	udev->dev.init_name = "2-1";
	udev->dev.dma_mask = (u64 *)m->udev.dev.dma_mask;
	shim_fill_endpoint(&udev->ep0, 0, USB_ENDPOINT_XFER_CONTROL, 64, 0);
	udev->ep0.enabled = 1;
	udev->ep_in[0] = &udev->ep0;
	udev->ep_out[0] = &udev->ep0;
	udev->descriptor.bLength = USB_DT_DEVICE_SIZE;
	udev->descriptor.bDescriptorType = USB_DT_DEVICE;
	udev->descriptor.bMaxPacketSize0 = 64;
	oracle_bind(OK_USB_DEVICE, udev, &m->udev);
	oracle_bind(OK_DEVICE, &udev->dev, &m->udev.dev);

	env->hc = hc;
	env->pdev = pdev;
	env->udev = udev;
	env->model = dmc_hcd_model_name(model);
	build_interface(env, m);
}

/* ---- the device's side (dmacheck-case.h) ------------------------------------------------ */

static case_answer_t case_answer;
static void *case_answer_arg;

static size_t answer_hook(struct dmc_urb *urb, void *data, size_t len, void *arg)
{
	(void)arg;
	return case_answer(urb->pipe, (const struct usb_ctrlrequest *)urb->setup_packet, data, len,
			   case_answer_arg);
}

void case_device_answers(struct case_env *env, case_answer_t answer, void *arg)
{
	(void)env;
	case_answer = answer;
	case_answer_arg = arg;
	dmc_usb_set_reply(answer ? answer_hook : NULL, NULL);
}

static void giveback(const void *urb, void *core)
{
	(void)core;
	shim_urb_giveback((struct urb *)urb);
}

int harness_run_model(int model)
{
	struct machine *m = calloc(1, sizeof(*m));
	struct case_env env = { 0 };

	if (!m)
		abort();
	oracle_trace_init();
	boot(&env, m, model);
	oracle_trace_model(env.model);
	case_run(&env);
	oracle_for_each(OK_URB, giveback);
	oracle_trace_done(env.model);
	return 0;
}

