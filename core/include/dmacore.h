/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacore.h - the reference mapping core: a user-space model of what Linux 6.1 does with a
 * buffer handed to the DMA and USB APIs.
 *
 * The core is the executable definition of every dmacheck rule. It keeps one global model
 * machine (memory regions, devices, the DMA-API-debug ledger, the event log); drivers' calls
 * go through the dmc_* functions below, which follow the 6.1 sources branch for branch (see
 * docs/core.md for the map from kernel function to model function). Whenever the kernel would
 * misbehave -- WARN, fail, corrupt memory, or silently depend on the platform -- the core
 * records an event carrying a rule from rules/rules.def and the kernel-visible outcome.
 *
 * CPU addresses are real pointers of this process: buffers the model hands out (kmalloc,
 * vmalloc, coherent, ...) are real memory in arenas, and a harness can register real regions
 * (a thread's stack, the executable's data) so that real C code runs against the core.
 * Physical and bus addresses are simulated 64-bit numbers.
 *
 * Limits: single-threaded (one model machine per process, "current" is the calling thread);
 * see docs/core.md for what is deliberately not modelled.
 */
#ifndef DMACORE_H
#define DMACORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ rules and events --- */

enum dmc_rule {
#define RULE(id, slug, sev, msg) DMC_RULE_##id,
#include "rules.def"	/* rules/rules.def, found with -Irules */
#undef RULE
	DMC_RULE_COUNT
};

enum dmc_severity { DMC_SEV_WARNING, DMC_SEV_ERROR };

struct dmc_rule_info {
	const char *slug;
	enum dmc_severity severity;
	const char *message;
};

const struct dmc_rule_info *dmc_rule_info(enum dmc_rule rule);
/* Rule by slug ("dma-on-stack"), or DMC_RULE_COUNT if unknown. */
enum dmc_rule dmc_rule_by_slug(const char *slug);

/* What the kernel visibly does when the rule is broken. */
enum dmc_outcome {
	DMC_OUT_REFUSED,	/* the call fails with an error code (ret) */
	DMC_OUT_CORRUPTION,	/* DMA to or from the wrong memory: silent corruption or crash */
	DMC_OUT_REPORTED,	/* only DMA-API debug (or a dev_WARN) reports it; transfer proceeds */
	DMC_OUT_SILENT,		/* harmless on this machine, harmful on others (latent) */
	DMC_OUT_WASTE,		/* works, but does needless mapping work */
	DMC_OUT_SHARED_STATE,	/* changed state shared with other devices */
};

#define DMC_TEXT_MAX 160

struct dmc_event {
	enum dmc_rule rule;
	enum dmc_outcome outcome;
	int ret;			/* error code the caller sees, 0 if none */
	const char *kfunc;		/* modelled kernel function that noticed, "usb_hcd_map_urb_for_dma" */
	const char *file;		/* call site set with dmc_at(), or NULL */
	int line;
	uintptr_t addr;			/* the offending CPU address, if any */
	char kernel_msg[DMC_TEXT_MAX];	/* what the kernel prints, "" if it prints nothing */
	char detail[DMC_TEXT_MAX];	/* the model's explanation */
};

const char *dmc_outcome_name(enum dmc_outcome outcome);

/* Call site of the driver code about to call into the core; copied into events. */
void dmc_at(const char *file, int line);

size_t dmc_event_count(void);
const struct dmc_event *dmc_event_get(size_t i);
size_t dmc_event_count_rule(enum dmc_rule rule);
void dmc_events_clear(void);
/* Optional observer, called for every event as it is recorded. */
void dmc_set_event_hook(void (*hook)(const struct dmc_event *ev, void *arg), void *arg);
/* One GCC-like line: "file:line: warning: message [dmacheck-slug] (kernel: ...; ...)". */
int dmc_event_format(const struct dmc_event *ev, char *buf, size_t len);

/* ------------------------------------------------------------------ the machine -------- */

typedef uint64_t dmc_phys_t;
typedef uint64_t dmc_dma_t;

#define DMC_PAGE_SHIFT 12
#define DMC_PAGE_SIZE (1UL << DMC_PAGE_SHIFT)
#define DMC_BIT_MASK(n) ((n) >= 64 ? ~0ULL : ((1ULL << (n)) - 1))
#define DMC_MAPPING_ERROR (~(dmc_dma_t)0)

enum dmc_arch {
	DMC_ARCH_X86_64,	/* kernel image in the linear map, coherent DMA, ZONE_DMA = 16M */
	DMC_ARCH_ARM64,		/* kernel image outside the linear map, non-coherent by default */
	DMC_ARCH_X86_32,	/* 896M lowmem, the rest HIGHMEM */
};

/* Which kernel's behaviour the model follows where 6.1 and 6.12 differ (docs/core.md, "Linux
 * 6.12"); everything else is the same code in both. */
enum dmc_kernel {
	DMC_KERNEL_6_1,		/* Debian 6.1.192: the default */
	DMC_KERNEL_6_12,	/* Debian 6.12.118 */
};

struct dmc_machine_config {
	enum dmc_arch arch;
	enum dmc_kernel kernel;	/* default DMC_KERNEL_6_1 */
	bool vmap_stack;	/* CONFIG_VMAP_STACK: stacks are vmalloc memory */
	bool dma_debug;		/* CONFIG_DMA_API_DEBUG: the ledger prints */
	bool swiotlb;		/* swiotlb active: out-of-mask memory is bounced */
	bool ram_above_4g;	/* ZONE_NORMAL memory above 4G exists (x86_64/arm64) */
	bool slub_debug_on;	/* CONFIG_SLUB_DEBUG_ON: mm/dmapool.c's DMAPOOL_DEBUG checks */
};

/* Defaults: x86_64, Linux 6.1, vmap stacks, DMA debug on, swiotlb on, RAM above 4G, no slub
 * debug (as Debian's 6.1 config, plus DMA debug). */
void dmc_machine_default(struct dmc_machine_config *cfg);
/* Start a fresh model machine: all regions, devices, mappings and events are dropped. */
int dmc_machine_init(const struct dmc_machine_config *cfg);
const struct dmc_machine_config *dmc_machine(void);
void dmc_machine_exit(void);

/* ------------------------------------------------------------------ memory ------------- */

enum dmc_mem_kind {
	DMC_MEM_UNKNOWN,
	DMC_MEM_STACK,		/* a task's kernel stack */
	DMC_MEM_KMALLOC,	/* slab / page allocator, in the linear map */
	DMC_MEM_VMALLOC,	/* vmalloc/vzalloc/vmap */
	DMC_MEM_MODULE_DATA,	/* a module's .data/.bss (module mapping, not the linear map) */
	DMC_MEM_MODULE_RODATA,	/* a module's .rodata */
	DMC_MEM_KERNEL_DATA,	/* built-in driver's .data/.bss (kernel image) */
	DMC_MEM_KERNEL_RODATA,	/* kernel text and .rodata */
	DMC_MEM_HIGHMEM,	/* a page without a permanent kernel mapping */
	DMC_MEM_COHERENT,	/* dma_alloc_coherent / dma_pool */
	DMC_MEM_HCD_LOCAL,	/* host controller local memory (localmem_pool) */
	DMC_MEM_SWIOTLB,	/* the bounce buffer pool */
	DMC_MEM_KIND_COUNT
};

enum dmc_zone { DMC_ZONE_DMA, DMC_ZONE_DMA32, DMC_ZONE_NORMAL, DMC_ZONE_HIGHMEM, DMC_ZONE_NONE };

const char *dmc_mem_kind_name(enum dmc_mem_kind kind);
const char *dmc_zone_name(enum dmc_zone zone);

struct dmc_device;

struct dmc_region {
	enum dmc_mem_kind kind;
	uintptr_t vbase;	/* CPU address (real, in this process) */
	size_t size;
	dmc_phys_t phys;	/* physical address of vbase, if the region is physically contiguous */
	bool linear;		/* in the kernel's linear map: virt_to_phys() is valid */
	const char *name;
	uintptr_t owner;	/* STACK: the owning thread; COHERENT/HCD_LOCAL: the device */
	dmc_dma_t bus;		/* COHERENT/HCD_LOCAL: device address of vbase */
};

/* Where a CPU address lives, as the kernel would classify it. */
struct dmc_memref {
	enum dmc_mem_kind kind;
	enum dmc_zone zone;
	const struct dmc_region *region;	/* NULL for DMC_MEM_UNKNOWN */
	dmc_phys_t phys;			/* meaningful when linear */
	bool linear;
};

struct dmc_memref dmc_classify(const void *addr);
/* The kernel's predicates, for the current model machine. */
bool dmc_object_is_on_stack(const void *addr);	/* on the *calling thread's* stack */
bool dmc_is_vmalloc_addr(const void *addr);	/* includes vmap stacks */
bool dmc_virt_addr_valid(const void *addr);
enum dmc_zone dmc_phys_zone(dmc_phys_t phys);

/* Register real memory of this process (the harness side). Returns 0 or -errno. */
int dmc_region_add(enum dmc_mem_kind kind, const void *base, size_t size, const char *name);
int dmc_region_remove(const void *base);
/* The calling thread's stack and the executable's data/rodata (as module or built-in image). */
int dmc_register_current_stack(void);
int dmc_register_image(bool as_module);

/* Model allocators (real memory from arenas). gfp: DMC_GFP_* zone modifiers. */
#define DMC_GFP_KERNEL  0x0u
#define DMC_GFP_DMA     0x1u
#define DMC_GFP_DMA32   0x2u
#define DMC_GFP_HIGHMEM 0x4u
#define DMC_GFP_ZERO    0x8u
#define DMC_GFP_COMP    0x10u	/* __GFP_COMP: dma_alloc_coherent() refuses it from 6.2 on */
void *dmc_kmalloc(size_t size, unsigned int gfp);
void dmc_kfree(const void *p);
void *dmc_vmalloc(size_t size);
void dmc_vfree(const void *p);
/* An allocation's usable size, 0 if p is not a live kmalloc/vmalloc block. */
size_t dmc_ksize(const void *p);

/* A page as the DMA API sees it: physical address plus what the driver meant by it. */
struct dmc_page {
	dmc_phys_t phys;		/* page-aligned physical address (bogus if !valid) */
	void *vaddr;			/* kernel mapping, NULL for highmem */
	bool valid;			/* a real RAM page (virt_to_page() of a linear address) */
	enum dmc_mem_kind origin;	/* what the driver's pointer pointed at */
};
struct dmc_page dmc_virt_to_page(const void *addr);	/* like virt_to_page(): garbage for non-linear */
struct dmc_page dmc_alloc_page(unsigned int gfp);	/* alloc_page(); HIGHMEM honoured on x86_32 */
void dmc_free_page(struct dmc_page page);
void *dmc_page_address(struct dmc_page page);		/* NULL for highmem */
void *dmc_kmap(struct dmc_page page);			/* the backing memory of any valid page */

/* ------------------------------------------------------------------ devices ------------ */

enum dmc_dev_type { DMC_DEV_PCI, DMC_DEV_PLATFORM, DMC_DEV_USB_DEVICE, DMC_DEV_USB_INTERFACE };

struct dmc_iommu_stats {
	unsigned long maps, unmaps, iotlb_flushes, iova_pages;
};

struct dmc_device {
	const char *name;
	enum dmc_dev_type type;
	uint64_t *dma_mask;		/* a pointer, as in struct device: USB devices share it */
	uint64_t coherent_dma_mask;
	uint64_t bus_dma_limit;		/* 0 = none */
	uint64_t hw_dma_mask;		/* what the hardware can really drive (not set by drivers) */
	bool iommu;			/* behind an IOMMU (dma-iommu ops) */
	bool coherent;			/* dev_is_dma_coherent() */
	bool registered;
	struct dmc_device *parent;
	uint64_t dma_mask_storage;	/* what dma_mask points to for non-USB devices */
	/* accounting, read by tests and benchmarks */
	unsigned long bounced_maps, bounce_bytes, cache_syncs;
	struct dmc_iommu_stats iommu_stats;
	dmc_dma_t iova_next;		/* IOVA allocator cursor (top-down) */
};

/* A bus-mastering device (PCI or platform) with a 32-bit default mask, as the PCI core sets. */
void dmc_device_init(struct dmc_device *dev, const char *name, enum dmc_dev_type type,
		     bool iommu, bool coherent);
/* Driver unbind / device removal: the DMA-debug leak check (dma_debug_device_change). */
void dmc_device_release(struct dmc_device *dev);

/* kernel/dma/mapping.c */
int dmc_dma_set_mask(struct dmc_device *dev, uint64_t mask);
int dmc_dma_set_coherent_mask(struct dmc_device *dev, uint64_t mask);
int dmc_dma_set_mask_and_coherent(struct dmc_device *dev, uint64_t mask);
int dmc_dma_coerce_mask_and_coherent(struct dmc_device *dev, uint64_t mask);
bool dmc_dma_supported(struct dmc_device *dev, uint64_t mask);

/* ------------------------------------------------------------------ DMA API ------------ */

enum dmc_dir { DMC_BIDIRECTIONAL = 0, DMC_TO_DEVICE = 1, DMC_FROM_DEVICE = 2, DMC_NONE = 3 };

struct dmc_scatterlist {
	struct dmc_page page;
	unsigned int offset, length;
	dmc_dma_t dma_address;
	unsigned int dma_length;
	bool end;
	dmc_dma_t map_addr;	/* model: this entry's own mapping, kept when entries merge */
	bool map_failed;	/* model: the last dma_map_sg() of this list returned 0 */
};

#define DMC_ATTR_SKIP_CPU_SYNC (1UL << 5)

dmc_dma_t dmc_dma_map_single_attrs(struct dmc_device *dev, void *ptr, size_t size,
				   enum dmc_dir dir, unsigned long attrs);
dmc_dma_t dmc_dma_map_single(struct dmc_device *dev, void *ptr, size_t size, enum dmc_dir dir);
dmc_dma_t dmc_dma_map_page(struct dmc_device *dev, struct dmc_page page, size_t offset,
			   size_t size, enum dmc_dir dir);
void dmc_dma_unmap_single(struct dmc_device *dev, dmc_dma_t addr, size_t size, enum dmc_dir dir);
void dmc_dma_unmap_page(struct dmc_device *dev, dmc_dma_t addr, size_t size, enum dmc_dir dir);
int dmc_dma_map_sg(struct dmc_device *dev, struct dmc_scatterlist *sg, int nents, enum dmc_dir dir);
void dmc_dma_unmap_sg(struct dmc_device *dev, struct dmc_scatterlist *sg, int nents, enum dmc_dir dir);
int dmc_dma_mapping_error(struct dmc_device *dev, dmc_dma_t addr);
void dmc_dma_sync_single_for_cpu(struct dmc_device *dev, dmc_dma_t addr, size_t size, enum dmc_dir dir);
void dmc_dma_sync_single_for_device(struct dmc_device *dev, dmc_dma_t addr, size_t size, enum dmc_dir dir);
void dmc_dma_sync_sg_for_cpu(struct dmc_device *dev, struct dmc_scatterlist *sg, int nents, enum dmc_dir dir);
void dmc_dma_sync_sg_for_device(struct dmc_device *dev, struct dmc_scatterlist *sg, int nents, enum dmc_dir dir);
void *dmc_dma_alloc_coherent(struct dmc_device *dev, size_t size, dmc_dma_t *handle, unsigned int gfp);
void dmc_dma_free_coherent(struct dmc_device *dev, size_t size, void *cpu_addr, dmc_dma_t handle);

void dmc_sg_init_table(struct dmc_scatterlist *sg, int nents);
void dmc_sg_set_page(struct dmc_scatterlist *sg, struct dmc_page page, unsigned int len, unsigned int offset);
void dmc_sg_set_buf(struct dmc_scatterlist *sg, const void *buf, unsigned int len);
void dmc_sg_init_one(struct dmc_scatterlist *sg, const void *buf, unsigned int len);
/* sg_dma_address()/sg_dma_len(): what a driver programs into the device; reading them from a
 * list whose dma_map_sg() returned 0 is dma-map-sg-unchecked (kfunc names the caller) */
dmc_dma_t dmc_sg_dma_address(const struct dmc_scatterlist *sg);
unsigned int dmc_sg_dma_len(const struct dmc_scatterlist *sg);

/* mm/dmapool.c */
struct dmc_dma_pool;
struct dmc_dma_pool *dmc_dma_pool_create(const char *name, struct dmc_device *dev, size_t size,
					 size_t align);
void *dmc_dma_pool_alloc(struct dmc_dma_pool *pool, unsigned int gfp, dmc_dma_t *handle);
void dmc_dma_pool_free(struct dmc_dma_pool *pool, void *vaddr, dmc_dma_t handle);
void dmc_dma_pool_destroy(struct dmc_dma_pool *pool);

/* lib/genalloc.c as used for HCD local memory: memory only the device can address */
struct dmc_gen_pool;
struct dmc_gen_pool *dmc_gen_pool_create_local(struct dmc_device *dev, size_t size, dmc_dma_t bus);
void *dmc_gen_pool_dma_alloc(struct dmc_gen_pool *pool, size_t size, dmc_dma_t *dma);
void dmc_gen_pool_free(struct dmc_gen_pool *pool, void *vaddr, size_t size);
void dmc_gen_pool_destroy(struct dmc_gen_pool *pool);

/* The device side: what the hardware does with a bus address (for data-flow tests). */
enum dmc_devdma {
	DMC_DEVDMA_OK,
	DMC_DEVDMA_IOMMU_FAULT,	/* no IOVA mapping: the IOMMU blocks and logs a fault */
	DMC_DEVDMA_WILD,	/* no RAM of the buffer there: DMA hits unrelated memory */
	DMC_DEVDMA_MASKED,	/* the device cannot drive address bits beyond its mask */
};
enum dmc_devdma dmc_device_dma_write(struct dmc_device *dev, dmc_dma_t addr, const void *data, size_t len);
enum dmc_devdma dmc_device_dma_read(struct dmc_device *dev, dmc_dma_t addr, void *data, size_t len);

/* The DMA-API-debug ledger (kernel/dma/debug.c), readable for tests. */
size_t dmc_ledger_count(const struct dmc_device *dev);	/* dev NULL: all devices */

/* ------------------------------------------------------------------ USB ---------------- */

#define DMC_USB_DIR_IN 0x80
#define DMC_USB_ENDPOINT_XFER_CONTROL 0
#define DMC_USB_ENDPOINT_XFER_ISOC 1
#define DMC_USB_ENDPOINT_XFER_BULK 2
#define DMC_USB_ENDPOINT_XFER_INT 3

#define DMC_PIPE_ISOCHRONOUS 0
#define DMC_PIPE_INTERRUPT 1
#define DMC_PIPE_CONTROL 2
#define DMC_PIPE_BULK 3

/* include/linux/usb.h transfer_flags, same values */
#define DMC_URB_SHORT_NOT_OK		0x0001
#define DMC_URB_ISO_ASAP		0x0002
#define DMC_URB_NO_TRANSFER_DMA_MAP	0x0004
#define DMC_URB_ZERO_PACKET		0x0040
#define DMC_URB_NO_INTERRUPT		0x0080
#define DMC_URB_FREE_BUFFER		0x0100
#define DMC_URB_DIR_IN			0x0200
#define DMC_URB_DIR_OUT			0
#define DMC_URB_DIR_MASK		DMC_URB_DIR_IN
#define DMC_URB_DMA_MAP_SINGLE		0x00010000
#define DMC_URB_DMA_MAP_PAGE		0x00020000
#define DMC_URB_DMA_MAP_SG		0x00040000
#define DMC_URB_MAP_LOCAL		0x00080000
#define DMC_URB_SETUP_MAP_SINGLE	0x00100000
#define DMC_URB_SETUP_MAP_LOCAL		0x00200000
#define DMC_URB_DMA_SG_COMBINED		0x00400000

enum dmc_usb_state { DMC_USB_STATE_NOTATTACHED, DMC_USB_STATE_UNAUTHENTICATED = 3,
		     DMC_USB_STATE_ADDRESS = 6, DMC_USB_STATE_CONFIGURED = 7 };

struct dmc_usb_endpoint_descriptor {
	uint8_t bEndpointAddress;
	uint8_t bmAttributes;
	uint16_t wMaxPacketSize;
	uint8_t bInterval;
};

struct dmc_usb_host_endpoint {
	struct dmc_usb_endpoint_descriptor desc;
};

struct dmc_usb_ctrlrequest {
	uint8_t bRequestType;
	uint8_t bRequest;
	uint16_t wValue;
	uint16_t wIndex;
	uint16_t wLength;
};

struct dmc_usb_hcd;
struct dmc_urb;

struct dmc_usb_bus {
	struct dmc_usb_hcd *hcd;
	struct dmc_device *sysdev;	/* the device that does DMA for the bus */
	int sg_tablesize;		/* > 0: the HCD takes scatterlists */
	bool uses_dma;
	bool uses_pio_for_control;
};

#define DMC_HCD_BUFFER_POOLS 4

struct dmc_usb_hcd {
	const char *name;
	struct dmc_usb_bus self;
	struct dmc_gen_pool *localmem_pool;
	struct dmc_dma_pool *pool[DMC_HCD_BUFFER_POOLS];
	bool xhci_idt;			/* driver->map_urb_for_dma is xHCI's (immediate data) */
	int (*urb_enqueue)(struct dmc_usb_hcd *hcd, struct dmc_urb *urb);	/* optional */
	unsigned long urbs_mapped, pio_transfers;
};

/* Ready-made host controller models. */
enum dmc_hcd_model {
	DMC_HCD_DMA,		/* EHCI/OHCI-like: streaming DMA, no IOMMU */
	DMC_HCD_DMA_IOMMU,	/* the same behind an IOMMU */
	DMC_HCD_XHCI,		/* xHCI: DMA plus immediate data for small OUT transfers */
	DMC_HCD_LOCALMEM,	/* local memory only (e.g. SM501/TC6393 OHCI) */
	DMC_HCD_PIO,		/* no DMA (e.g. isp116x, max3421: no HCD_DMA) */
	DMC_HCD_MUSB,		/* DMA, but PIO for control transfers (musb: uses_pio_for_control) */
	DMC_HCD_MODEL_COUNT
};
const char *dmc_hcd_model_name(enum dmc_hcd_model model);
/* hcd_buffer_create() and the probe's set-up for the model: sysdev must be initialised by
 * the caller (dmc_device_init); EHCI-like models set a 32-bit mask, xHCI a 64-bit one,
 * DMC_HCD_DMA_IOMMU puts sysdev behind an IOMMU. */
int dmc_hcd_create(struct dmc_usb_hcd *hcd, struct dmc_device *sysdev, enum dmc_hcd_model model);
void dmc_hcd_destroy(struct dmc_usb_hcd *hcd);

struct dmc_usb_device {
	struct dmc_device dev;
	struct dmc_usb_bus *bus;
	int devnum;
	enum dmc_usb_state state;
	unsigned int quirks;
	struct dmc_usb_host_endpoint ep0;
	struct dmc_usb_host_endpoint *ep_in[16];
	struct dmc_usb_host_endpoint *ep_out[16];
	struct dmc_usb_host_endpoint eps[8];	/* storage for added endpoints */
	int neps;
};

struct dmc_usb_interface {
	struct dmc_device dev;
	struct dmc_usb_device *udev;
};

/* usb_alloc_dev(): the USB device shares the host controller's dma_mask pointer. */
void dmc_usb_device_init(struct dmc_usb_device *udev, struct dmc_usb_hcd *hcd, int devnum);
/* Adds an endpoint (address with DMC_USB_DIR_IN for IN), returns it. */
struct dmc_usb_host_endpoint *dmc_usb_add_endpoint(struct dmc_usb_device *udev, uint8_t address,
						   int xfer_type, uint16_t maxp, uint8_t interval);
/* usb_set_configuration(): interface devices share the same dma_mask pointer. */
void dmc_usb_interface_init(struct dmc_usb_interface *intf, struct dmc_usb_device *udev);
struct dmc_usb_device *dmc_interface_to_usbdev(struct dmc_usb_interface *intf);

unsigned int dmc_usb_sndctrlpipe(const struct dmc_usb_device *d, unsigned int ep);
unsigned int dmc_usb_rcvctrlpipe(const struct dmc_usb_device *d, unsigned int ep);
unsigned int dmc_usb_sndbulkpipe(const struct dmc_usb_device *d, unsigned int ep);
unsigned int dmc_usb_rcvbulkpipe(const struct dmc_usb_device *d, unsigned int ep);
unsigned int dmc_usb_sndintpipe(const struct dmc_usb_device *d, unsigned int ep);
unsigned int dmc_usb_rcvintpipe(const struct dmc_usb_device *d, unsigned int ep);
unsigned int dmc_usb_sndisocpipe(const struct dmc_usb_device *d, unsigned int ep);
unsigned int dmc_usb_rcvisocpipe(const struct dmc_usb_device *d, unsigned int ep);

struct dmc_urb;
typedef void (*dmc_usb_complete_t)(struct dmc_urb *urb);

/* Field names as in struct urb, so shims and readers map one to one. */
struct dmc_urb {
	struct dmc_usb_device *dev;
	struct dmc_usb_host_endpoint *ep;
	unsigned int pipe;
	int status;
	unsigned int transfer_flags;
	void *transfer_buffer;
	dmc_dma_t transfer_dma;
	struct dmc_scatterlist *sg;
	int num_mapped_sgs;
	int num_sgs;
	uint32_t transfer_buffer_length;
	uint32_t actual_length;
	unsigned char *setup_packet;
	dmc_dma_t setup_dma;
	int number_of_packets;
	int interval;
	void *context;
	dmc_usb_complete_t complete;
	void *hcpriv;			/* non-NULL while queued to the HCD */
};

struct dmc_urb *dmc_usb_alloc_urb(int iso_packets, unsigned int gfp);
void dmc_usb_free_urb(struct dmc_urb *urb);
void dmc_usb_fill_control_urb(struct dmc_urb *urb, struct dmc_usb_device *dev, unsigned int pipe,
			      unsigned char *setup_packet, void *transfer_buffer, int buffer_length,
			      dmc_usb_complete_t complete, void *context);
void dmc_usb_fill_bulk_urb(struct dmc_urb *urb, struct dmc_usb_device *dev, unsigned int pipe,
			   void *transfer_buffer, int buffer_length, dmc_usb_complete_t complete,
			   void *context);
void dmc_usb_fill_int_urb(struct dmc_urb *urb, struct dmc_usb_device *dev, unsigned int pipe,
			  void *transfer_buffer, int buffer_length, dmc_usb_complete_t complete,
			  void *context, int interval);

/* drivers/usb/core/urb.c and hcd.c */
int dmc_usb_submit_urb(struct dmc_urb *urb, unsigned int gfp);
/* The host controller finishes the transfer: the device side moves `len` bytes of `data`
 * (IN: from the device into memory; OUT: `data` receives what the device read), then the
 * URB is unmapped and completed (usb_hcd_giveback_urb). Returns the device-side result. */
enum dmc_devdma dmc_hcd_complete_urb(struct dmc_urb *urb, void *data, size_t len, int status);
/* usb_kill_urb() on a queued URB: unmap and give back with -ENOENT. */
void dmc_usb_kill_urb(struct dmc_urb *urb);
int dmc_usb_hcd_map_urb_for_dma(struct dmc_usb_hcd *hcd, struct dmc_urb *urb, unsigned int gfp);
void dmc_usb_hcd_unmap_urb_for_dma(struct dmc_usb_hcd *hcd, struct dmc_urb *urb);
void dmc_usb_hcd_unmap_urb_setup_for_dma(struct dmc_usb_hcd *hcd, struct dmc_urb *urb);

/* drivers/usb/core/buffer.c and usb.c */
void *dmc_hcd_buffer_alloc(struct dmc_usb_bus *bus, size_t size, unsigned int gfp, dmc_dma_t *dma);
void dmc_hcd_buffer_free(struct dmc_usb_bus *bus, size_t size, void *addr, dmc_dma_t dma);
void *dmc_usb_alloc_coherent(struct dmc_usb_device *dev, size_t size, unsigned int gfp, dmc_dma_t *dma);
void dmc_usb_free_coherent(struct dmc_usb_device *dev, size_t size, void *addr, dmc_dma_t dma);

/* drivers/usb/core/message.c. The device's answer to IN transfers comes from the reply
 * hook (default: a repeating pattern 0xA5 0x5A ...), so data flow can be checked. */
void dmc_usb_set_reply(size_t (*reply)(struct dmc_urb *urb, void *data, size_t len, void *arg),
		       void *arg);
int dmc_usb_control_msg(struct dmc_usb_device *dev, unsigned int pipe, uint8_t request,
			uint8_t requesttype, uint16_t value, uint16_t index, void *data,
			uint16_t size, int timeout);
int dmc_usb_control_msg_send(struct dmc_usb_device *dev, uint8_t endpoint, uint8_t request,
			     uint8_t requesttype, uint16_t value, uint16_t index,
			     const void *data, uint16_t size, int timeout, unsigned int gfp);
int dmc_usb_control_msg_recv(struct dmc_usb_device *dev, uint8_t endpoint, uint8_t request,
			     uint8_t requesttype, uint16_t value, uint16_t index,
			     void *data, uint16_t size, int timeout, unsigned int gfp);
int dmc_usb_bulk_msg(struct dmc_usb_device *dev, unsigned int pipe, void *data, int len,
		     int *actual_length, int timeout);
int dmc_usb_interrupt_msg(struct dmc_usb_device *dev, unsigned int pipe, void *data, int len,
			  int *actual_length, int timeout);

struct dmc_usb_sg_request {
	int status;
	size_t bytes;
	int entries;
	int count;
	struct dmc_urb **urbs;
	struct dmc_usb_device *dev;
	unsigned int pipe;
};
int dmc_usb_sg_init(struct dmc_usb_sg_request *io, struct dmc_usb_device *dev, unsigned int pipe,
		    unsigned int period, struct dmc_scatterlist *sg, int nents, size_t length,
		    unsigned int gfp);
void dmc_usb_sg_wait(struct dmc_usb_sg_request *io);

/* errno values the model returns (Linux numbering) */
#define DMC_EIO 5
#define DMC_EAGAIN 11
#define DMC_ENOMEM 12
#define DMC_EFAULT 14
#define DMC_EBUSY 16
#define DMC_ENODEV 19
#define DMC_EINVAL 22
#define DMC_ENOENT 2
#define DMC_ENOEXEC 8
#define DMC_EMSGSIZE 90
#define DMC_EREMOTEIO 121
#define DMC_EBADR 53
#define DMC_ENXIO 6
#define DMC_ECONNRESET 104
#define DMC_ETIMEDOUT 110
#define DMC_EINPROGRESS 115

#endif /* DMACORE_H */
