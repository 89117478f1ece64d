/*
 * gloss.c - the glossary's table: the lecture's terms in English and in
 * the slides' Chinese (include/gloss.h says which idea each names).
 */
#include <stddef.h>

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
