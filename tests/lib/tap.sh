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
