/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: reduced from crypto/testmgr.c (6.1) test_acomp() and alg_test_comp(), built in (cryptomgr.o; CONFIG_CRYPTO_MANAGER=y in Debian's 6.1 config), and the test vectors of crypto/testmgr.h; test_acomp_before() is the pattern before commit 'crypto: testmgr - Use heap buffer for acomp test input' (v4.10, 2017: sg_init_one() on the vectors, which are part of the kernel image, hit CONFIG_DEBUG_SG's virt_addr_valid() BUG on arm64; the fix kmemdup()s each input); the offloading driver (zip_compress(), after drivers/crypto/hisilicon/zip's dma_map_sg() of req->src/req->dst) and the direct calls in place of crypto_acomp_compress()'s ops and alg_test_descs[]' function pointers are synthetic; built in: KBUILD_MODNAME without MODULE */
/* what: in a built-in file, a static const test vector's member array reaching sg_init_one() through a same-file helper warns at the helper's call; the kmemdup()ed copy, the kmalloc()ed output and the vectors compared by the CPU stay silent */
#define KBUILD_MODNAME "cryptomgr"
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/scatterlist.h>
#include <linux/dma-mapping.h>
#include <dmacheck-case.h>

#define COMP_BUF_SIZE	512

/* crypto/testmgr.h */
struct comp_testvec {
	int inlen, outlen;
	char input[COMP_BUF_SIZE];
	char output[COMP_BUF_SIZE];
};

static const struct comp_testvec deflate_comp_tv_template[] = {
	{
		.inlen	= 70,
		.outlen	= 38,
		.input	= "Join us now and share the software "
			  "Join us now and share the software ",
		.output	= "\xf3\xca\xcf\xcc\x53\x28\x2d\x56"
			  "\xc8\xcb\x2f\x57\x48\xcc\x4b\x51",
	},
};

static const struct comp_testvec deflate_decomp_tv_template[] = {
	{
		.inlen	= 38,
		.outlen	= 70,
		.input	= "\xf3\xca\xcf\xcc\x53\x28\x2d\x56"
			  "\xc8\xcb\x2f\x57\x48\xcc\x4b\x51",
		.output	= "Join us now and share the software "
			  "Join us now and share the software ",
	},
};

/* <crypto/acompress.h>, reduced: the transform carries the offloading device */
struct crypto_acomp {
	struct device *dev;
};

struct acomp_req {
	struct crypto_acomp *tfm;
	struct scatterlist *src;
	struct scatterlist *dst;
	unsigned int slen;
	unsigned int dlen;
};

/* synthetic: a hardware compressor maps both lists for the device (nothing is compressed
 * here: the case is about the mappings) */
static int zip_compress(struct acomp_req *req)
{
	struct device *dev = req->tfm->dev;
	int n;

	n = dma_map_sg(dev, req->src, 1, DMA_TO_DEVICE);
	if (n <= 0)
		return -ENOMEM;
	n = dma_map_sg(dev, req->dst, 1, DMA_FROM_DEVICE);
	if (n <= 0) {
		dma_unmap_sg(dev, req->src, 1, DMA_TO_DEVICE);
		return -ENOMEM;
	}
	dma_unmap_sg(dev, req->dst, 1, DMA_FROM_DEVICE);
	dma_unmap_sg(dev, req->src, 1, DMA_TO_DEVICE);
	req->dlen = req->slen;
	return 0;
}

/* the pattern before the fix: the vectors themselves */
static int test_acomp_before(struct crypto_acomp *tfm,
			     const struct comp_testvec *ctemplate,
			     const struct comp_testvec *dtemplate,
			     int ctcount, int dtcount)
{
	struct scatterlist src, dst;
	struct acomp_req req = { .tfm = tfm };
	char *output;
	int i, ret = 0;

	output = kmalloc(COMP_BUF_SIZE, GFP_KERNEL);
	if (!output)
		return -ENOMEM;

	for (i = 0; i < ctcount; i++) {
		unsigned int dlen = COMP_BUF_SIZE;
		int ilen = ctemplate[i].inlen;

		memset(output, 0, dlen);
		sg_init_one(&src, ctemplate[i].input, ilen);
		sg_init_one(&dst, output, dlen);
		req.src = &src;
		req.dst = &dst;
		req.slen = ilen;
		req.dlen = dlen;
		ret = zip_compress(&req);
		if (ret)
			goto out;
	}

	for (i = 0; i < dtcount; i++) {
		unsigned int dlen = COMP_BUF_SIZE;
		int ilen = dtemplate[i].inlen;

		memset(output, 0, dlen);
		sg_init_one(&src, dtemplate[i].input, ilen);
		sg_init_one(&dst, output, dlen);
		req.src = &src;
		req.dst = &dst;
		req.slen = ilen;
		req.dlen = dlen;
		ret = zip_compress(&req);
		if (ret)
			goto out;
	}
out:
	kfree(output);
	return ret;
}

/* 6.1: each input copied to the heap first */
static int test_acomp(struct crypto_acomp *tfm,
		      const struct comp_testvec *ctemplate,
		      const struct comp_testvec *dtemplate,
		      int ctcount, int dtcount)
{
	struct scatterlist src, dst;
	struct acomp_req req = { .tfm = tfm };
	char *output, *decomp_out;
	int i, bad = 0, ret = 0;

	output = kmalloc(COMP_BUF_SIZE, GFP_KERNEL);
	if (!output)
		return -ENOMEM;
	decomp_out = kmalloc(COMP_BUF_SIZE, GFP_KERNEL);
	if (!decomp_out) {
		kfree(output);
		return -ENOMEM;
	}

	for (i = 0; i < ctcount; i++) {
		unsigned int dlen = COMP_BUF_SIZE;
		int ilen = ctemplate[i].inlen;
		void *input_vec;

		input_vec = kmemdup(ctemplate[i].input, ilen, GFP_KERNEL); /* { dg-bogus "dmacheck" } */
		if (!input_vec) {
			ret = -ENOMEM;
			goto out;
		}

		memset(output, 0, dlen);
		sg_init_one(&src, input_vec, ilen); /* { dg-bogus "dmacheck" } */
		sg_init_one(&dst, output, dlen); /* { dg-bogus "dmacheck" } */
		req.src = &src;
		req.dst = &dst;
		req.slen = ilen;
		req.dlen = dlen;
		ret = zip_compress(&req);
		if (ret) {
			kfree(input_vec);
			goto out;
		}

		ilen = req.dlen;
		dlen = COMP_BUF_SIZE;
		sg_init_one(&src, output, ilen); /* { dg-bogus "dmacheck" } */
		sg_init_one(&dst, decomp_out, dlen); /* { dg-bogus "dmacheck" } */
		req.slen = ilen;
		req.dlen = dlen;
		ret = zip_compress(&req);
		if (ret) {
			kfree(input_vec);
			goto out;
		}
		if (memcmp(input_vec, decomp_out, req.dlen)) /* { dg-bogus "dmacheck" } */
			bad++;
		kfree(input_vec);
	}

	for (i = 0; i < dtcount; i++) {
		unsigned int dlen = COMP_BUF_SIZE;
		int ilen = dtemplate[i].inlen;
		void *input_vec;

		input_vec = kmemdup(dtemplate[i].input, ilen, GFP_KERNEL);
		if (!input_vec) {
			ret = -ENOMEM;
			goto out;
		}

		memset(output, 0, dlen);
		sg_init_one(&src, input_vec, ilen); /* { dg-bogus "dmacheck" } */
		sg_init_one(&dst, output, dlen);
		req.src = &src;
		req.dst = &dst;
		req.slen = ilen;
		req.dlen = dlen;
		ret = zip_compress(&req);
		kfree(input_vec);
		if (ret)
			goto out;
		if (memcmp(output, dtemplate[i].output, req.dlen)) /* { dg-bogus "dmacheck" } */
			bad++;
	}
out:
	kfree(decomp_out);
	kfree(output);
	return ret ? ret : bad ? -EINVAL : 0;
}

/* alg_test_comp(), with the suite's vectors named directly */
int alg_test_comp_before(struct crypto_acomp *acomp)
{
	return test_acomp_before(acomp, deflate_comp_tv_template,
				 deflate_decomp_tv_template,
				 ARRAY_SIZE(deflate_comp_tv_template),
				 ARRAY_SIZE(deflate_decomp_tv_template)); /* { dg-warning "dmacheck-dma-map-rodata" } */
}

int alg_test_comp(struct crypto_acomp *acomp)
{
	return test_acomp(acomp, deflate_comp_tv_template, deflate_decomp_tv_template,
			  ARRAY_SIZE(deflate_comp_tv_template),
			  ARRAY_SIZE(deflate_decomp_tv_template)); /* { dg-bogus "dmacheck" } */
}

/* oracle: both self-tests once, on the platform device */
void case_run(struct case_env *env)
{
	struct crypto_acomp *acomp = kzalloc(sizeof(*acomp), GFP_KERNEL);

	acomp->dev = &env->pdev->dev;
	alg_test_comp_before(acomp);
	alg_test_comp(acomp);
	kfree(acomp);
}
