/*
 * wchan.c - kernel wait-channel names as the lecture's plain words.
 * The one table of them (/proc/PID/wchan, proc(5)).
 */
#include <stdio.h>
#include <string.h>

#include "probe.h"

/*
 * Names differ between kernels (pipe_write on 6.1, anon_pipe_write on
 * 6.18; sigsuspend.isra.0): the suffix is stripped before the lookup.
 */
static const struct {
	const char *raw;
	const char *word;
} wchan_tab[] = {
	{ "pipe_read",			"pipe read" },
	{ "anon_pipe_read",		"pipe read" },
	{ "fifo_pipe_read",		"pipe read" },
	{ "pipe_write",			"pipe write" },
	{ "anon_pipe_write",		"pipe write" },
	{ "fifo_pipe_write",		"pipe write" },
	{ "pipe_wait",			"pipe wait" },
	{ "pipe_wait_readable",		"pipe read" },
	{ "pipe_wait_writable",		"pipe write" },
	{ "wait_for_partner",		"FIFO open" },
	{ "fifo_open",			"FIFO open" },
	{ "do_msgrcv",			"msgrcv" },
	{ "do_msgsnd",			"msgsnd" },
	{ "do_semtimedop",		"semop" },
	{ "hrtimer_nanosleep",		"sleep" },
	{ "do_nanosleep",		"sleep" },
	{ "common_nsleep",		"sleep" },
	{ "__do_sys_pause",		"pause" },
	{ "sys_pause",			"pause" },
	{ "__x64_sys_pause",		"pause" },
	{ "sigsuspend",			"sigsuspend" },
	{ "__do_sys_rt_sigsuspend",	"sigsuspend" },
	{ "do_sigtimedwait",		"sigwait" },
	{ "do_wait",			"wait" },
	{ "kernel_wait4",		"wait" },
	{ "do_signal_stop",		"stopped" },
	{ "ptrace_stop",		"traced" },
	{ "do_sys_poll",		"poll" },
	{ "poll_schedule_timeout",	"poll" },
	{ "do_select",			"select" },
	{ "core_sys_select",		"select" },
	{ "ep_poll",			"epoll" },
	{ "do_epoll_wait",		"epoll" },
	{ "futex_wait_queue",		"futex" },
	{ "futex_wait_queue_me",	"futex" },
	{ "futex_wait",			"futex" },
	{ "n_tty_read",			"terminal read" },
	{ "wait_woken",			"waiting" },
	{ "unix_stream_read_generic",	"socket read" },
	{ "unix_stream_data_wait",	"socket read" },
	{ "sk_wait_data",		"socket read" },
	{ "inet_csk_accept",		"accept" },
	{ "io_schedule",		"disk I/O" },
	{ "folio_wait_bit_common",	"disk I/O" },
};

/* Strips ".isra.0", ".constprop.0", ".part.0", ".cold" and the like. */
static void
wchan_strip(const char *raw, char *buf, size_t size)
{
	size_t n = strcspn(raw, ".\n");

	if (n >= size)
		n = size - 1;
	memcpy(buf, raw, n);
	buf[n] = '\0';
}

char *
probe_wchan_word(const char *raw, char *buf, size_t size)
{
	char name[SNAP_WCHAN_MAX];
	size_t i;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (raw == NULL)
		return buf;
	wchan_strip(raw, name, sizeof(name));
	/* proc(5): "0" when the task is running (or the address is hidden) */
	if (name[0] == '\0' || strcmp(name, "0") == 0)
		return buf;
	for (i = 0; i < sizeof(wchan_tab) / sizeof(wchan_tab[0]); i++) {
		if (strcmp(name, wchan_tab[i].raw) == 0) {
			snprintf(buf, size, "%s", wchan_tab[i].word);
			return buf;
		}
	}
	snprintf(buf, size, "%s", name);
	return buf;
}
