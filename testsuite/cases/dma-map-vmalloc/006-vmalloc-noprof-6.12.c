/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: case 003's shapes (a ring mapped with dma_map_single(), a table sent with usb_bulk_msg()) with 6.12's allocators: include/linux/vmalloc.h and slab.h of 6.12.118, where each allocator of a DMA_VMEM row is alloc_hooks(<name>_noprof(...)) */
/* what: on 6.12 the compilers see vmalloc_user_noprof(), __vmalloc_noprof(), vcalloc_noprof(), kvmalloc_array_node_noprof() and the others, not the names of rules/dma-apis.def's DMA_VMEM rows; rules/dma-apis-versions.def maps each to its 6.1 name, so their memory handed to DMA warns as on 6.1 (without the rows: silent); kvcalloc() of a small constant stays silent as kvcalloc() does */
/* cocci is not run: it reads vmalloc_user() as written, and this case spells the 6.12 expansion out */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

/* include/linux/alloc_tag.h of 6.12 with CONFIG_MEM_ALLOC_PROFILING off, reduced */
#define alloc_hooks(_do_alloc)				\
({							\
	typeof(_do_alloc) _res = _do_alloc;		\
	_res;						\
})

/* mm/vmalloc.c and mm/util.c of 6.12: the functions the compilers see */
extern void *vmalloc_user_noprof(unsigned long size) __alloc_size(1);
extern void *vmalloc_32_noprof(unsigned long size) __alloc_size(1);
extern void *vmalloc_node_noprof(unsigned long size, int node) __alloc_size(1);
extern void *vzalloc_node_noprof(unsigned long size, int node) __alloc_size(1);
extern void *__vmalloc_noprof(unsigned long size, gfp_t gfp_mask) __alloc_size(1);
extern void *__vmalloc_node_noprof(unsigned long size, unsigned long align, gfp_t gfp_mask,
				   int node, const void *caller) __alloc_size(1);
extern void *vmalloc_array_noprof(size_t n, size_t size) __alloc_size(1, 2);
extern void *vcalloc_noprof(size_t n, size_t size) __alloc_size(1, 2);
/* a static inline in 6.12's slab.h over __kvmalloc_node_noprof(); extern here, so that the
 * case asks the catalogue, not the summary of its body */
extern void *kvmalloc_array_node_noprof(size_t n, size_t size, gfp_t flags, int node)
	__alloc_size(1, 2);

#define vmalloc_user_612(...)	alloc_hooks(vmalloc_user_noprof(__VA_ARGS__))
#define vmalloc_32_612(...)	alloc_hooks(vmalloc_32_noprof(__VA_ARGS__))
#define vmalloc_node_612(...)	alloc_hooks(vmalloc_node_noprof(__VA_ARGS__))
#define vzalloc_node_612(...)	alloc_hooks(vzalloc_node_noprof(__VA_ARGS__))
#define __vmalloc_612(...)	alloc_hooks(__vmalloc_noprof(__VA_ARGS__))
#define __vmalloc_node_612(...)	alloc_hooks(__vmalloc_node_noprof(__VA_ARGS__))
#define vmalloc_array_612(...)	alloc_hooks(vmalloc_array_noprof(__VA_ARGS__))
#define vcalloc_612(...)	alloc_hooks(vcalloc_noprof(__VA_ARGS__))
#define kvmalloc_array_noprof_612(...)	kvmalloc_array_node_noprof(__VA_ARGS__, NUMA_NO_NODE)
#define kvcalloc_noprof_612(_n, _s, _f)	kvmalloc_array_node_noprof(_n, _s, (_f) | __GFP_ZERO, NUMA_NO_NODE)
#define kvmalloc_array_612(...)	alloc_hooks(kvmalloc_array_noprof_612(__VA_ARGS__))
#define kvcalloc_612(...)	alloc_hooks(kvcalloc_noprof_612(__VA_ARGS__))

#define RING_SIZE	4096

struct ring_entry {
	u8 data[512];
};

int rings_map(struct device *dev)
{
	void *r[9];
	dma_addr_t a;
	int i, ret = 0;

	r[0] = vmalloc_user_612(RING_SIZE);
	r[1] = vmalloc_32_612(RING_SIZE);
	r[2] = vmalloc_node_612(RING_SIZE, NUMA_NO_NODE);
	r[3] = vzalloc_node_612(RING_SIZE, NUMA_NO_NODE);
	r[4] = __vmalloc_612(RING_SIZE, GFP_KERNEL);
	r[5] = __vmalloc_node_612(RING_SIZE, 1, GFP_KERNEL, NUMA_NO_NODE, NULL);
	r[6] = vmalloc_array_612(8, RING_SIZE / 8);
	r[7] = vcalloc_612(8, RING_SIZE / 8);
	r[8] = kzalloc(RING_SIZE, GFP_KERNEL);
	for (i = 0; i < 9; i++)
		if (!r[i])
			return -ENOMEM;
	a = dma_map_single(dev, r[0], RING_SIZE, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	if (dma_mapping_error(dev, a))
		ret = -EIO;
	else
		dma_unmap_single(dev, a, RING_SIZE, DMA_TO_DEVICE);
	a = dma_map_single(dev, r[1], RING_SIZE, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	if (dma_mapping_error(dev, a))
		ret = -EIO;
	else
		dma_unmap_single(dev, a, RING_SIZE, DMA_TO_DEVICE);
	a = dma_map_single(dev, r[2], RING_SIZE, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	if (dma_mapping_error(dev, a))
		ret = -EIO;
	else
		dma_unmap_single(dev, a, RING_SIZE, DMA_TO_DEVICE);
	a = dma_map_single(dev, r[3], RING_SIZE, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	if (dma_mapping_error(dev, a))
		ret = -EIO;
	else
		dma_unmap_single(dev, a, RING_SIZE, DMA_TO_DEVICE);
	a = dma_map_single(dev, r[4], RING_SIZE, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	if (dma_mapping_error(dev, a))
		ret = -EIO;
	else
		dma_unmap_single(dev, a, RING_SIZE, DMA_TO_DEVICE);
	a = dma_map_single(dev, r[5], RING_SIZE, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	if (dma_mapping_error(dev, a))
		ret = -EIO;
	else
		dma_unmap_single(dev, a, RING_SIZE, DMA_TO_DEVICE);
	a = dma_map_single(dev, r[6], RING_SIZE, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	if (dma_mapping_error(dev, a))
		ret = -EIO;
	else
		dma_unmap_single(dev, a, RING_SIZE, DMA_TO_DEVICE);
	a = dma_map_single(dev, r[7], RING_SIZE, DMA_TO_DEVICE); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	if (dma_mapping_error(dev, a))
		ret = -EIO;
	else
		dma_unmap_single(dev, a, RING_SIZE, DMA_TO_DEVICE);
	a = dma_map_single(dev, r[8], RING_SIZE, DMA_TO_DEVICE); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(dev, a))
		ret = -EIO;
	else
		dma_unmap_single(dev, a, RING_SIZE, DMA_TO_DEVICE);
	kfree(r[8]);
	for (i = 0; i < 8; i++)
		vfree(r[i]);
	return ret;
}

/* kvmalloc_array() and kvcalloc() (6.12: kvmalloc_array_node_noprof()): vmalloc memory above
 * PAGE_SIZE or for a size that is not a constant, kmalloc memory for a small constant */
int send_ring(struct usb_device *udev, size_t n)
{
	struct ring_entry *ring = kvmalloc_array_612(n, sizeof(*ring), GFP_KERNEL);
	int actual, ret;

	if (!ring)
		return -ENOMEM;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), ring, n * sizeof(*ring), &actual,
			   1000); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	kvfree(ring);
	return ret;
}

int send_ring16(struct usb_device *udev)
{
	struct ring_entry *ring = kvcalloc_612(16, sizeof(*ring), GFP_KERNEL);
	int actual, ret;

	if (!ring)
		return -ENOMEM;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), ring, 16 * sizeof(*ring), &actual,
			   1000); /* { dg-warning "dmacheck-dma-map-vmalloc" } */
	kvfree(ring);
	return ret;
}

int send_small(struct usb_device *udev)
{
	struct ring_entry *ring = kvcalloc_612(2, sizeof(*ring), GFP_KERNEL);
	int actual, ret;

	if (!ring)
		return -ENOMEM;
	ret = usb_bulk_msg(udev, usb_sndbulkpipe(udev, 2), ring, 2 * sizeof(*ring), &actual,
			   1000); /* { dg-bogus "dmacheck" } */
	kvfree(ring);
	return ret;
}

#ifdef DMACHECK_ORACLE
/* for the run: 6.12's functions over the core's allocators of 6.1 */
void *vmalloc_user_noprof(unsigned long size) { return vmalloc_user(size); }
void *vmalloc_32_noprof(unsigned long size) { return vmalloc(size); }
void *vmalloc_node_noprof(unsigned long size, int node) { return vmalloc(size); }
void *vzalloc_node_noprof(unsigned long size, int node) { return vzalloc(size); }
void *__vmalloc_noprof(unsigned long size, gfp_t gfp_mask) { return vmalloc(size); }
void *__vmalloc_node_noprof(unsigned long size, unsigned long align, gfp_t gfp_mask,
			    int node, const void *caller) { return vmalloc(size); }
void *vmalloc_array_noprof(size_t n, size_t size) { return vmalloc(n * size); }
void *vcalloc_noprof(size_t n, size_t size) { return vzalloc(n * size); }
void *kvmalloc_array_node_noprof(size_t n, size_t size, gfp_t flags, int node)
{
	return kvmalloc_node(n * size, flags, node);
}
#endif

/* oracle: the nine mappings on the platform device, the three bulk transfers (n = 16) */
void case_run(struct case_env *env)
{
	rings_map(&env->pdev->dev);
	send_ring(env->udev, 16);
	send_ring16(env->udev);
	send_small(env->udev);
}
