# Issue 18's snapshot targets: `ipcview --once -p ROOT` (text, and --json)
# takes at most 1.0x the time of the floor program (tests/bench/floor.c,
# the least one snapshot must do) on the same tree, for trees of 50 and
# 500 processes joined by pipes; whole processes, output to /dev/null,
# the medians of single runs interleaved (floor, text, JSON, floor...),
# so that a burst of load on the machine falls on all three alike.
set -u
. "$TOP/tests/lib/bench.sh"
IPCVIEW=${IPCVIEW:-build/ipcview}
FLOOR=${BENCH_FLOOR:-build/bench/floor}
rounds=${BENCH_SNAP_ROUNDS:-1}
root=

cleanup()
{
	[ -n "$root" ] && kill -TERM $(pgrep -s "$root") 2>/dev/null
	root=
}
trap cleanup EXIT

bench_need snapshot "$IPCVIEW" "$FLOOR"

# one_ns CMD...: wall time of one run of CMD, in ns.
one_ns()
{
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null
	t1=$(date +%s%N)
	echo $((t1 - t0))
}

for npairs in 25 250; do
	setsid bash -c "for i in \$(seq $npairs); do sleep 1000 | sleep 1000 & done; wait" &
	root=$!
	want=$((2 * npairs + 1))
	for ((i = 0; i < 200; i++)); do
		[ "$(pgrep -s "$root" | wc -l)" -ge "$want" ] && break
		sleep 0.05
	done
	n=$(pgrep -s "$root" | wc -l)
	runs=$(( (npairs == 25 ? 101 : 31) * rounds ))
	: >"$BENCHTMP/f"; : >"$BENCHTMP/t"; : >"$BENCHTMP/j"
	for ((r = 0; r < runs; r++)); do
		one_ns "$FLOOR" "$root" >>"$BENCHTMP/f"
		one_ns "$IPCVIEW" --once -p "$root" >>"$BENCHTMP/t"
		one_ns "$IPCVIEW" --once --json -p "$root" >>"$BENCHTMP/j"
	done
	bf=$(bench_median <"$BENCHTMP/f")
	bt=$(bench_median <"$BENCHTMP/t")
	bj=$(bench_median <"$BENCHTMP/j")
	ms() { awk -v t="$1" 'BEGIN { printf "%.2f ms", t / 1e6 }'; }
	bench_info "floor-$n" "$bf" ns "floor program, one snapshot of $n processes: $(ms "$bf")"
	bench_figure "once-$n-vs-floor" "$(bench_ratio "$bt" "$bf")" "<=" 1.0 \
	    "ipcview --once -p, $n processes: $(ms "$bt") vs floor $(ms "$bf")"
	bench_figure "once-json-$n-vs-floor" "$(bench_ratio "$bj" "$bf")" "<=" 1.0 \
	    "ipcview --once --json -p, $n processes: $(ms "$bj") vs floor $(ms "$bf")"
	cleanup
done
