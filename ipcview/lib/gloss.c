/*
 * gloss.c - the glossary's table: the lecture's terms in English and in
 * the slides' Chinese (include/gloss.h says which idea each names), and
 * the wordings it marks as wrong.
 */
#include <stddef.h>
#include <string.h>

#include "gloss.h"

static const char *const gloss_tab[GL_NGLOSS][2] = {
	[GL_PIPE]	= { "pipe", "管道" },
	[GL_FIFO]	= { "named pipe", "命名管道" },
	[GL_READ_END]	= { "read end", "读端" },
	[GL_WRITE_END]	= { "write end", "写端" },
	[GL_MSGQ]	= { "message queue", "消息队列" },
	[GL_MESSAGE]	= { "message", "消息" },
	[GL_ID]		= { "id", "标识码" },
	[GL_KEY]	= { "key", "键值" },
	[GL_SHM]	= { "shared memory", "共享内存" },
	[GL_SHM_SEG]	= { "Shared Memory Segments", "共享内存段" },
	[GL_NATTCH]	= { "nattch", "连接数" },
	[GL_SEM]	= { "semaphore", "信号量" },
	[GL_SIGNAL]	= { "signal", "信号" },
	[GL_PENDING]	= { "pending", "未决" },
	[GL_MASKED]	= { "blocked", "屏蔽" },
	[GL_BLOCKED]	= { "blocked", "阻塞" },
	[GL_IGNORED]	= { "ignored", "忽略" },
	[GL_CAUGHT]	= { "caught", "捕获" },
	[GL_DEFAULT]	= { "default", "默认" },
	[GL_OWNER]	= { "owner", "拥有者" },
	[GL_PERMS]	= { "perms", "权限" },
	[GL_BYTES]	= { "bytes", "字节" },
	[GL_STATUS]	= { "status", "状态" },
	[GL_PROCESS]	= { "process", "进程" },
	[GL_SOCKET]	= { "socket", "套接字" },
	[GL_SOCKETPAIR]	= { "socketpair", "套接字对" },
	[GL_LISTEN]	= { "listening", "监听" },
	[GL_PEER]	= { "peer", "对端" },
	[GL_POSIX_MQ]	= { "POSIX message queue", "POSIX 消息队列" },
	[GL_POSIX_SHM]	= { "POSIX shared memory", "POSIX 共享内存" },
	[GL_PRIORITY]	= { "priority", "优先级" },
	[GL_MAPPED]	= { "mapped by", "映射者" },
	[GL_MTYPE]	= { "type", "类型" },
};

const char *
gloss_in(enum gloss g, enum i18n_lang l)
{
	if ((int)g < 0 || g >= GL_NGLOSS)
		return "";
	return gloss_tab[g][l == LANG_ZH];
}

const char *
gloss(enum gloss g)
{
	return gloss_in(g, i18n_lang());
}

/*
 * Wrong wordings met in drafts, and the slides' term. 阻塞 is right for a
 * process waiting in a call (写者阻塞在 pipe write 中), wrong for a signal
 * held back by the mask: that is 屏蔽.
 */
static const struct gloss_wrong gloss_wrongs[] = {
	{ "待处理", "未决", GL_PENDING },
	{ "挂起的信号", "未决的信号", GL_PENDING },
	{ "信号挂起", "信号未决", GL_PENDING },
	{ "阻塞的信号", "被屏蔽的信号", GL_MASKED },
	{ "信号被阻塞", "信号被屏蔽", GL_MASKED },
	{ "阻塞信号", "屏蔽信号", GL_MASKED },
	{ "屏蔽（阻塞）", "屏蔽", GL_MASKED },
	{ "阻塞集合", "屏蔽集合", GL_MASKED },
	{ "阻塞掩码", "信号屏蔽字", GL_MASKED },
	{ "既未决又阻塞", "既未决又被屏蔽", GL_MASKED },
	{ "有名管道", "命名管道", GL_FIFO },
	{ "具名管道", "命名管道", GL_FIFO },
	{ "无名管道", "匿名管道", GL_PIPE },
	{ "读取端", "读端", GL_READ_END },
	{ "写入端", "写端", GL_WRITE_END },
	{ "消息列队", "消息队列", GL_MSGQ },
	{ "项目号", "proj_id", GL_KEY },
	{ "键码", "键值", GL_KEY },
	{ "共享存储", "共享内存", GL_SHM },
	{ "附加数", "连接数", GL_NATTCH },
	{ "挂接数", "连接数", GL_NATTCH },
	{ "附着数", "连接数", GL_NATTCH },
	{ "捕捉", "捕获", GL_CAUGHT },
	{ "截获", "捕获", GL_CAUGHT },
	{ "忽视", "忽略", GL_IGNORED },
};

const struct gloss_wrong *
gloss_misused(const char *text)
{
	size_t i;

	for (i = 0; i < sizeof(gloss_wrongs) / sizeof(gloss_wrongs[0]); i++)
		if (strstr(text, gloss_wrongs[i].wrong) != NULL)
			return &gloss_wrongs[i];
	return NULL;
}
