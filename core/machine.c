// SPDX-License-Identifier: GPL-2.0
/*
 * machine.c - the one model machine: its configuration, start and tear-down.
 *
 * dmc_machine_init() is the model's boot: it drops every region, mapping, device accounting
 * and event of the previous machine. Tests boot one machine per case.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void *dmc_grow(void *arr, size_t *cap, size_t n, size_t elem)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? 2 * *cap : 32;
	arr = realloc(arr, *cap * elem);
	if (!arr)
		abort();
	return arr;
}

static struct dmc_machine_config machine_cfg;
static bool machine_up;

void dmc_machine_default(struct dmc_machine_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->arch = DMC_ARCH_X86_64;
	cfg->vmap_stack = true;		/* default on x86_64 and arm64 since 4.9/4.14 */
	cfg->dma_debug = true;
	cfg->swiotlb = true;		/* x86_64 with more than 4G of RAM sets it up */
	cfg->ram_above_4g = true;
}

const struct dmc_machine_config *dmc_machine(void)
{
	return &machine_cfg;
}

int dmc_machine_init(const struct dmc_machine_config *cfg)
{
	if (machine_up)
		dmc_machine_exit();
	if (cfg) {
		if ((unsigned int)cfg->arch > DMC_ARCH_X86_32 ||
		    (unsigned int)cfg->kernel > DMC_KERNEL_6_12)
			return -DMC_EINVAL;
		machine_cfg = *cfg;
	} else {
		dmc_machine_default(&machine_cfg);
	}
	if (machine_cfg.arch == DMC_ARCH_X86_32)
		machine_cfg.ram_above_4g = false;
	dmc_events_clear();
	dmc_mem_init();
	dmc_ledger_init();
	dmc_devices_init();
	dmc_dma_state_init();
	dmc_usb_state_reset();
	machine_up = true;
	return 0;
}

void dmc_machine_exit(void)
{
	dmc_dma_state_exit();
	dmc_usb_state_reset();
	dmc_ledger_exit();
	dmc_mem_exit();
	dmc_events_clear();
	machine_up = false;
}
