# Issue 18's pane targets: `ipcview -p ROOT` at 10 Hz on a tree of 500
# processes joined by 250 pipes uses at most the CPU of `top -d 0.1` on the
# same machine in the same run (both in one private tmux server, as a
# student's terminal would run them, over the same seconds); the floor
# program's loop at 10 Hz beside them for reference. Also the resident
# sizes of ipcview (500 processes watched) and top.
set -u
. "$TOP/tests/lib/bench.sh"
IPCVIEW=${IPCVIEW:-build/ipcview}
FLOOR=${BENCH_FLOOR:-build/bench/floor}
secs=${BENCH_PANE_SECONDS:-10}
S=ipcsh-b-$$
root= fl=

tm() { tmux -L "$S" "$@"; }
cleanup()
{
	[ -n "$fl" ] && kill "$fl" 2>/dev/null
	tm kill-server 2>/dev/null
	# the shell and every sleep of its session, by pid
	[ -n "$root" ] && kill -TERM $(pgrep -s "$root") 2>/dev/null
}
trap cleanup EXIT

if [ ! -x "$IPCVIEW" ] || [ ! -x "$FLOOR" ] || ! command -v tmux >/dev/null ||
    ! command -v top >/dev/null; then
	echo "bench pane: skipped, $IPCVIEW or $FLOOR not built, or tmux or top missing"
	exit 0
fi

setsid bash -c 'for i in $(seq 250); do sleep 1000 | sleep 1000 & done; wait' &
root=$!
for ((i = 0; i < 200; i++)); do
	[ "$(pgrep -s "$root" | wc -l)" -ge 501 ] && break
	sleep 0.05
done
n=$(pgrep -s "$root" | wc -l)
hz=$(getconf CLK_TCK)

tm -f /dev/null new-session -d -x 120 -y 40 -s "$S" "$IPCVIEW -p $root --interval 0.1"
tm set -g status off
tm new-window -d -t "$S:1" "top -d 0.1"
vpid=$(tm display -p -t "$S:0" '#{pane_pid}')
tpid=$(tm display -p -t "$S:1" '#{pane_pid}')
"$FLOOR" "$root" 1000000 0.1 >/dev/null &
fl=$!
for ((i = 0; i < 100; i++)); do
	[ "$(tm capture-pane -p -t "$S:0" | grep -c 'sleep 1000')" -ge 10 ] && break
	sleep 0.1
done
sleep 1
v0=$(bench_cpu_ticks "$vpid") t0=$(bench_cpu_ticks "$tpid") f0=$(bench_cpu_ticks "$fl")
sleep "$secs"
v1=$(bench_cpu_ticks "$vpid") t1=$(bench_cpu_ticks "$tpid") f1=$(bench_cpu_ticks "$fl")
vrss=$(bench_rss_kib "$vpid") trss=$(bench_rss_kib "$tpid")
pct() { awk -v a="$1" -v b="$2" -v hz="$hz" -v s="$secs" 'BEGIN { printf "%.1f", (b - a) / hz / s * 100 }'; }
vc=$(pct "$v0" "$v1") tc=$(pct "$t0" "$t1") fc=$(pct "$f0" "$f1")
bench_info pane-500-cpu "$vc" '%cpu' "ipcview -p at 10 Hz on $n processes: ${vc}% of a core (top -d 0.1 ${tc}%, floor loop ${fc}%)"
bench_info top-500-cpu "$tc" '%cpu' "top -d 0.1 with $n more processes: ${tc}% of a core"
bench_info floor-500-cpu "$fc" '%cpu' "floor program at 10 Hz on $n processes: ${fc}% of a core"
bench_figure pane-500-vs-top "$(bench_ratio "$vc" "$tc")" "<=" 1.0 \
    "ipcview -p ${vc}% vs top -d 0.1 ${tc}% of a core over ${secs}s, $n processes"
bench_info pane-500-rss "$vrss" KiB "ipcview -p resident with $n processes watched: $vrss KiB (top: $trss KiB)"
bench_info top-500-rss "$trss" KiB "top -d 0.1 resident: $trss KiB"
