# Issue 12's speed targets for the tape, as ratios of the same shell with
# the tape on and off, measured in one run: the throughput of
# `head -c 2G /dev/zero | cat > /dev/null` (>= 0.9x), a script of 1000
# /bin/true (<= 1.3x), and the cost of one tape event in microseconds.
set -u
. "$TOP/tests/lib/bench.sh"
bench_start tape "$IPCSH"

# best SECONDS-COMMAND...: the best of $rounds runs, in seconds.
best()
{
	local i
	for ((i = 0; i < rounds; i++)); do
		bench_once "$@"
	done | sort -n | head -n 1 | awk '{ printf "%.6f\n", $1 / 1e9 }'
}

pipe='head -c 2G /dev/zero | cat > /dev/null'
off=$(best "$IPCSH" -c "$pipe")
on=$(best "$IPCSH" --tape "$tmp/bench.tape" -c "$pipe")
bench_figure tape-pipe-throughput "$(bench_ratio "$off" "$on")" ">=" 0.9 \
    "throughput on/off of $pipe: off ${off}s, on ${on}s"

for ((i = 0; i < 1000; i++)); do echo /bin/true; done > "$tmp/true1000.sh"
off=$(best "$IPCSH" "$tmp/true1000.sh")
on=$(best "$IPCSH" --tape "$tmp/bench.tape" "$tmp/true1000.sh")
bench_figure tape-1000-true "$(bench_ratio "$on" "$off")" "<=" 1.3 \
    "1000 /bin/true on/off: off ${off}s, on ${on}s"

# per event: the extra time of the 1000 processes over the records written
"$IPCSH" --tape "$tmp/count.tape" "$tmp/true1000.sh" >/dev/null 2>&1
n=$(wc -l < "$tmp/count.tape")
us=$(awk -v a="$off" -v b="$on" -v n="$n" 'BEGIN { printf "%.1f", (b - a) * 1e6 / n }')
bench_info tape-per-event "$us" us \
    "${us} us a record (the extra time over $n records for 1000 /bin/true)"
