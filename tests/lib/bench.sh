# tests/lib/bench.sh - what every tests/bench script shares: recording a figure.
# bench_figure prints "bench NAME: ... ratio R (target OP T): ok|MISSED"
# (tests/bench/run keeps every such line in the history file); bench_info
# keeps a figure that has no target (a count, a size, a time reported
# beside its peer's).
#
# History rows (TSV, BENCH_HISTORY, default build/bench/history.tsv):
#   run  date  commit  figure  value  unit  op  target  verdict
# run is the start of the `make bench` run (one value for all its rows);
# op and target are "-" for a figure without a target.

# The shell the scripts measure, as tests/bench/run exports it.
IPCSH=${IPCSH:-build/ipcsh}
BENCH_HISTORY=${BENCH_HISTORY:-${BUILD_DIR:-build}/bench/history.tsv}
BENCH_RUN=${BENCH_RUN:-$(date +%Y%m%dT%H%M%S)}
BENCH_COMMIT=${BENCH_COMMIT:-$(git -C "${TOP:-.}" rev-parse --short HEAD 2>/dev/null || echo -)}

# bench_row FIGURE VALUE UNIT OP TARGET VERDICT: one history row.
bench_row()
{
	mkdir -p "$(dirname "$BENCH_HISTORY")" || return 1
	[ -s "$BENCH_HISTORY" ] ||
		printf 'run\tdate\tcommit\tfigure\tvalue\tunit\top\ttarget\tverdict\n' >"$BENCH_HISTORY"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$BENCH_RUN" \
	    "$(date +%Y-%m-%dT%H:%M:%S)" "$BENCH_COMMIT" "$1" "$2" "$3" "$4" \
	    "$5" "$6" >>"$BENCH_HISTORY"
}

# bench_figure NAME RATIO OP TARGET DETAIL: OP is "<=" or ">="; DETAIL says
# what was measured (both sides, with units). Prints the verdict line.
bench_figure()
{
	local name=$1 r=$2 op=$3 tg=$4 detail=$5 v
	if [ -z "$r" ] || ! awk -v r="$r" 'BEGIN { exit !(r + 0 == r) }'; then
		echo "bench $name: $detail, no measurement: MISSED"
		return 0
	fi
	v=$(awk -v r="$r" -v op="$op" -v t="$tg" 'BEGIN {
		ok = op == "<=" ? r <= t : r >= t
		print ok ? "ok" : "MISSED" }')
	r=$(awk -v r="$r" 'BEGIN { printf "%.3f", r }')
	echo "bench $name: $detail, ratio $r (target $op $tg): $v"
}

# bench_info NAME VALUE UNIT DETAIL: a figure kept without a target.
bench_info()
{
	echo "figure $1: $4"
	bench_row "$1" "$2" "$3" - - -
}

# bench_ratio A B: A / B with three decimals ("" when B is 0 or empty).
bench_ratio()
{
	awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.3f", a / b }'
}

# bench_cpu_ticks PID: utime + stime of PID in clock ticks (proc(5) stat
# fields 14 and 15), counting from after the comm field's last ')'.
bench_cpu_ticks()
{
	local s
	s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	s=${s##*) }
	# shellcheck disable=SC2086
	set -- $s
	echo $(( ${12} + ${13} ))
}

# bench_rss_kib PID: resident size (VmRSS of proc(5) status) in KiB.
bench_rss_kib()
{
	awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null
}

# bench_median: the median of numbers, one a line, on stdin.
bench_median()
{
	sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'
}

# bench_need NAME FILE...: ends the script with "bench NAME: skipped"
# unless every FILE is an executable.
bench_need()
{
	local name=$1 f
	shift
	for f; do
		if [ ! -x "$f" ]; then
			echo "bench $name: skipped, $f is not built"
			exit 0
		fi
	done
}

# bench_start NAME FILE...: the start of a script that times programs:
# skipped unless every FILE is an executable (bench_need); then tmp, the
# folder for its files (BENCHTMP, as tests/bench/run exports it), and
# rounds (BENCH_ROUNDS, default 3).
bench_start()
{
	bench_need "$@"
	tmp=${BENCHTMP:-$(mktemp -d)}
	rounds=${BENCH_ROUNDS:-3}
}

# bench_once CMD...: runs CMD once (output to /dev/null), prints the
# nanoseconds it took.
bench_once()
{
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1
	t1=$(date +%s%N)
	echo $((t1 - t0))
}
