// SPDX-License-Identifier: GPL-2.0
/*
 * usb_hcd.c - the host controller side of a URB in Linux 6.1: drivers/usb/core/hcd.c
 * (usb_hcd_map_urb_for_dma, usb_hcd_unmap_urb_for_dma, usb_hcd_unmap_urb_setup_for_dma,
 * hcd_alloc_coherent, hcd_free_coherent, map_urb_for_dma, usb_hcd_submit_urb,
 * usb_hcd_giveback_urb, usb_kill_urb), xHCI's map_urb_for_dma wrapper with immediate data
 * (drivers/usb/host/xhci.c xhci_map_urb_for_dma, xhci_urb_suitable_for_idt), and ready-made
 * host controller models (what the probe functions of ehci-pci, xhci-pci, ohci-sm501 and a
 * PIO controller such as max3421 set up).
 *
 * The mapping functions follow 6.1 branch for branch. On top of the kernel's own checks the
 * model reports what a static finding means under each controller: a stack buffer that the
 * kernel refuses on a DMA controller is copied (and so "works") on a local-memory or PIO
 * controller and sent as immediate data by xHCI -- the model records the rule there too, as
 * latent (DMC_OUT_SILENT), so that one driver bug gets one verdict per controller.
 *
 * "Did the driver store transfer_dma?" is not visible in struct urb: the HCD overwrites the
 * field when it maps and dma_unmap_single() leaves the stale handle behind. The model keeps a
 * side table of the last handle the HCD wrote into each URB, so that a resubmitted URB is not
 * taken for a driver-supplied handle (dmc_urb_driver_dma()).
 *
 * Limits: root hubs, HCD-private unmap hooks (xHCI's temp-buffer quirk), usbmon, URB
 * refcounts/anchors and asynchronous unlink are not modelled; an URB is queued from a
 * successful submit until dmc_hcd_complete_urb() or dmc_usb_kill_urb(). Stack and vmalloc
 * memory are reported as latent on copying controllers (a DMA controller's mapping refuses
 * both), and so are image memory outside the linear map (module data and rodata:
 * dma-map-invalid-area) and kernel rodata (dma-map-rodata), which a mapping gets wrong.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define SETUP_SIZE sizeof(struct dmc_usb_ctrlrequest)	/* 8 bytes */
#define TRB_IDT_MAX_SIZE 8
#define LOCALMEM_SIZE (256UL << 10)
#define LOCALMEM_BUS 0x20000000ULL

static const char *const model_names[DMC_HCD_MODEL_COUNT] = {
	[DMC_HCD_DMA] = "ehci-dma",
	[DMC_HCD_DMA_IOMMU] = "ehci-iommu",
	[DMC_HCD_XHCI] = "xhci",
	[DMC_HCD_LOCALMEM] = "ohci-localmem",
	[DMC_HCD_PIO] = "pio",
	[DMC_HCD_MUSB] = "musb",
};

const char *dmc_hcd_model_name(enum dmc_hcd_model model)
{
	return (unsigned int)model < DMC_HCD_MODEL_COUNT ? model_names[model] : "?";
}

/* ---- include/linux/usb.h, include/uapi/linux/usb/ch9.h helpers ------------------------------- */

static int ep_type(const struct dmc_usb_host_endpoint *ep)
{
	return ep->desc.bmAttributes & 3;	/* USB_ENDPOINT_XFERTYPE_MASK */
}

static bool usb_urb_dir_in(const struct dmc_urb *urb)
{
	return (urb->transfer_flags & DMC_URB_DIR_MASK) == DMC_URB_DIR_IN;
}

/* include/linux/usb/hcd.h */
static bool hcd_uses_dma(const struct dmc_usb_hcd *hcd)
{
	return hcd->self.uses_dma;
}

static struct dmc_usb_hcd *urb_hcd(const struct dmc_urb *urb)
{
	return urb->dev && urb->dev->bus ? urb->dev->bus->hcd : NULL;
}

/* ---- which transfer_dma values the HCD wrote (see the header) -------------------------------- */

struct urb_note {
	const struct dmc_urb *urb;
	dmc_dma_t hcd_dma;
};

static struct {
	struct urb_note *v;
	size_t n, cap;
} notes;

static struct urb_note *note_of(const struct dmc_urb *urb)
{
	for (size_t i = 0; i < notes.n; i++)
		if (notes.v[i].urb == urb)
			return &notes.v[i];
	return NULL;
}

/* The HCD stored `dma` into urb->transfer_dma. */
static void note_hcd_dma(const struct dmc_urb *urb, dmc_dma_t dma)
{
	struct urb_note *n = note_of(urb);

	if (!n) {
		notes.v = dmc_grow(notes.v, &notes.cap, notes.n, sizeof(*notes.v));
		n = &notes.v[notes.n++];
		n->urb = urb;
	}
	n->hcd_dma = dma;
}

/* The handle the *driver* stored in transfer_dma: 0 if none or if it is the HCD's own. */
dmc_dma_t dmc_urb_driver_dma(const struct dmc_urb *urb)
{
	const struct urb_note *n = note_of(urb);

	if (n && n->hcd_dma == urb->transfer_dma)
		return 0;
	return urb->transfer_dma;
}

/* A new machine: no URB of the old one counts (their memory may be reused). */
void dmc_usb_state_reset(void)
{
	free(notes.v);
	memset(&notes, 0, sizeof(notes));
	dmc_hcd_pio_buffers_reset();
}

/* usb_free_urb(): the URB's memory may be reused by another URB. */
void dmc_urb_forget(const struct dmc_urb *urb)
{
	struct urb_note *n = note_of(urb);

	if (n)
		*n = notes.v[--notes.n];
}

/* ---- the model's verdicts that the kernel itself does not print ------------------------------ */

static const char *hcd_kind(const struct dmc_usb_hcd *hcd)
{
	if (hcd->localmem_pool)
		return "the local-memory HCD copies it";
	if (hcd->xhci_idt && hcd_uses_dma(hcd))
		return "xHCI sends it as immediate data";
	return "the PIO HCD copies it";
}

static void report_latent_stack(struct dmc_usb_hcd *hcd, const void *buf, const char *what,
				const char *kfunc)
{
	dmc_report(DMC_RULE_DMA_ON_STACK, DMC_OUT_SILENT, 0, kfunc, buf, "",
		   dmc_fmt("%s is on the stack: hidden because %s; a DMA controller refuses it "
			   "(-EAGAIN)", what, hcd_kind(hcd)));
}

/* Image memory a DMA controller's mapping gets wrong: outside the linear map (a module's
 * data and rodata, the arm64 kernel image), or kernel rodata in it. */
static bool image_kind(struct dmc_memref ref)
{
	switch (ref.kind) {
	case DMC_MEM_MODULE_DATA: case DMC_MEM_MODULE_RODATA: case DMC_MEM_KERNEL_DATA:
		return !ref.linear;
	case DMC_MEM_KERNEL_RODATA:
		return true;
	default:
		return false;
	}
}

/* The memory kinds a copying controller hides that a DMA controller's mapping refuses (stack,
 * vmalloc) or maps wrongly (image memory: dma.c's check_single(), debug_check_lowmem()). */
static bool latent_kind(const void *buf)
{
	struct dmc_memref ref;

	if (!buf)
		return false;
	ref = dmc_classify(buf);
	return ref.kind == DMC_MEM_STACK || ref.kind == DMC_MEM_VMALLOC || image_kind(ref);
}

/* A stack, vmalloc or image buffer the controller copies (latent_kind() said so). */
static void report_latent(struct dmc_usb_hcd *hcd, const void *buf, const char *what,
			  const char *kfunc)
{
	struct dmc_memref ref = dmc_classify(buf);

	if (ref.kind == DMC_MEM_STACK) {
		report_latent_stack(hcd, buf, what, kfunc);
		return;
	}
	if (image_kind(ref)) {
		dmc_report(ref.linear ? DMC_RULE_DMA_MAP_RODATA : DMC_RULE_DMA_MAP_INVALID_AREA,
			   DMC_OUT_SILENT, 0, kfunc, buf, "",
			   dmc_fmt("%s is %s memory: hidden because %s; a DMA controller maps %s",
				   what, dmc_mem_kind_name(ref.kind), hcd_kind(hcd),
				   ref.linear ? "read-only kernel data" : "another page"));
		return;
	}
	dmc_report(DMC_RULE_DMA_MAP_VMALLOC, DMC_OUT_SILENT, 0, kfunc, buf, "",
		   dmc_fmt("%s is vmalloc memory: hidden because %s; a DMA controller refuses "
			   "it (-EAGAIN)", what, hcd_kind(hcd)));
}

/*
 * Is `dma` a handle the driver holds for this very transfer buffer: the bus address of its
 * coherent or local memory, a live streaming mapping of the controller covering the transfer,
 * or on PIO the ~0 that hcd_buffer_alloc() gave with it? Only then is something lost when
 * the HCD ignores it. A stale handle of another buffer costs nothing: usb-storage stores
 * us->iobuf_dma for every transfer and sets the flag only when the buffer is us->iobuf
 * (usb_stor_msg_common(), "Yes, this is clunky"), and the HCD rightly maps the others.
 */
static bool handle_of_buffer(const struct dmc_usb_hcd *hcd, const struct dmc_urb *urb,
			     dmc_dma_t dma)
{
	const void *buf = urb->transfer_buffer;
	struct dmc_memref ref = dmc_classify(buf);

	if (!buf)
		return false;
	if (ref.region && ref.kind == DMC_MEM_HCD_LOCAL)
		return dma == ref.region->bus + ((uintptr_t)buf - ref.region->vbase);
	if (dma == ~(dmc_dma_t)0 && !hcd->localmem_pool && !hcd_uses_dma(hcd))
		return dmc_hcd_pio_buffer(hcd, buf);
	return dmc_ledger_maps(hcd->self.sysdev, dma, urb->transfer_buffer_length, buf);
}

/*
 * urb-dma-flag-missing: the driver stored the DMA handle of the buffer but did not set
 * URB_NO_TRANSFER_DMA_MAP, so the HCD ignores (and, when it maps, overwrites) the handle.
 * `outcome` says what this controller makes of it: WASTE where the buffer is mapped or copied
 * again, SILENT where the handle is never used anyway (PIO, xHCI immediate data).
 */
static void check_flag_missing(struct dmc_usb_hcd *hcd, struct dmc_urb *urb, dmc_dma_t driver_dma,
			       enum dmc_outcome outcome)
{
	bool coherent = dmc_classify(urb->transfer_buffer).kind == DMC_MEM_COHERENT;
	const char *detail;

	if (!driver_dma || !handle_of_buffer(hcd, urb, driver_dma))
		return;
	if (outcome != DMC_OUT_WASTE)
		detail = dmc_fmt("handle %#llx is ignored: %s", (unsigned long long)driver_dma,
				 hcd_kind(hcd));
	else if (hcd->localmem_pool)
		detail = dmc_fmt("handle %#llx is discarded: the buffer is copied into local "
				 "memory", (unsigned long long)driver_dma);
	else if (coherent)
		detail = dmc_fmt("handle %#llx is discarded: the coherent buffer is mapped a "
				 "second time", (unsigned long long)driver_dma);
	else
		detail = dmc_fmt("handle %#llx is discarded: the buffer is mapped again",
				 (unsigned long long)driver_dma);
	dmc_report(DMC_RULE_URB_DMA_FLAG_MISSING, outcome, 0, "usb_hcd_map_urb_for_dma",
		   urb->transfer_buffer, "", detail);
}

/* Is transfer_dma a live handle of this controller for the whole transfer? */
static bool handle_covered(const struct dmc_usb_hcd *hcd, dmc_dma_t dma, size_t len)
{
	const struct dmc_region *local = dmc_region_by_bus(dma);

	if (local && local->owner == (uintptr_t)hcd->localmem_pool &&
	    dma + len <= local->bus + local->size)
		return true;
	return dmc_ledger_covers(hcd->self.sysdev, dma, len);
}

/*
 * urb-dma-handle-missing: URB_NO_TRANSFER_DMA_MAP tells the HCD to use urb->transfer_dma as
 * is. Called only for URBs whose transfer the controller does by DMA without scatterlist.
 */
static void check_handle_missing(struct dmc_usb_hcd *hcd, struct dmc_urb *urb)
{
	if (handle_covered(hcd, urb->transfer_dma, urb->transfer_buffer_length))
		return;
	dmc_report(DMC_RULE_URB_DMA_HANDLE_MISSING, DMC_OUT_CORRUPTION, 0,
		   "usb_hcd_map_urb_for_dma", urb->transfer_buffer, "",
		   dmc_fmt("the controller DMAs %u bytes to bus address %#llx, which no mapping "
			   "or coherent allocation of %s covers", urb->transfer_buffer_length,
			   (unsigned long long)urb->transfer_dma, hcd->self.sysdev->name));
}

/*
 * A controller that copies with the CPU (PIO, or PIO for control transfers): nothing is
 * mapped, so the kernel sees nothing; report what a DMA controller would expose.
 */
static void pio_latent(struct dmc_usb_hcd *hcd, struct dmc_urb *urb, dmc_dma_t driver_dma)
{
	const char *kfunc = "usb_hcd_map_urb_for_dma";

	if (ep_type(urb->ep) == DMC_USB_ENDPOINT_XFER_CONTROL && latent_kind(urb->setup_packet))
		report_latent(hcd, urb->setup_packet, "setup packet", kfunc);
	if (urb->transfer_buffer_length == 0)
		return;
	if (urb->transfer_flags & DMC_URB_NO_TRANSFER_DMA_MAP) {
		/* ~0 is what hcd_buffer_alloc() hands out on PIO: a stored handle */
		if (urb->transfer_dma == 0)
			dmc_report(DMC_RULE_URB_DMA_HANDLE_MISSING, DMC_OUT_SILENT, 0, kfunc,
				   urb->transfer_buffer, "",
				   "no handle stored: hidden because the PIO HCD uses "
				   "transfer_buffer; a DMA controller DMAs to bus address 0");
		return;
	}
	if (!urb->transfer_buffer && !urb->sg)
		dmc_report(DMC_RULE_URB_NULL_BUFFER, DMC_OUT_CORRUPTION, 0, kfunc, NULL, "",
			   dmc_fmt("the PIO HCD copies %u bytes through a NULL pointer",
				   urb->transfer_buffer_length));
	else if (latent_kind(urb->transfer_buffer))
		report_latent(hcd, urb->transfer_buffer, "transfer buffer", kfunc);
	check_flag_missing(hcd, urb, driver_dma, DMC_OUT_SILENT);
}

/* ---- hcd.c: hcd_alloc_coherent / hcd_free_coherent ------------------------------------------- */

/* hcd_alloc_coherent(): bounce a buffer through the controller's local memory */
static int hcd_alloc_coherent(struct dmc_usb_bus *bus, unsigned int mem_flags,
			      dmc_dma_t *dma_handle, void **vaddr_handle, size_t size,
			      enum dmc_dir dir, const char *what)
{
	unsigned char *vaddr;
	uintptr_t orig;

	if (*vaddr_handle == NULL) {
		/* WARN_ON_ONCE(1) */
		dmc_report(DMC_RULE_URB_NULL_BUFFER, DMC_OUT_REFUSED, -DMC_EFAULT,
			   "hcd_alloc_coherent", NULL,
			   dmc_warn_once("hcd_alloc_coherent NULL") ?
			   "WARNING: at drivers/usb/core/hcd.c hcd_alloc_coherent" : "",
			   dmc_fmt("%s is NULL with a length of %zu", what, size));
		return -DMC_EFAULT;
	}
	/* model: the copy hides a stack buffer that a DMA controller would refuse */
	if (latent_kind(*vaddr_handle))
		report_latent(bus->hcd, *vaddr_handle, what, "hcd_alloc_coherent");

	vaddr = dmc_hcd_buffer_alloc(bus, size + sizeof(unsigned long), mem_flags, dma_handle);
	if (!vaddr)
		return -DMC_ENOMEM;

	/*
	 * Store the virtual address of the buffer at the end of the allocated dma buffer. The
	 * size of the buffer may be uneven so use unaligned functions instead of just rounding
	 * up. It makes sense to optimize for memory footprint over access speed since the
	 * amount of memory available for dma may be limited.
	 */
	orig = (uintptr_t)*vaddr_handle;
	memcpy(vaddr + size, &orig, sizeof(orig));	/* put_unaligned() */

	if (dir == DMC_TO_DEVICE)
		memcpy(vaddr, *vaddr_handle, size);

	*vaddr_handle = vaddr;
	return 0;
}

/* hcd_free_coherent() */
static void hcd_free_coherent(struct dmc_usb_bus *bus, dmc_dma_t *dma_handle, void **vaddr_handle,
			      size_t size, enum dmc_dir dir)
{
	unsigned char *vaddr = *vaddr_handle;
	uintptr_t orig;

	memcpy(&orig, vaddr + size, sizeof(orig));	/* get_unaligned() */
	vaddr = (unsigned char *)orig;

	if (dir == DMC_FROM_DEVICE)
		memcpy(vaddr, *vaddr_handle, size);

	dmc_hcd_buffer_free(bus, size + sizeof(vaddr), *vaddr_handle, *dma_handle);

	*vaddr_handle = vaddr;
	*dma_handle = 0;
}

/* ---- hcd.c: unmapping ------------------------------------------------------------------------ */

/* usb_hcd_unmap_urb_setup_for_dma() */
void dmc_usb_hcd_unmap_urb_setup_for_dma(struct dmc_usb_hcd *hcd, struct dmc_urb *urb)
{
	if (urb->transfer_flags & DMC_URB_SETUP_MAP_SINGLE)
		dmc_dma_unmap_single(hcd->self.sysdev, urb->setup_dma, SETUP_SIZE, DMC_TO_DEVICE);
	else if (urb->transfer_flags & DMC_URB_SETUP_MAP_LOCAL)
		hcd_free_coherent(urb->dev->bus, &urb->setup_dma, (void **)&urb->setup_packet,
				  SETUP_SIZE, DMC_TO_DEVICE);

	/* Make it safe to call this routine more than once */
	urb->transfer_flags &= ~(DMC_URB_SETUP_MAP_SINGLE | DMC_URB_SETUP_MAP_LOCAL);
}

/* usb_hcd_unmap_urb_for_dma() */
void dmc_usb_hcd_unmap_urb_for_dma(struct dmc_usb_hcd *hcd, struct dmc_urb *urb)
{
	struct dmc_device *sysdev = hcd->self.sysdev;
	enum dmc_dir dir;

	dmc_usb_hcd_unmap_urb_setup_for_dma(hcd, urb);

	dir = usb_urb_dir_in(urb) ? DMC_FROM_DEVICE : DMC_TO_DEVICE;
	if (urb->transfer_flags & DMC_URB_DMA_MAP_SG)
		dmc_dma_unmap_sg(sysdev, urb->sg, urb->num_sgs, dir);
	else if (urb->transfer_flags & DMC_URB_DMA_MAP_PAGE)
		dmc_dma_unmap_page(sysdev, urb->transfer_dma, urb->transfer_buffer_length, dir);
	else if (urb->transfer_flags & DMC_URB_DMA_MAP_SINGLE)
		dmc_dma_unmap_single(sysdev, urb->transfer_dma, urb->transfer_buffer_length, dir);
	else if (urb->transfer_flags & DMC_URB_MAP_LOCAL)
		hcd_free_coherent(urb->dev->bus, &urb->transfer_dma, &urb->transfer_buffer,
				  urb->transfer_buffer_length, dir);

	/* Make it safe to call this routine more than once */
	urb->transfer_flags &= ~(DMC_URB_DMA_MAP_SG | DMC_URB_DMA_MAP_PAGE |
				 DMC_URB_DMA_MAP_SINGLE | DMC_URB_MAP_LOCAL);
}

/* hcd.c unmap_urb_for_dma(): no modelled HCD has its own unmap_urb_for_dma hook */
static void unmap_urb_for_dma(struct dmc_usb_hcd *hcd, struct dmc_urb *urb)
{
	dmc_usb_hcd_unmap_urb_for_dma(hcd, urb);
}

/* ---- hcd.c: usb_hcd_map_urb_for_dma() -------------------------------------------------------- */

static int hcd_map_urb(struct dmc_usb_hcd *hcd, struct dmc_urb *urb, unsigned int mem_flags,
		       dmc_dma_t driver_dma)
{
	struct dmc_device *sysdev = hcd->self.sysdev;
	const char *kfunc = "usb_hcd_map_urb_for_dma";
	enum dmc_dir dir;
	int ret = 0;

	/* Map the URB's buffers for DMA access. Lower level HCD code should use *_dma exclusively,
	 * unless it uses pio or talks to another transport, or uses the provided scatter gather
	 * list for bulk. */

	if (ep_type(urb->ep) == DMC_USB_ENDPOINT_XFER_CONTROL) {
		if (hcd->self.uses_pio_for_control) {
			pio_latent(hcd, urb, driver_dma);	/* model */
			return ret;
		}
		if (hcd->localmem_pool) {
			ret = hcd_alloc_coherent(urb->dev->bus, mem_flags, &urb->setup_dma,
						 (void **)&urb->setup_packet, SETUP_SIZE,
						 DMC_TO_DEVICE, "setup packet");
			if (ret)
				return ret;
			urb->transfer_flags |= DMC_URB_SETUP_MAP_LOCAL;
		} else if (hcd_uses_dma(hcd)) {
			if (dmc_object_is_on_stack(urb->setup_packet)) {
				/* WARN_ONCE(1, "setup packet is on stack\n"): printed once, the
				 * refusal happens every time */
				dmc_report(DMC_RULE_DMA_ON_STACK, DMC_OUT_REFUSED, -DMC_EAGAIN,
					   kfunc, urb->setup_packet,
					   dmc_warn_once("setup packet is on stack") ?
					   "setup packet is on stack" : "",
					   "usb_hcd_map_urb_for_dma() refuses a setup packet "
					   "on the stack");
				return -DMC_EAGAIN;
			}

			urb->setup_dma = dmc_dma_map_single(sysdev, urb->setup_packet, SETUP_SIZE,
							    DMC_TO_DEVICE);
			if (dmc_dma_mapping_error(sysdev, urb->setup_dma))
				return -DMC_EAGAIN;
			urb->transfer_flags |= DMC_URB_SETUP_MAP_SINGLE;
		}
	}

	dir = usb_urb_dir_in(urb) ? DMC_FROM_DEVICE : DMC_TO_DEVICE;
	if (urb->transfer_buffer_length != 0 &&
	    !(urb->transfer_flags & DMC_URB_NO_TRANSFER_DMA_MAP)) {
		/* model: the HCD overwrites transfer_dma (or copies) whatever the driver stored */
		if ((hcd->localmem_pool || hcd_uses_dma(hcd)) && !urb->num_sgs)
			check_flag_missing(hcd, urb, driver_dma, DMC_OUT_WASTE);

		if (hcd->localmem_pool) {
			ret = hcd_alloc_coherent(urb->dev->bus, mem_flags, &urb->transfer_dma,
						 &urb->transfer_buffer,
						 urb->transfer_buffer_length, dir,
						 "transfer buffer");
			if (ret == 0) {
				urb->transfer_flags |= DMC_URB_MAP_LOCAL;
				note_hcd_dma(urb, urb->transfer_dma);
			}
		} else if (hcd_uses_dma(hcd)) {
			if (urb->num_sgs) {
				int n;

				/* We don't support sg for isoc transfers ! */
				if (ep_type(urb->ep) == DMC_USB_ENDPOINT_XFER_ISOC) {
					/* WARN_ON(1) */
					dmc_report(DMC_RULE_URB_ISOC_SG, DMC_OUT_REFUSED,
						   -DMC_EINVAL, kfunc, NULL,
						   "WARNING: at drivers/usb/core/hcd.c "
						   "usb_hcd_map_urb_for_dma",
						   "scatter-gather is not supported for "
						   "isochronous transfers");
					return -DMC_EINVAL;
				}

				n = dmc_dma_map_sg(sysdev, urb->sg, urb->num_sgs, dir);
				if (!n)
					ret = -DMC_EAGAIN;
				else
					urb->transfer_flags |= DMC_URB_DMA_MAP_SG;
				urb->num_mapped_sgs = n;
				if (n != urb->num_sgs)
					urb->transfer_flags |= DMC_URB_DMA_SG_COMBINED;
			} else if (urb->sg) {
				struct dmc_scatterlist *sg = urb->sg;

				urb->transfer_dma = dmc_dma_map_page(sysdev, sg->page, sg->offset,
								     urb->transfer_buffer_length,
								     dir);
				note_hcd_dma(urb, urb->transfer_dma);
				if (dmc_dma_mapping_error(sysdev, urb->transfer_dma))
					ret = -DMC_EAGAIN;
				else
					urb->transfer_flags |= DMC_URB_DMA_MAP_PAGE;
			} else if (dmc_object_is_on_stack(urb->transfer_buffer)) {
				/* WARN_ONCE(1, "transfer buffer is on stack\n") */
				dmc_report(DMC_RULE_DMA_ON_STACK, DMC_OUT_REFUSED, -DMC_EAGAIN,
					   kfunc, urb->transfer_buffer,
					   dmc_warn_once("transfer buffer is on stack") ?
					   "transfer buffer is on stack" : "",
					   "usb_hcd_map_urb_for_dma() refuses a transfer buffer on "
					   "the stack");
				ret = -DMC_EAGAIN;
			} else {
				/* model: the kernel maps whatever virt_to_page(NULL) gives */
				if (!urb->transfer_buffer)
					dmc_report(DMC_RULE_URB_NULL_BUFFER, DMC_OUT_CORRUPTION, 0,
						   kfunc, NULL, "",
						   dmc_fmt("dma_map_single() of a NULL buffer of "
							   "%u bytes maps a bogus page",
							   urb->transfer_buffer_length));
				urb->transfer_dma = dmc_dma_map_single(sysdev,
								       urb->transfer_buffer,
								       urb->transfer_buffer_length,
								       dir);
				note_hcd_dma(urb, urb->transfer_dma);
				if (dmc_dma_mapping_error(sysdev, urb->transfer_dma))
					ret = -DMC_EAGAIN;
				else
					urb->transfer_flags |= DMC_URB_DMA_MAP_SINGLE;
			}
		}
		if (ret && (urb->transfer_flags & (DMC_URB_SETUP_MAP_SINGLE |
						   DMC_URB_SETUP_MAP_LOCAL)))
			dmc_usb_hcd_unmap_urb_for_dma(hcd, urb);
	} else if (urb->transfer_buffer_length != 0 && !urb->num_sgs && !urb->sg &&
		   (hcd->localmem_pool || hcd_uses_dma(hcd))) {
		/* model: URB_NO_TRANSFER_DMA_MAP, the controller DMAs to transfer_dma as is */
		check_handle_missing(hcd, urb);
	}

	/* model: a controller without DMA copies with the CPU; say what DMA would expose */
	if (!hcd->localmem_pool && !hcd_uses_dma(hcd))
		pio_latent(hcd, urb, driver_dma);
	if (ret == 0 && (urb->transfer_flags & (DMC_URB_DMA_MAP_SINGLE | DMC_URB_DMA_MAP_PAGE |
						DMC_URB_DMA_MAP_SG | DMC_URB_MAP_LOCAL |
						DMC_URB_SETUP_MAP_SINGLE |
						DMC_URB_SETUP_MAP_LOCAL)))
		hcd->urbs_mapped++;
	return ret;
}

int dmc_usb_hcd_map_urb_for_dma(struct dmc_usb_hcd *hcd, struct dmc_urb *urb, unsigned int gfp)
{
	return hcd_map_urb(hcd, urb, gfp, dmc_urb_driver_dma(urb));
}

/* ---- xhci.c: immediate data ------------------------------------------------------------------ */

/* xhci_urb_suitable_for_idt(): small OUT transfers travel inside the TRB, unmapped */
static bool xhci_urb_suitable_for_idt(const struct dmc_urb *urb)
{
	if (ep_type(urb->ep) != DMC_USB_ENDPOINT_XFER_ISOC && !usb_urb_dir_in(urb) &&
	    (urb->ep->desc.wMaxPacketSize & 0x7ff) >= TRB_IDT_MAX_SIZE &&
	    urb->transfer_buffer_length <= TRB_IDT_MAX_SIZE &&
	    !(urb->transfer_flags & DMC_URB_NO_TRANSFER_DMA_MAP) &&
	    !urb->num_sgs)
		return true;

	return false;
}

/* xhci_map_urb_for_dma() (the XHCI_SG_TRB_CACHE_SIZE_QUIRK temp buffer is not modelled) */
static int xhci_map_urb_for_dma(struct dmc_usb_hcd *hcd, struct dmc_urb *urb,
				unsigned int mem_flags, dmc_dma_t driver_dma)
{
	if (xhci_urb_suitable_for_idt(urb)) {
		/* model: the data is copied into the TRB; what a mapping would have seen */
		if (ep_type(urb->ep) == DMC_USB_ENDPOINT_XFER_CONTROL &&
		    latent_kind(urb->setup_packet))
			report_latent(hcd, urb->setup_packet, "setup packet",
				      "xhci_map_urb_for_dma");
		if (urb->transfer_buffer_length && latent_kind(urb->transfer_buffer))
			report_latent(hcd, urb->transfer_buffer, "transfer buffer",
				      "xhci_map_urb_for_dma");
		if (urb->transfer_buffer_length)
			check_flag_missing(hcd, urb, driver_dma, DMC_OUT_SILENT);
		return 0;
	}
	return hcd_map_urb(hcd, urb, mem_flags, driver_dma);
}

/* hcd.c map_urb_for_dma(): the HCD driver's hook if it has one */
static int map_urb_for_dma(struct dmc_usb_hcd *hcd, struct dmc_urb *urb, unsigned int mem_flags,
			   dmc_dma_t driver_dma)
{
	if (hcd->xhci_idt)
		return xhci_map_urb_for_dma(hcd, urb, mem_flags, driver_dma);
	return hcd_map_urb(hcd, urb, mem_flags, driver_dma);
}

/* ---- hcd.c: usb_hcd_submit_urb() ------------------------------------------------------------- */

/*
 * usb_hcd_submit_urb(). driver_dma is what usb_submit_urb() saw in transfer_dma before it
 * touched the URB (see dmc_urb_driver_dma()).
 */
int dmc_usb_hcd_submit_urb(struct dmc_urb *urb, unsigned int gfp, dmc_dma_t driver_dma)
{
	struct dmc_usb_hcd *hcd = urb_hcd(urb);
	int status;

	if (!hcd)
		return -DMC_ENODEV;

	/* usb_get_urb(), use_count, urbnum and usbmon are not modelled; root hubs neither */
	status = map_urb_for_dma(hcd, urb, gfp, driver_dma);
	if (status == 0) {
		status = hcd->urb_enqueue ? hcd->urb_enqueue(hcd, urb) : 0;
		if (status)
			unmap_urb_for_dma(hcd, urb);
	}

	if (status) {
		urb->hcpriv = NULL;
		return status;
	}
	urb->hcpriv = hcd;	/* queued: what the HCD's urb_enqueue sets */
	return 0;
}

/* ---- the device side and giveback ------------------------------------------------------------ */

static enum dmc_devdma worse(enum dmc_devdma a, enum dmc_devdma b)
{
	return a > b ? a : b;
}

static enum dmc_devdma dev_dma(struct dmc_device *dev, dmc_dma_t addr, void *buf, size_t len,
			       bool in)
{
	return in ? dmc_device_dma_write(dev, addr, buf, len) :
		    dmc_device_dma_read(dev, addr, buf, len);
}

static void cpu_copy(void *mem, void *buf, size_t len, bool in)
{
	if (!len || !mem)
		return;
	if (in)
		memcpy(mem, buf, len);
	else
		memcpy(buf, mem, len);
}

/* The device walks the scatterlist's bus addresses (mapped by the HCD or the driver). */
static enum dmc_devdma sg_dma(struct dmc_device *dev, struct dmc_scatterlist *sg, int nents,
			      unsigned char *buf, size_t len, bool in)
{
	enum dmc_devdma r = DMC_DEVDMA_OK;

	for (int i = 0; i < nents && len; i++) {
		size_t chunk = DMC_MIN((size_t)sg[i].dma_length, len);

		r = worse(r, dev_dma(dev, sg[i].dma_address, buf, chunk, in));
		buf += chunk;
		len -= chunk;
	}
	return r;
}

/* A CPU-copying controller walks the scatterlist's pages (kmap). */
static void sg_cpu(struct dmc_scatterlist *sg, int nents, unsigned char *buf, size_t len, bool in)
{
	for (int i = 0; i < nents && len; i++) {
		size_t chunk = DMC_MIN((size_t)sg[i].length, len);
		unsigned char *mem = dmc_kmap(sg[i].page);

		cpu_copy(mem ? mem + sg[i].offset : NULL, buf, chunk, in);
		buf += chunk;
		len -= chunk;
		if (sg[i].end)
			break;
	}
}

/* What the controller does with the data stage, by how the URB was prepared. */
static enum dmc_devdma transfer_data(struct dmc_usb_hcd *hcd, struct dmc_urb *urb, void *buf,
				     size_t n, bool in)
{
	struct dmc_device *sysdev = hcd->self.sysdev;
	unsigned int flags = urb->transfer_flags;

	if (!n)
		return DMC_DEVDMA_OK;
	if (flags & (DMC_URB_DMA_MAP_SINGLE | DMC_URB_DMA_MAP_PAGE))
		return dev_dma(sysdev, urb->transfer_dma, buf, n, in);
	if (flags & DMC_URB_DMA_MAP_SG)
		return sg_dma(sysdev, urb->sg, urb->num_mapped_sgs, buf, n, in);
	if ((flags & DMC_URB_NO_TRANSFER_DMA_MAP) && (hcd->localmem_pool || hcd_uses_dma(hcd))) {
		/* the driver's own handle(s), used as they are */
		if (urb->num_sgs && hcd_uses_dma(hcd))
			return sg_dma(sysdev, urb->sg,
				      urb->num_mapped_sgs ? urb->num_mapped_sgs : urb->num_sgs,
				      buf, n, in);
		return dev_dma(sysdev, urb->transfer_dma, buf, n, in);
	}
	if (flags & DMC_URB_MAP_LOCAL) {
		/* the local copy; hcd_free_coherent() copies IN data back */
		cpu_copy(urb->transfer_buffer, buf, n, in);
		return DMC_DEVDMA_OK;
	}
	/* PIO, xHCI immediate data: the CPU moves the bytes */
	hcd->pio_transfers++;
	if (urb->transfer_buffer)
		cpu_copy(urb->transfer_buffer, buf, n, in);
	else if (urb->sg)
		sg_cpu(urb->sg, urb->num_sgs ? urb->num_sgs : 1, buf, n, in);
	return DMC_DEVDMA_OK;
}

/*
 * The controller finishes the URB: setup stage, data stage, then usb_hcd_giveback_urb()
 * (unmap_urb_for_dma() and the completion handler).
 */
enum dmc_devdma dmc_hcd_complete_urb(struct dmc_urb *urb, void *data, size_t len, int status)
{
	struct dmc_usb_hcd *hcd = urb ? urb_hcd(urb) : NULL;
	enum dmc_devdma r = DMC_DEVDMA_OK;
	bool in;
	size_t n;
	void *buf = data;

	if (!hcd || !urb->hcpriv)
		return DMC_DEVDMA_OK;	/* not queued: nothing to give back */
	in = usb_urb_dir_in(urb);

	if (ep_type(urb->ep) == DMC_USB_ENDPOINT_XFER_CONTROL) {
		unsigned char setup[SETUP_SIZE];

		if (urb->transfer_flags & (DMC_URB_SETUP_MAP_SINGLE | DMC_URB_SETUP_MAP_LOCAL))
			r = dmc_device_dma_read(hcd->self.sysdev, urb->setup_dma, setup,
						SETUP_SIZE);
		else if (urb->setup_packet)
			memcpy(setup, urb->setup_packet, SETUP_SIZE);
	}

	if (in) {
		n = data ? DMC_MIN(len, (size_t)urb->transfer_buffer_length) : 0;
	} else {
		n = data ? DMC_MIN(len, (size_t)urb->transfer_buffer_length) :
			   urb->transfer_buffer_length;
		if (!data && n) {
			buf = malloc(n);	/* the device still reads: see where from */
			if (!buf)
				abort();
		}
	}
	r = worse(r, transfer_data(hcd, urb, buf, n, in));
	if (buf != data)
		free(buf);
	urb->actual_length = (uint32_t)n;

	/* usb_hcd_giveback_urb() -> __usb_hcd_giveback_urb() */
	unmap_urb_for_dma(hcd, urb);
	urb->hcpriv = NULL;
	urb->status = status;
	if (urb->complete)
		urb->complete(urb);
	return r;
}

/* usb_kill_urb() of a queued URB: the HCD unlinks it and gives it back with -ENOENT */
void dmc_usb_kill_urb(struct dmc_urb *urb)
{
	struct dmc_usb_hcd *hcd = urb ? urb_hcd(urb) : NULL;

	if (!hcd || !urb->hcpriv)
		return;
	unmap_urb_for_dma(hcd, urb);
	urb->hcpriv = NULL;
	urb->status = -DMC_ENOENT;
	if (urb->complete)
		urb->complete(urb);
}

/* ---- controller models ----------------------------------------------------------------------- */

/*
 * What the controller's probe leaves behind: usb_create_hcd()/usb_add_hcd() with the bus
 * flags of ehci-pci, xhci-pci (xhci_gen_setup sets a 64-bit mask, sg_tablesize ~0 capped by
 * the model at 31), ohci-sm501 (usb_hcd_setup_local_mem()) and a PIO controller.
 */
int dmc_hcd_create(struct dmc_usb_hcd *hcd, struct dmc_device *sysdev, enum dmc_hcd_model model)
{
	int ret = 0;

	if (!hcd || !sysdev || (unsigned int)model >= DMC_HCD_MODEL_COUNT)
		return -DMC_EINVAL;
	memset(hcd, 0, sizeof(*hcd));
	hcd->name = model_names[model];
	hcd->self.hcd = hcd;
	hcd->self.sysdev = sysdev;

	switch (model) {
	case DMC_HCD_DMA_IOMMU:
		sysdev->iommu = true;
		/* fallthrough */
	case DMC_HCD_DMA:
		hcd->self.uses_dma = true;
		hcd->self.sg_tablesize = 0;	/* EHCI takes no scatterlists */
		ret = dmc_dma_set_mask_and_coherent(sysdev, DMC_BIT_MASK(32));
		break;
	case DMC_HCD_XHCI:
		hcd->self.uses_dma = true;
		hcd->self.sg_tablesize = 31;
		hcd->xhci_idt = true;
		ret = dmc_dma_set_mask_and_coherent(sysdev, DMC_BIT_MASK(64));
		break;
	case DMC_HCD_LOCALMEM:
		/* every branch tests localmem_pool before uses_dma, so uses_dma is moot */
		hcd->self.uses_dma = false;
		hcd->localmem_pool = dmc_gen_pool_create_local(sysdev, LOCALMEM_SIZE, LOCALMEM_BUS);
		if (!hcd->localmem_pool)
			return -DMC_ENOMEM;
		break;
	case DMC_HCD_MUSB:
		/* musb_host.c: DMA for bulk/interrupt/isoc, the CPU moves control transfers */
		hcd->self.uses_dma = true;
		hcd->self.uses_pio_for_control = true;
		ret = dmc_dma_set_mask_and_coherent(sysdev, DMC_BIT_MASK(32));
		break;
	case DMC_HCD_PIO:
	default:
		/* max3421-hcd, isp116x-hcd: neither HCD_DMA nor uses_pio_for_control */
		hcd->self.uses_dma = false;
		break;
	}
	if (ret)
		return ret;
	ret = dmc_hcd_buffer_create(hcd);
	if (ret) {
		dmc_gen_pool_destroy(hcd->localmem_pool);
		hcd->localmem_pool = NULL;
	}
	return ret;
}

/* usb_remove_hcd() -> hcd_buffer_destroy(), then the local memory goes with the device */
void dmc_hcd_destroy(struct dmc_usb_hcd *hcd)
{
	if (!hcd)
		return;
	dmc_hcd_buffer_destroy(hcd);
	dmc_gen_pool_destroy(hcd->localmem_pool);
	hcd->localmem_pool = NULL;
}
