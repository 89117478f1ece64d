# Issue 2's and 18's speed targets for ipcsh, as ratios against dash in the
# same run: startup, a script of 1000 /bin/true, a 200-stage pipeline, and
# the throughput of a pipe of cats.  Uses hyperfine when present (medians,
# best of several rounds that alternate which shell goes first), else a
# loop timed with date +%s%N.
set -u
. "$TOP/tests/lib/bench.sh"
bench_start shell "$IPCSH"

# bench_time RUNS WARMUP CMD...: prints the median seconds of one run.
bench_time()
{
	local runs=$1 warm=$2 i
	shift 2
	for ((i = 0; i < warm; i++)); do "$@" >/dev/null 2>&1; done
	for ((i = 0; i < runs; i++)); do
		bench_once "$@"
	done | sort -n | awk '{ a[NR] = $1 } END { printf "%.6f\n", a[int((NR + 1) / 2)] / 1e9 }'
}

# bench_pair RUNS WARMUP OURS DASH: sets ours and dash to the best median
# in seconds over $rounds rounds (with BENCH_COL=7: the best minimum, for
# throughput, where a run can only be slowed down by the machine's load).
bench_pair()
{
	local runs=$1 warm=$2 a=$3 b=$4 r csv o d col=${BENCH_COL:-4}
	ours="" dash=""
	[ "$col" = 4 ] || [ "$col" = 7 ] || return 1
	for ((r = 0; r < rounds; r++)); do
		if command -v hyperfine >/dev/null; then
			csv=$tmp/bench.csv
			if [ $((r % 2)) -eq 0 ]; then
				hyperfine -N --style none --warmup "$warm" --runs "$runs" \
					--export-csv "$csv" "$a" "$b" >/dev/null 2>&1 || return 1
				o=$(awk -F, -v c="$col" 'NR == 2 { print $c }' "$csv")
				d=$(awk -F, -v c="$col" 'NR == 3 { print $c }' "$csv")
			else
				hyperfine -N --style none --warmup "$warm" --runs "$runs" \
					--export-csv "$csv" "$b" "$a" >/dev/null 2>&1 || return 1
				d=$(awk -F, -v c="$col" 'NR == 2 { print $c }' "$csv")
				o=$(awk -F, -v c="$col" 'NR == 3 { print $c }' "$csv")
			fi
		else
			# shellcheck disable=SC2086
			o=$(bench_time "$runs" "$warm" $a)
			# shellcheck disable=SC2086
			d=$(bench_time "$runs" "$warm" $b)
		fi
		ours=$(awk -v x="$o" -v y="$ours" 'BEGIN { print (y == "" || x < y) ? x : y }')
		dash=$(awk -v x="$d" -v y="$dash" 'BEGIN { print (y == "" || x < y) ? x : y }')
	done
}

# bench_report NAME UNIT OP TARGET: prints the line for times ours/dash;
# OP "<=" compares ours/dash, ">=" compares dash/ours (a throughput).
bench_report()
{
	awk -v n="$1" -v op="$3" -v tg="$4" -v o="$ours" -v d="$dash" 'BEGIN {
		if (op == "<=") {
			r = o / d
			ok = r <= tg
			printf "bench %s: ours %.2f ms, dash %.2f ms, ratio %.3f (target <= %s): %s\n", n, o * 1000, d * 1000, r, tg, ok ? "ok" : "MISSED"
		} else {
			r = d / o
			ok = r >= tg
			printf "bench %s: ours %.0f MB/s, dash %.0f MB/s, ratio %.3f (target >= %s): %s\n", n, 2048 / o, 2048 / d, r, tg, ok ? "ok" : "MISSED"
		}
	}'
}

# 1. Startup: ipcsh -c true.
bench_pair 300 30 "$IPCSH -c true" "dash -c true" &&
	bench_report startup ms "<=" 1.05

# 2. A script of 1000 lines of /bin/true: spawning must be cheap.
for i in $(seq 1000); do echo /bin/true; done >"$tmp/true1000.sh"
bench_pair 10 2 "$IPCSH $tmp/true1000.sh" "dash $tmp/true1000.sh" &&
	bench_report script-1000-true ms "<=" 1.0

# 3. A 200-stage pipeline of cat fed one line.
{
	printf 'echo line'
	for i in $(seq 200); do printf ' | cat'; done
	printf ' >/dev/null\n'
} >"$tmp/pipe200.sh"
bench_pair 20 3 "$IPCSH $tmp/pipe200.sh" "dash $tmp/pipe200.sh" &&
	bench_report pipeline-200-cat ms "<=" 0.95

# 4. Throughput: 2 GiB through two cats.
echo 'head -c 2G /dev/zero | cat | cat >/dev/null' >"$tmp/thru.sh"
BENCH_COL=7 bench_pair 3 1 "$IPCSH $tmp/thru.sh" "dash $tmp/thru.sh" &&
	bench_report throughput-2G MB/s ">=" 0.98


# Issue 18's interpreter figures, measured only for now (the executor is
# being rewritten): instructions per `:` line and per /bin/true line
# (callgrind, the shell process only: the difference between scripts of
# 2N and N lines, over N), system calls per external command (strace of
# the shell process only, the same difference), a 100,000-step while loop
# of arithmetic, and resident sizes after start-up and after a
# 10,000-line script.
lines() { for ((i = 0; i < $1; i++)); do echo "$2"; done >"$3"; }
# cg_instr SHELL SCRIPT: instructions of the shell process alone.
cg_instr()
{
	rm -f "$tmp"/cg.*
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.%p" \
	    "$1" "$2" >/dev/null 2>"$tmp/cg.log" || return 1
	# the first process's file: its pid is in valgrind's first line
	awk '/^==[0-9]+==/ { gsub(/=/, "", $1); print $1; exit }' "$tmp/cg.log" |
	    { read -r p; awk '/^(summary|totals):/ { print $2; exit }' "$tmp/cg.$p"; }
}
per_line()
{
	local sh=$1 what=$2 n=$3 a b
	lines "$n" "$what" "$tmp/l1.sh"
	lines $((2 * n)) "$what" "$tmp/l2.sh"
	a=$(cg_instr "$sh" "$tmp/l1.sh") b=$(cg_instr "$sh" "$tmp/l2.sh")
	awk -v a="$a" -v b="$b" -v n="$n" 'BEGIN { if (a != "" && b != "") printf "%.0f", (b - a) / n }'
}
if command -v valgrind >/dev/null; then
	for w in ':' '/bin/true'; do
		n=$([ "$w" = : ] && echo 2000 || echo 100)
		o=$(per_line "$IPCSH" "$w" "$n") d=$(per_line dash "$w" "$n")
		tag=$([ "$w" = : ] && echo colon || echo true)
		bench_info "instr-per-$tag-line" "$o" instr "callgrind, shell process only: $o instructions per '$w' line (dash $d)"
		bench_info "instr-per-$tag-line-dash" "$d" instr "dash: $d instructions per '$w' line"
		bench_figure "instr-per-$tag-line-vs-dash" "$(bench_ratio "$o" "$d")" "<=" 1.0 \
		    "instructions per '$w' line: ours $o, dash $d"
	done
fi
if command -v strace >/dev/null; then
	sc() { strace -c -o "$tmp/sc" "$1" "$2" >/dev/null 2>&1; awk '$NF == "total" { print $(NF-2) + 0 }' "$tmp/sc"; }
	lines 100 /bin/true "$tmp/t1.sh"
	lines 200 /bin/true "$tmp/t2.sh"
	o=$(awk -v a="$(sc "$IPCSH" "$tmp/t1.sh")" -v b="$(sc "$IPCSH" "$tmp/t2.sh")" 'BEGIN { printf "%.1f", (b - a) / 100 }')
	d=$(awk -v a="$(sc dash "$tmp/t1.sh")" -v b="$(sc dash "$tmp/t2.sh")" 'BEGIN { printf "%.1f", (b - a) / 100 }')
	bench_info syscalls-per-command "$o" calls "strace -c, shell process only: $o system calls per external command (dash $d)"
	bench_figure syscalls-per-command-vs-dash "$(bench_ratio "$o" "$d")" "<=" 1.0 \
	    "system calls per external command: ours $o, dash $d"
	# what start-up costs the kernel: an empty script
	: >"$tmp/empty.sh"
	o=$(sc "$IPCSH" "$tmp/empty.sh") d=$(sc dash "$tmp/empty.sh")
	bench_info syscalls-startup "$o" calls "strace -c: $o system calls to start and run an empty script (dash $d)"
	bench_figure syscalls-startup-vs-dash "$(bench_ratio "$o" "$d")" "<=" 1.05 \
	    "system calls at start-up: ours $o, dash $d"
fi
# the best of BENCH_WHILE_RUNS runs each, the two shells alternating (one
# run is at the mercy of the machine's load), ours cut at
# BENCH_WHILE_LIMIT seconds (a shell without a builtin test(1) spawns [
# at every step)
steps=${BENCH_WHILE_STEPS:-100000}
echo "i=0; while [ \$i -lt $steps ]; do i=\$((i + 1)); done" >"$tmp/while.sh"
o="" d="" rc=0
for ((r = 0; r < ${BENCH_WHILE_RUNS:-5} && rc != 124; r++)); do
	t0=$(date +%s%N); timeout "${BENCH_WHILE_LIMIT:-60}" "$IPCSH" "$tmp/while.sh"; rc=$?; t1=$(date +%s%N)
	[ -z "$o" ] || [ $((t1 - t0)) -lt "$o" ] && o=$((t1 - t0))
	t0=$(date +%s%N); dash "$tmp/while.sh"; t1=$(date +%s%N)
	[ -z "$d" ] || [ $((t1 - t0)) -lt "$d" ] && d=$((t1 - t0))
done
ms() { awk -v t="$1" 'BEGIN { printf "%.1f ms", t / 1e6 }'; }
if [ "$rc" -eq 124 ]; then
	bench_figure while-$steps "" "<=" 1.0 "while loop of $steps steps: ours over ${BENCH_WHILE_LIMIT:-60} s (cut), dash $(ms "$d")"
else
	bench_figure while-$steps "$(bench_ratio "$o" "$d")" "<=" 1.0 "while loop of $steps steps: ours $(ms "$o"), dash $(ms "$d")"
fi
# resident sizes: an external awk reads the shell's status while it waits
rss='awk "/^VmRSS:/ { print \$2 }" /proc/$$/status'
echo "$rss" >"$tmp/rss0.sh"
{ for ((i = 0; i < 10000; i++)); do echo "x$((i % 100))=\$((i + $i))"; done; echo "$rss"; } >"$tmp/rss1.sh"
for f in rss0 rss1; do
	o=$("$IPCSH" "$tmp/$f.sh") d=$(dash "$tmp/$f.sh")
	what=$([ $f = rss0 ] && echo "after start-up" || echo "after a 10,000-line script")
	tag=$([ $f = rss0 ] && echo start || echo 10000-lines)
	bench_info "rss-$tag" "$o" KiB "ipcsh resident $what: $o KiB (dash $d KiB, ratio $(bench_ratio "$o" "$d"))"
	bench_info "rss-$tag-dash" "$d" KiB "dash resident $what: $d KiB"
done

exit 0
