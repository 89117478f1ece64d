# Issue 12's speed targets for the tape, as ratios of the same shell with
# the tape on and off, measured in one run: the throughput of
# `head -c 2G /dev/zero | cat > /dev/null` (>= 0.9x), a script of 1000
# /bin/true (<= 1.3x), and the cost of one tape event in microseconds.
# The two sides alternate run by run (off, on, then on, off...), and the
# ratio is the median of the ratios of each pair of neighbouring runs, so
# the machine's load (other programs on its two cores) falls on both
# sides alike; the medians of each side are said beside it.
set -u
. "$TOP/tests/lib/bench.sh"
bench_start tape "$IPCSH"
runs=${BENCH_TAPE_RUNS:-$((rounds * 4 - 1))}

# side WHICH ARG...: one run of the shell, tape off or on; its nanoseconds.
side()
{
	local which=$1
	shift
	if [ "$which" = on ]; then
		bench_once "$IPCSH" --tape "$tmp/bench.tape" "$@"
	else
		bench_once "$IPCSH" "$@"
	fi
}

# interleave ARG...: $runs runs of each side, alternating which goes
# first; sets off and on to the median of each, in seconds, and ratio to
# the median of on/off over the pairs.
interleave()
{
	local i a b
	: > "$tmp/off.ns"
	: > "$tmp/on.ns"
	: > "$tmp/ratio"
	for ((i = 0; i < runs; i++)); do
		if [ $((i % 2)) -eq 0 ]; then
			a=$(side off "$@")
			b=$(side on "$@")
		else
			b=$(side on "$@")
			a=$(side off "$@")
		fi
		echo "$a" >> "$tmp/off.ns"
		echo "$b" >> "$tmp/on.ns"
		bench_ratio "$b" "$a" >> "$tmp/ratio"
		echo >> "$tmp/ratio"
	done
	off=$(bench_median < "$tmp/off.ns" | awk '{ printf "%.6f\n", $1 / 1e9 }')
	on=$(bench_median < "$tmp/on.ns" | awk '{ printf "%.6f\n", $1 / 1e9 }')
	ratio=$(bench_median < "$tmp/ratio")
}

load=$(cut -d ' ' -f 1-3 /proc/loadavg)
pipe='head -c 2G /dev/zero | cat > /dev/null'
interleave -c "$pipe"
bench_figure tape-pipe-throughput "$(bench_ratio 1 "$ratio")" ">=" 0.9 \
    "throughput on/off of $pipe: off ${off}s, on ${on}s (medians of $runs, load $load)"

for ((i = 0; i < 1000; i++)); do echo /bin/true; done > "$tmp/true1000.sh"
interleave "$tmp/true1000.sh"
bench_figure tape-1000-true "$ratio" "<=" 1.3 \
    "1000 /bin/true on/off: off ${off}s, on ${on}s (medians of $runs, load $load)"

# per event: the extra time of the 1000 processes over the records written
"$IPCSH" --tape "$tmp/count.tape" "$tmp/true1000.sh" >/dev/null 2>&1
n=$(wc -l < "$tmp/count.tape")
us=$(awk -v a="$off" -v b="$on" -v n="$n" 'BEGIN { printf "%.1f", (b - a) * 1e6 / n }')
bench_info tape-per-event "$us" us \
    "${us} us a record (the extra time over $n records for 1000 /bin/true)"
