/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/scsi/aacraid/commctrl.c (6.1 and 6.12) aac_send_raw_srb(), the native-device branch (line 691); found by the 6.12 lifecycle scan, where gcc reports the line and sparse does not (docs/findings-6.12.md) */
/* what: a handle kept in a u64 local and written to a u32 member through cpu_to_le32(): with the kernel's __CHECKER__ headers the value is a bitwise (__le32) type converted again to the plain u32 member, and dmacheck-sparse lost the handle there (sparse drops an assignment whose types it finds incompatible: its analysis now parses with bitwise types off); the same store into a __le32 member, or without cpu_to_le32(), warns on both front ends */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

/* the kernel's bitwise types as sparse sees them under __CHECKER__ (the testsuite's
 * <linux/types.h> leaves __bitwise empty) */
#ifdef __CHECKER__
#define case_bitwise	__attribute__((bitwise))
#define case_force	__attribute__((force))
#else
#define case_bitwise
#define case_force
#endif
typedef u32 case_bitwise case_le32;
#define case_cpu_to_le32(x) ((case_force case_le32)(u32)(x))

/* struct aac_hba_sgl: plain u32 members, filled with cpu_to_le32() */
struct hba_sgl {
	u32 addr_lo;
	u32 addr_hi;
	u32 len;
	u32 flags;
};

struct hba_cmd {
	struct hba_sgl sge[4];
	u32 data_length;
};

/* aac_send_raw_srb(), native branch: each user buffer bounced through kmalloc() and mapped */
int raw_srb_native(struct device *dev, struct hba_cmd *hbacmd, void **sg_list,
		   const u32 *sg_count, int count)
{
	u32 byte_count = 0;
	int i;

	for (i = 0; i < count; i++) {
		void *p;
		u64 addr;

		p = kmalloc(sg_count[i], GFP_KERNEL);
		if (!p)
			return -ENOMEM;
		sg_list[i] = p;
		addr = dma_map_single(dev, p, sg_count[i], DMA_BIDIRECTIONAL); /* { dg-warning "dmacheck-dma-mapping-error-unchecked" } */
		hbacmd->sge[i].addr_hi = case_cpu_to_le32((u32)(addr >> 32));
		hbacmd->sge[i].addr_lo = case_cpu_to_le32((u32)(addr & 0xffffffff));
		hbacmd->sge[i].len = case_cpu_to_le32(sg_count[i]);
		byte_count += sg_count[i];
	}
	hbacmd->data_length = case_cpu_to_le32(byte_count);
	return 0;
}

/* the same with the test: silent on every engine */
int raw_srb_native_checked(struct device *dev, struct hba_cmd *hbacmd, void *p, u32 len)
{
	u64 addr;

	addr = dma_map_single(dev, p, len, DMA_BIDIRECTIONAL); /* { dg-bogus "dmacheck" } */
	if (dma_mapping_error(dev, addr))
		return -ENOMEM;
	hbacmd->sge[0].addr_lo = case_cpu_to_le32(addr); /* { dg-bogus "dmacheck" } */
	hbacmd->sge[0].len = case_cpu_to_le32(len);
	return 0;
}

/* the completion unmaps each entry from the handle the command holds (aac_send_raw_srb()'s
 * cleanup: DMA-API debug's "failed to check map error" is reported there for the first) */
void case_run(struct case_env *env)
{
	struct device *dev = &env->pdev->dev;
	struct hba_cmd *hbacmd = kzalloc(sizeof(*hbacmd), GFP_KERNEL);
	u32 sg_count[2] = { 64, 128 };
	void *sg_list[2] = { NULL, NULL };
	void *p = kmalloc(32, GFP_KERNEL);
	dma_addr_t addr;
	int i;

	if (raw_srb_native(dev, hbacmd, sg_list, sg_count, 2) == 0) {
		for (i = 0; i < 2; i++) {
			addr = ((u64)hbacmd->sge[i].addr_hi << 32) | hbacmd->sge[i].addr_lo;
			dma_unmap_single(dev, addr, sg_count[i], DMA_BIDIRECTIONAL);
			kfree(sg_list[i]);
		}
	}
	if (raw_srb_native_checked(dev, hbacmd, p, 32) == 0) {
		addr = hbacmd->sge[0].addr_lo;
		dma_unmap_single(dev, addr, 32, DMA_BIDIRECTIONAL);
	}
	kfree(p);
	kfree(hbacmd);
}
