/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/scatterlist.h - mirrors 6.1's include/linux/scatterlist.h for
 * x86_64 (CONFIG_NEED_SG_DMA_LENGTH=y): struct scatterlist and sg_table, the page_link
 * encoding, sg_assign_page()/sg_set_page()/sg_page()/sg_set_buf() as the same static
 * inlines, sg_init_table()/sg_init_one() extern.
 * Left out: CONFIG_DEBUG_SG checks, chaining helpers beyond the flags, sg_alloc_table and the
 * page iterators, CONFIG_PCI_P2PDMA's dma_flags.
 */
#ifndef _LINUX_SCATTERLIST_H
#define _LINUX_SCATTERLIST_H

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/mm.h>

struct scatterlist {
	unsigned long	page_link;
	unsigned int	offset;
	unsigned int	length;
	dma_addr_t	dma_address;
	unsigned int	dma_length;
};

#ifdef DMACHECK_ORACLE
/* the oracle's core sees what the driver reads back to program the device (a list whose
 * dma_map_sg() returned 0 is dma-map-sg-unchecked); still lvalues, as in the kernel */
dma_addr_t *shim_sg_dma_address(struct scatterlist *sg);
unsigned int *shim_sg_dma_len(struct scatterlist *sg);
#define sg_dma_address(sg)	(*shim_sg_dma_address(sg))
#define sg_dma_len(sg)		(*shim_sg_dma_len(sg))
#else
#define sg_dma_address(sg)	((sg)->dma_address)
#define sg_dma_len(sg)		((sg)->dma_length)
#endif

struct sg_table {
	struct scatterlist *sgl;	/* the list */
	unsigned int nents;		/* number of mapped entries */
	unsigned int orig_nents;	/* original size of list */
};

#define SG_CHAIN	0x01UL
#define SG_END		0x02UL
#define SG_PAGE_LINK_MASK (SG_CHAIN | SG_END)

static inline unsigned int __sg_flags(struct scatterlist *sg)
{
	return sg->page_link & SG_PAGE_LINK_MASK;
}

static inline bool sg_is_last(struct scatterlist *sg)
{
	return __sg_flags(sg) & SG_END;
}

static inline void sg_assign_page(struct scatterlist *sg, struct page *page)
{
	unsigned long page_link = sg->page_link & (SG_CHAIN | SG_END);

	/*
	 * In order for the low bit stealing approach to work, pages
	 * must be aligned at a 32-bit boundary as a minimum.
	 */
	BUG_ON((unsigned long)page & SG_PAGE_LINK_MASK);
	sg->page_link = page_link | (unsigned long) page;
}

static inline void sg_set_page(struct scatterlist *sg, struct page *page,
			       unsigned int len, unsigned int offset)
{
	sg_assign_page(sg, page);
	sg->offset = offset;
	sg->length = len;
}

static inline struct page *sg_page(struct scatterlist *sg)
{
	return (struct page *)((sg)->page_link & ~SG_PAGE_LINK_MASK);
}

static inline void sg_set_buf(struct scatterlist *sg, const void *buf,
			      unsigned int buflen)
{
	sg_set_page(sg, virt_to_page(buf), buflen, offset_in_page(buf));
}

static inline void sg_mark_end(struct scatterlist *sg)
{
	/*
	 * Set termination bit, clear potential chain bit
	 */
	sg->page_link |= SG_END;
	sg->page_link &= ~SG_CHAIN;
}

static inline void *sg_virt(struct scatterlist *sg)
{
	return (char *)page_address(sg_page(sg)) + sg->offset;
}

void sg_init_table(struct scatterlist *, unsigned int);
struct scatterlist *sg_next(struct scatterlist *);

#define for_each_sg(sglist, sg, nr, __i)	\
	for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))
void sg_init_one(struct scatterlist *, const void *, unsigned int);

#endif /* _LINUX_SCATTERLIST_H */
