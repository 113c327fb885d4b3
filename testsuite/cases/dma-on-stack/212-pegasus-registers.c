/* SPDX-License-Identifier: GPL-2.0-only */
/* check-engines: gcc sparse cocci core */
/* origin: pattern before commit 'pegasus: Use heap buffers for all register access' (2017), drivers/net/usb/pegasus.c get_registers(), set_register() and a read_mii_word()-style caller, reduced (pegasus_t cut down, the netif_dbg() messages left out) */
/* what: register accessors that hand their caller's buffer, or the address of their own by-value parameter (&data), straight to usb_control_msg(): set_register() warns inside, the caller of get_registers() with a local warns at the call; a heap buffer stays silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <dmacheck-case.h>

#define PEGASUS_REQT_READ	0xc0
#define PEGASUS_REQT_WRITE	0x40
#define PEGASUS_REQ_GET_REGS	0xf0
#define PEGASUS_REQ_SET_REG	0xf1
#define EthID			0x10
#define PhyCtrl			0x1e

typedef struct pegasus {
	struct usb_device *usb;
	u8 *regbuf;
} pegasus_t;

static int get_registers(pegasus_t *pegasus, __u16 indx, __u16 size, void *data)
{
	return usb_control_msg(pegasus->usb, usb_rcvctrlpipe(pegasus->usb, 0),
			       PEGASUS_REQ_GET_REGS, PEGASUS_REQT_READ, 0,
			       indx, data, size, 1000); /* { dg-bogus "dmacheck" } */
}

static int set_register(pegasus_t *pegasus, __u16 indx, __u8 data)
{
	return usb_control_msg(pegasus->usb, usb_sndctrlpipe(pegasus->usb, 0),
			       PEGASUS_REQ_SET_REG, PEGASUS_REQT_WRITE, data,
			       indx, &data, 1, 1000); /* { dg-warning "dmacheck-dma-on-stack" } */
}

int pegasus_read_node_id(pegasus_t *pegasus, u8 *id)
{
	__u8 node_id[6];
	int ret;

	ret = get_registers(pegasus, EthID, sizeof(node_id), node_id); /* { dg-warning "dmacheck-dma-on-stack" } */
	if (ret >= 0)
		memcpy(id, node_id, 6);
	return ret;
}

int pegasus_read_node_id_heap(pegasus_t *pegasus, u8 *id)
{
	int ret;

	ret = get_registers(pegasus, EthID, 6, pegasus->regbuf); /* { dg-bogus "dmacheck" } */
	if (ret >= 0)
		memcpy(id, pegasus->regbuf, 6);
	return ret;
}

int pegasus_phy_reset(pegasus_t *pegasus)
{
	return set_register(pegasus, PhyCtrl, 0x80); /* { dg-bogus "dmacheck" } */
}

/* oracle: bind reads the node id (stack and heap) and resets the PHY */
void case_run(struct case_env *env)
{
	pegasus_t *pegasus = kzalloc(sizeof(*pegasus), GFP_KERNEL);
	u8 id[6];

	pegasus->usb = env->udev;
	pegasus->regbuf = kmalloc(6, GFP_KERNEL);
	pegasus_read_node_id(pegasus, id);
	pegasus_read_node_id_heap(pegasus, id);
	pegasus_phy_reset(pegasus);
}
