// SPDX-License-Identifier: GPL-2.0
/*
 * testsuite/oracle/shim-dma.c - the DMA mapping API of testsuite/include/linux/
 * dma-mapping.h, dmapool.h and scatterlist.h, implemented by the reference core.
 *
 * A case's struct device is the harness' (the host controller's PCI device, a platform
 * device, the USB device or interface); the shim passes the core's twin of it. With
 * DMACHECK_ORACLE the headers declare dma_map_single_attrs(), dma_set_mask_and_coherent(),
 * dma_coerce_mask_and_coherent() and dma_mapping_error() as functions instead of their inline
 * bodies, so that the core runs them whole, CONFIG_DMA_API_DEBUG checks included, with the
 * driver's own pointer.
 *
 * Scatterlists: struct scatterlist entries point at shim pages (virt_to_page), so each is
 * converted to the core's entry; mapping results are copied back. Chained lists are not
 * supported (no case uses them): entries are read up to nents.
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/scatterlist.h>
#include <linux/usb.h>
#include "oracle.h"
#include "shim.h"


struct dmc_device *shim_dev(const struct device *dev, const char *what)
{
	struct dmc_device *d = dev ? oracle_lookup(OK_DEVICE, dev) : NULL;

	if (!d)
		oracle_error("%s: device %p is not one the harness made", what, (void *)dev);
	return d;
}

/* ---- masks ----------------------------------------------------------------------------- */

#define MASK_CALL(fn, core_fn)						\
int fn(struct device *dev, u64 mask)					\
{									\
	struct dmc_device *d = shim_dev(dev, #fn);			\
	int ret = d ? core_fn(d, mask) : -EIO;				\
	dev->dma_mask = d ? (u64 *)d->dma_mask : NULL;	/* what the case may read back */ \
	return ret;							\
}
MASK_CALL(dma_set_mask, dmc_dma_set_mask)
MASK_CALL(dma_set_coherent_mask, dmc_dma_set_coherent_mask)
MASK_CALL(dma_set_mask_and_coherent, dmc_dma_set_mask_and_coherent)
MASK_CALL(dma_coerce_mask_and_coherent, dmc_dma_coerce_mask_and_coherent)

/* ---- where each handle was mapped ------------------------------------------------------ */

/*
 * dma-mapping-error-unchecked is decided by the core when the handle is unmapped (DMA-API
 * debug's check_unmap()), but the rule is about the mapping call: the statement that mapped
 * the handle is pushed as the unmap's provenance, so the event carries that line too. The
 * last MAP_SITES mappings are kept; a handle mapped again is found at its newest mapping.
 */
#define MAP_SITES 256

static struct {
	dma_addr_t handle;
	struct oracle_stack st;
} map_sites[MAP_SITES];
static unsigned int nmap_sites;

static dma_addr_t remember_map(dma_addr_t handle)
{
	unsigned int slot = nmap_sites++ % MAP_SITES;

	map_sites[slot].handle = handle;
	oracle_capture(&map_sites[slot].st);
	return handle;
}

static void push_map_site(dma_addr_t handle)
{
	unsigned int n = nmap_sites < MAP_SITES ? nmap_sites : MAP_SITES;

	for (unsigned int k = 1; k <= n; k++) {
		unsigned int slot = (nmap_sites - k) % MAP_SITES;

		if (map_sites[slot].handle == handle) {
			oracle_prov_push(&map_sites[slot].st);
			return;
		}
	}
}

/* ---- streaming mappings ---------------------------------------------------------------- */

dma_addr_t dma_map_single_attrs(struct device *dev, void *ptr, size_t size,
				enum dma_data_direction dir, unsigned long attrs)
{
	struct dmc_device *d = shim_dev(dev, "dma_map_single");

	return d ? remember_map(dmc_dma_map_single_attrs(d, ptr, size, (enum dmc_dir)dir, attrs)) :
		   DMA_MAPPING_ERROR;
}

void dma_unmap_single_attrs(struct device *dev, dma_addr_t addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs)
{
	struct dmc_device *d = shim_dev(dev, "dma_unmap_single");

	(void)attrs;
	push_map_site(addr);
	if (d)
		dmc_dma_unmap_single(d, addr, size, (enum dmc_dir)dir);
	oracle_prov_clear();
}

dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page, size_t offset,
			      size_t size, enum dma_data_direction dir, unsigned long attrs)
{
	struct dmc_device *d = shim_dev(dev, "dma_map_page");
	dma_addr_t ret;

	(void)attrs;
	if (!d || !page)
		return DMA_MAPPING_ERROR;
	oracle_prov_push(&page->made);
	ret = dmc_dma_map_page(d, page->p, offset, size, (enum dmc_dir)dir);
	oracle_prov_clear();
	return remember_map(ret);
}

int dma_mapping_error(struct device *dev, dma_addr_t dma_addr)
{
	struct dmc_device *d = shim_dev(dev, "dma_mapping_error");

	if (d)
		return dmc_dma_mapping_error(d, dma_addr);
	return dma_addr == DMA_MAPPING_ERROR ? -ENOMEM : 0;
}

void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, unsigned long attrs)
{
	struct dmc_device *d = shim_dev(dev, "dma_unmap_page");

	(void)attrs;
	push_map_site(addr);
	if (d)
		dmc_dma_unmap_page(d, addr, size, (enum dmc_dir)dir);
	oracle_prov_clear();
}

void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir)
{
	struct dmc_device *d = shim_dev(dev, "dma_sync_single_for_cpu");

	if (d)
		dmc_dma_sync_single_for_cpu(d, addr, size, (enum dmc_dir)dir);
}

void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				enum dma_data_direction dir)
{
	struct dmc_device *d = shim_dev(dev, "dma_sync_single_for_device");

	if (d)
		dmc_dma_sync_single_for_device(d, addr, size, (enum dmc_dir)dir);
}

/* ---- scatterlists ---------------------------------------------------------------------- */

/* The lists a case mapped (head and length), to find the core's entry of any sg pointer. */
static struct { struct scatterlist *head; int nents; } sg_lists[64];
static int n_sg_lists;

static void remember_sg_list(struct scatterlist *head, int nents)
{
	int i;

	for (i = 0; i < n_sg_lists && sg_lists[i].head != head; i++)
		;
	if (i == n_sg_lists) {
		if (n_sg_lists == (int)(sizeof(sg_lists) / sizeof(sg_lists[0])))
			oracle_error("more than 64 scatterlists mapped");
		n_sg_lists++;
	}
	sg_lists[i].head = head;
	sg_lists[i].nents = nents;
}

static struct dmc_scatterlist *core_sg_entry(struct scatterlist *e)
{
	for (int i = n_sg_lists - 1; i >= 0; i--)
		if (e >= sg_lists[i].head && e < sg_lists[i].head + sg_lists[i].nents) {
			struct dmc_scatterlist *d = oracle_lookup(OK_SG, sg_lists[i].head);

			return d ? &d[e - sg_lists[i].head] : NULL;
		}
	return NULL;
}

/* sg_dma_address()/sg_dma_len() under DMACHECK_ORACLE: the core checks, the case's own
 * field is what the driver reads or writes. */
dma_addr_t *shim_sg_dma_address(struct scatterlist *sg)
{
	struct dmc_scatterlist *d = core_sg_entry(sg);

	if (d)
		(void)dmc_sg_dma_address(d);
	return &sg->dma_address;
}

unsigned int *shim_sg_dma_len(struct scatterlist *sg)
{
	struct dmc_scatterlist *d = core_sg_entry(sg);

	if (d)
		(void)dmc_sg_dma_len(d);
	return &sg->dma_length;
}

/* The core's copy of a case's list (kept for unmap), pages' provenance pushed. */
struct dmc_scatterlist *shim_sg(struct scatterlist *sg, int nents)
{
	struct dmc_scatterlist *d = oracle_lookup(OK_SG, sg);

	remember_sg_list(sg, nents);
	free(d);
	d = calloc(nents > 0 ? nents : 1, sizeof(*d));
	if (!d)
		abort();
	for (int i = 0; i < nents; i++) {
		struct page *pg = sg_page(&sg[i]);

		if (pg) {
			d[i].page = pg->p;
			oracle_prov_push(&pg->made);
		}
		d[i].offset = sg[i].offset;
		d[i].length = sg[i].length;
		d[i].end = i == nents - 1 || sg_is_last(&sg[i]);
		if (d[i].end)
			break;
	}
	oracle_bind(OK_SG, sg, d);
	return d;
}

unsigned int dma_map_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			      enum dma_data_direction dir, unsigned long attrs)
{
	struct dmc_device *d = shim_dev(dev, "dma_map_sg");
	struct dmc_scatterlist *dsg;
	int n;

	(void)attrs;
	if (!d)
		return 0;
	dsg = shim_sg(sg, nents);
	n = dmc_dma_map_sg(d, dsg, nents, (enum dmc_dir)dir);
	oracle_prov_clear();
	for (int i = 0; i < n; i++) {
		sg[i].dma_address = dsg[i].dma_address;
		sg[i].dma_length = dsg[i].dma_length;
	}
	return n > 0 ? (unsigned int)n : 0;
}

void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			enum dma_data_direction dir, unsigned long attrs)
{
	struct dmc_device *d = shim_dev(dev, "dma_unmap_sg");
	struct dmc_scatterlist *dsg = oracle_lookup(OK_SG, sg);

	(void)attrs;
	if (d && dsg)
		dmc_dma_unmap_sg(d, dsg, nents, (enum dmc_dir)dir);
	else if (d)
		oracle_error("dma_unmap_sg of a list never mapped");
}

/* kernel/dma/mapping.c: 0 or a negative errno, the count in sgt->nents */
int dma_map_sgtable(struct device *dev, struct sg_table *sgt, enum dma_data_direction dir,
		    unsigned long attrs)
{
	unsigned int n = dma_map_sg_attrs(dev, sgt->sgl, (int)sgt->orig_nents, dir, attrs);

	if (!n)
		return -EIO;
	sgt->nents = n;
	return 0;
}

/* lib/scatterlist.c */
void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
	if (nents)
		sg_mark_end(&sgl[nents - 1]);
}

/* lib/scatterlist.c sg_next(); the testsuite's lists are never chained */
struct scatterlist *sg_next(struct scatterlist *sg)
{
	return sg_is_last(sg) ? NULL : sg + 1;
}

void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg_init_table(sg, 1);
	sg_set_buf(sg, buf, buflen);
}

/* ---- coherent memory and pools --------------------------------------------------------- */

void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t flag,
		      unsigned long attrs)
{
	struct dmc_device *d = shim_dev(dev, "dma_alloc_coherent");
	dmc_dma_t h = 0;
	void *p;

	(void)attrs;
	if (!d)
		return NULL;
	p = dmc_dma_alloc_coherent(d, size, &h, shim_gfp(flag));
	*dma_handle = h;
	return p;
}

void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle,
		    unsigned long attrs)
{
	struct dmc_device *d = shim_dev(dev, "dma_free_coherent");

	(void)attrs;
	if (d)
		dmc_dma_free_coherent(d, size, cpu_addr, dma_handle);
}

struct dma_pool *dma_pool_create(const char *name, struct device *dev, size_t size,
				 size_t align, size_t allocation)
{
	struct dmc_device *d = shim_dev(dev, "dma_pool_create");

	(void)allocation;
	return d ? (struct dma_pool *)dmc_dma_pool_create(name, d, size, align) : NULL;
}

struct dma_pool *dmam_pool_create(const char *name, struct device *dev, size_t size,
				  size_t align, size_t allocation)
{
	return dma_pool_create(name, dev, size, align, allocation);
}

void dma_pool_destroy(struct dma_pool *pool)
{
	if (pool)
		dmc_dma_pool_destroy((struct dmc_dma_pool *)pool);
}

void dmam_pool_destroy(struct dma_pool *pool)
{
	dma_pool_destroy(pool);
}

void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle)
{
	dmc_dma_t h = 0;
	void *p = dmc_dma_pool_alloc((struct dmc_dma_pool *)pool, shim_gfp(mem_flags), &h);

	*handle = h;
	return p;
}

void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t addr)
{
	dmc_dma_pool_free((struct dmc_dma_pool *)pool, vaddr, addr);
}
