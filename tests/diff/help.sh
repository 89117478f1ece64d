# help.sh - sourced by tests/diff/run: every builtin of `help`'s list takes
# --help (its usage on stdout, status 0, nothing on stderr), except those
# that read --help as dash does (echo, printf, test, [, true, false, :),
# which must do exactly what dash does with it.

help_names=$("${envv[@]}" "$IPCSH" -c help | awk 'NR > 1 { print $1 }')
if [ -z "$help_names" ]; then
	t_fail diff/help-list "ipcsh -c help listed nothing"
fi
for b in $help_names; do
	case $b in
	echo|printf|test|'['|true|false|:) continue ;;
	esac
	"${envv[@]}" "$IPCSH" -c "$b --help" >"$work/h.out" 2>"$work/h.err" \
	    </dev/null
	st=$?
	if [ "$st" = 0 ] && [ -s "$work/h.out" ] && [ ! -s "$work/h.err" ] &&
	    grep -qF -- "$b" "$work/h.out"; then
		t_ok "diff/help[$b]"
	else
		t_fail "diff/help[$b]" "status $st, out $(head -c 80 "$work/h.out" | tr '\n' '|'), err $(head -c 80 "$work/h.err" | tr '\n' '|')"
	fi
done
# `command kill --help` and `exec --help` (the executor runs exec itself)
for c in "command kill --help" "exec --help"; do
	out=$("${envv[@]}" "$IPCSH" -c "$c" 2>&1)
	st=$?
	case $st:$out in
	0:usage:*) t_ok "diff/help[$c]" ;;
	*) t_fail "diff/help[$c]" "status $st: $out" ;;
	esac
done
# as dash: output, status and stderr (empty or not)
for c in "echo --help" "printf --help" "test --help; echo \$?" \
    "[ --help ]; echo \$?" "[ --help; echo \$?" "true --help; echo \$?" \
    "false --help; echo \$?" ": --help; echo \$?" "echo --help x"; do
	a=$(cd "$work" && "${envv[@]}" dash -c "$c" 2>"$work/d.err"; echo "status $?")
	[ -s "$work/d.err" ] && a="$a (stderr)"
	b=$(cd "$work" && "${envv[@]}" "$IPCSH" -c "$c" 2>"$work/i.err"; echo "status $?")
	[ -s "$work/i.err" ] && b="$b (stderr)"
	t_eq "diff/help-as-dash[$c]" "$a" "$b"
done
# Every help text fits an 80-column terminal (a projector at 80x24) in
# both languages: `help`, `help programs`, `help NAME` and `NAME --help`,
# measured in display columns (wc -L counts a Chinese character as two).
help_cmds=$(printf 'help\nhelp programs\n'
	for b in $help_names; do printf 'help %s\n%s --help\n' "$b" "$b"; done)
for lang in en zh; do
	wide=
	while IFS= read -r c; do
		w=$("${envv[@]}" LC_ALL=C.UTF-8 "$IPCSH" --lang "$lang" -c "$c" \
		    </dev/null 2>&1 | LC_ALL=C.UTF-8 wc -L)
		[ "$w" -gt 80 ] && wide="$wide [$c: $w]"
	done <<<"$help_cmds"
	if [ -z "$wide" ]; then
		t_ok "diff/help-80-columns[$lang]"
	else
		t_fail "diff/help-80-columns[$lang]" "wider than 80:$wide"
	fi
done
# In Chinese, `help` says each builtin in Chinese: a line of the list with
# no Chinese character in it is one left in English.
en_lines=$("${envv[@]}" "$IPCSH" --lang en -c help | awk 'NR > 1')
zh_lines=$("${envv[@]}" LC_ALL=C.UTF-8 "$IPCSH" --lang zh -c help | awk 'NR > 1')
left=$(printf '%s\n' "$zh_lines" | LC_ALL=C grep -v "$(printf '[\200-\377]')" | awk '{ print $1 }' | tr '\n' ' ')
if [ -z "$left" ] && [ "$(printf '%s\n' "$en_lines" | wc -l)" = "$(printf '%s\n' "$zh_lines" | wc -l)" ]; then
	t_ok "diff/help-zh"
else
	t_fail "diff/help-zh" "not in Chinese: $left"
fi
t_check "diff/help-zh-usage" grep -q '^    向进程、作业或进程组发送信号' \
    <<<"$("${envv[@]}" "$IPCSH" --lang zh -c 'help kill')"
# ipcsh --help and ipcview --help: in the language asked for (--lang after
# --help too, for ipcsh), within 80 columns, status 0. NAME|LANG|ARGS
while IFS='|' read -r name lang args; do
	case $name in ipcsh) prog=$IPCSH ;; *) prog=$IPCVIEW ;; esac
	# shellcheck disable=SC2086
	out=$("${envv[@]}" "$prog" $args </dev/null 2>&1)
	st=$?
	w=$(printf '%s\n' "$out" | wc -L)
	nzh=$(printf '%s\n' "$out" | LC_ALL=C grep -c "$(printf '[\200-\377]')")
	if [ "$st" = 0 ] && [ "$w" -le 80 ] &&
	    { { [ "$lang" = zh ] && [ "$nzh" -gt 10 ]; } ||
	    { [ "$lang" = en ] && [ "$nzh" = 0 ]; }; }; then
		t_ok "diff/help-lang[$name $args]"
	else
		t_fail "diff/help-lang[$name $args]" "status $st, $w columns, $nzh lines in Chinese"
	fi
done <<'EOF2'
ipcsh|zh|--help --lang zh
ipcsh|zh|--lang zh --help
ipcsh|en|--help
ipcview|zh|--lang zh --help
ipcview|en|--help
EOF2
