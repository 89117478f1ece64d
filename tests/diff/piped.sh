# piped.sh - sourced by tests/diff/run: scripts read from a pipe (not a
# file: line by line, since the commands may read the same input), with
# compound commands of 10,000 and 100,000 lines, against dash and bash
# --posix; a command inside one reads the line that follows it.

# piped_gen KIND LINES: a script whose compound command has LINES lines.
piped_gen()
{
	awk -v kind="$1" -v n="$2" 'BEGIN {
		if (kind == "if") {
			print "i=0"; print "if true; then"
			for (k = 0; k < n; k++) print "  i=$((i + 1))"
			print "fi"; print "echo if $i"
		} else if (kind == "while") {
			print "n=0"; print "while [ $n -lt 3 ]; do"
			for (k = 0; k < n; k++) print "  :"
			print "  n=$((n + 1))"; print "done"; print "echo while $n"
		} else {
			print "f() {"
			for (k = 0; k < n; k++) print "  x=" k
			print "  echo func $x"; print "}"; print "f"
		}
	}'
}

# piped_same NAME REFS SCRIPT: the script piped into ipcsh gives what it
# gives piped into each reference shell (dash, bash: bash --posix), its
# output and status.
piped_same()
{
	local name=$1 refs=$2 script=$3 ref want got
	got=$(cat "$script" | timeout -k 5 60 "${envv[@]}" "$IPCSH" 2>&1; echo "st=$?")
	for ref in $refs; do
		if [ "$ref" = bash ]; then
			want=$(cat "$script" | "${envv[@]}" bash --posix 2>&1; echo "st=$?")
		else
			want=$(cat "$script" | "${envv[@]}" "$ref" 2>&1; echo "st=$?")
		fi
		if [ "$want" = "$got" ]; then
			t_ok "diff/piped/$name[$ref]"
		else
			t_fail "diff/piped/$name[$ref]" \
			    "wanted [$(printf '%s' "$want" | head -c 200)], got [$(printf '%s' "$got" | head -c 200)]"
		fi
	done
}

for kind in if while func; do
	piped_gen "$kind" 10000 >"$work/piped.sh"
	piped_same "$kind-10000" "dash bash" "$work/piped.sh"
done
# (bash --posix runs out of stack on a list of 100,000 commands)
piped_gen if 100000 >"$work/piped.sh"
piped_same if-100000 dash "$work/piped.sh"
# read in the body takes the line after the compound command: the shell
# read no further than its end (dash reads its script in blocks)
printf 'if true; then\n  : one\n  : two\n  read x\n  echo "got $x"\nfi\nthe next line\necho after\n' \
    >"$work/piped.sh"
piped_same read-after-compound bash "$work/piped.sh"
rm -f "$work/piped.sh"

# Descriptors the shell inherits past 2 are its script's to use (XCU 2.7:
# autoconf's `exec 5>>config.log` in a parent, `>&5` in the child shell):
# written, read and passed on to a child, as in dash and bash --posix.
printf 'from four\n' >"$work/fd4.txt"
for ref in dash bash ipcsh; do
	case $ref in
	bash) sh=(bash --posix) ;;
	dash) sh=(dash) ;;
	*) sh=("$IPCSH") ;;
	esac
	"${envv[@]}" "${sh[@]}" -c 'echo to three >&3; cat <&4; sh -c "echo child >&3"; echo st=$?' \
	    3>"$work/fd3.$ref" 4<"$work/fd4.txt" >"$work/fd.$ref.out" 2>&1
	cat "$work/fd3.$ref" >>"$work/fd.$ref.out"
done
for ref in dash bash; do
	if cmp -s "$work/fd.$ref.out" "$work/fd.ipcsh.out" &&
	    grep -q '^to three$' "$work/fd.ipcsh.out"; then
		t_ok "diff/inherited-fds[$ref]"
	else
		t_fail "diff/inherited-fds[$ref]" "wanted [$(head -c 200 "$work/fd.$ref.out")], got [$(head -c 200 "$work/fd.ipcsh.out")]"
	fi
done
rm -f "$work"/fd*
