/*
 * programs.c - the lecture's example programs (lessons/programs): one
 * line each for `help programs`, where PATH finds them and where their
 * source is; the `example` builtin copies one's source here.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "programs.h"
#include "shell.h"

#ifndef IPCSH_DATADIR
#define IPCSH_DATADIR "/usr/local/share/ipcsh"
#endif

static const struct {
	const char	*name, *en, *zh;
} programs[] = {
	{ "pipe_ex1",
	    "a parent writes \"the N message.\" into a pipe(2), the child reads",
	    "父进程向管道写入 \"the N message.\"，子进程从读端读出" },
	{ "msgq_ex1",
	    "the parent sends typed messages (msgsnd), the child receives them",
	    "父进程用 msgsnd 发送输入的消息，子进程用 msgrcv 接收" },
	{ "shm_writer",
	    "a key from ftok(3), a 512-byte segment, a text written into it",
	    "用 ftok(3) 得到键值，创建 512 字节的共享内存段并写入文字" },
	{ "shm_reader",
	    "attaches the writer's segment by its key, prints it, removes it",
	    "用同一键值连接写者的共享内存段，打印内容后删除它" },
	{ "shm_race",
	    "two processes add to one shared counter: updates lost; -s exact",
	    "两个进程给同一共享计数器加一：更新丢失；-s 用信号量则准确" },
	{ "sig_handler",
	    "a caught signal runs the handler, then the program goes on",
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

/*
 * The folder of the programs' sources, in buf: lessons/programs in the
 * source tree (build/ipcsh, build/san/ipcsh), PREFIX/share/ipcsh/programs
 * installed, or IPCSH_LESSONS/programs. -1 when none is there.
 */
static int
programs_src_dir(char *buf, size_t size)
{
	static const char *const rel[] = { "../lessons/programs",
	    "../../lessons/programs", "../share/ipcsh/programs" };
	const char *env = getenv("IPCSH_LESSONS");
	char exe[PATH_MAX / 2], real[PATH_MAX], *slash;
	struct stat st;
	ssize_t n;
	size_t i;

	if (env != NULL && *env != '\0') {
		snprintf(buf, size, "%s/programs", env);
		if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
			return 0;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
			snprintf(buf, size, "%s/%s", exe, rel[i]);
			if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode) &&
			    realpath(buf, real) != NULL) {
				snprintf(buf, size, "%s", real);
				return 0;
			}
		}
	}
	snprintf(buf, size, "%s/programs", IPCSH_DATADIR);
	return stat(buf, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

int
programs_help(void)
{
	char buf[PATH_MAX];
	size_t i, missing = 0;

	printf("%s\n", tr("The lecture's programs (example NAME [FILE] copies one's source here):",
	    "讲义中的示例程序 (example 名称 [文件] 把源代码复制到当前目录):"));
	for (i = 0; i < sizeof(programs) / sizeof(programs[0]); i++) {
		printf("  %-12s %s\n", programs[i].name,
		    tr(programs[i].en, programs[i].zh));
		if (programs_where(programs[i].name, buf, sizeof(buf)) == NULL)
			missing++;
	}
	if (programs_src_dir(buf, sizeof(buf)) == 0)
		printf("%s %s\n", tr("Their source:", "源代码:"), buf);
	if (missing > 0)
		printf("%s\n", tr("Some are not on PATH: ipcview puts them there, as does a lesson.",
		    "有些不在 PATH 中: ipcview 和课程会把它们加入 PATH."));
	return 0;
}

/* Copies the open from to the new file to (never over one that exists). */
static int
programs_copy(int from, const char *to)
{
	char buf[8192];
	ssize_t n, w, off;
	int fd, e;

	fd = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	while ((n = read(from, buf, sizeof(buf))) > 0)
		for (off = 0; off < n; off += w)
			if ((w = write(fd, buf + off, n - off)) < 0)
				goto fail;
	if (n == 0 && close(fd) == 0)
		return 0;
fail:
	e = errno;
	close(fd);
	unlink(to);		/* nothing half-copied stays */
	errno = e;
	return -1;
}

/* example NAME [FILE]: the source of program NAME, copied into FILE. */
static int
bi_example(int argc, char **argv)
{
	char dir[PATH_MAX], src[PATH_MAX + 64], dst[PATH_MAX];
	size_t i, n = sizeof(programs) / sizeof(programs[0]);
	int fd;

	if (argc == 2 && strcmp(argv[1], "--help") == 0)
		return bi_help_text(argv[0], tr(
		    "Copies the source of the lecture's program NAME into FILE (NAME.c by\n"
		    "default) in the current directory, never over a file that exists:\n"
		    "  example pipe_ex1 ex1.c; gcc -o ex1 ex1.c; ./ex1\n"
		    "help programs lists the programs.\n",
		    "把讲义示例程序 NAME 的源代码复制到当前目录的 FILE (默认为 NAME.c),\n"
		    "不会覆盖已有的文件:\n"
		    "  example pipe_ex1 ex1.c; gcc -o ex1 ex1.c; ./ex1\n"
		    "help programs 列出全部示例程序.\n"));
	if (argc < 2 || argc > 3)
		return bi_usage(argv[0]);
	for (i = 0; i < n && strcmp(programs[i].name, argv[1]) != 0; i++)
		;
	if (i == n)
		return bi_errorf(argv[0], tr("%s: no such program (help programs lists them)",
		    "%s: 没有这个示例程序 (help programs 列出全部)"), argv[1]);
	if (programs_src_dir(dir, sizeof(dir)) < 0)
		return bi_errorf(argv[0], "%s: %s", dir, strerror(ENOENT));
	snprintf(src, sizeof(src), "%s/%s.c", dir, argv[1]);
	snprintf(dst, sizeof(dst), "%s", argc == 3 ? argv[2] :
	    strrchr(src, '/') + 1);
	fd = open(src, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return bi_errorf(argv[0], "%s: %s", src, strerror(errno));
	if (programs_copy(fd, dst) < 0) {
		bi_errorf(argv[0], errno == EEXIST ?
		    tr("%s: file exists (nothing copied)", "%s: 文件已存在 (未复制)") :
		    "%s: %s", dst, strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	printf(tr("%s: the source of %s (%s)\n", "%s: %s 的源代码 (%s)\n"), dst,
	    argv[1], src);
	return 0;
}

const struct builtin builtins_programs[] = {
	{ "example", bi_example, "example NAME [FILE]",
	    "copy the source of the lecture's program NAME here (help programs)",
	    "把讲义中程序 NAME 的源代码复制到这里（help programs）",
	    0 },
	{ NULL, NULL, NULL, NULL, NULL, 0 },
};
