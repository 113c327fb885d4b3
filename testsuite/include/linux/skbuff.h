/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/skbuff.h - mirrors the parts of 6.1's include/linux/skbuff.h (and
 * include/linux/bvec.h, include/linux/netdevice.h) that a network driver's transmit and
 * receive paths use to map packets for DMA: struct sk_buff's head/data/end/len/data_len,
 * skb_shinfo() at the end of the head buffer, skb_frag_t (a struct bio_vec), skb_headlen(),
 * skb_frag_page/off/size(), skb_frag_dma_map() (the static inline over dma_map_page()),
 * dev_kfree_skb_any(), netdev_tx_t.
 * Left out: every other member of struct sk_buff (their order here is not 6.1's), the
 * reference counts, skb_end_pointer()'s NET_SKBUFF_DATA_USES_OFFSET=n variant, the frag list.
 */
#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H

#include <linux/types.h>
#include <linux/mm.h>
#include <linux/dma-mapping.h>

#define MAX_SKB_FRAGS 17

struct bio_vec {
	struct page	*bv_page;
	unsigned int	bv_len;
	unsigned int	bv_offset;
};

typedef struct bio_vec skb_frag_t;

struct skb_shared_info {
	__u8		flags;
	__u8		meta_len;
	__u8		nr_frags;
	__u8		tx_flags;
	unsigned short	gso_size;
	unsigned short	gso_segs;
	skb_frag_t	frags[MAX_SKB_FRAGS];
};

typedef unsigned int sk_buff_data_t;	/* NET_SKBUFF_DATA_USES_OFFSET on 64-bit */

struct sk_buff {
	unsigned int	len, data_len;
	__u16		queue_mapping;
	sk_buff_data_t	tail;
	sk_buff_data_t	end;
	unsigned char	*head, *data;
};

static inline unsigned char *skb_end_pointer(const struct sk_buff *skb)
{
	return skb->head + skb->end;
}

#define skb_shinfo(SKB)	((struct skb_shared_info *)(skb_end_pointer(SKB)))

static inline unsigned int skb_headlen(const struct sk_buff *skb)
{
	return skb->len - skb->data_len;
}

static inline unsigned int skb_frag_size(const skb_frag_t *frag)
{
	return frag->bv_len;
}

static inline unsigned int skb_frag_off(const skb_frag_t *frag)
{
	return frag->bv_offset;
}

static inline struct page *skb_frag_page(const skb_frag_t *frag)
{
	return frag->bv_page;
}

static inline dma_addr_t skb_frag_dma_map(struct device *dev,
					  const skb_frag_t *frag,
					  size_t offset, size_t size,
					  enum dma_data_direction dir)
{
	return dma_map_page(dev, skb_frag_page(frag),
			    skb_frag_off(frag) + offset, size, dir);
}

void dev_kfree_skb_any(struct sk_buff *skb);

enum netdev_tx {
	__NETDEV_TX_MIN	 = -2147483647 - 1,
	NETDEV_TX_OK	 = 0x00,
	NETDEV_TX_BUSY	 = 0x10,
};
typedef enum netdev_tx netdev_tx_t;

#endif /* _LINUX_SKBUFF_H */
