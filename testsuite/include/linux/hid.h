/* SPDX-License-Identifier: GPL-2.0 */
/*
 * testsuite/include/linux/hid.h - mirrors 6.1's include/linux/hid.h and the enums of
 * include/uapi/linux/hid.h: enum hid_report_type, enum hid_class_request (same values),
 * struct hid_device with `struct device dev` and the IDs, hid_get_drvdata()/hid_set_drvdata()
 * as the same static inlines, and the raw-request prototypes (extern in 6.1).
 * Left out: report parsing (hid_report, hid_field, usages), hid_driver, hid_ll_driver's
 * hooks, the input and hidraw glue.
 */
#ifndef __HID_H
#define __HID_H

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/device.h>

/*
 * HID report types --- Ouch! HID spec says 1 2 3!
 */

enum hid_report_type {
	HID_INPUT_REPORT		= 0,
	HID_OUTPUT_REPORT		= 1,
	HID_FEATURE_REPORT		= 2,

	HID_REPORT_TYPES,
};

/*
 * HID class requests
 */

enum hid_class_request {
	HID_REQ_GET_REPORT		= 0x01,
	HID_REQ_GET_IDLE		= 0x02,
	HID_REQ_GET_PROTOCOL		= 0x03,
	HID_REQ_SET_REPORT		= 0x09,
	HID_REQ_SET_IDLE		= 0x0A,
	HID_REQ_SET_PROTOCOL		= 0x0B,
};

struct hid_ll_driver;

struct hid_device {							/* device report descriptor */
	__u8 *dev_rdesc;
	unsigned dev_rsize;
	__u8 *rdesc;
	unsigned rsize;
	__u16 bus;							/* BUS ID */
	__u16 group;							/* Report group */
	__u32 vendor;							/* Vendor ID */
	__u32 product;							/* Product ID */
	__u32 version;							/* HID version */
	unsigned country;						/* HID country */
	struct device dev;						/* device */
	struct hid_ll_driver *ll_driver;
};

static inline void *hid_get_drvdata(struct hid_device *hdev)
{
	return dev_get_drvdata(&hdev->dev);
}

static inline void hid_set_drvdata(struct hid_device *hdev, void *data)
{
	dev_set_drvdata(&hdev->dev, data);
}

int hid_hw_raw_request(struct hid_device *hdev,
		       unsigned char reportnum, __u8 *buf,
		       size_t len, enum hid_report_type rtype,
		       enum hid_class_request reqtype);
int hid_hw_output_report(struct hid_device *hdev, __u8 *buf, size_t len);

#define hid_err(hid, fmt, ...)				\
	dev_err(&(hid)->dev, fmt, ##__VA_ARGS__)
#define hid_warn(hid, fmt, ...)				\
	dev_warn(&(hid)->dev, fmt, ##__VA_ARGS__)

#endif
