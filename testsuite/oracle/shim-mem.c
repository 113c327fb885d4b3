// SPDX-License-Identifier: GPL-2.0
/*
 * testsuite/oracle/shim-mem.c - the memory half of the kernel API that testsuite/include
 * declares, implemented over the reference core: the slab and page allocators, vmalloc,
 * virt_to_page()/page_address(), and the printing and locking calls the cases make.
 *
 * Every buffer comes from the core's arenas (dmc_kmalloc, dmc_vmalloc), so the core later
 * classifies it exactly as the kernel would. struct page, opaque to the cases, is defined
 * here: the core's page plus the stack of the virt_to_page() call that made it (the statement
 * that turned a pointer into a page is where the rules point, e.g. sg_set_buf()).
 *
 * Locks are no-ops: the oracle runs one thread, and the rules are about memory, not locking.
 * Printing goes to stderr with a "kernel:" prefix (the runner shows it with -v).
 */
#include <linux/types.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/device.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/firmware.h>
#include <linux/errno.h>
#include "oracle.h"
#include "shim.h"


unsigned int shim_gfp(gfp_t gfp)
{
	unsigned int g = DMC_GFP_KERNEL;

	if (gfp & __GFP_DMA)
		g |= DMC_GFP_DMA;
	if (gfp & __GFP_DMA32)
		g |= DMC_GFP_DMA32;
	if (gfp & __GFP_HIGHMEM)
		g |= DMC_GFP_HIGHMEM;
	if (gfp & __GFP_ZERO)
		g |= DMC_GFP_ZERO;
	return g;
}

/* ---- mm/slab_common.c ------------------------------------------------------------------ */

struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

void *__kmalloc(size_t size, gfp_t flags)
{
	if (!size)
		return ZERO_SIZE_PTR;
	return dmc_kmalloc(size, shim_gfp(flags));
}

void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size)
{
	(void)s;
	return __kmalloc(size, flags);
}

void *kmalloc_large(size_t size, gfp_t flags)
{
	return __kmalloc(size, flags);
}

void kfree(const void *objp)
{
	if (!objp || objp == ZERO_SIZE_PTR)
		return;
	if (!dmc_ksize(objp)) {
		oracle_error("kfree(%p): not a live kmalloc block", objp);
		return;
	}
	dmc_kfree(objp);
}

/* net/core/skbuff.c: a case's skb is two kmalloc blocks, the head (with the shared info at
 * its end) and the struct sk_buff */
void dev_kfree_skb_any(struct sk_buff *skb)
{
	if (!skb)
		return;
	kfree(skb->head);
	kfree(skb);
}

void kfree_sensitive(const void *objp)
{
	size_t n = objp && objp != ZERO_SIZE_PTR ? dmc_ksize(objp) : 0;

	if (n)
		memset((void *)objp, 0, n);
	kfree(objp);
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = __kmalloc(len, gfp);

	if (p && len)
		memcpy(p, src, len);
	return p;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}

/* drivers/base/devres.c: freed with the device; the oracle's devices outlive the case */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	(void)dev;
	return __kmalloc(size, gfp);
}

void devm_kfree(struct device *dev, const void *p)
{
	(void)dev;
	kfree(p);
}

/* ---- mm/vmalloc.c, mm/page_alloc.c ------------------------------------------------------ */

void *vmalloc(unsigned long size)
{
	return dmc_vmalloc(size);
}

void *vzalloc(unsigned long size)
{
	void *p = dmc_vmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

/* zeroed, and mappable to user space (not modelled) */
void *vmalloc_user(unsigned long size)
{
	return vzalloc(size);
}

void vfree(const void *addr)
{
	if (addr)
		dmc_vfree(addr);
}

/*
 * mm/util.c:kvmalloc_node(): kmalloc first; above PAGE_SIZE that attempt is __GFP_NORETRY and
 * falls back to vmalloc when the slab cannot find contiguous pages. The model takes the
 * fallback above PAGE_SIZE (a fragmented machine): the run where a driver's DMA breaks.
 */
void *kvmalloc_node(size_t size, gfp_t flags, int node)
{
	void *p;

	(void)node;
	if (size <= PAGE_SIZE)
		return dmc_kmalloc(size, shim_gfp(flags));
	p = dmc_vmalloc(size);
	if (p && (flags & __GFP_ZERO))
		memset(p, 0, size);
	return p;
}

void kvfree(const void *addr)
{
	if (!addr)
		return;
	if (dmc_is_vmalloc_addr(addr))
		dmc_vfree(addr);
	else
		kfree(addr);
}

/*
 * drivers/base/firmware_loader/main.c: the image is read into vmalloc memory. The model's
 * device has one image of SHIM_FW_SIZE bytes (a counting pattern) under every name.
 */
#define SHIM_FW_SIZE 1536

int request_firmware(const struct firmware **fw, const char *name, struct device *device)
{
	struct firmware *f = kzalloc(sizeof(*f), GFP_KERNEL);
	u8 *data = dmc_vmalloc(SHIM_FW_SIZE);

	(void)name;
	(void)device;
	if (!f || !data) {
		kfree(f);
		if (data)
			dmc_vfree(data);
		*fw = NULL;
		return -ENOMEM;
	}
	for (size_t i = 0; i < SHIM_FW_SIZE; i++)
		data[i] = (u8)i;
	f->data = data;
	f->size = SHIM_FW_SIZE;
	*fw = f;
	return 0;
}

/* The model's loader is synchronous: cont() runs before the call returns. */
int request_firmware_nowait(struct module *module, bool uevent, const char *name,
			    struct device *device, gfp_t gfp, void *context,
			    void (*cont)(const struct firmware *fw, void *context))
{
	const struct firmware *fw;

	(void)module;
	(void)uevent;
	(void)gfp;
	if (request_firmware(&fw, name, device))
		fw = NULL;
	cont(fw, context);
	return 0;
}

void release_firmware(const struct firmware *fw)
{
	if (!fw)
		return;
	dmc_vfree(fw->data);
	kfree(fw);
}

bool is_vmalloc_addr(const void *x)
{
	return dmc_is_vmalloc_addr(x);
}

/* Physically contiguous pages in the linear map: what kmalloc gives for large sizes too. */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	return (unsigned long)dmc_kmalloc(PAGE_SIZE << order, shim_gfp(gfp_mask));
}

unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return __get_free_pages(gfp_mask | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	(void)order;
	if (addr)
		dmc_kfree((void *)addr);
}

struct page *shim_page(struct dmc_page p)
{
	struct page *pg = calloc(1, sizeof(*pg));

	if (!pg)
		abort();
	pg->p = p;
	oracle_capture(&pg->made);
	return pg;
}

struct page *virt_to_page(const void *kaddr)
{
	return shim_page(dmc_virt_to_page(kaddr));
}

void *page_address(const struct page *page)
{
	return page ? dmc_page_address(page->p) : NULL;
}

/* ---- printing and locking ---------------------------------------------------------------- */

#define vlog oracle_vlog

int _printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("", fmt, ap);
	va_end(ap);
	return 0;
}

#define DEV_LOG(fn, level)						\
void fn(const struct device *dev, const char *fmt, ...)		\
{									\
	va_list ap;							\
	(void)dev;							\
	va_start(ap, fmt);						\
	vlog(level, fmt, ap);						\
	va_end(ap);							\
}
DEV_LOG(_dev_err, "err: ")
DEV_LOG(_dev_warn, "warn: ")
DEV_LOG(_dev_info, "info: ")

const char *dev_name(const struct device *dev)
{
	return dev->init_name ? dev->init_name : "device";
}

struct device *get_device(struct device *dev)
{
	return dev;
}

void put_device(struct device *dev)
{
	(void)dev;
}

void mutex_init(struct mutex *lock) { (void)lock; }
void mutex_lock(struct mutex *lock) { (void)lock; }
int mutex_lock_interruptible(struct mutex *lock) { (void)lock; return 0; }
void mutex_unlock(struct mutex *lock) { (void)lock; }
