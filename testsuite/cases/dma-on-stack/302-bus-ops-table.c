/* SPDX-License-Identifier: GPL-2.0 */
/* check-engines: gcc sparse core */
/* origin: synthetic, shaped after drivers that reach their registers through per-bus ops tables (drivers/net/wireless/realtek/rtw88 hci ops, drivers/net/wireless/mediatek/mt76 bus ops, drivers/bluetooth/btmtk, 6.1): the USB table's read does a control transfer on the caller's buffer; the stack word handed to it through the table is the bug put in */
/* what: a stack word passed through dev->ops->read, whose only initializer in the file is the USB read that hands the buffer to usb_control_msg(), warns at the indirect call (as it does at a direct call); the driver's kmalloc()ed buffer through the same member, and a stack word through a member whose function copies it into kmalloc() memory first, stay silent */
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <dmacheck-case.h>

struct vnd_hw;

struct vnd_hci_ops {
	int (*read)(struct vnd_hw *hw, u16 reg, void *buf, u16 len);
	int (*write)(struct vnd_hw *hw, u16 reg, const void *buf, u16 len);
};

struct vnd_hw {
	struct usb_device *udev;
	const struct vnd_hci_ops *ops;
	__le32 *reg_buf;		/* kmalloc()ed in probe */
};

static int vnd_usb_read(struct vnd_hw *hw, u16 reg, void *buf, u16 len)
{
	return usb_control_msg(hw->udev, usb_rcvctrlpipe(hw->udev, 0), 0x05,
			       USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE, 0, reg, buf, len,
			       USB_CTRL_GET_TIMEOUT); /* { dg-bogus "dmacheck" } */
}

static int vnd_usb_write(struct vnd_hw *hw, u16 reg, const void *buf, u16 len)
{
	void *dmabuf = kmemdup(buf, len, GFP_KERNEL);
	int ret;

	if (!dmabuf)
		return -ENOMEM;
	ret = usb_control_msg(hw->udev, usb_sndctrlpipe(hw->udev, 0), 0x06,
			      USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE, 0, reg, dmabuf, len,
			      USB_CTRL_SET_TIMEOUT);
	kfree(dmabuf);
	return ret;
}

static const struct vnd_hci_ops vnd_usb_ops = {
	.read = vnd_usb_read,
	.write = vnd_usb_write,
};

static u32 vnd_read32(struct vnd_hw *hw, u16 reg)
{
	__le32 val = 0;

	hw->ops->read(hw, reg, &val, sizeof(val)); /* { dg-warning "dmacheck-dma-on-stack" } */
	return le32_to_cpu(val);
}

static u32 vnd_read32_heap(struct vnd_hw *hw, u16 reg)
{
	hw->ops->read(hw, reg, hw->reg_buf, sizeof(*hw->reg_buf)); /* { dg-bogus "dmacheck" } */
	return le32_to_cpu(*hw->reg_buf);
}

static int vnd_write32(struct vnd_hw *hw, u16 reg, u32 v)
{
	__le32 val = cpu_to_le32(v);

	return hw->ops->write(hw, reg, &val, sizeof(val)); /* { dg-bogus "dmacheck" } */
}

int vnd_probe(struct vnd_hw *hw)
{
	u32 id;

	hw->ops = &vnd_usb_ops;
	hw->reg_buf = kmalloc(sizeof(*hw->reg_buf), GFP_KERNEL);
	if (!hw->reg_buf)
		return -ENOMEM;
	id = vnd_read32(hw, 0x0000) ^ vnd_read32_heap(hw, 0x0004);
	return vnd_write32(hw, 0x0008, id);
}

/* oracle: probe, which reads the chip id both ways and writes it back */
void case_run(struct case_env *env)
{
	struct vnd_hw *hw = kzalloc(sizeof(*hw), GFP_KERNEL);

	hw->udev = env->udev;
	vnd_probe(hw);
}
