/*
 * sandbox_ns.c - the sandbox's namespaces: an own user and IPC namespace
 * for the session (or the ones ipcview --sandbox made for it).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sandbox_state.h"
#include "userns.h"

/* ipcview --sandbox, or our own namespaces (userns_enter). */
void
sbn_enter(void)
{
	const char *inherited = getenv("IPCSH_SANDBOX_NS");

	/*
	 * ipcview --sandbox made the namespaces and runs us inside them. The
	 * word is for us alone: a nested ipcsh --sandbox makes its own.
	 */
	if (inherited != NULL && strcmp(inherited, "inherited") == 0) {
		unsetenv("IPCSH_SANDBOX_NS");
		sb.ns = 1;
		return;
	}
	if (!sb.conf_ns) {
		snprintf(sb.ns_why, sizeof(sb.ns_why), "%s",
		    tr("switched off in the configuration", "配置中已关闭"));
		return;
	}
	switch (userns_enter()) {
	case -1:
		snprintf(sb.ns_why, sizeof(sb.ns_why), "unshare: %s",
		    strerror(errno));
		return;
	case 1:
		/* Unmapped, we look like "nobody"; IPC isolation still holds. */
		snprintf(sb.ns_why, sizeof(sb.ns_why), "uid_map: %s",
		    strerror(errno));
		break;
	}
	sb.ns = 1;
}

