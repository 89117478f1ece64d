# Issue 5's speed targets: one snapshot of a tree of 500 processes joined
# by 250 pipes, with 64 queues of 100 messages, against lsfd -p over the
# same pids plus ipcs -a (at most 0.5x their time); and the observer
# effect of ipcview --follow at 10 Hz on head -c 4G /dev/zero | cat
# (throughput at least 0.97x unwatched).
set -u
IPCVIEW=${IPCVIEW:-build/ipcview}
B=${BUILD_DIR:-build}/tests
tmp=${BENCHTMP:-$(mktemp -d)}
bytes=${BENCH_PROBE_BYTES:-4G}
rounds=${BENCH_PROBE_ROUNDS:-5}
root= queues=() pids=

cleanup()
{
	local q
	# the shell and the sleeps it started, by pid
	[ -n "$root" ] && kill -TERM "$root" ${pids//,/ } 2>/dev/null
	for q in "${queues[@]}"; do
		ipcrm -q "$q" 2>/dev/null
	done
}
trap cleanup EXIT

if [ ! -x "$IPCVIEW" ] || [ ! -x "$B/probe_loop" ] || ! command -v lsfd >/dev/null; then
	echo "bench probe: skipped, $IPCVIEW or $B/probe_loop not built, or lsfd missing"
	exit 0
fi

now() { date +%s%N; }

# The tree: 250 pipelines of two sleeps under one shell in its own session.
setsid bash -c 'for i in $(seq 250); do sleep 1000 | sleep 1000 & done; wait' &
root=$!
nprocs() { "$IPCVIEW" --once --json --messages 0 --pid "$root" | jq '.processes | length'; }
for i in $(seq 100); do
	[ "$(nprocs)" = 501 ] && break
	sleep 0.1
done
for i in $(seq 64); do
	q=$("$B/probe_msgq" create 600) || break
	queues+=("$q")
	"$B/probe_msgq" fill "$q" 100 || break
done
pids=$(pgrep -s "$root" | paste -sd,)
echo "tree: $(nprocs) processes, $("$IPCVIEW" --once --json --messages 0 --pid "$root" | jq '[.pipes[] | select(.writers[0].fd == 1)] | length') pipes between sleeps, ${#queues[@]} queues of 100 messages"

# probe_take alone, in one process (mean of 200)
"$B/probe_loop" "$root" 1000 200 >"$tmp/probe-loop"
read -r _ _ _ us <"$tmp/probe-loop"
echo "probe_take: $us us per snapshot (mean of 200)"

# commands, as a user runs them: mean wall time of N runs
runs=20
mean_ms()
{
	local t0 t1 i
	t0=$(now)
	for ((i = 0; i < runs; i++)); do
		"$@" >/dev/null 2>&1
	done
	t1=$(now)
	echo $(( (t1 - t0) / runs / 1000 ))
}
ours=$(mean_ms "$IPCVIEW" --once --json --pid "$root")
lsfd_us=$(mean_ms lsfd -p "$pids")
ipcs_us=$(mean_ms ipcs -a)
theirs=$((lsfd_us + ipcs_us))
ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.3f", a / b }')
echo "ipcview --once --json: $ours us; lsfd -p: $lsfd_us us; ipcs -a: $ipcs_us us"
if awk -v r="$ratio" 'BEGIN { exit !(r <= 0.5) }'; then
	echo "bench probe-snapshot: $ours us vs $theirs us, ratio $ratio (target <= 0.5): ok"
else
	echo "bench probe-snapshot: $ours us vs $theirs us, ratio $ratio (target <= 0.5): MISSED"
fi
cleanup
root= queues=() pids=

# Observer effect: head -c 4G /dev/zero | cat, unwatched and watched by
# ipcview --follow at 10 Hz, alternating; the best round of each.
run_pipe()
{
	local t0 t1 r f=
	t0=$(now)
	bash -c "head -c $bytes /dev/zero | cat >/dev/null" &
	r=$!
	if [ "$1" = watched ]; then
		"$IPCVIEW" --follow --interval 0.1 --pid "$r" >/dev/null &
		f=$!
	elif [ "$1" = ticked ]; then
		# a process that only wakes at 10 Hz, to tell the probe's cost
		# from the effect any periodic wakeup has on the scheduler
		(while kill -0 "$r" 2>/dev/null; do sleep 0.1; done) &
		f=$!
	fi
	wait "$r"
	t1=$(now)
	[ -n "$f" ] && { kill "$f" 2>/dev/null; wait "$f" 2>/dev/null; }
	echo $((t1 - t0))
}
best_u= best_w= best_t=
for ((i = 0; i < rounds; i++)); do
	u=$(run_pipe unwatched)
	w=$(run_pipe watched)
	t=$(run_pipe ticked)
	[ -z "$best_u" ] || [ "$u" -lt "$best_u" ] && best_u=$u
	[ -z "$best_w" ] || [ "$w" -lt "$best_w" ] && best_w=$w
	[ -z "$best_t" ] || [ "$t" -lt "$best_t" ] && best_t=$t
done
ratio=$(awk -v u="$best_u" -v w="$best_w" 'BEGIN { printf "%.3f", u / w }')
echo "head -c $bytes | cat: unwatched $((best_u / 1000000)) ms, watched $((best_w / 1000000)) ms, beside a 10 Hz sleep loop $((best_t / 1000000)) ms (best of $rounds)"
echo "watched/10 Hz sleep loop throughput: $(awk -v t="$best_t" -v w="$best_w" 'BEGIN { printf "%.3f", t / w }')"
if awk -v r="$ratio" 'BEGIN { exit !(r >= 0.97) }'; then
	echo "bench probe-observer: watched/unwatched throughput, ratio $ratio (target >= 0.97): ok"
else
	echo "bench probe-observer: watched/unwatched throughput, ratio $ratio (target >= 0.97): MISSED"
fi
