/* SPDX-License-Identifier: GPL-2.0-or-later */
/* check-engines: gcc cocci sparse core */
/* origin: reduced from drivers/hid/hid-playstation.c (6.1) dualsense_output_worker(), dualsense_init_output_report(), dualsense_send_output_report(); the last function is synthetic */
/* what: a local struct that only describes the report (its data member points to the driver's heap buffer) is passed by address to a helper that hands report->data to hid_hw_output_report(): silent; a helper that hands on its parameter itself warns */
#include <linux/hid.h>
#include <linux/string.h>
#include <dmacheck-case.h>

struct dualsense_output_report {
	u8 *data;	/* start of data */
	u8 len;		/* size of output report */
};

struct dualsense {
	struct hid_device *hdev;
	u8 *output_report_dmabuf;
	u8 lightbar[3];
};

static void dualsense_init_output_report(struct dualsense *ds, struct dualsense_output_report *rp,
					 void *buf)
{
	memset(buf, 0, 48);
	rp->data = buf;
	rp->len = 48;
}

static void dualsense_send_output_report(struct dualsense *ds,
					 struct dualsense_output_report *report)
{
	hid_hw_output_report(ds->hdev, report->data, report->len); /* { dg-bogus "dmacheck" } */
}

void dualsense_output_worker(struct dualsense *ds)
{
	struct dualsense_output_report report;

	dualsense_init_output_report(ds, &report, ds->output_report_dmabuf); /* { dg-bogus "dmacheck" } */
	report.data[1] = ds->lightbar[0];
	dualsense_send_output_report(ds, &report); /* { dg-bogus "dmacheck" } */
}

static void send_raw(struct dualsense *ds, void *buf, u8 len)
{
	hid_hw_output_report(ds->hdev, buf, len); /* { dg-bogus "dmacheck" } */
}

void dualsense_send_lightbar(struct dualsense *ds)
{
	u8 msg[4] = { 0x31, 0, 0, 0 };

	memcpy(&msg[1], ds->lightbar, 3);
	send_raw(ds, msg, sizeof(msg)); /* { dg-warning "dmacheck-dma-on-stack" } */
}

/* oracle: a DualSense on the harness' interface (output reports go to interrupt OUT 0x03),
 * with its kzalloc()ed output report buffer as dualsense_probe() makes it: the output worker
 * runs once, then the lightbar is sent from the stack */
void case_run(struct case_env *env)
{
	struct dualsense *ds = kzalloc(sizeof(*ds), GFP_KERNEL);

	ds->hdev = kzalloc(sizeof(*ds->hdev), GFP_KERNEL);
	ds->hdev->dev.parent = &env->intf->dev;
	ds->output_report_dmabuf = kzalloc(48, GFP_KERNEL);
	ds->lightbar[0] = 0xff;
	ds->lightbar[1] = 0x40;
	ds->lightbar[2] = 0x00;

	dualsense_output_worker(ds);
	dualsense_send_lightbar(ds);

	kfree(ds->output_report_dmabuf);
	kfree(ds->hdev);
	kfree(ds);
}
