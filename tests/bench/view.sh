# Issue 6's speed targets for ipcview's pane: CPU time over 20 s at 10 Hz
# watching 50 processes, 25 pipes and 8 queues, against htop -d 1 (also
# 10 Hz) watching the same machine; and the latency from a pipe becoming
# full to the pane showing it (median, at most one interval + 20 ms).
# Both run in a private tmux server, as a student's terminal would.
set -u
IPCVIEW=${IPCVIEW:-build/ipcview}
tmp=${BENCHTMP:-$(mktemp -d)}
secs=${BENCH_VIEW_SECONDS:-20}
rounds=${BENCH_VIEW_ROUNDS:-15}
S=ipcsh-t-$$
root= queues=()

tm() { tmux -L "$S" "$@"; }

cleanup()
{
	local q
	# the watched tree: root's children (every pipeline member), then root
	[ -n "$root" ] && pkill -TERM -P "$root" 2>/dev/null
	[ -n "$root" ] && kill -TERM "$root" 2>/dev/null
	for q in "${queues[@]}"; do
		ipcrm -q "$q" 2>/dev/null
	done
	tm kill-server 2>/dev/null
	rm -f "$tmp/ctl"
}
trap cleanup EXIT

if [ ! -x "$IPCVIEW" ] || ! command -v tmux >/dev/null; then
	echo "bench view: skipped, $IPCVIEW is not built or tmux is missing"
	exit 0
fi

# CPU seconds (utime + stime, proc(5) stat fields 14 and 15) of a pid.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null; }
hz=$(getconf CLK_TCK)

# The watched tree: 25 pipelines of two sleeps (50 processes, 25 pipes)
# under one shell that also runs "go"/"stop" commands for the latency test.
mkfifo "$tmp/ctl"
cat > "$tmp/root.sh" <<'EOF'
for i in $(seq 25); do sleep 1000 | sleep 1000 & done
exec 3<>"$1"
while read -r cmd <&3; do
	case $cmd in
	go) yes | sleep 1000 & last=$! ;;
	stop) pkill -P $$ -x yes; kill "$last"; wait "$last" ;;
	esac
done
EOF
bash "$tmp/root.sh" "$tmp/ctl" &
root=$!
for i in $(seq 8); do
	q=$(perl -MIPC::SysV=IPC_PRIVATE -e '
		my $id = msgget(IPC_PRIVATE, 0600) // die "msgget: $!";
		for my $t (1 .. 10) { msgsnd($id, pack("l! a*", $t, "message $t"), 0) or die; }
		print "$id\n";')
	queues+=($q)
done

tm -f /dev/null new-session -d -x 120 -y 40 -s "$S" \
    "$IPCVIEW --pid $root --interval 0.1"
tm set -g status off
vpid=$(tm display -p -t "$S:0" '#{pane_pid}')
have_htop=0
if command -v htop >/dev/null; then
	tm new-window -d -t "$S:1" "htop -d 1"
	hpid=$(tm display -p -t "$S:1" '#{pane_pid}')
	have_htop=1
fi
# let both settle (the tree is complete, first screens drawn)
for ((i = 0; i < 100; i++)); do
	[ "$(tm capture-pane -p -t "$S:0" | grep -c 'sleep 1000')" -ge 10 ] && break
	sleep 0.1
done
sleep 1
v0=$(cpu_ticks "$vpid") h0=$([ $have_htop = 1 ] && cpu_ticks "$hpid")
sleep "$secs"
v1=$(cpu_ticks "$vpid") h1=$([ $have_htop = 1 ] && cpu_ticks "$hpid")
vcpu=$(awk -v a="$v0" -v b="$v1" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz }')
if [ $have_htop = 1 ]; then
	hcpu=$(awk -v a="$h0" -v b="$h1" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz }')
	verdict=$(awk -v v="$vcpu" -v h="$hcpu" 'BEGIN { print (v < h) ? "ok" : "MISSED" }')
	echo "bench view cpu: ipcview ${vcpu}s vs htop -d 1 ${hcpu}s of CPU over ${secs}s at 10 Hz (50 processes, 25 pipes, 8 queues): $verdict"
	tm kill-window -t "$S:1"
else
	echo "bench view cpu: ipcview ${vcpu}s of CPU over ${secs}s at 10 Hz; htop is not installed (make bench installs it): MISSED"
fi

# Latency: "go" starts yes | sleep, which fills the pipe within a
# millisecond or two (fork, exec, 64 KiB of writes); the pane shows it when
# FULL is on screen. Timed from the "go", so an upper bound.
# full_gone WINDOW: waits (up to 5 s) until WINDOW no longer shows a full
# pipe, then for a random phase against the refresh timer.
full_gone()
{
	local i
	for ((i = 0; i < 500; i++)); do
		tm capture-pane -p -t "$1" | grep -q ' B FULL ' || break
		sleep 0.01
	done
	sleep "0.$((RANDOM % 10))"
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }
lat=()
for ((r = 0; r < rounds; r++)); do
	full=$(now_ms)
	echo go > "$tmp/ctl"
	shown=
	for ((i = 0; i < 2000; i++)); do
		if tm capture-pane -p -t "$S:0" | grep -q ' B FULL '; then
			shown=$(now_ms)
			break
		fi
	done
	# it was the real thing: yes is blocked writing
	for p in $(pgrep -P "$root" -x yes); do
		case $(cat /proc/$p/wchan 2>/dev/null) in
		*pipe_write) ;;
		*) shown= ;;
		esac
	done
	[ -n "$full" ] && [ -n "$shown" ] && lat+=($((shown - full)))
	echo stop > "$tmp/ctl"
	full_gone "$S:0"
done

# In the split screen the pane also looks right after a command (when the
# shell's output goes quiet), not only at the next tick. ipcview's debug
# log (-v) stamps each Enter, snapshot and redraw with CLOCK_MONOTONIC:
# time from Enter on "yes | sleep 100 &" to the first redraw of a snapshot
# holding the full pipe.
if [ -x "${IPCSH:-}" ]; then
	vlog=$tmp/view.log
	tm new-window -t "$S:2" "$IPCVIEW --shell $IPCSH -v $vlog"
	for ((i = 0; i < 100; i++)); do
		tm capture-pane -p -t "$S:2" | grep -q '^ ipcview' && break
		sleep 0.1
	done
	sleep 1
	for ((r = 0; r < rounds; r++)); do
		echo "round $r" >> "$vlog"
		tm send-keys -t "$S:2" 'yes | sleep 100 &' Enter
		for ((i = 0; i < 500; i++)); do
			tm capture-pane -p -t "$S:2" | grep -q ' B FULL ' && break
		done
		tm send-keys -t "$S:2" 'kill %%' Enter
		full_gone "$S:2"
	done
	tm kill-window -t "$S:2"
	# per round: the first Enter, then the first redraw after a full snapshot
	awk '/^round/ { if (e && d) print int((d - e) * 1000); e = 0; d = 0; f = 0; next }
	    / ui_keys: Enter/ { if (!e) e = $1 }
	    / ui_snapshot: .*\([1-9][0-9]* full\)/ { if (e && !d) f = 1 }
	    / ui_draw: pane drawn/ { if (f && !d) d = $1 }
	    END { if (e && d) print int((d - e) * 1000) }' "$vlog" > "$tmp/clat"
	cmed=$(sort -n "$tmp/clat" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] + 0 }')
	cmax=$(sort -n "$tmp/clat" | tail -n 1)
	echo "bench view command: Enter on yes | sleep 100 & -> full pipe drawn: median ${cmed} ms, max ${cmax} ms over $(wc -l < "$tmp/clat") rounds (split screen): $([ -s "$tmp/clat" ] && [ "$cmed" -le 120 ] && echo ok || echo MISSED)"
fi

if [ ${#lat[@]} -eq 0 ]; then
	echo "bench view latency: no measurement: MISSED"
	exit 0
fi
med=$(printf '%s\n' "${lat[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
max=$(printf '%s\n' "${lat[@]}" | sort -n | tail -n 1)
verdict=$([ "$med" -le 120 ] && echo ok || echo MISSED)
echo "bench view latency: pipe full -> shown: median ${med} ms, max ${max} ms over ${#lat[@]} rounds (target 120 ms at 10 Hz): $verdict"
