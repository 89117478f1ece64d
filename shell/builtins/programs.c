/*
 * programs.c - the lecture's example programs (lessons/programs), one
 * line each for `help programs`, with where PATH finds them.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "programs.h"

static const struct {
	const char	*name, *en, *zh;
} programs[] = {
	{ "pipe_ex1",
	    "a parent writes \"the N message.\" lines into a pipe(2), its child reads them",
	    "父进程向管道 (pipe(2)) 写入 \"the N message.\"，子进程从读端读出" },
	{ "msgq_ex1",
	    "the parent sends typed messages with msgsnd(2), the child receives them; type 0 ends",
	    "父进程用 msgsnd(2) 发送输入的消息，子进程用 msgrcv(2) 接收；类型 0 结束" },
	{ "shm_writer",
	    "ftok(3) key, a 512-byte shared memory segment, a text written into it",
	    "用 ftok(3) 得到键值，创建 512 字节的共享内存段并写入一段文字" },
	{ "shm_reader",
	    "attaches the writer's segment by the same key, prints it, removes it",
	    "用同一键值连接写者的共享内存段，打印内容后删除它" },
	{ "shm_race",
	    "two processes add to one shared counter: updates lost, exact with -s (semaphore)",
	    "两个进程对同一共享计数器加一：不同步时丢失更新，-s 用信号量后结果准确" },
	{ "sig_handler",
	    "a caught signal runs the handler, then the program goes on where it was",
	    "捕获信号后先执行处理函数，然后程序从原处继续" },
};

/* The directory of name on PATH, in buf; NULL when it is not there. */
static const char *
programs_where(const char *name, char *buf, size_t size)
{
	const char *path = getenv("PATH"), *p, *colon;
	size_t len;

	for (p = path; p != NULL && *p != '\0'; p = colon ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		len = colon ? (size_t)(colon - p) : strlen(p);
		if (len == 0)
			continue;
		snprintf(buf, size, "%.*s/%s", (int)len, p, name);
		if (access(buf, X_OK) == 0)
			return buf;
	}
	return NULL;
}

int
programs_help(void)
{
	char buf[PATH_MAX];
	size_t i, missing = 0;

	printf("%s\n", tr("The lecture's programs (their source is in lessons/programs):",
	    "讲义中的示例程序 (源代码在 lessons/programs):"));
	for (i = 0; i < sizeof(programs) / sizeof(programs[0]); i++) {
		printf("  %-12s %s\n", programs[i].name,
		    tr(programs[i].en, programs[i].zh));
		if (programs_where(programs[i].name, buf, sizeof(buf)) == NULL)
			missing++;
	}
	if (missing > 0)
		printf("%s\n", tr("Some are not on PATH: ipcview puts them there, as does a lesson.",
		    "有些不在 PATH 中: ipcview 和课程会把它们加入 PATH."));
	return 0;
}
