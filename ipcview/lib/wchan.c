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
	int teaches;	/* a wait the events tell of (probe_wchan_teaches) */
} wchan_tab[] = {
	{ "pipe_read",			"pipe read", 0 },
	{ "anon_pipe_read",		"pipe read", 0 },
	{ "fifo_pipe_read",		"pipe read", 0 },
	{ "pipe_write",			"pipe write", 0 },
	{ "anon_pipe_write",		"pipe write", 0 },
	{ "fifo_pipe_write",		"pipe write", 0 },
	{ "pipe_wait",			"pipe wait", 0 },
	{ "pipe_wait_readable",		"pipe read", 0 },
	{ "pipe_wait_writable",		"pipe write", 0 },
	{ "wait_for_partner",		"FIFO open", 0 },
	{ "fifo_open",			"FIFO open", 0 },
	{ "do_msgrcv",			"msgrcv", 1 },
	{ "do_msgsnd",			"msgsnd", 1 },
	{ "do_semtimedop",		"semop", 1 },
	/* POSIX queues: wq_sleep serves both; /proc/PID/syscall tells which */
	{ "wq_sleep",			"mq wait", 0 },
	{ "do_mq_timedreceive",		"mq_receive", 1 },
	{ "do_mq_timedsend",		"mq_send", 1 },
	{ "hrtimer_nanosleep",		"sleep", 0 },
	{ "do_nanosleep",		"sleep", 0 },
	{ "common_nsleep",		"sleep", 0 },
	{ "__do_sys_pause",		"pause", 1 },
	{ "sys_pause",			"pause", 1 },
	{ "__x64_sys_pause",		"pause", 1 },
	{ "sigsuspend",			"sigsuspend", 1 },
	{ "__do_sys_rt_sigsuspend",	"sigsuspend", 1 },
	{ "do_sigtimedwait",		"sigwait", 1 },
	{ "do_wait",			"wait", 0 },
	{ "kernel_wait4",		"wait", 0 },
	{ "do_signal_stop",		"stopped", 0 },
	{ "ptrace_stop",		"traced", 0 },
	{ "do_sys_poll",		"poll", 0 },
	{ "poll_schedule_timeout",	"poll", 0 },
	{ "do_select",			"select", 0 },
	{ "core_sys_select",		"select", 0 },
	{ "ep_poll",			"epoll", 0 },
	{ "do_epoll_wait",		"epoll", 0 },
	{ "futex_wait_queue",		"futex", 0 },
	{ "futex_wait_queue_me",	"futex", 0 },
	{ "futex_wait",			"futex", 0 },
	{ "n_tty_read",			"terminal read", 0 },
	{ "wait_woken",			"waiting", 0 },
	{ "unix_stream_read_generic",	"socket read", 0 },
	{ "unix_stream_data_wait",	"socket read", 0 },
	{ "sk_wait_data",		"socket read", 0 },
	{ "__skb_wait_for_more_packets", "socket read", 0 },
	{ "sock_alloc_send_pskb",	"socket write", 0 },
	{ "unix_wait_for_peer",		"socket write", 0 },
	{ "eventfd_read",		"eventfd read", 0 },
	{ "signalfd_dequeue",		"signalfd read", 0 },
	{ "signalfd_read_iter",		"signalfd read", 0 },
	{ "inet_csk_accept",		"accept", 0 },
	{ "io_schedule",		"disk I/O", 0 },
	{ "folio_wait_bit_common",	"disk I/O", 0 },
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

/* s into buf (size > 0), cut at size-1 bytes: snprintf "%s" unparsed. */
static void
wchan_copy(char *buf, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (n >= size)
		n = size - 1;
	memcpy(buf, s, n);
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
			wchan_copy(buf, size, wchan_tab[i].word);
			return buf;
		}
	}
	wchan_copy(buf, size, name);
	return buf;
}

int
probe_wchan_teaches(const char *word)
{
	size_t i;

	for (i = 0; i < sizeof(wchan_tab) / sizeof(wchan_tab[0]); i++)
		if (wchan_tab[i].teaches &&
		    strcmp(wchan_tab[i].word, word) == 0)
			return 1;
	return 0;
}
