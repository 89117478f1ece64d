# Issue 19's socket target: one snapshot (probe_take, mean of 200) of 250
# socketpairs joining 500 processes costs at most 1.2x one of 250 pipes
# joining 500 processes of the same shape (tests/bench/sockpairs.c).
set -u
. "$TOP/tests/lib/bench.sh"
IPCVIEW=${IPCVIEW:-build/ipcview}
B=${BUILD_DIR:-build}
root=

cleanup()
{
	[ -n "$root" ] && kill -TERM $(pgrep -P "$root") "$root" 2>/dev/null
	[ -n "$root" ] && wait "$root" 2>/dev/null
	root=
}
trap cleanup EXIT

bench_need sock "$B/bench/sockpairs" "$B/tests/probe_loop"

# us_per_snapshot pipe|sock: the mean time of one snapshot of the tree
us_per_snapshot()
{
	local i n us
	"$B/bench/sockpairs" 250 "$1" &
	root=$!
	for ((i = 0; i < 100; i++)); do
		n=$(pgrep -P "$root" | wc -l)
		[ "$n" = 500 ] && break
		sleep 0.1
	done
	"$B/tests/probe_loop" "$root" 1000 200 >"$B/bench/sock-loop" || return 1
	read -r _ _ _ us <"$B/bench/sock-loop"
	rm -f "$B/bench/sock-loop"
	cleanup
	echo "$us"
}

pipe_us=$(us_per_snapshot pipe)
sock_us=$(us_per_snapshot sock)
ratio=$(awk -v a="$sock_us" -v b="$pipe_us" 'BEGIN { if (b > 0) printf "%.3f", a / b }')
bench_figure sock-vs-pipe-snapshot "$ratio" "<=" 1.2 \
    "250 socketpairs among 500 processes $sock_us us, 250 pipes $pipe_us us per snapshot"
