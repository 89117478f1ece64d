/*
 * gloss.h - the glossary: one word per idea of the lecture, in English
 * and in the slides' Chinese, for the pane, ipcs, explanations, lessons.
 */
#ifndef IPCSH_GLOSS_H
#define IPCSH_GLOSS_H

#include "i18n.h"

enum gloss {
	GL_PIPE,	/* 管道 */
	GL_FIFO,	/* 命名管道 (named pipe, FIFO) */
	GL_READ_END,	/* 读端 */
	GL_WRITE_END,	/* 写端 */
	GL_MSGQ,	/* 消息队列 */
	GL_MESSAGE,	/* 消息 */
	GL_ID,		/* 标识码: what msgget/shmget return */
	GL_KEY,		/* 键值: the key_t of ftok or IPC_PRIVATE */
	GL_SHM,		/* 共享内存 */
	GL_SHM_SEG,	/* 共享内存段 (ipcs -m heading) */
	GL_NATTCH,	/* 连接数: shm_nattch */
	GL_SEM,		/* 信号量 */
	GL_SIGNAL,	/* 信号 */
	GL_PENDING,	/* 未决: raised, not yet delivered */
	GL_MASKED,	/* 屏蔽: held back by the signal mask (SigBlk) */
	GL_BLOCKED,	/* 阻塞: a process waiting in a call (wchan) */
	GL_IGNORED,	/* 忽略: SIG_IGN */
	GL_CAUGHT,	/* 捕获: a handler is installed */
	GL_DEFAULT,	/* 默认: SIG_DFL */
	GL_OWNER,	/* 拥有者 */
	GL_PERMS,	/* 权限 */
	GL_BYTES,	/* 字节 */
	GL_STATUS,	/* 状态 */
	GL_PROCESS,	/* 进程 */
	GL_SOCKET,	/* 套接字: a UNIX domain socket (unix(7)) */
	GL_SOCKETPAIR,	/* 套接字对: socketpair(2) */
	GL_LISTEN,	/* 监听: a socket in listen(2) */
	GL_PEER,	/* 对端: the other end of a connection */
	GL_POSIX_MQ,	/* POSIX 消息队列: mq_open(3), beside System V's msgget */
	GL_POSIX_SHM,	/* POSIX 共享内存: shm_open(3), beside shmget */
	GL_PRIORITY,	/* 优先级: of a POSIX message */
	GL_MAPPED,	/* 映射: a process that mmap(2)s a POSIX shm object */
	GL_MTYPE,	/* 类型: a message's type (mtype, the slides' 类型标识) */
	GL_NGLOSS
};

/*
 * The term in the language in force (i18n_lang); a static string. The
 * Chinese ones are the slides': 屏蔽 for a signal held back by the mask,
 * 阻塞 for a process that waits in a system call.
 */
const char *gloss(enum gloss g);

/* The term in language l. */
const char *gloss_in(enum gloss g, enum i18n_lang l);

/*
 * A Chinese wording the glossary marks as wrong for an idea of the
 * lecture, with the slides' term to use instead.
 */
struct gloss_wrong {
	const char	*wrong;		/* 待处理 */
	const char	*right;		/* 未决 */
	enum gloss	idea;		/* GL_PENDING */
};

/*
 * The first wrong wording found in text (UTF-8), or NULL: for the tests
 * that keep the lessons' and the pane's Chinese in the slides' words.
 */
const struct gloss_wrong *gloss_misused(const char *text);

#endif
