// SPDX-License-Identifier: GPL-2.0
/*
 * testsuite/oracle/main.c - the oracle binary's main: one child process per host controller
 * model, each running harness_run_model() (harness.c) on a fresh model machine.
 *
 *	<case-binary> [MODEL...]      models by dmc_hcd_model_name(); default: all of them
 *
 * DMACHECK_CORE_KERNEL=6.1|6.12 in the environment picks the kernel the core follows where the
 * two differ (docs/core.md "Linux 6.12"; default 6.1).
 * Output records are described in harness.c. Exit: 0 every model ran to the end, 1 a child
 * crashed or failed (its "D" record says how), 2 unknown model or kernel.
 */
#include "oracle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int model_by_name(const char *name)
{
	for (int i = 0; i < DMC_HCD_MODEL_COUNT; i++)
		if (!strcmp(dmc_hcd_model_name(i), name))
			return i;
	return -1;
}

enum dmc_kernel harness_kernel = DMC_KERNEL_6_1;

int main(int argc, char **argv)
{
	int models[DMC_HCD_MODEL_COUNT], n = 0, failed = 0;
	const char *kernel = getenv("DMACHECK_CORE_KERNEL");

	if (kernel && !strcmp(kernel, "6.12")) {
		harness_kernel = DMC_KERNEL_6_12;
	} else if (kernel && *kernel && strcmp(kernel, "6.1")) {
		fprintf(stderr, "harness: DMACHECK_CORE_KERNEL must be 6.1 or 6.12, not '%s'\n",
			kernel);
		return 2;
	}

	for (int i = 1; i < argc; i++) {
		int m = model_by_name(argv[i]);

		if (m < 0 || n == DMC_HCD_MODEL_COUNT) {
			fprintf(stderr, "harness: unknown HCD model '%s' (models:", argv[i]);
			for (int j = 0; j < DMC_HCD_MODEL_COUNT; j++)
				fprintf(stderr, " %s", dmc_hcd_model_name(j));
			fprintf(stderr, ")\n");
			return 2;
		}
		models[n++] = m;
	}
	if (!n)
		for (n = 0; n < DMC_HCD_MODEL_COUNT; n++)
			models[n] = n;
	for (int i = 0; i < n; i++) {
		pid_t pid;
		int status;

		fflush(stdout);	/* or the child would print the parent's buffered records again */
		pid = fork();

		if (pid < 0) {
			perror("harness: fork");
			return 1;
		}
		if (pid == 0)
			exit(harness_run_model(models[i]));
		waitpid(pid, &status, 0);
		if (WIFSIGNALED(status)) {
			printf("D %s killed by signal %d\n", dmc_hcd_model_name(models[i]),
			       WTERMSIG(status));
			failed = 1;
		} else if (WEXITSTATUS(status)) {
			printf("D %s exit %d\n", dmc_hcd_model_name(models[i]), WEXITSTATUS(status));
			failed = 1;
		}
	}
	return failed;
}
