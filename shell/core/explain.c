/*
 * explain.c - reports signal deaths and stops the way bash does, and with
 * set -o explain adds one teaching line per process (signal(7)).
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "explain.h"
#include "i18n.h"
#include "shell.h"
#include "sigtab.h"

char *
explain_state(int wstatus, char *buf, size_t size)
{
	if (WIFEXITED(wstatus)) {
		if (WEXITSTATUS(wstatus) == 0)
			snprintf(buf, size, "Done");
		else
			snprintf(buf, size, "Exit %d", WEXITSTATUS(wstatus));
	} else if (WIFSIGNALED(wstatus)) {
		/* strsignal(3): "Killed", "Terminated", "Segmentation fault" */
		snprintf(buf, size, "%s%s", strsignal(WTERMSIG(wstatus)),
		    WCOREDUMP(wstatus) ? " (core dumped)" : "");
	} else if (WIFSTOPPED(wstatus)) {
		/* "Stopped", "Stopped (signal)", "Stopped (tty input)" */
		snprintf(buf, size, "%s", strsignal(WSTOPSIG(wstatus)));
	} else {
		snprintf(buf, size, "Running");
	}
	return buf;
}

void
explain_report(int wstatus)
{
	char buf[128];
	int sig;

	if (!WIFSIGNALED(wstatus))
		return;
	sig = WTERMSIG(wstatus);
	if (sig == SIGINT || sig == SIGPIPE)
		return;
	fflush(stdout);
	fprintf(stderr, "%s\n", explain_state(wstatus, buf, sizeof(buf)));
}

/*
 * Why a process usually gets a signal when it takes the default action
 * (why_killed), or stops on one (why_stopped): each table ends with the
 * row of sig 0, what the default action does.
 */
struct why {
	int sig;
	const char *en, *zh;
};

static const struct why why_killed[] = {
	{ SIGINT, "Ctrl+C made the terminal driver send SIGINT to the foreground process group",
	    "按下 Ctrl+C 后，终端驱动向前台进程组发送了 SIGINT" },
	{ SIGQUIT, "Ctrl+\\ made the terminal driver send SIGQUIT to the foreground process group",
	    "按下 Ctrl+\\ 后，终端驱动向前台进程组发送了 SIGQUIT" },
	{ SIGPIPE, "it wrote to a pipe that no process reads any more",
	    "它向一个已经没有任何进程读取的管道写数据" },
	{ SIGTERM, "a process asked it to end (kill sends SIGTERM unless told otherwise) and it did not catch the signal",
	    "有进程请求它结束（kill 默认发送 SIGTERM），而它没有捕获这个信号" },
	{ SIGKILL, "SIGKILL cannot be caught, blocked or ignored: the kernel ends the process at once",
	    "SIGKILL 不能被捕获、阻塞或忽略：内核立即结束该进程" },
	{ SIGHUP, "its terminal was closed or its controlling process ended",
	    "它的终端被关闭，或者它的控制进程已经结束" },
	{ SIGSEGV, "it accessed memory it may not use, for example through a bad pointer",
	    "它访问了不允许访问的内存，例如使用了错误的指针" },
	{ SIGBUS, "it accessed memory that is not backed by anything, for example past the end of a mapped file",
	    "它访问了没有实际存储对应的内存，例如越过映射文件的末尾" },
	{ SIGFPE, "an arithmetic error, such as an integer division by zero",
	    "发生了算术错误，例如整数除以零" },
	{ SIGILL, "it tried to execute an illegal instruction",
	    "它试图执行非法指令" },
	{ SIGABRT, "it called abort(), usually after a failed assertion",
	    "它调用了 abort()，通常是断言失败之后" },
	{ SIGALRM, "a timer set with alarm() expired and it did not catch SIGALRM",
	    "用 alarm() 设置的定时器到期，而它没有捕获 SIGALRM" },
	{ SIGUSR1, "it received a user-defined signal without catching it; the default action is to terminate",
	    "它收到了一个用户自定义信号却没有捕获；该信号的默认动作是终止进程" },
	{ SIGUSR2, "it received a user-defined signal without catching it; the default action is to terminate",
	    "它收到了一个用户自定义信号却没有捕获；该信号的默认动作是终止进程" },
	{ SIGSYS, "it made a forbidden system call (a seccomp filter refuses it this way)",
	    "它进行了被禁止的系统调用（seccomp 过滤器会这样拒绝）" },
	{ SIGXCPU, "it used more CPU time than its limit (RLIMIT_CPU)",
	    "它使用的 CPU 时间超过了限制（RLIMIT_CPU）" },
	{ SIGXFSZ, "it wrote past the file size limit (RLIMIT_FSIZE)",
	    "它写的文件超过了文件大小限制（RLIMIT_FSIZE）" },
	{ 0, "the default action of this signal is to terminate the process",
	    "这个信号的默认动作是终止进程" },
};

static const struct why why_stopped[] = {
	{ SIGTSTP, "Ctrl+Z made the terminal driver send SIGTSTP to the foreground process group; fg or bg resumes it",
	    "按下 Ctrl+Z 后，终端驱动向前台进程组发送了 SIGTSTP；用 fg 或 bg 让它继续运行" },
	{ SIGTTIN, "a background job tried to read from the terminal; fg gives it the terminal",
	    "后台作业试图从终端读取输入；用 fg 把终端交给它" },
	{ SIGTTOU, "a background job tried to write to or configure the terminal (stty tostop); fg gives it the terminal",
	    "后台作业试图向终端输出或修改终端设置（stty tostop）；用 fg 把终端交给它" },
	{ SIGSTOP, "SIGSTOP cannot be caught, blocked or ignored; SIGCONT (bg, fg) resumes it",
	    "SIGSTOP 不能被捕获、阻塞或忽略；SIGCONT（bg、fg）让它继续运行" },
	{ 0, "the default action of this signal is to stop the process",
	    "这个信号的默认动作是暂停进程" },
};

/* Sig's row of the table w, or the table's last row. */
static const char *
why(const struct why *w, int sig)
{
	while (w->sig != 0 && w->sig != sig)
		w++;
	return tr(w->en, w->zh);
}

void
explain_line(const char *who, int n, int wstatus)
{
	const char *sn;
	int sig;

	if (!sh_opt.explain)
		return;
	if (WIFSIGNALED(wstatus))
		sig = WTERMSIG(wstatus);
	else if (WIFSTOPPED(wstatus))
		sig = WSTOPSIG(wstatus);
	else
		return;
	sn = sig_name(sig);
	fflush(stdout);
	if (WIFSIGNALED(wstatus))
		fprintf(stderr, n > 1 ?
		    tr("ipcsh: %s were killed by SIG%s (%d)%s: %s\n",
		    "ipcsh: %s 被 SIG%s（%d）终止%s：%s\n") :
		    tr("ipcsh: %s was killed by SIG%s (%d)%s: %s\n",
		    "ipcsh: %s 被 SIG%s（%d）终止%s：%s\n"),
		    who, sn ? sn : "?", sig,
		    WCOREDUMP(wstatus) ? tr(" and dumped core", "并转储了 core") : "",
		    why(why_killed, sig));
	else
		fprintf(stderr, n > 1 ?
		    tr("ipcsh: %s were stopped by SIG%s (%d): %s\n",
		    "ipcsh: %s 被 SIG%s（%d）暂停：%s\n") :
		    tr("ipcsh: %s was stopped by SIG%s (%d): %s\n",
		    "ipcsh: %s 被 SIG%s（%d）暂停：%s\n"),
		    who, sn ? sn : "?", sig, why(why_stopped, sig));
}
