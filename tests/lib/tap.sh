# Helpers for test suites: every check prints one line that tests/run counts,
# "ok NAME", "not ok NAME: why" or "skip NAME: why".

t_ok()   { echo "ok $1"; }
t_fail() { echo "not ok $1: ${2:-failed}"; }
t_skip() { echo "skip $1: ${2:-skipped}"; }

# t_eq NAME EXPECTED ACTUAL
t_eq()
{
	if [ "$2" = "$3" ]; then
		t_ok "$1"
	else
		t_fail "$1" "expected [$2], got [$3]"
	fi
}

# t_check NAME CMD...: ok when CMD succeeds.
t_check()
{
	local name=$1
	shift
	if "$@"; then t_ok "$name"; else t_fail "$name" "$*"; fi
}

# wait_for SECONDS CMD...: poll CMD until it succeeds; 1 on timeout.
wait_for()
{
	local limit=$1 i=0
	shift
	local n=$((limit * 50))
	while ! "$@"; do
		i=$((i + 1))
		[ "$i" -ge "$n" ] && return 1
		sleep 0.02
	done
	return 0
}

# sysv_snapshot: the keys and ids of every System V object, for
# "nothing left behind" checks.
sysv_snapshot()
{
	local f
	for f in /proc/sysvipc/msg /proc/sysvipc/shm /proc/sysvipc/sem; do
		awk 'NR > 1 { print FILENAME, $1, $2 }' "$f"
	done | sort
}

# t_own_ipc_ns SUITE SCRIPT ARGS...: runs the rest of the suite in an IPC
# namespace of its own, so that its "nothing left behind" checks and the
# lists of objects it reads (/proc/sysvipc, ipcs, ipcview's probe, which
# read the reader's namespace) see only what the suite makes, not another
# program's objects. The script is run again under unshare(1): --ipc when
# that is allowed (root), else --user --map-root-user --ipc (a user
# namespace of our own); else the suite goes on in the shared namespace
# and says so with a skip line. Everything the suite starts afterwards
# (tmux servers, expect, ipcview) is inside. T_IPC_NS=private|shared is
# set for the suite; T_IPC_NS=shared beforehand keeps the shared one.
t_own_ipc_ns()
{
	local suite=$1
	shift
	case ${T_IPC_NS:-} in
	private|shared) export T_IPC_NS; return 0 ;;
	esac
	if unshare --ipc true 2>/dev/null; then
		T_IPC_NS=private exec unshare --ipc bash "$@"
	fi
	if unshare --user --map-root-user --ipc true 2>/dev/null; then
		T_IPC_NS=private exec unshare --user --map-root-user --ipc \
		    bash "$@"
	fi
	export T_IPC_NS=shared
	t_skip "$suite-own-ipc-namespace" "neither unshare --ipc nor unshare --user --map-root-user --ipc is allowed here: the suite runs in the shared IPC namespace, where other programs' objects may be seen"
}
