/*
 * help.c - the help screen of ipcview: the keys of the mode it is shown
 * in (the split screen, or the pane alone with -p).
 */
#include <curses.h>

#include "help.h"
#include "i18n.h"

/* The help lines; H_HOST only in the split screen, H_ALONE only with -p. */
enum { H_BOTH, H_HOST, H_ALONE };

static const struct {
	int		mode;
	const char	*en, *zh;
} help_lines[] = {
	{ H_BOTH, "ipcview keys", "ipcview 按键" },
	{ H_BOTH, "", "" },
	{ H_HOST, "All keys go to the shell below, except the prefix Ctrl+].",
	    "除前缀键 Ctrl+] 外, 所有按键都送给下方的 shell." },
	{ H_HOST, "Ctrl+] gives the keys to the pane until Esc:",
	    "按 Ctrl+] 后按键交给面板, 直到按 Esc:" },
	{ H_ALONE, "No shell runs here (-p): every key is the pane's.",
	    "这里没有 shell (-p): 所有按键都给面板." },
	{ H_BOTH, "", "" },
	{ H_BOTH, "  Tab, Shift+Tab   focus the next / previous section",
	    "  Tab, Shift+Tab   切换到下一个/上一个区域" },
	{ H_BOTH, "  Up/Down, j/k     select a line; PgUp/PgDn, g/G scroll",
	    "  上/下, j/k       选择一行; PgUp/PgDn, g/G 滚动" },
	{ H_BOTH, "  Enter            detail: a process's 64 signals, a pipe's",
	    "  Enter            详情: 进程的 64 个信号, 管道两端," },
	{ H_BOTH, "                   ends, a queue's messages, a segment's bytes",
	    "                   消息队列中的消息, 共享内存的内容" },
	{ H_BOTH, "  1 2 3 4 5        show/hide processes, pipes, queues,",
	    "  1 2 3 4 5        显示/隐藏 进程, 管道, 消息队列," },
	{ H_BOTH, "                   shm+semaphores, events; 6 sockets,",
	    "                   共享内存+信号量, 事件; 6 套接字," },
	{ H_BOTH, "                   7 POSIX mq+shm",
	    "                   7 POSIX 消息队列+共享内存" },
	{ H_BOTH, "  a                every System V object you may see, the",
	    "  a                显示可见的全部 System V 对象及 shell" },
	{ H_BOTH, "                   shell's own pipes; again: this session's",
	    "                   自用的管道; 再按一次: 只显示本会话的" },
	{ H_BOTH, "  t                the tape's timeline of the selected process",
	    "  t                录像时间线: 所选进程或命令 (默认最近的命令)" },
	{ H_BOTH, "                   or command (else of the last command)",
	    "" },
	{ H_BOTH, "  p                replay the last command step by step",
	    "  p                逐步回放最近结束的命令" },
	{ H_BOTH, "  f                freeze / unfreeze the pane",
	    "  f                冻结/解冻面板" },
	{ H_BOTH, "  w                write the picture to ipcview-DATE.dot",
	    "  w                把画面写入 ipcview-日期.dot" },
	{ H_BOTH, "  + / -            refresh faster / slower",
	    "  + / -            加快/减慢刷新" },
	{ H_BOTH, "  Ctrl+L           redraw the screen", "  Ctrl+L           重画屏幕" },
	{ H_BOTH, "  ?                this help", "  ?                本帮助" },
	{ H_HOST, "  q                quit ipcview (asks first while jobs run;",
	    "  q                退出 ipcview (有作业运行时先询问;" },
	{ H_HOST, "                   they get SIGHUP, then SIGTERM, SIGKILL)",
	    "                   作业依次收到 SIGHUP, SIGTERM, SIGKILL)" },
	{ H_ALONE, "  q                quit ipcview (the watched processes go on)",
	    "  q                退出 ipcview (被观察的进程继续运行)" },
	{ H_HOST, "  Esc              back to the shell", "  Esc              返回 shell" },
	{ H_HOST, "  c, o, z          a new shell, the next one, zoom: the",
	    "  c, o, z          新建 shell, 切换到下一个, 放大: 只显示" },
	{ H_HOST, "                   current one alone / all of them",
	    "                   当前的 shell / 显示全部" },
	{ H_HOST, "  Ctrl+]           send a literal Ctrl+] to the shell",
	    "  Ctrl+]           向 shell 发送一个 Ctrl+]" },
	{ H_HOST, "  Shift+PgUp/PgDn  scroll the shell's history (also the",
	    "  Shift+PgUp/PgDn  翻看 shell 的历史输出 (鼠标滚轮" },
	{ H_HOST, "                   mouse wheel); typing goes back down",
	    "                   也可以); 输入时回到底部" },
	{ H_BOTH, "", "" },
	{ H_BOTH, "pend/blk/cgt/ign: pending, blocked, caught, ignored signals.",
	    "未决/屏蔽/捕获/忽略: 信号的四种状态." },
	{ H_BOTH, "Any key closes this help.", "按任意键关闭帮助." },
};

void
help_draw(WINDOW *w, int rows, int cols, int hosted)
{
	size_t n = sizeof(help_lines) / sizeof(help_lines[0]), i;
	int skip = hosted ? H_ALONE : H_HOST, row = 1;

	werase(w);
	box(w, 0, 0);
	for (i = 0; i < n && row < rows - 1; i++) {
		if (help_lines[i].mode == skip)
			continue;
		mvwaddnstr(w, row++, 2, tr(help_lines[i].en, help_lines[i].zh),
		    cols - 4);
	}
	wnoutrefresh(w);
}

