/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from crypto/testmgr.c (6.1) alg_test(), alg_test_comp() and alg_test_descs[] (built in: cryptomgr.o), in the pattern before commit 'crypto: testmgr - Use heap buffer for acomp test input' (v4.10, 2017) as in dma-map-rodata/003; the offloading driver is synthetic; built in: KBUILD_MODNAME without MODULE */
/* what: the path the kernel really takes to the vectors of 003: a pointer member of the static const alg_test_descs[] table, loaded by alg_test_comp() and reached through the table's .test function pointer; the core reports the sg entry on the vectors, the compiler engines lose them at the load from the table */
/* known-to-fail: gcc a pointer loaded from a static const table is not followed to the object its initializer names (the front ends classify an object's address, never a value read from its initializer); the real call also goes through alg_test_descs[i].test, a function pointer */
/* known-to-fail: sparse a pointer loaded from a static const table is not followed to the object its initializer names (the front ends classify an object's address, never a value read from its initializer); the real call also goes through alg_test_descs[i].test, a function pointer */
#define KBUILD_MODNAME "cryptomgr"
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define COMP_BUF_SIZE	512

struct comp_testvec {
	int inlen, outlen;
	char input[COMP_BUF_SIZE];
	char output[COMP_BUF_SIZE];
};

static const struct comp_testvec lzo_comp_tv_template[] = {
	{
		.inlen	= 70,
		.outlen	= 57,
		.input	= "Join us now and share the software "
			  "Join us now and share the software ",
	},
};

struct crypto_acomp {
	struct device *dev;
};

struct alg_test_desc {
	const char *alg;
	int (*test)(const struct alg_test_desc *desc, struct crypto_acomp *acomp);
	struct {
		struct {
			const struct comp_testvec *vecs;
			unsigned int count;
		} comp;
	} suite;
};

/* synthetic: the hardware compressor maps the source list for the device */
static int zip_map_src(struct crypto_acomp *tfm, struct scatterlist *src)
{
	int n;

	n = dma_map_sg(tfm->dev, src, 1, DMA_TO_DEVICE);
	if (n <= 0)
		return -ENOMEM;
	dma_unmap_sg(tfm->dev, src, 1, DMA_TO_DEVICE);
	return 0;
}

static int test_acomp(struct crypto_acomp *tfm, const struct comp_testvec *ctemplate,
		      int ctcount)
{
	struct scatterlist src;
	int i, ret = 0;

	for (i = 0; i < ctcount && !ret; i++) {
		sg_init_one(&src, ctemplate[i].input, ctemplate[i].inlen);
		ret = zip_map_src(tfm, &src);
	}
	return ret;
}

static int alg_test_comp(const struct alg_test_desc *desc, struct crypto_acomp *acomp)
{
	return test_acomp(acomp, desc->suite.comp.vecs, desc->suite.comp.count); /* { dg-warning "dmacheck-dma-map-rodata" } */
}

static const struct alg_test_desc alg_test_descs[] = {
	{
		.alg = "lzo",
		.test = alg_test_comp,
		.suite = {
			.comp = { lzo_comp_tv_template, ARRAY_SIZE(lzo_comp_tv_template) },
		},
	},
};

/* alg_test(): the descriptor found by name, its test called through the pointer */
int alg_test(struct crypto_acomp *acomp, const char *alg)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(alg_test_descs); i++)
		if (!strcmp(alg_test_descs[i].alg, alg)) /* { dg-bogus "dmacheck" } */
			return alg_test_descs[i].test(&alg_test_descs[i], acomp);
	return 0;
}

/* oracle: the lzo self-test once, on the platform device */
void case_run(struct case_env *env)
{
	struct crypto_acomp *acomp = kzalloc(sizeof(*acomp), GFP_KERNEL);

	acomp->dev = &env->pdev->dev;
	alg_test(acomp, "lzo");
	kfree(acomp);
}
