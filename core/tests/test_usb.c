// SPDX-License-Identifier: GPL-2.0
/*
 * test_usb.c - the USB layer of the core: usb_hcd_map_urb_for_dma()/unmap under every host
 * controller model (table: one row per case and controller, with the expected return code,
 * the exact event list as "slug:outcome" and the URB's mapping flags afterwards), then
 * hcd_buffer_alloc()/free(), usb_submit_urb()'s checks, giveback data flow, the synchronous
 * helpers and scatter-gather requests.
 *
 * Every row ends by completing the URB (if queued) and checking that the DMA-debug ledger is
 * back where it was: no row may leak a mapping.
 */
#include "internal.h"
#include "tap.h"

#include <stdlib.h>

#define M_DMA (1u << DMC_HCD_DMA)
#define M_IOMMU (1u << DMC_HCD_DMA_IOMMU)
#define M_XHCI (1u << DMC_HCD_XHCI)
#define M_LOCAL (1u << DMC_HCD_LOCALMEM)
#define M_PIO (1u << DMC_HCD_PIO)
#define M_MUSB (1u << DMC_HCD_MUSB)
#define M_EHCI (M_DMA | M_IOMMU)
#define M_DMAS (M_DMA | M_IOMMU | M_XHCI)
#define M_ALL (M_DMAS | M_LOCAL | M_PIO)

#define F_IN DMC_URB_DIR_IN
#define F_SS DMC_URB_SETUP_MAP_SINGLE
#define F_SL DMC_URB_SETUP_MAP_LOCAL
#define F_MS DMC_URB_DMA_MAP_SINGLE
#define F_MP DMC_URB_DMA_MAP_PAGE
#define F_SG DMC_URB_DMA_MAP_SG
#define F_ML DMC_URB_MAP_LOCAL
#define F_CO DMC_URB_DMA_SG_COMBINED
#define F_SEEN (F_IN | F_SS | F_SL | F_MS | F_MP | F_SG | F_ML | F_CO)

/* ---- helpers --------------------------------------------------------------------------------- */

/* The event log as "slug:outcome slug:outcome ...". */
static const char *events_str(void)
{
	static char buf[1024];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < dmc_event_count() && used < sizeof(buf); i++) {
		const struct dmc_event *ev = dmc_event_get(i);

		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s:%s", i ? " " : "",
					 dmc_rule_info(ev->rule)->slug,
					 dmc_outcome_name(ev->outcome));
	}
	return buf;
}

#define CHECK_EVENTS(want)                                                                 \
	do {                                                                               \
		const char *_got = events_str();                                           \
		if (!tap_check(strcmp(_got, (want)) == 0, "events == " #want, __FILE__,     \
			       __LINE__))                                                  \
			printf("     got \"%s\"\n", _got);                                    \
	} while (0)

/* Models whose bulk transfers are mapped from system memory by streaming DMA. */
static bool model_uses_dma(int model)
{
	return model <= DMC_HCD_XHCI || model == DMC_HCD_MUSB;
}

static void boot_cfg(const struct dmc_machine_config *m)
{
	dmc_machine_init(m);
	CHECK_EQ(dmc_register_current_stack(), 0);
}

static void boot(void)
{
	boot_cfg(NULL);
}

static void no_swiotlb(struct dmc_machine_config *m)
{
	m->swiotlb = false;
}

static void arm64(struct dmc_machine_config *m)
{
	m->arch = DMC_ARCH_ARM64;
}

static void x86_32(struct dmc_machine_config *m)
{
	m->arch = DMC_ARCH_X86_32;
}

struct env {
	struct dmc_device sysdev;
	struct dmc_usb_hcd hcd;
	struct dmc_usb_device udev;
	struct dmc_usb_host_endpoint *bulk_in, *bulk_out, *int_in, *isoc_in, *int_out_small;
	struct dmc_urb *urb;
	unsigned char *stack;		/* memory on this thread's (registered) stack */
	struct dmc_scatterlist sg[4];
	struct dmc_page pages[4];
	int npages;
	void *kbuf[4];			/* kmalloc'ed, freed at teardown */
	int nkbuf;
	void *coh;			/* usb_alloc_coherent() buffer */
	size_t coh_size;
	dmc_dma_t coh_dma;
	void *local_hog;		/* local memory taken away */
	dmc_dma_t hog_dma;
	unsigned char *orig_setup;
	int completions;
};

static void done_cb(struct dmc_urb *urb)
{
	struct env *e = urb->context;

	if (e)
		e->completions++;
}

static void env_init(struct env *e, enum dmc_hcd_model model, unsigned char *stack)
{
	memset(e, 0, sizeof(*e));
	dmc_device_init(&e->sysdev, "hc", DMC_DEV_PCI, false,
			dmc_machine()->arch != DMC_ARCH_ARM64);
	CHECK_EQ(dmc_hcd_create(&e->hcd, &e->sysdev, model), 0);
	dmc_usb_device_init(&e->udev, &e->hcd, 2);
	e->bulk_in = dmc_usb_add_endpoint(&e->udev, 0x81, DMC_USB_ENDPOINT_XFER_BULK, 512, 0);
	e->bulk_out = dmc_usb_add_endpoint(&e->udev, 0x02, DMC_USB_ENDPOINT_XFER_BULK, 512, 0);
	e->int_in = dmc_usb_add_endpoint(&e->udev, 0x83, DMC_USB_ENDPOINT_XFER_INT, 8, 4);
	e->isoc_in = dmc_usb_add_endpoint(&e->udev, 0x84, DMC_USB_ENDPOINT_XFER_ISOC, 1024, 1);
	e->int_out_small = dmc_usb_add_endpoint(&e->udev, 0x05, DMC_USB_ENDPOINT_XFER_INT, 4, 1);
	e->urb = dmc_usb_alloc_urb(0, 0);
	e->urb->context = e;
	e->stack = stack;
}

static void env_exit(struct env *e)
{
	dmc_usb_free_urb(e->urb);
	for (int i = 0; i < e->nkbuf; i++)
		dmc_kfree(e->kbuf[i]);
	for (int i = 0; i < e->npages; i++)
		dmc_free_page(e->pages[i]);
	dmc_usb_free_coherent(&e->udev, e->coh_size, e->coh, e->coh_dma);
	dmc_hcd_buffer_free(&e->hcd.self, 256 << 10, e->local_hog, e->hog_dma);
	dmc_hcd_destroy(&e->hcd);
}

static void *kbuf(struct env *e, size_t size, unsigned int gfp)
{
	void *p = dmc_kmalloc(size, gfp | DMC_GFP_ZERO);

	e->kbuf[e->nkbuf++] = p;
	return p;
}

static unsigned char *mk_setup(void *mem, uint8_t reqtype, uint16_t wlength)
{
	struct dmc_usb_ctrlrequest *dr = mem;

	dr->bRequestType = reqtype;
	dr->bRequest = 6;
	dr->wValue = 0x0100;
	dr->wIndex = 0;
	dr->wLength = wlength;
	return mem;
}

/* A control URB; setup_mem NULL: kmalloc. */
static void ctrl(struct env *e, bool in, void *setup_mem, void *data, uint16_t len)
{
	unsigned char *setup = mk_setup(setup_mem ? setup_mem : kbuf(e, 8, 0),
					in ? DMC_USB_DIR_IN : 0, len);
	unsigned int pipe = in ? dmc_usb_rcvctrlpipe(&e->udev, 0) :
				 dmc_usb_sndctrlpipe(&e->udev, 0);

	dmc_usb_fill_control_urb(e->urb, &e->udev, pipe, setup, data, len, done_cb, e);
}

static void bulk(struct env *e, bool in, void *data, int len)
{
	unsigned int pipe = in ? dmc_usb_rcvbulkpipe(&e->udev, 1) :
				 dmc_usb_sndbulkpipe(&e->udev, 2);

	dmc_usb_fill_bulk_urb(e->urb, &e->udev, pipe, data, len, done_cb, e);
}

static struct dmc_page page(struct env *e, unsigned int gfp)
{
	e->pages[e->npages] = dmc_alloc_page(gfp);
	return e->pages[e->npages++];
}

/* ---- setups for the map table ---------------------------------------------------------------- */

static void s_ctrl_in(struct env *e)
{
	ctrl(e, true, NULL, kbuf(e, 16, 0), 16);
}

static void s_ctrl_out4(struct env *e)
{
	ctrl(e, false, NULL, kbuf(e, 4, 0), 4);
}

static void s_ctrl_in_setup_stack(struct env *e)
{
	ctrl(e, true, e->stack + 64, kbuf(e, 16, 0), 16);
}

static void s_ctrl_out0_setup_stack(struct env *e)
{
	ctrl(e, false, e->stack + 64, NULL, 0);
}

static void s_ctrl_in_both_stack(struct env *e)
{
	ctrl(e, true, e->stack + 64, e->stack + 128, 16);
}

static void s_ctrl_in_data_stack(struct env *e)
{
	ctrl(e, true, NULL, e->stack + 128, 16);
}

/* the setup packet fits the 32-bit mask, the data does not */
static void s_ctrl_data_high(struct env *e)
{
	ctrl(e, true, kbuf(e, 8, DMC_GFP_DMA32), kbuf(e, 16, 0), 16);
}

static void s_ctrl_in_null_data(struct env *e)
{
	s_ctrl_in(e);
	e->urb->transfer_buffer = NULL;
	e->orig_setup = e->urb->setup_packet;
}

static void s_ctrl_local_exhausted(struct env *e)
{
	e->local_hog = dmc_hcd_buffer_alloc(&e->hcd.self, 256 << 10, 0, &e->hog_dma);
	CHECK(e->local_hog != NULL);
	s_ctrl_in(e);
}

static void s_bulk_in(struct env *e)
{
	bulk(e, true, kbuf(e, 64, 0), 64);
}

static void s_bulk_in_zero(struct env *e)
{
	bulk(e, true, kbuf(e, 64, 0), 0);
}

static void s_bulk_in_stack(struct env *e)
{
	bulk(e, true, e->stack, 64);
}

/* a vmalloc()ed buffer (the next case boots a fresh machine) */
static void s_bulk_in_vmalloc(struct env *e)
{
	bulk(e, true, dmc_vmalloc(64), 64);
}

/* a module's .bss buffer (registered as such; the next case boots a fresh machine) */
static void s_bulk_in_module(struct env *e)
{
	static unsigned char modbuf[64];

	dmc_region_add(DMC_MEM_MODULE_DATA, modbuf, sizeof(modbuf), "module .bss");
	bulk(e, true, modbuf, 64);
}

static void s_bulk_out4(struct env *e)
{
	bulk(e, false, kbuf(e, 4, 0), 4);
}

static void s_bulk_out4_stack(struct env *e)
{
	bulk(e, false, e->stack, 4);
}

static void s_bulk_out16_stack(struct env *e)
{
	bulk(e, false, e->stack, 16);
}

static void s_int_out4_stack(struct env *e)
{
	dmc_usb_fill_int_urb(e->urb, &e->udev, dmc_usb_sndintpipe(&e->udev, 5), e->stack, 4,
			     done_cb, e, 1);
}

static void s_bulk_in_null(struct env *e)
{
	bulk(e, true, NULL, 16);
}

static void s_bulk_in_huge(struct env *e)
{
	bulk(e, true, kbuf(e, 300 << 10, 0), 300 << 10);
}

static void s_isoc_sg(struct env *e)
{
	dmc_sg_init_one(e->sg, kbuf(e, 64, 0), 64);
	dmc_usb_fill_bulk_urb(e->urb, &e->udev, dmc_usb_rcvisocpipe(&e->udev, 4), NULL, 64,
			      done_cb, e);
	e->urb->sg = e->sg;
	e->urb->num_sgs = 1;
	e->urb->number_of_packets = 1;
	e->urb->interval = 1;
}

static void sg_urb(struct env *e, int nents, unsigned int len)
{
	bulk(e, true, NULL, (int)len);
	e->urb->sg = e->sg;
	e->urb->num_sgs = nents;
}

static void s_sg_kmalloc(struct env *e)
{
	dmc_sg_init_table(e->sg, 2);
	dmc_sg_set_buf(&e->sg[0], (char *)kbuf(e, 1024, 0) + 256, 100);
	dmc_sg_set_buf(&e->sg[1], (char *)kbuf(e, 1024, 0) + 512, 100);
	sg_urb(e, 2, 200);
}

static void s_sg_pages(struct env *e)
{
	dmc_sg_init_table(e->sg, 2);
	dmc_sg_set_page(&e->sg[0], page(e, 0), DMC_PAGE_SIZE, 0);
	dmc_sg_set_page(&e->sg[1], page(e, 0), DMC_PAGE_SIZE, 0);
	sg_urb(e, 2, 2 * DMC_PAGE_SIZE);
}

static void s_sg_one_page(struct env *e)
{
	struct dmc_page p = page(e, 0);

	dmc_sg_init_table(e->sg, 1);
	dmc_sg_set_page(&e->sg[0], p, 512, 256);
	bulk(e, true, (char *)dmc_page_address(p) + 256, 512);
	e->urb->sg = e->sg;
}

static void s_coherent(struct env *e, bool in, size_t size)
{
	e->coh_size = size;
	e->coh = dmc_usb_alloc_coherent(&e->udev, size, 0, &e->coh_dma);
	CHECK(e->coh != NULL);
	bulk(e, in, e->coh, (int)size);
	e->urb->transfer_dma = e->coh_dma;
}

static void s_coh_noflag(struct env *e)
{
	s_coherent(e, true, 64);
}

static void s_coh_noflag_out4(struct env *e)
{
	s_coherent(e, false, 4);
}

static void s_coh_flag(struct env *e)
{
	s_coherent(e, true, 64);
	e->urb->transfer_flags |= DMC_URB_NO_TRANSFER_DMA_MAP;
}

static void s_coh_flag_big(struct env *e)
{
	s_coherent(e, true, 4096);
	e->urb->transfer_flags |= DMC_URB_NO_TRANSFER_DMA_MAP;
}

/* the driver mapped the buffer itself and forgot the flag: usbcore maps it a second time */
static void s_noflag_handle_kmalloc(struct env *e)
{
	void *buf = kbuf(e, 64, 0);

	bulk(e, true, buf, 64);
	e->urb->transfer_dma = dmc_dma_map_single(&e->sysdev, buf, 64, DMC_FROM_DEVICE);
}

/* usb-storage: us->iobuf_dma stored for every transfer, the flag only for iobuf */
static void s_noflag_stale_handle(struct env *e)
{
	s_coherent(e, true, 64);
	bulk(e, true, kbuf(e, 64, 0), 64);
	e->urb->transfer_dma = e->coh_dma;
}

static void s_flag_nohandle(struct env *e)
{
	s_bulk_in(e);
	e->urb->transfer_flags |= DMC_URB_NO_TRANSFER_DMA_MAP;
}

static void s_flag_nohandle_out4(struct env *e)
{
	s_bulk_out4(e);
	e->urb->transfer_flags |= DMC_URB_NO_TRANSFER_DMA_MAP;
}

/* A URB_NO_TRANSFER_DMA_MAP scatterlist: the driver mapped it itself */
static void s_flag_sg_driver_mapped(struct env *e)
{
	s_sg_kmalloc(e);
	e->urb->transfer_flags |= DMC_URB_NO_TRANSFER_DMA_MAP;
	CHECK_EQ(dmc_dma_map_sg(&e->sysdev, e->sg, 2, DMC_FROM_DEVICE), 2);
}

/* ---- actions --------------------------------------------------------------------------------- */

static int a_map_direct(struct env *e)
{
	e->urb->ep = e->bulk_in;	/* usb_submit_urb() would have set it */
	return dmc_usb_hcd_map_urb_for_dma(&e->hcd, e->urb, 0);
}

static int a_map_null_setup(struct env *e)
{
	e->urb->setup_packet = NULL;
	e->urb->ep = &e->udev.ep0;
	e->urb->transfer_flags |= DMC_URB_DIR_IN;
	return dmc_usb_hcd_map_urb_for_dma(&e->hcd, e->urb, 0);
}

static int enqueue_fail(struct dmc_usb_hcd *hcd, struct dmc_urb *urb)
{
	(void)hcd;
	(void)urb;
	return -DMC_EIO;
}

static int a_enqueue_fails(struct env *e)
{
	e->hcd.urb_enqueue = enqueue_fail;
	return dmc_usb_submit_urb(e->urb, 0);
}

/* submit, complete, submit again: the HCD's stale handle is not the driver's */
static int a_resubmit(struct env *e)
{
	int ret = dmc_usb_submit_urb(e->urb, 0);

	CHECK_EQ(ret, 0);
	dmc_hcd_complete_urb(e->urb, NULL, 0, 0);
	CHECK(e->urb->transfer_dma != 0 || e->hcd.localmem_pool || !e->hcd.self.uses_dma);
	return dmc_usb_submit_urb(e->urb, 0);
}

/* ---- post-checks ----------------------------------------------------------------------------- */

static void p_setup_restored(struct env *e)
{
	CHECK(e->urb->setup_packet == e->orig_setup);
	CHECK_EQ(e->urb->setup_dma, 0);
}

static void p_two_sgs(struct env *e)
{
	CHECK_EQ(e->urb->num_mapped_sgs, 2);
}

static void p_one_sg(struct env *e)
{
	CHECK_EQ(e->urb->num_mapped_sgs, 1);
}

static void p_local_copy(struct env *e)
{
	CHECK_EQ(dmc_classify(e->urb->transfer_buffer).kind, DMC_MEM_HCD_LOCAL);
	CHECK_EQ(dmc_classify(e->urb->setup_packet).kind, DMC_MEM_HCD_LOCAL);
}

/* ---- the table ------------------------------------------------------------------------------- */

struct map_case {
	const char *name;
	unsigned int models;
	void (*machine)(struct dmc_machine_config *m);
	void (*setup)(struct env *e);
	int (*action)(struct env *e);		/* NULL: usb_submit_urb() */
	int ret;
	const char *events;
	unsigned int flags;			/* transfer_flags & F_SEEN afterwards */
	void (*post)(struct env *e);
};

#define EAGAIN_ (-DMC_EAGAIN)
#define LAT_STACK "dma-on-stack:latent"
#define REF_STACK "dma-on-stack:refused"

static const struct map_case map_cases[] = {
	/* control transfers */
	{ "control IN", M_DMAS, NULL, s_ctrl_in, NULL, 0, "", F_IN | F_SS | F_MS, NULL },
	{ "control IN", M_LOCAL, NULL, s_ctrl_in, NULL, 0, "", F_IN | F_SL | F_ML, p_local_copy },
	{ "control IN, PIO for control", M_PIO | M_MUSB, NULL, s_ctrl_in, NULL, 0, "", F_IN, NULL },
	{ "control OUT 4 bytes", M_EHCI, NULL, s_ctrl_out4, NULL, 0, "", F_SS | F_MS, NULL },
	{ "control OUT 4 bytes, immediate data", M_XHCI, NULL, s_ctrl_out4, NULL, 0, "", 0, NULL },
	{ "setup packet on stack", M_DMAS, NULL, s_ctrl_in_setup_stack, NULL, EAGAIN_, REF_STACK,
	  F_IN, NULL },
	{ "setup packet on stack", M_LOCAL, NULL, s_ctrl_in_setup_stack, NULL, 0, LAT_STACK,
	  F_IN | F_SL | F_ML, NULL },
	{ "setup packet on stack", M_PIO | M_MUSB, NULL, s_ctrl_in_setup_stack, NULL, 0, LAT_STACK, F_IN,
	  NULL },
	{ "setup on stack, no data", M_EHCI, NULL, s_ctrl_out0_setup_stack, NULL, EAGAIN_,
	  REF_STACK, 0, NULL },
	{ "setup on stack, immediate data", M_XHCI, NULL, s_ctrl_out0_setup_stack, NULL, 0,
	  LAT_STACK, 0, NULL },
	{ "setup and data on stack", M_PIO | M_MUSB, NULL, s_ctrl_in_both_stack, NULL, 0,
	  LAT_STACK " " LAT_STACK, F_IN, NULL },
	{ "setup and data on stack", M_LOCAL, NULL, s_ctrl_in_both_stack, NULL, 0,
	  LAT_STACK " " LAT_STACK, F_IN | F_SL | F_ML, NULL },
	{ "control data on stack", M_DMAS, NULL, s_ctrl_in_data_stack, NULL, EAGAIN_, REF_STACK,
	  F_IN, NULL },
	{ "control data on stack", M_PIO | M_MUSB, NULL, s_ctrl_in_data_stack, NULL, 0, LAT_STACK, F_IN,
	  NULL },
	{ "control data on stack", M_LOCAL, NULL, s_ctrl_in_data_stack, NULL, 0, LAT_STACK,
	  F_IN | F_SL | F_ML, NULL },
	{ "setup map error", M_DMA, no_swiotlb, s_ctrl_in, NULL, EAGAIN_,
	  "dma-addr-overflow:refused", F_IN, NULL },
	{ "data map error rolls the setup back", M_DMA, no_swiotlb, s_ctrl_data_high, NULL,
	  EAGAIN_, "dma-addr-overflow:refused", F_IN, NULL },
	{ "data NULL: setup rolled back", M_LOCAL, NULL, s_ctrl_in_null_data, NULL, -DMC_EFAULT,
	  "urb-null-buffer:refused", F_IN, p_setup_restored },
	{ "local memory exhausted by the setup", M_LOCAL, NULL, s_ctrl_local_exhausted, NULL,
	  -DMC_ENOMEM, "", F_IN, NULL },
	{ "NULL setup packet, mapped directly", M_LOCAL, NULL, s_ctrl_in, a_map_null_setup,
	  -DMC_EFAULT, "urb-null-buffer:refused", F_IN, NULL },

	/* bulk, single buffer */
	{ "bulk IN kmalloc", M_DMAS, NULL, s_bulk_in, NULL, 0, "", F_IN | F_MS, NULL },
	{ "bulk IN kmalloc", M_LOCAL, NULL, s_bulk_in, NULL, 0, "", F_IN | F_ML, NULL },
	{ "bulk IN kmalloc", M_PIO, NULL, s_bulk_in, NULL, 0, "", F_IN, NULL },
	{ "bulk IN zero length", M_ALL, NULL, s_bulk_in_zero, NULL, 0, "", F_IN, NULL },
	{ "bulk IN on stack", M_DMAS, NULL, s_bulk_in_stack, NULL, EAGAIN_, REF_STACK, F_IN, NULL },
	{ "bulk IN on stack", M_LOCAL, NULL, s_bulk_in_stack, NULL, 0, LAT_STACK, F_IN | F_ML,
	  NULL },
	{ "bulk IN kmalloc, musb maps it", M_MUSB, NULL, s_bulk_in, NULL, 0, "", F_IN | F_MS, NULL },
	{ "bulk IN on stack, musb refuses it", M_MUSB, NULL, s_bulk_in_stack, NULL, EAGAIN_, REF_STACK,
	  F_IN, NULL },
	{ "bulk IN on stack", M_PIO, NULL, s_bulk_in_stack, NULL, 0, LAT_STACK, F_IN, NULL },
	{ "bulk IN vmalloc", M_DMAS, NULL, s_bulk_in_vmalloc, NULL, EAGAIN_,
	  "dma-map-vmalloc:refused", F_IN, NULL },
	{ "bulk IN vmalloc", M_LOCAL, NULL, s_bulk_in_vmalloc, NULL, 0, "dma-map-vmalloc:latent",
	  F_IN | F_ML, NULL },
	{ "bulk IN vmalloc", M_PIO, NULL, s_bulk_in_vmalloc, NULL, 0, "dma-map-vmalloc:latent",
	  F_IN, NULL },
	{ "bulk IN module data", M_DMAS, NULL, s_bulk_in_module, NULL, 0,
	  "dma-map-invalid-area:corruption", F_IN | F_MS, NULL },
	{ "bulk IN module data", M_LOCAL, NULL, s_bulk_in_module, NULL, 0,
	  "dma-map-invalid-area:latent", F_IN | F_ML, NULL },
	{ "bulk IN module data", M_PIO, NULL, s_bulk_in_module, NULL, 0,
	  "dma-map-invalid-area:latent", F_IN, NULL },
	{ "bulk OUT 4 on stack", M_EHCI, NULL, s_bulk_out4_stack, NULL, EAGAIN_, REF_STACK, 0,
	  NULL },
	{ "bulk OUT 4 on stack, immediate data", M_XHCI, NULL, s_bulk_out4_stack, NULL, 0,
	  LAT_STACK, 0, NULL },
	{ "bulk OUT 16 on stack: too big for IDT", M_XHCI, NULL, s_bulk_out16_stack, NULL, EAGAIN_,
	  REF_STACK, 0, NULL },
	{ "int OUT 4 on stack, maxp 4: no IDT", M_XHCI, NULL, s_int_out4_stack, NULL, EAGAIN_,
	  REF_STACK, 0, NULL },
	{ "bulk OUT 4 kmalloc", M_XHCI, NULL, s_bulk_out4, NULL, 0, "", 0, NULL },
	{ "bulk OUT 4 kmalloc", M_EHCI, NULL, s_bulk_out4, NULL, 0, "", F_MS, NULL },
	{ "bulk map error", M_DMA, no_swiotlb, s_bulk_in, NULL, EAGAIN_,
	  "dma-addr-overflow:refused", F_IN, NULL },
	{ "bulk IN NULL buffer", M_DMAS, NULL, s_bulk_in_null, NULL, 0,
	  "urb-null-buffer:corruption", F_IN | F_MS, NULL },
	{ "bulk IN NULL buffer", M_LOCAL, NULL, s_bulk_in_null, NULL, -DMC_EFAULT,
	  "urb-null-buffer:refused", F_IN, NULL },
	{ "bulk IN NULL buffer", M_PIO, NULL, s_bulk_in_null, NULL, 0,
	  "urb-null-buffer:corruption", F_IN, NULL },
	{ "local memory too small", M_LOCAL, NULL, s_bulk_in_huge, NULL, -DMC_ENOMEM, "", F_IN,
	  NULL },

	/* scatter-gather */
	{ "isoc with sg", M_DMAS, NULL, s_isoc_sg, NULL, -DMC_EINVAL, "urb-isoc-sg:refused", F_IN,
	  NULL },
	{ "sg, two entries", M_DMAS, NULL, s_sg_kmalloc, NULL, 0, "", F_IN | F_SG, p_two_sgs },
	{ "sg, two entries", M_LOCAL, NULL, s_sg_kmalloc, NULL, -DMC_EFAULT,
	  "urb-null-buffer:refused", F_IN, NULL },
	{ "sg, two entries", M_PIO, NULL, s_sg_kmalloc, NULL, 0, "", F_IN, NULL },
	{ "sg, two pages merged by the IOMMU", M_IOMMU, NULL, s_sg_pages, NULL, 0, "",
	  F_IN | F_SG | F_CO, p_one_sg },
	{ "sg, two pages bounced", M_DMA, NULL, s_sg_pages, NULL, 0, "", F_IN | F_SG, p_two_sgs },
	/* 6.1 sets URB_DMA_SG_COMBINED on failure too: n (0) != num_sgs */
	{ "sg map error", M_DMA, no_swiotlb, s_sg_pages, NULL, EAGAIN_,
	  "dma-addr-overflow:refused", F_IN | F_CO, NULL },
	{ "sg without num_sgs: map_page", M_DMAS, NULL, s_sg_one_page, NULL, 0, "", F_IN | F_MP,
	  NULL },
	{ "sg without num_sgs: map_page error", M_DMA, no_swiotlb, s_sg_one_page, NULL, EAGAIN_,
	  "dma-addr-overflow:refused", F_IN, NULL },
	{ "sg without num_sgs", M_PIO, NULL, s_sg_one_page, NULL, 0, "", F_IN, NULL },

	/* driver-provided DMA handles */
	{ "coherent + NO_TRANSFER_DMA_MAP", M_ALL, NULL, s_coh_flag, NULL, 0, "", F_IN, NULL },
	{ "coherent 4K + NO_TRANSFER_DMA_MAP", M_ALL, NULL, s_coh_flag_big, NULL, 0, "", F_IN,
	  NULL },
	{ "coherent, flag missing", M_DMAS, NULL, s_coh_noflag, NULL, 0,
	  "urb-dma-flag-missing:waste", F_IN | F_MS, NULL },
	{ "coherent, flag missing", M_LOCAL, NULL, s_coh_noflag, NULL, 0,
	  "urb-dma-flag-missing:waste", F_IN | F_ML, NULL },
	{ "coherent, flag missing", M_PIO, NULL, s_coh_noflag, NULL, 0,
	  "urb-dma-flag-missing:latent", F_IN, NULL },
	{ "coherent, flag missing, non-coherent arm64", M_DMA, arm64, s_coh_noflag, NULL, EAGAIN_,
	  "urb-dma-flag-missing:waste dma-map-vmalloc:refused", F_IN, NULL },
	{ "coherent OUT 4, flag missing, immediate data", M_XHCI, NULL, s_coh_noflag_out4, NULL,
	  0, "urb-dma-flag-missing:latent", 0, NULL },
	{ "kmalloc with a handle, flag missing", M_DMAS, NULL, s_noflag_handle_kmalloc, NULL, 0,
	  "urb-dma-flag-missing:waste", F_IN | F_MS, NULL },
	{ "stale handle of another buffer, flag missing", M_DMAS, NULL, s_noflag_stale_handle,
	  NULL, 0, "", F_IN | F_MS, NULL },
	{ "stale handle of another buffer, flag missing", M_LOCAL, NULL, s_noflag_stale_handle,
	  NULL, 0, "", F_IN | F_ML, NULL },
	{ "stale handle of another buffer, flag missing", M_PIO, NULL, s_noflag_stale_handle,
	  NULL, 0, "", F_IN, NULL },
	{ "NO_TRANSFER_DMA_MAP without handle", M_DMAS | M_LOCAL, NULL, s_flag_nohandle, NULL, 0,
	  "urb-dma-handle-missing:corruption", F_IN, NULL },
	{ "NO_TRANSFER_DMA_MAP without handle", M_PIO, NULL, s_flag_nohandle, NULL, 0,
	  "urb-dma-handle-missing:latent", F_IN, NULL },
	{ "NO_TRANSFER_DMA_MAP OUT 4: not immediate", M_XHCI, NULL, s_flag_nohandle_out4, NULL, 0,
	  "urb-dma-handle-missing:corruption", 0, NULL },
	{ "NO_TRANSFER_DMA_MAP, driver-mapped sg", M_DMAS, NULL, s_flag_sg_driver_mapped, NULL, 0,
	  "", F_IN, NULL },

	/* submission paths */
	{ "map called directly", M_DMA, NULL, s_bulk_in, a_map_direct, 0, "", F_MS, NULL },
	{ "urb_enqueue fails: unmapped", M_ALL, NULL, s_ctrl_in, a_enqueue_fails, -DMC_EIO, "",
	  F_IN, NULL },
	{ "resubmit: the HCD's own handle", M_ALL, NULL, s_bulk_in, a_resubmit, 0, "", 0, NULL },
};

static void run_map_case(const struct map_case *c, enum dmc_hcd_model model)
{
	unsigned char stack[512];	/* this frame is live for the whole case */
	struct dmc_machine_config m;
	struct env e;
	size_t base;
	int ret;

	tap_case(dmc_fmt("map: %s [%s]", c->name, dmc_hcd_model_name(model)));
	dmc_machine_default(&m);
	if (c->machine)
		c->machine(&m);
	boot_cfg(&m);
	memset(stack, 0, sizeof(stack));
	env_init(&e, model, stack);
	c->setup(&e);
	base = dmc_ledger_count(&e.sysdev);
	if (c->setup == s_flag_sg_driver_mapped)
		base -= 2;
	dmc_events_clear();
	ret = c->action ? c->action(&e) : dmc_usb_submit_urb(e.urb, 0);
	CHECK_EQ(ret, c->ret);
	CHECK_EVENTS(c->events);
	if (c->action != a_resubmit)
		CHECK_EQ(e.urb->transfer_flags & F_SEEN, c->flags);
	if (c->post)
		c->post(&e);
	CHECK(ret ? e.urb->hcpriv == NULL : e.urb->hcpriv != NULL || c->action == a_map_direct);
	if (ret == 0 && c->action != a_map_direct) {
		dmc_hcd_complete_urb(e.urb, NULL, 0, 0);
		CHECK_EQ(e.completions, c->action == a_resubmit ? 2 : 1);
	} else if (ret == 0) {
		dmc_usb_hcd_unmap_urb_for_dma(&e.hcd, e.urb);
	}
	CHECK_EQ(e.urb->transfer_flags & (F_SS | F_SL | F_MS | F_MP | F_SG | F_ML), 0);
	if (c->setup == s_flag_sg_driver_mapped)
		dmc_dma_unmap_sg(&e.sysdev, e.sg, 2, DMC_FROM_DEVICE);
	CHECK_EQ(dmc_ledger_count(&e.sysdev), base);
	env_exit(&e);
}

static void test_map_table(void)
{
	for (size_t i = 0; i < DMC_ARRAY_SIZE(map_cases); i++)
		for (int model = 0; model < DMC_HCD_MODEL_COUNT; model++)
			if (map_cases[i].models & (1u << model))
				run_map_case(&map_cases[i], (enum dmc_hcd_model)model);
}

/* ---- unmap ----------------------------------------------------------------------------------- */

static void test_unmap(void)
{
	unsigned char stack[64];
	struct env e;

	tap_case("unmap: twice is safe, setup alone");
	boot();
	env_init(&e, DMC_HCD_DMA, stack);
	s_ctrl_in(&e);
	CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 2);
	dmc_usb_hcd_unmap_urb_setup_for_dma(&e.hcd, e.urb);
	CHECK_EQ(e.urb->transfer_flags & (F_SS | F_MS), F_MS);
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 1);
	dmc_usb_hcd_unmap_urb_setup_for_dma(&e.hcd, e.urb);
	dmc_usb_hcd_unmap_urb_for_dma(&e.hcd, e.urb);
	dmc_usb_hcd_unmap_urb_for_dma(&e.hcd, e.urb);
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 0);
	CHECK_NO_EVENTS();
	e.urb->hcpriv = NULL;
	env_exit(&e);

	tap_case("unmap: local memory, setup alone");
	boot();
	env_init(&e, DMC_HCD_LOCALMEM, stack);
	s_ctrl_in(&e);
	e.orig_setup = e.urb->setup_packet;
	CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
	CHECK(e.urb->setup_packet != e.orig_setup);
	dmc_usb_hcd_unmap_urb_setup_for_dma(&e.hcd, e.urb);
	p_setup_restored(&e);
	dmc_usb_kill_urb(e.urb);
	CHECK_EQ(e.urb->status, -DMC_ENOENT);
	CHECK_EQ(e.completions, 1);
	CHECK(e.urb->hcpriv == NULL);
	CHECK_EQ(dmc_classify(e.urb->transfer_buffer).kind, DMC_MEM_KMALLOC);
	dmc_usb_kill_urb(e.urb);		/* not queued: nothing happens */
	dmc_usb_kill_urb(NULL);
	CHECK_EQ(e.completions, 1);
	CHECK_NO_EVENTS();
	env_exit(&e);
}

/* ---- hcd_buffer_alloc / free ----------------------------------------------------------------- */

static void test_buffers(void)
{
	static const size_t sizes[] = { 1, 32, 33, 128, 129, 512, 513, 2048 };
	unsigned char stack[64];
	struct env e;
	void *p, *q;
	dmc_dma_t dma, dma2;

	for (int model = 0; model < DMC_HCD_MODEL_COUNT; model++) {
		tap_case(dmc_fmt("hcd_buffer_alloc: size 0 [%s]", dmc_hcd_model_name(model)));
		boot();
		env_init(&e, (enum dmc_hcd_model)model, stack);
		dma = 0x1234;
		CHECK(dmc_hcd_buffer_alloc(&e.hcd.self, 0, 0, &dma) == NULL);
		CHECK_EQ(dma, 0x1234);
		dmc_hcd_buffer_free(&e.hcd.self, 16, NULL, 0);	/* NULL: nothing */
		CHECK_NO_EVENTS();
		env_exit(&e);
	}

	tap_case("hcd_buffer_alloc: the four pools");
	boot();
	env_init(&e, DMC_HCD_DMA, stack);
	for (size_t i = 0; i < DMC_ARRAY_SIZE(sizes); i++) {
		p = dmc_hcd_buffer_alloc(&e.hcd.self, sizes[i], 0, &dma);
		CHECK(p != NULL);
		CHECK_EQ(dmc_classify(p).kind, DMC_MEM_COHERENT);
		CHECK(dmc_ledger_covers(&e.sysdev, dma, sizes[i]));
		CHECK_EQ(dmc_device_dma_write(&e.sysdev, dma, "x", 1), DMC_DEVDMA_OK);
		CHECK_EQ(*(char *)p, 'x');
		dmc_hcd_buffer_free(&e.hcd.self, sizes[i], p, dma);
		/* the same pool hands the same block out again */
		q = dmc_hcd_buffer_alloc(&e.hcd.self, sizes[i], 0, &dma2);
		CHECK(q == p);
		dmc_hcd_buffer_free(&e.hcd.self, sizes[i], q, dma2);
	}
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 4);	/* one page per pool */
	p = dmc_hcd_buffer_alloc(&e.hcd.self, 2049, 0, &dma);
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 5);	/* dma_alloc_coherent() */
	CHECK_EQ(dmc_classify(p).kind, DMC_MEM_COHERENT);
	dmc_hcd_buffer_free(&e.hcd.self, 2049, p, dma);
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 4);
	/* a wrong size finds the wrong pool */
	p = dmc_hcd_buffer_alloc(&e.hcd.self, 64, 0, &dma);
	dmc_hcd_buffer_free(&e.hcd.self, 16, p, dma);
	CHECK_RULES("dma-pool-free-invalid");
	dmc_hcd_buffer_free(&e.hcd.self, 64, p, dma);
	dmc_events_clear();
	env_exit(&e);
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 0);
	CHECK_NO_EVENTS();

	tap_case("hcd_buffer_alloc: arm64 has no 32-byte pool");
	{
		struct dmc_machine_config m;

		dmc_machine_default(&m);
		arm64(&m);
		boot_cfg(&m);
	}
	env_init(&e, DMC_HCD_DMA, stack);
	p = dmc_hcd_buffer_alloc(&e.hcd.self, 16, 0, &dma);
	q = dmc_hcd_buffer_alloc(&e.hcd.self, 16, 0, &dma2);
	CHECK_EQ(dma2 - dma, 128);
	dmc_hcd_buffer_free(&e.hcd.self, 16, p, dma);
	dmc_hcd_buffer_free(&e.hcd.self, 16, q, dma2);
	CHECK_NO_EVENTS();
	env_exit(&e);

	tap_case("hcd_buffer_alloc: local memory");
	boot();
	env_init(&e, DMC_HCD_LOCALMEM, stack);
	p = dmc_hcd_buffer_alloc(&e.hcd.self, 100, 0, &dma);
	CHECK_EQ(dmc_classify(p).kind, DMC_MEM_HCD_LOCAL);
	CHECK(dma >= 0x20000000 && dma < 0x20000000 + (256 << 10));
	CHECK_EQ(dmc_device_dma_write(&e.sysdev, dma, "y", 1), DMC_DEVDMA_OK);
	CHECK_EQ(*(char *)p, 'y');
	CHECK(dmc_hcd_buffer_alloc(&e.hcd.self, 300 << 10, 0, &dma2) == NULL);
	dmc_hcd_buffer_free(&e.hcd.self, 100, p, dma);
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 0);
	CHECK_NO_EVENTS();
	env_exit(&e);

	tap_case("hcd_buffer_alloc: PIO");
	boot();
	env_init(&e, DMC_HCD_PIO, stack);
	p = dmc_hcd_buffer_alloc(&e.hcd.self, 100, 0, &dma);
	CHECK_EQ(dmc_classify(p).kind, DMC_MEM_KMALLOC);
	CHECK_EQ(dma, ~0ULL);
	CHECK(e.hcd.pool[0] == NULL);
	dmc_hcd_buffer_free(&e.hcd.self, 100, p, dma);
	CHECK_EQ(dmc_ksize(p), 0);
	CHECK_NO_EVENTS();

	tap_case("usb_alloc_coherent: no device, no bus");
	CHECK(dmc_usb_alloc_coherent(NULL, 16, 0, &dma) == NULL);
	e.udev.bus = NULL;
	CHECK(dmc_usb_alloc_coherent(&e.udev, 16, 0, &dma) == NULL);
	dmc_usb_free_coherent(NULL, 16, stack, 0);
	dmc_usb_free_coherent(&e.udev, 16, stack, 0);
	e.udev.bus = &e.hcd.self;
	dmc_usb_free_coherent(&e.udev, 16, NULL, 0);
	p = dmc_usb_alloc_coherent(&e.udev, 16, 0, &dma);
	CHECK(p != NULL);
	dmc_usb_free_coherent(&e.udev, 16, p, dma);
	CHECK_NO_EVENTS();
	env_exit(&e);
}

/* ---- controller models ----------------------------------------------------------------------- */

static void test_models(void)
{
	struct dmc_device dev;
	struct dmc_usb_hcd hcd;
	struct dmc_usb_device udev;
	struct dmc_usb_interface intf;
	static const struct {
		enum dmc_hcd_model model;
		const char *name;
		bool uses_dma, pio_ctrl, iommu, idt, local;
		int sg;
		uint64_t mask;
	} want[] = {
		{ DMC_HCD_DMA, "ehci-dma", true, false, false, false, false, 0, DMC_BIT_MASK(32) },
		{ DMC_HCD_DMA_IOMMU, "ehci-iommu", true, false, true, false, false, 0,
		  DMC_BIT_MASK(32) },
		{ DMC_HCD_XHCI, "xhci", true, false, false, true, false, 31, DMC_BIT_MASK(64) },
		{ DMC_HCD_LOCALMEM, "ohci-localmem", false, false, false, false, true, 0,
		  DMC_BIT_MASK(32) },
		{ DMC_HCD_PIO, "pio", false, false, false, false, false, 0, DMC_BIT_MASK(32) },
		{ DMC_HCD_MUSB, "musb", true, true, false, false, false, 0, DMC_BIT_MASK(32) },
	};

	for (size_t i = 0; i < DMC_ARRAY_SIZE(want); i++) {
		tap_case(dmc_fmt("model %s", want[i].name));
		boot();
		dmc_device_init(&dev, "hc", DMC_DEV_PCI, false, true);
		CHECK_EQ(dmc_hcd_create(&hcd, &dev, want[i].model), 0);
		CHECK(strcmp(dmc_hcd_model_name(want[i].model), want[i].name) == 0);
		CHECK(hcd.self.hcd == &hcd && hcd.self.sysdev == &dev);
		CHECK_EQ(hcd.self.uses_dma, want[i].uses_dma);
		CHECK_EQ(hcd.self.uses_pio_for_control, want[i].pio_ctrl);
		CHECK_EQ(dev.iommu, want[i].iommu);
		CHECK_EQ(hcd.xhci_idt, want[i].idt);
		CHECK_EQ(hcd.localmem_pool != NULL, want[i].local);
		CHECK_EQ(hcd.self.sg_tablesize, want[i].sg);
		CHECK_EQ(*dev.dma_mask, want[i].mask);
		CHECK_EQ(hcd.pool[3] != NULL, want[i].uses_dma);

		/* 6.1: usb_alloc_dev() and usb_set_configuration() give no DMA mask */
		dmc_usb_device_init(&udev, &hcd, 3);
		dmc_usb_interface_init(&intf, &udev);
		CHECK(udev.dev.dma_mask == NULL);
		CHECK(intf.dev.dma_mask == NULL);
		CHECK(udev.dev.parent == &dev && intf.dev.parent == &udev.dev);
		CHECK_EQ(udev.dev.type, DMC_DEV_USB_DEVICE);
		CHECK_EQ(intf.dev.type, DMC_DEV_USB_INTERFACE);
		CHECK_EQ(udev.dev.coherent_dma_mask, 0);
		CHECK(dmc_interface_to_usbdev(&intf) == &udev);
		CHECK(udev.ep_in[0] == &udev.ep0 && udev.ep_out[0] == &udev.ep0);
		CHECK_EQ(udev.ep0.desc.wMaxPacketSize, 64);
		dmc_hcd_destroy(&hcd);
		CHECK(hcd.pool[0] == NULL && hcd.localmem_pool == NULL);
		CHECK_NO_EVENTS();
	}

	tap_case("model: the mask cannot be set");
	boot();
	dmc_device_init(&dev, "hc", DMC_DEV_PCI, false, true);
	dev.dma_mask = NULL;
	CHECK_EQ(dmc_hcd_create(&hcd, &dev, DMC_HCD_DMA), -DMC_EIO);

	tap_case("model: bad arguments");
	CHECK_EQ(dmc_hcd_create(&hcd, &dev, DMC_HCD_MODEL_COUNT), -DMC_EINVAL);
	CHECK_EQ(dmc_hcd_create(NULL, &dev, DMC_HCD_DMA), -DMC_EINVAL);
	CHECK_EQ(dmc_hcd_create(&hcd, NULL, DMC_HCD_DMA), -DMC_EINVAL);
	CHECK(strcmp(dmc_hcd_model_name(DMC_HCD_MODEL_COUNT), "?") == 0);
	dmc_hcd_destroy(NULL);

	tap_case("model: endpoints");
	boot();
	dmc_device_init(&dev, "hc", DMC_DEV_PCI, false, true);
	dmc_hcd_create(&hcd, &dev, DMC_HCD_DMA);
	dmc_usb_device_init(&udev, &hcd, 3);
	CHECK(dmc_usb_add_endpoint(&udev, 0x80, DMC_USB_ENDPOINT_XFER_BULK, 64, 0) == NULL);
	for (int i = 1; i <= 8; i++)
		CHECK(dmc_usb_add_endpoint(&udev, (uint8_t)i, DMC_USB_ENDPOINT_XFER_BULK, 64, 0) ==
		      &udev.eps[i - 1]);
	CHECK(dmc_usb_add_endpoint(&udev, 9, DMC_USB_ENDPOINT_XFER_BULK, 64, 0) == NULL);
	dmc_hcd_destroy(&hcd);

	tap_case("pipes");
	udev.devnum = 5;
	CHECK_EQ(dmc_usb_sndctrlpipe(&udev, 0), (2u << 30) | (5 << 8));
	CHECK_EQ(dmc_usb_rcvctrlpipe(&udev, 0), (2u << 30) | (5 << 8) | 0x80);
	CHECK_EQ(dmc_usb_sndbulkpipe(&udev, 2), (3u << 30) | (5 << 8) | (2 << 15));
	CHECK_EQ(dmc_usb_rcvbulkpipe(&udev, 1), (3u << 30) | (5 << 8) | (1 << 15) | 0x80);
	CHECK_EQ(dmc_usb_sndintpipe(&udev, 3), (1u << 30) | (5 << 8) | (3 << 15));
	CHECK_EQ(dmc_usb_rcvintpipe(&udev, 3), (1u << 30) | (5 << 8) | (3 << 15) | 0x80);
	CHECK_EQ(dmc_usb_sndisocpipe(&udev, 4), (5 << 8) | (4 << 15));
	CHECK_EQ(dmc_usb_rcvisocpipe(&udev, 4), (5 << 8) | (4 << 15) | 0x80);
}

/* ---- usb_submit_urb() checks ----------------------------------------------------------------- */

static void t_null_complete(struct env *e)
{
	s_bulk_in(e);
	e->urb->complete = NULL;
}

static void t_active(struct env *e)
{
	s_bulk_in(e);
	e->urb->hcpriv = e;
}

static void t_no_dev(struct env *e)
{
	s_bulk_in(e);
	e->urb->dev = NULL;
}

static void t_notattached(struct env *e)
{
	s_bulk_in(e);
	e->udev.state = DMC_USB_STATE_NOTATTACHED;
}

static void t_no_bus(struct env *e)
{
	s_bulk_in(e);
	e->udev.bus = NULL;
}

static void t_no_ep(struct env *e)
{
	bulk(e, true, kbuf(e, 8, 0), 8);
	e->urb->pipe = dmc_usb_rcvbulkpipe(&e->udev, 7);
}

static void t_no_setup(struct env *e)
{
	s_ctrl_in(e);
	e->urb->setup_packet = NULL;
}

static void t_ctrl_dir(struct env *e)
{
	s_ctrl_in(e);
	e->urb->pipe = dmc_usb_sndctrlpipe(&e->udev, 0);
}

static void t_ctrl_dir_nodata(struct env *e)
{
	/* bRequestType IN but wLength 0: a no-data request is OUT, the IN pipe is bogus */
	ctrl(e, true, NULL, NULL, 0);
}

static void t_wlength(struct env *e)
{
	s_ctrl_in(e);
	e->urb->transfer_buffer_length = 8;
}

static void t_ctrl_addressed(struct env *e)
{
	s_ctrl_in(e);
	e->udev.state = DMC_USB_STATE_ADDRESS;
}

static void t_bulk_addressed(struct env *e)
{
	s_bulk_in(e);
	e->udev.state = DMC_USB_STATE_ADDRESS;
}

static void t_maxp0(struct env *e)
{
	s_bulk_in(e);
	e->bulk_in->desc.wMaxPacketSize = 0;
}

static void t_isoc_nopackets(struct env *e)
{
	dmc_usb_fill_bulk_urb(e->urb, &e->udev, dmc_usb_rcvisocpipe(&e->udev, 4), kbuf(e, 64, 0),
			      64, done_cb, e);
	e->urb->interval = 1;
}

static void t_isoc_ok(struct env *e)
{
	t_isoc_nopackets(e);
	e->urb->number_of_packets = 1;
	e->urb->transfer_flags = DMC_URB_ISO_ASAP;
}

static void t_isoc_interval(struct env *e)
{
	t_isoc_ok(e);
	e->urb->interval = 0;
}

static void t_too_long(struct env *e)
{
	s_bulk_in(e);
	e->urb->transfer_buffer_length = 0x80000000u;
}

static void t_pipe_type(struct env *e)
{
	s_bulk_in(e);
	e->urb->pipe = dmc_usb_rcvintpipe(&e->udev, 1);
}

static void t_flags_zero_packet_in(struct env *e)
{
	s_bulk_in(e);
	e->urb->transfer_flags = DMC_URB_ZERO_PACKET | DMC_URB_SHORT_NOT_OK;
}

static void t_flags_out_ok(struct env *e)
{
	bulk(e, false, kbuf(e, 64, 0), 64);
	e->urb->transfer_flags = DMC_URB_ZERO_PACKET | DMC_URB_NO_INTERRUPT;
}

static void t_flags_short_out(struct env *e)
{
	bulk(e, false, kbuf(e, 64, 0), 64);
	e->urb->transfer_flags = DMC_URB_SHORT_NOT_OK;
}

static void t_flags_iso_asap_bulk(struct env *e)
{
	s_bulk_in(e);
	e->urb->transfer_flags = DMC_URB_ISO_ASAP;
}

static void t_stale_map_flags(struct env *e)
{
	s_bulk_in(e);
	e->urb->transfer_flags = DMC_URB_DMA_MAP_SG | DMC_URB_SETUP_MAP_LOCAL |
				 DMC_URB_DMA_SG_COMBINED;
}

static void t_int_interval(struct env *e)
{
	dmc_usb_fill_int_urb(e->urb, &e->udev, dmc_usb_rcvintpipe(&e->udev, 3), kbuf(e, 8, 0), 8,
			     done_cb, e, 0);
}

static void t_int_ok(struct env *e)
{
	dmc_usb_fill_int_urb(e->urb, &e->udev, dmc_usb_rcvintpipe(&e->udev, 3), kbuf(e, 8, 0), 8,
			     done_cb, e, 4);
}

struct submit_case {
	const char *name;
	void (*setup)(struct env *e);
	int ret;
	const char *events;
	unsigned int flags;	/* transfer_flags & F_SEEN afterwards, if ret == 0 */
};

static const struct submit_case submit_cases[] = {
	{ "no completion handler", t_null_complete, -DMC_EINVAL, "", 0 },
	{ "submitted while active", t_active, -DMC_EBUSY, "urb-submitted-active:refused", 0 },
	{ "no device", t_no_dev, -DMC_ENODEV, "", 0 },
	{ "device not attached", t_notattached, -DMC_ENODEV, "", 0 },
	{ "no endpoint", t_no_ep, -DMC_ENOENT, "", 0 },
	{ "no bus (no host controller)", t_no_bus, -DMC_ENODEV, "", 0 },
	{ "control without setup packet", t_no_setup, -DMC_ENOEXEC, "", 0 },
	{ "control pipe OUT, request IN", t_ctrl_dir, 0, "urb-control-dir-mismatch:reported",
	  F_IN | F_SS | F_MS },
	{ "control pipe IN, no data stage", t_ctrl_dir_nodata, 0,
	  "urb-control-dir-mismatch:reported", F_SS },
	{ "wLength != transfer_buffer_length", t_wlength, -DMC_EBADR, "", 0 },
	{ "control in ADDRESS state", t_ctrl_addressed, 0, "", F_IN | F_SS | F_MS },
	{ "bulk in ADDRESS state", t_bulk_addressed, -DMC_ENODEV, "", 0 },
	{ "maxpacket 0", t_maxp0, -DMC_EMSGSIZE, "", 0 },
	{ "isoc without packets", t_isoc_nopackets, -DMC_EINVAL, "", 0 },
	{ "isoc with ISO_ASAP", t_isoc_ok, 0, "", F_IN | F_MS },
	{ "isoc interval 0", t_isoc_interval, -DMC_EINVAL, "", 0 },
	{ "length > INT_MAX", t_too_long, -DMC_EMSGSIZE, "", 0 },
	{ "int pipe on a bulk endpoint", t_pipe_type, 0, "urb-bogus-pipe-type:reported",
	  F_IN | F_MS },
	{ "ZERO_PACKET on IN", t_flags_zero_packet_in, 0, "urb-bogus-flags:reported", F_IN | F_MS },
	{ "ZERO_PACKET on OUT", t_flags_out_ok, 0, "", F_MS },
	{ "SHORT_NOT_OK on OUT", t_flags_short_out, 0, "urb-bogus-flags:reported", F_MS },
	{ "ISO_ASAP on bulk", t_flags_iso_asap_bulk, 0, "urb-bogus-flags:reported", F_IN | F_MS },
	{ "stale mapping flags are cleared", t_stale_map_flags, 0, "", F_IN | F_MS },
	{ "interrupt interval 0", t_int_interval, -DMC_EINVAL, "", 0 },
	{ "interrupt IN", t_int_ok, 0, "", F_IN | F_MS },
};

static void test_submit(void)
{
	unsigned char stack[64];
	struct env e;
	int ret;

	tap_case("submit: NULL urb");
	boot();
	CHECK_EQ(dmc_usb_submit_urb(NULL, 0), -DMC_EINVAL);
	CHECK_EQ(dmc_hcd_complete_urb(NULL, NULL, 0, 0), DMC_DEVDMA_OK);
	dmc_usb_free_urb(NULL);

	tap_case("submit: WARN_ONCE prints once, the refusal happens every time");
	env_init(&e, DMC_HCD_DMA, stack);
	s_bulk_in_stack(&e);
	CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), -DMC_EAGAIN);
	CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), -DMC_EAGAIN);
	CHECK_EVENTS(REF_STACK " " REF_STACK);
	CHECK(strcmp(dmc_event_get(0)->kernel_msg, "transfer buffer is on stack") == 0);
	CHECK(strcmp(dmc_event_get(1)->kernel_msg, "") == 0);
	CHECK(dmc_event_get(0)->addr == (uintptr_t)stack);
	CHECK(strcmp(dmc_event_get(0)->kfunc, "usb_hcd_map_urb_for_dma") == 0);
	env_exit(&e);

	tap_case("submit: URB_FREE_BUFFER frees the buffer with the URB");
	boot();
	env_init(&e, DMC_HCD_DMA, stack);
	e.urb->transfer_buffer = dmc_kmalloc(32, 0);
	e.urb->transfer_flags = DMC_URB_FREE_BUFFER;
	CHECK(dmc_ksize(e.urb->transfer_buffer) != 0);
	{
		void *p = e.urb->transfer_buffer;

		env_exit(&e);
		CHECK_EQ(dmc_ksize(p), 0);
	}

	for (size_t i = 0; i < DMC_ARRAY_SIZE(submit_cases); i++) {
		const struct submit_case *c = &submit_cases[i];

		tap_case(dmc_fmt("submit: %s", c->name));
		boot();
		env_init(&e, DMC_HCD_DMA, stack);
		c->setup(&e);
		dmc_events_clear();
		ret = dmc_usb_submit_urb(e.urb, 0);
		CHECK_EQ(ret, c->ret);
		CHECK_EVENTS(c->events);
		if (ret == 0) {
			CHECK_EQ(e.urb->status, -115);	/* -EINPROGRESS */
			CHECK_EQ(e.urb->transfer_flags & F_SEEN, c->flags);
			CHECK(e.urb->hcpriv == &e.hcd);
			dmc_hcd_complete_urb(e.urb, NULL, 0, 0);
		}
		e.urb->hcpriv = NULL;
		CHECK_EQ(dmc_ledger_count(&e.sysdev), 0);
		env_exit(&e);
	}
}

/* ---- giveback: what the device does ---------------------------------------------------------- */

static const unsigned char pattern[16] = "0123456789abcdef";

static void test_complete(void)
{
	unsigned char stack[64];
	unsigned char got[16];
	struct env e;

	for (int model = 0; model < DMC_HCD_MODEL_COUNT; model++) {
		const char *name = dmc_hcd_model_name(model);
		unsigned char *buf;

		tap_case(dmc_fmt("complete: bulk IN data arrives [%s]", name));
		boot();
		env_init(&e, (enum dmc_hcd_model)model, stack);
		buf = kbuf(&e, 64, 0);
		bulk(&e, true, buf, 64);
		CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
		CHECK_EQ(dmc_hcd_complete_urb(e.urb, (void *)pattern, 16, 0), DMC_DEVDMA_OK);
		CHECK(memcmp(buf, pattern, 16) == 0);
		CHECK(e.urb->transfer_buffer == buf);
		CHECK_EQ(e.urb->actual_length, 16);
		CHECK_EQ(e.urb->status, 0);
		CHECK_EQ(e.completions, 1);
		CHECK(e.urb->hcpriv == NULL);
		CHECK_EQ(dmc_hcd_complete_urb(e.urb, (void *)pattern, 16, 0), DMC_DEVDMA_OK);
		CHECK_EQ(e.completions, 1);	/* not queued any more */

		tap_case(dmc_fmt("complete: bulk OUT data leaves [%s]", name));
		memcpy(buf, "outgoing", 8);
		bulk(&e, false, buf, 8);
		CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
		memset(got, 0, sizeof(got));
		CHECK_EQ(dmc_hcd_complete_urb(e.urb, got, sizeof(got), -DMC_EIO), DMC_DEVDMA_OK);
		CHECK(memcmp(got, "outgoing", 8) == 0);
		CHECK_EQ(e.urb->actual_length, 8);
		CHECK_EQ(e.urb->status, -DMC_EIO);

		tap_case(dmc_fmt("complete: control IN [%s]", name));
		ctrl(&e, true, NULL, buf, 16);
		CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
		CHECK_EQ(dmc_hcd_complete_urb(e.urb, (void *)pattern, 16, 0), DMC_DEVDMA_OK);
		CHECK(memcmp(buf, pattern, 16) == 0);

		tap_case(dmc_fmt("complete: OUT without a data sink [%s]", name));
		bulk(&e, false, buf, 16);
		CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
		CHECK_EQ(dmc_hcd_complete_urb(e.urb, NULL, 0, 0), DMC_DEVDMA_OK);
		CHECK_EQ(e.urb->actual_length, 16);

		tap_case(dmc_fmt("complete: coherent + NO_TRANSFER_DMA_MAP [%s]", name));
		s_coh_flag(&e);
		CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
		CHECK_EQ(dmc_hcd_complete_urb(e.urb, (void *)pattern, 16, 0), DMC_DEVDMA_OK);
		CHECK(memcmp(e.coh, pattern, 16) == 0);

		tap_case(dmc_fmt("complete: sg [%s]", name));
		e.urb->transfer_flags = 0;
		e.urb->transfer_dma = 0;
		s_sg_kmalloc(&e);
		if (model != DMC_HCD_LOCALMEM) {
			CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
			CHECK_EQ(dmc_hcd_complete_urb(e.urb, (void *)pattern, 16, 0),
				 DMC_DEVDMA_OK);
			CHECK(memcmp((char *)e.kbuf[e.nkbuf - 2] + 256, pattern, 16) == 0);
		}
		CHECK_EQ(dmc_ledger_count(&e.sysdev), model_uses_dma(model) ? 1 : 0);
		CHECK_NO_EVENTS();
		env_exit(&e);
	}

	tap_case("complete: sg page without a kernel mapping (x86_32 highmem), PIO");
	{
		struct dmc_machine_config m;

		dmc_machine_default(&m);
		x86_32(&m);
		boot_cfg(&m);
	}
	env_init(&e, DMC_HCD_PIO, stack);
	dmc_sg_init_table(e.sg, 1);
	dmc_sg_set_page(&e.sg[0], page(&e, DMC_GFP_HIGHMEM), 64, 0);
	CHECK(dmc_page_address(e.sg[0].page) == NULL);
	bulk(&e, true, NULL, 64);
	e.urb->sg = e.sg;
	CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
	CHECK_EQ(dmc_hcd_complete_urb(e.urb, (void *)pattern, 16, 0), DMC_DEVDMA_OK);
	CHECK(memcmp(dmc_kmap(e.sg[0].page), pattern, 16) == 0);
	CHECK_NO_EVENTS();
	env_exit(&e);

	tap_case("complete: NO_TRANSFER_DMA_MAP without handle is wild DMA");
	boot();
	env_init(&e, DMC_HCD_DMA, stack);
	s_flag_nohandle(&e);
	CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
	CHECK_EQ(dmc_hcd_complete_urb(e.urb, (void *)pattern, 16, 0), DMC_DEVDMA_WILD);
	env_exit(&e);

	tap_case("complete: ... and an IOMMU fault behind an IOMMU");
	boot();
	env_init(&e, DMC_HCD_DMA_IOMMU, stack);
	s_flag_nohandle(&e);
	CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
	CHECK_EQ(dmc_hcd_complete_urb(e.urb, (void *)pattern, 16, 0), DMC_DEVDMA_IOMMU_FAULT);
	env_exit(&e);

	tap_case("complete: bounced through swiotlb");
	boot();
	env_init(&e, DMC_HCD_DMA, stack);
	s_bulk_in(&e);
	CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
	CHECK_EQ(e.sysdev.bounced_maps, 1);
	CHECK_EQ(dmc_hcd_complete_urb(e.urb, (void *)pattern, 16, 0), DMC_DEVDMA_OK);
	CHECK(memcmp(e.kbuf[0], pattern, 16) == 0);
	env_exit(&e);

	tap_case("complete: driver-mapped sg with NO_TRANSFER_DMA_MAP");
	boot();
	env_init(&e, DMC_HCD_XHCI, stack);
	s_flag_sg_driver_mapped(&e);
	CHECK_EQ(dmc_usb_submit_urb(e.urb, 0), 0);
	CHECK_EQ(dmc_hcd_complete_urb(e.urb, (void *)pattern, 16, 0), DMC_DEVDMA_OK);
	CHECK(memcmp((char *)e.kbuf[0] + 256, pattern, 16) == 0);
	dmc_dma_unmap_sg(&e.sysdev, e.sg, 2, DMC_FROM_DEVICE);
	CHECK_NO_EVENTS();
	env_exit(&e);
}

/* ---- the synchronous helpers ----------------------------------------------------------------- */

static struct {
	unsigned char seen[64];
	size_t seen_len;
	unsigned int pipe;
	int interval;
	size_t short_by;
	struct dmc_usb_ctrlrequest setup;
} dev_log;

static size_t logging_reply(struct dmc_urb *urb, void *data, size_t len, void *arg)
{
	(void)arg;
	dev_log.pipe = urb->pipe;
	dev_log.interval = urb->interval;
	if (urb->setup_packet)
		memcpy(&dev_log.setup, urb->setup_packet, sizeof(dev_log.setup));
	if (urb->transfer_flags & DMC_URB_DIR_IN) {
		memset(data, 0x42, len);
		return len - DMC_MIN(len, dev_log.short_by);
	}
	dev_log.seen_len = DMC_MIN(len, sizeof(dev_log.seen));
	memcpy(dev_log.seen, data, dev_log.seen_len);
	return 0;
}

static void test_messages(void)
{
	unsigned char stack[64];
	unsigned char onstack[16];
	struct env e;
	unsigned char *buf;
	int actual;

	for (int model = 0; model < DMC_HCD_MODEL_COUNT; model++) {
		const char *name = dmc_hcd_model_name(model);
		bool dma = model_uses_dma(model);
		/* musb moves control transfers with the CPU */
		bool ctrl_dma = dma && model != DMC_HCD_MUSB;

		tap_case(dmc_fmt("usb_control_msg: IN into kmalloc [%s]", name));
		boot();
		env_init(&e, (enum dmc_hcd_model)model, stack);
		dmc_usb_set_reply(NULL, NULL);
		buf = kbuf(&e, 18, 0);
		CHECK_EQ(dmc_usb_control_msg(&e.udev, dmc_usb_rcvctrlpipe(&e.udev, 0), 6, 0x80,
					     0x100, 0, buf, 18, 1000), 18);
		CHECK(buf[0] == 0xA5 && buf[1] == 0x5A && buf[17] == 0x5A);
		CHECK_NO_EVENTS();

		tap_case(dmc_fmt("usb_control_msg: IN into the stack [%s]", name));
		memset(onstack, 0, sizeof(onstack));
		CHECK_EQ(dmc_usb_control_msg(&e.udev, dmc_usb_rcvctrlpipe(&e.udev, 0), 6, 0x80,
					     0x100, 0, onstack, 16, 1000),
			 ctrl_dma ? -DMC_EAGAIN : 16);
		CHECK_EVENTS(ctrl_dma ? REF_STACK : LAT_STACK);
		CHECK_EQ(onstack[0], ctrl_dma ? 0 : 0xA5);
		dmc_events_clear();

		tap_case(dmc_fmt("usb_control_msg_recv: the stack is fine [%s]", name));
		dmc_usb_set_reply(logging_reply, NULL);
		dev_log.short_by = 0;
		memset(onstack, 0, sizeof(onstack));
		CHECK_EQ(dmc_usb_control_msg_recv(&e.udev, 0, 6, 0x80, 0x200, 1, onstack, 16, 1000,
						  0), 0);
		CHECK_EQ(onstack[15], 0x42);
		CHECK_EQ(dev_log.setup.wValue, 0x200);
		CHECK_EQ(dev_log.setup.wLength, 16);
		CHECK_NO_EVENTS();

		tap_case(dmc_fmt("usb_control_msg_recv: short answer [%s]", name));
		dev_log.short_by = 2;
		memset(onstack, 0, sizeof(onstack));
		CHECK_EQ(dmc_usb_control_msg_recv(&e.udev, 0, 6, 0x80, 0, 0, onstack, 16, 1000, 0),
			 -DMC_EREMOTEIO);
		CHECK_EQ(onstack[0], 0);	/* nothing copied out */
		dev_log.short_by = 0;
		CHECK_EQ(dmc_usb_control_msg_recv(&e.udev, 0, 6, 0x80, 0, 0, onstack, 0, 1000, 0),
			 -DMC_EINVAL);
		CHECK_EQ(dmc_usb_control_msg_recv(&e.udev, 0, 6, 0x80, 0, 0, NULL, 4, 1000, 0),
			 -DMC_EINVAL);
		/* a failing transfer: endpoint 7 has no control endpoint */
		CHECK_EQ(dmc_usb_control_msg_recv(&e.udev, 7, 6, 0x80, 0, 0, onstack, 4, 1000, 0),
			 -DMC_ENOENT);

		tap_case(dmc_fmt("usb_control_msg_send: the device sees a copy [%s]", name));
		memcpy(onstack, "stack data", 10);
		CHECK_EQ(dmc_usb_control_msg_send(&e.udev, 0, 9, 0x00, 1, 0, onstack, 10, 1000, 0),
			 0);
		CHECK_EQ(dev_log.seen_len, 10);
		CHECK(memcmp(dev_log.seen, "stack data", 10) == 0);
		CHECK_EQ(dmc_usb_control_msg_send(&e.udev, 0, 9, 0x00, 1, 0, NULL, 0, 1000, 0), 0);
		CHECK_EQ(dev_log.setup.wLength, 0);
		CHECK_EQ(dmc_usb_control_msg_send(&e.udev, 7, 9, 0x00, 1, 0, NULL, 0, 1000, 0),
			 -DMC_ENOENT);
		CHECK_NO_EVENTS();

		tap_case(dmc_fmt("usb_bulk_msg [%s]", name));
		actual = -1;
		CHECK_EQ(dmc_usb_bulk_msg(&e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), buf, 18,
					  &actual, 1000), 0);
		CHECK_EQ(actual, 18);
		CHECK_EQ(buf[5], 0x42);
		memcpy(buf, "bulk out", 8);
		CHECK_EQ(dmc_usb_bulk_msg(&e.udev, dmc_usb_sndbulkpipe(&e.udev, 2), buf, 8, &actual,
					  1000), 0);
		CHECK_EQ(actual, 8);
		CHECK(memcmp(dev_log.seen, "bulk out", 8) == 0);
		CHECK_EQ(dmc_usb_bulk_msg(&e.udev, dmc_usb_rcvbulkpipe(&e.udev, 9), buf, 8, &actual,
					  1000), -DMC_EINVAL);
		CHECK_EQ(dmc_usb_bulk_msg(&e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), buf, -1,
					  &actual, 1000), -DMC_EINVAL);
		CHECK_NO_EVENTS();

		tap_case(dmc_fmt("usb_bulk_msg on the stack [%s]", name));
		actual = -1;
		CHECK_EQ(dmc_usb_bulk_msg(&e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), onstack, 16,
					  &actual, 1000), dma ? -DMC_EAGAIN : 0);
		CHECK_EQ(actual, dma ? 0 : 16);
		CHECK_EVENTS(dma ? REF_STACK : LAT_STACK);
		dmc_events_clear();

		tap_case(dmc_fmt("usb_interrupt_msg on an interrupt endpoint [%s]", name));
		CHECK_EQ(dmc_usb_interrupt_msg(&e.udev, dmc_usb_rcvbulkpipe(&e.udev, 3), buf, 8,
					       NULL, 1000), 0);
		CHECK_EQ((dev_log.pipe >> 30) & 3, DMC_PIPE_INTERRUPT);
		CHECK_EQ(dev_log.interval, 4);
		CHECK_NO_EVENTS();
		CHECK_EQ(dmc_ledger_count(&e.sysdev), 0);
		dmc_usb_set_reply(NULL, NULL);
		env_exit(&e);
	}
}

/* A controller that never completes: the synchronous helpers time out. */
static int enqueue_ok(struct dmc_usb_hcd *hcd, struct dmc_urb *urb)
{
	(void)hcd;
	(void)urb;
	return 0;
}

static int hold_reply_calls;

/* The controller drops the URB without giving it back (a lost completion). */
static size_t drop_reply(struct dmc_urb *urb, void *data, size_t len, void *arg)
{
	(void)data;
	(void)arg;
	hold_reply_calls++;
	dmc_usb_hcd_unmap_urb_for_dma(urb->dev->bus->hcd, urb);
	urb->hcpriv = NULL;
	return len;
}

/* The device goes away mid-transfer: the driver's kill gives the URB back. */
static size_t kill_reply(struct dmc_urb *urb, void *data, size_t len, void *arg)
{
	(void)data;
	(void)arg;
	dmc_usb_kill_urb(urb);
	return len;
}

static void test_timeout(void)
{
	unsigned char stack[64];
	struct env e;
	int actual = -1;

	tap_case("usb_bulk_msg: no completion -> -ETIMEDOUT");
	boot();
	env_init(&e, DMC_HCD_DMA, stack);
	e.hcd.urb_enqueue = enqueue_ok;
	dmc_usb_set_reply(drop_reply, NULL);
	CHECK_EQ(dmc_usb_bulk_msg(&e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), kbuf(&e, 8, 0), 8,
				  &actual, 10), -110);
	CHECK_EQ(hold_reply_calls, 1);
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 0);

	tap_case("usb_bulk_msg: killed during the transfer -> -ENOENT");
	dmc_usb_set_reply(kill_reply, NULL);
	CHECK_EQ(dmc_usb_bulk_msg(&e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), e.kbuf[0], 8,
				  &actual, 10), -DMC_ENOENT);
	CHECK_EQ(actual, 0);
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 0);
	CHECK_NO_EVENTS();
	dmc_usb_set_reply(NULL, NULL);
	env_exit(&e);
}

/* ---- scatter-gather requests ----------------------------------------------------------------- */

static void test_sg(void)
{
	unsigned char stack[64];
	struct dmc_usb_sg_request io;
	struct dmc_scatterlist sg[3];
	struct env e;
	char *a, *b, *c;

	for (int model = 0; model < DMC_HCD_MODEL_COUNT; model++) {
		const char *name = dmc_hcd_model_name(model);
		bool use_sg = model == DMC_HCD_XHCI;

		tap_case(dmc_fmt("usb_sg_init: bad arguments [%s]", name));
		boot();
		env_init(&e, (enum dmc_hcd_model)model, stack);
		a = kbuf(&e, 512, 0);
		b = kbuf(&e, 512, 0);
		c = kbuf(&e, 512, 0);
		dmc_sg_init_table(sg, 3);
		dmc_sg_set_buf(&sg[0], a, 100);
		dmc_sg_set_buf(&sg[1], b, 200);
		dmc_sg_set_buf(&sg[2], c, 300);
		CHECK_EQ(dmc_usb_sg_init(NULL, &e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), 0, sg, 3,
					 0, 0), -DMC_EINVAL);
		CHECK_EQ(dmc_usb_sg_init(&io, NULL, dmc_usb_rcvbulkpipe(&e.udev, 1), 0, sg, 3, 0,
					 0), -DMC_EINVAL);
		CHECK_EQ(dmc_usb_sg_init(&io, &e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), 0, NULL, 3,
					 0, 0), -DMC_EINVAL);
		CHECK_EQ(dmc_usb_sg_init(&io, &e.udev, dmc_usb_rcvctrlpipe(&e.udev, 0), 0, sg, 3, 0,
					 0), -DMC_EINVAL);
		CHECK_EQ(dmc_usb_sg_init(&io, &e.udev, dmc_usb_rcvisocpipe(&e.udev, 4), 0, sg, 3, 0,
					 0), -DMC_EINVAL);
		CHECK_EQ(dmc_usb_sg_init(&io, &e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), 0, sg, 0, 0,
					 0), -DMC_EINVAL);

		tap_case(dmc_fmt("usb_sg_init: whole list [%s]", name));
		CHECK_EQ(dmc_usb_sg_init(&io, &e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), 0, sg, 3, 0,
					 0), 0);
		CHECK_EQ(io.entries, use_sg ? 1 : 3);
		CHECK_EQ(io.count, io.entries);
		if (use_sg) {
			CHECK_EQ(io.urbs[0]->num_sgs, 3);
			CHECK(io.urbs[0]->transfer_buffer == NULL);
			CHECK_EQ(io.urbs[0]->transfer_buffer_length, 600);
			CHECK_EQ(io.urbs[0]->transfer_flags, DMC_URB_SHORT_NOT_OK);
		} else {
			CHECK(io.urbs[1]->transfer_buffer == b);
			CHECK_EQ(io.urbs[1]->transfer_buffer_length, 200);
			CHECK_EQ(io.urbs[0]->transfer_flags,
				 DMC_URB_SHORT_NOT_OK | DMC_URB_NO_INTERRUPT);
			CHECK_EQ(io.urbs[2]->transfer_flags, DMC_URB_SHORT_NOT_OK);
			CHECK(io.urbs[2]->sg == &sg[2] && io.urbs[2]->dev == NULL);
		}

		tap_case(dmc_fmt("usb_sg_wait: data arrives in every entry [%s]", name));
		dmc_usb_sg_wait(&io);
		CHECK_EQ(io.status, 0);
		CHECK_EQ(io.bytes, 600);
		CHECK_EQ(io.count, 0);
		CHECK(io.urbs == NULL && io.dev == NULL);
		CHECK((unsigned char)a[0] == 0xA5 && (unsigned char)b[199] == 0x5A);
		CHECK((unsigned char)c[299] == 0x5A);
		CHECK_NO_EVENTS();

		tap_case(dmc_fmt("usb_sg_init: length limits the list [%s]", name));
		CHECK_EQ(dmc_usb_sg_init(&io, &e.udev, dmc_usb_sndbulkpipe(&e.udev, 2), 0, sg, 3,
					 250, 0), 0);
		CHECK_EQ(io.entries, use_sg ? 1 : 2);
		if (use_sg) {
			CHECK_EQ(io.urbs[0]->transfer_buffer_length, 250);
		} else {
			CHECK_EQ(io.urbs[1]->transfer_buffer_length, 150);
			CHECK_EQ(io.urbs[1]->transfer_flags, 0);
		}
		dmc_usb_sg_wait(&io);
		CHECK_EQ(io.bytes, 250);
		CHECK_NO_EVENTS();
		CHECK_EQ(dmc_ledger_count(&e.sysdev), 0);
		env_exit(&e);
	}

	tap_case("usb_sg_wait: a vmap stack entry on EHCI is wild DMA");
	boot();
	env_init(&e, DMC_HCD_DMA, stack);
	a = kbuf(&e, 512, 0);
	dmc_sg_init_table(sg, 2);
	dmc_sg_set_buf(&sg[0], a, 100);
	dmc_sg_set_buf(&sg[1], stack, 16);
	CHECK_EQ(dmc_usb_sg_init(&io, &e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), 0, sg, 2, 0, 0), 0);
	CHECK(io.urbs[1]->transfer_buffer == NULL);	/* sg_virt() of a vmap stack page */
	dmc_usb_sg_wait(&io);
	CHECK_EQ(io.status, 0);
	CHECK_EQ(io.bytes, 116);
	CHECK_EVENTS("dma-on-stack:corruption");
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 0);
	env_exit(&e);

	tap_case("usb_sg_wait: a mapping error is retried, then given up");
	{
		struct dmc_machine_config m;

		dmc_machine_default(&m);
		no_swiotlb(&m);
		boot_cfg(&m);
	}
	env_init(&e, DMC_HCD_DMA, stack);
	dmc_sg_init_one(sg, kbuf(&e, 512, 0), 64);
	CHECK_EQ(dmc_usb_sg_init(&io, &e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), 0, sg, 1, 0, 0), 0);
	dmc_usb_sg_wait(&io);
	CHECK_EQ(io.status, -DMC_EAGAIN);
	CHECK_EQ(io.count, 0);
	CHECK_EVENTS("dma-addr-overflow:refused dma-addr-overflow:refused "
		     "dma-addr-overflow:refused");
	env_exit(&e);

	tap_case("usb_sg_wait: a submit error stops the request");
	boot();
	env_init(&e, DMC_HCD_DMA, stack);
	dmc_sg_init_one(sg, kbuf(&e, 512, 0), 64);
	CHECK_EQ(dmc_usb_sg_init(&io, &e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), 0, sg, 1, 0, 0), 0);
	e.udev.state = DMC_USB_STATE_ADDRESS;
	dmc_usb_sg_wait(&io);
	CHECK_EQ(io.status, -DMC_ENODEV);
	CHECK_EQ(io.bytes, 0);
	env_exit(&e);

	tap_case("usb_sg_wait: a killed URB is the request's status");
	boot();
	env_init(&e, DMC_HCD_DMA, stack);
	a = kbuf(&e, 512, 0);
	dmc_sg_init_table(sg, 2);
	dmc_sg_set_buf(&sg[0], a, 100);
	dmc_sg_set_buf(&sg[1], a + 100, 100);
	CHECK_EQ(dmc_usb_sg_init(&io, &e.udev, dmc_usb_rcvbulkpipe(&e.udev, 1), 0, sg, 2, 0, 0), 0);
	dmc_usb_set_reply(kill_reply, NULL);
	dmc_usb_sg_wait(&io);
	dmc_usb_set_reply(NULL, NULL);
	CHECK_EQ(io.status, -DMC_ENOENT);
	CHECK_EQ(io.count, 0);
	CHECK_EQ(io.bytes, 0);
	CHECK_EQ(dmc_ledger_count(&e.sysdev), 0);
	CHECK_NO_EVENTS();
	env_exit(&e);
}

int main(void)
{
	test_map_table();
	test_unmap();
	test_buffers();
	test_models();
	test_submit();
	test_complete();
	test_messages();
	test_timeout();
	test_sg();
	dmc_machine_exit();
	return tap_done("test_usb");
}
