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
