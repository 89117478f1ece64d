# Issue 18's ipcs targets (issue 4's was 1.0x): with 1000 message queues
# and 1000 shared memory segments present, `ipcsh -c 'ipcs -q'` and
# `ipcsh -c 'ipcs -a'` take at most 0.2x the time of util-linux's `ipcs -q`
# and `ipcs -a` (both whole processes, output to /dev/null; the best of
# several rounds of 20 runs each).
set -u
. "$TOP/tests/lib/bench.sh"
IPCSH=${IPCSH:-build/ipcsh}
NOBJ=${BENCH_IPCS_OBJECTS:-1000}
RUNS=${BENCH_IPCS_RUNS:-20}
ROUNDS=${BENCH_IPCS_ROUNDS:-5}

if [ ! -x "$IPCSH" ] || [ ! -x /usr/bin/ipcs ]; then
	echo "bench ipcs: skipped, $IPCSH or /usr/bin/ipcs missing"
	exit 0
fi
# Our own IPC namespace when we may: other programs' objects stay out of
# the count and ours vanish with it.
if [ -z "${BENCH_IPCS_NS:-}" ] && [ "$(id -u)" = 0 ] &&
    unshare --ipc true 2>/dev/null; then
	BENCH_IPCS_NS=1 exec unshare --ipc bash "$0" "$@"
fi

ids=$(mktemp)
cleanup()
{
	"$IPCSH" -c "$(awk '{ printf "ipcrm -%s %s 2>/dev/null\n", $1, $2 }' "$ids")" 2>/dev/null
	rm -f "$ids"
}
trap cleanup EXIT

# One shell makes all the objects (msgget/shmget builtins).
script=$(for i in $(seq "$NOBJ"); do echo 'echo q $(msgget -c private); echo m $(shmget -c private 4096)'; done)
"$IPCSH" -c "$script" >"$ids"
nq=$(awk 'NR > 1' /proc/sysvipc/msg | wc -l)
nm=$(awk 'NR > 1' /proc/sysvipc/shm | wc -l)
if [ "$nq" -lt "$NOBJ" ] || [ "$nm" -lt "$NOBJ" ]; then
	echo "bench ipcs: could not create $NOBJ queues and segments ($nq, $nm): MISSED"
	exit 0
fi

now() { date +%s%N; }
# best NAME CMD...: the fastest of ROUNDS rounds of RUNS runs, in ns per run.
best()
{
	local r i t0 t1 b=
	for r in $(seq "$ROUNDS"); do
		t0=$(now)
		for i in $(seq "$RUNS"); do
			"$@" >/dev/null
		done
		t1=$(now)
		t=$(( (t1 - t0) / RUNS ))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	echo "$b"
}
"$IPCSH" -c 'ipcs -a' >/dev/null	# warm the caches for both
# the shell's start-up and exit alone, which every ipcs run pays: what
# part of the target is left for the listing
start=$(best "$IPCSH" -c :)
for k in q a; do
	ours=$(best "$IPCSH" -c "ipcs -$k")
	util=$(best /usr/bin/ipcs -$k)
	bench_figure "ipcs-$k" "$(bench_ratio "$ours" "$util")" "<=" 0.2 \
	    "$nq queues + $nm segments, ipcs -$k: ours $(awk -v t="$ours" 'BEGIN { printf "%.2f ms", t / 1e6 }'), util-linux $(awk -v t="$util" 'BEGIN { printf "%.2f ms", t / 1e6 }')"
	bench_info "ipcs-$k-startup" "$(bench_ratio "$start" "$util")" ratio \
	    "ipcsh -c : alone (start-up and exit): $(awk -v t="$start" 'BEGIN { printf "%.2f ms", t / 1e6 }'), $(bench_ratio "$start" "$util")x util-linux's ipcs -$k"
done
