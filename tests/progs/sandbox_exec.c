/*
 * sandbox_exec.c - runs a command under the sandbox's seccomp policy
 * without the shell: `sandbox_exec [-n] COMMAND [ARGS]`. Refused calls
 * fail with EPERM; with -n they go to a user-notification listener that
 * this program services (answers EPERM, prints "refused NAME" on stderr).
 * It builds the policy from the shell's own source, so the filter is
 * tested even when the shell does not link.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

#include "sandbox/sandbox_policy.c"

/* Answers until every process using the filter is gone (POLLHUP). */
static void
serve(int fd)
{
	struct seccomp_notif *req;
	struct seccomp_notif_resp *resp;
	struct pollfd p = { .fd = fd, .events = POLLIN };
	const struct sbp_rule *r;

	if (seccomp_notify_alloc(&req, &resp) < 0)
		exit(125);
	for (;;) {
		if (poll(&p, 1, -1) < 0 && errno != EINTR)
			break;
		if (!(p.revents & POLLIN)) {
			if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
				break;
			continue;
		}
		memset(req, 0, sizeof(*req));
		if (seccomp_notify_receive(fd, req) < 0)
			continue;
		r = sbp_match(&req->data, 0);
		memset(resp, 0, sizeof(*resp));
		resp->id = req->id;
		resp->error = -EPERM;
		if (r != NULL && r->when == SBP_CLONE3)
			resp->error = sbp_clone3(req->pid, req->data.args[0],
			    req->data.args[1]);
		if (resp->error == -EPERM)
			fprintf(stderr, "sandbox_exec: refused %s\n",
			    r != NULL ? r->name : "?");
		seccomp_notify_respond(fd, resp);
	}
	seccomp_notify_free(req, resp);
}

int
main(int argc, char **argv)
{
	struct sock_fprog prog;
	int notify = 0, fd, st, sv[2];
	pid_t pid;

	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		notify = 1;
		argc--;
		argv++;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: sandbox_exec [-n] COMMAND [ARGS]\n");
		return 2;
	}
	if (sbp_compile(notify ? SCMP_ACT_NOTIFY : SCMP_ACT_ERRNO(EPERM), 0,
	    &prog) < 0) {
		perror("sandbox_exec: compile");
		return 125;
	}
	if (!notify) {
		if (sbp_load(&prog, 0) < 0) {
			perror("sandbox_exec: load");
			return 125;
		}
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		return 127;
	}
	/* As the shell does: the child sends its listener over a socket. */
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return 125;
	pid = fork();
	if (pid < 0)
		return 125;
	if (pid == 0) {
		fd = sbp_load(&prog, 1);
		if (fd < 0 || sbp_send_fd(sv[1], fd) < 0)
			_exit(125);
		close(fd);
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	close(sv[1]);
	fd = sbp_recv_fd(sv[0]);
	if (fd < 0) {
		perror("sandbox_exec: no listener");
		return 125;
	}
	serve(fd);
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
