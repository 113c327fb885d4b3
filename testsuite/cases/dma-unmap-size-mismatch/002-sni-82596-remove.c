/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from drivers/net/ethernet/i825xx/sni_82596.c (6.1) sni_82596_probe() and sni_82596_driver_remove() (a 6.1 finding) */
/* what: the coherent block allocated with sizeof(struct i596_dma) and freed on remove with sizeof(struct i596_private), the size of the driver's private struct: a finding; the probe's error path frees it with the right size */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

struct i596_dma {
	u8 scp[64];
	u8 iscp[32];
	u8 scb[64];
	u8 cmd[256];
	u8 rfds[2048];
	u8 rbds[1024];
};

struct i596_private {
	struct i596_dma *dma;
	u32 stat;
	int last_restart;
	void *ca;
	void *mpu_port;
	dma_addr_t dma_addr;
};

int sni_82596_probe(struct device *dev, struct i596_private *lp, int fail)
{
	lp->dma = dma_alloc_coherent(dev, sizeof(struct i596_dma), &lp->dma_addr, GFP_KERNEL);
	if (!lp->dma)
		return -ENOMEM;
	if (fail) {
		dma_free_coherent(dev, sizeof(struct i596_dma), lp->dma, lp->dma_addr); /* { dg-bogus "dmacheck" } */
		return -ENODEV;
	}
	return 0;
}

void sni_82596_driver_remove(struct device *dev, struct i596_private *lp)
{
	dma_free_coherent(dev, sizeof(struct i596_private), lp->dma, lp->dma_addr); /* { dg-warning "dmacheck-dma-unmap-size-mismatch" } */
}

/* oracle: a probe that fails after the allocation, then one that succeeds and is removed */
void case_run(struct case_env *env)
{
	struct i596_private *lp = kzalloc(sizeof(*lp), GFP_KERNEL);

	sni_82596_probe(&env->pdev->dev, lp, 1);
	if (!sni_82596_probe(&env->pdev->dev, lp, 0))
		sni_82596_driver_remove(&env->pdev->dev, lp);
	kfree(lp);
}
