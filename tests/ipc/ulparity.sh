# ulparity.sh - sourced by tests/ipc/run: the builtins ipcs, ipcrm and
# ipcmk against /usr/bin/ipcs, ipcrm and ipcmk (util-linux) form by form:
# the same stdout, the same stderr (less our "ipcsh: N: " prefix), the
# same status and the same objects made or removed; every object made is
# removed. Only in a private IPC namespace: ipcmk makes objects there.

# ul_quote ARGS...: the words quoted for ipcsh -c.
ul_quote()
{
	local a out=
	for a in "$@"; do
		out="$out '${a//\'/\'\\\'\'}'"
	done
	printf '%s' "$out"
}

# ul_objs: one line per object: kind id perms size-or-nsems key kind uid
# gid (the key only as private or not: ipcmk's keys are random).
ul_objs()
{
	awk 'FNR > 1 {
		k = FILENAME; sub(".*/", "", k)
		key = $1 == 0 ? "private" : "key"
		if (k == "msg") print k, $2, $3, "-", key, $8, $9
		else if (k == "shm") print k, $2, $3, $4, key, $8, $9
		else print k, $2, $3, $4, key, $5, $6
	}' /proc/sysvipc/msg /proc/sysvipc/shm /proc/sysvipc/sem | sort
}

# ul_made BEFORE: the objects made since BEFORE (without their ids, which
# differ), each removed.
ul_made()
{
	local k id rest
	comm -13 <(printf '%s\n' "$1") <(ul_objs) | while read -r k id rest; do
		case $k in
		msg) /usr/bin/ipcrm -q "$id" ;;
		shm) /usr/bin/ipcrm -m "$id" ;;
		sem) /usr/bin/ipcrm -s "$id" ;;
		esac
		echo "$k $rest"
	done | sort | tr '\n' ';'
}

# ul_side OUT TOOL ARGS...: runs util-linux's TOOL (OUT u) or the builtin
# (OUT o); stdout, stderr, status and made objects into $tmp/OUT.
ul_side()
{
	local side=$1 tool=$2 before st
	shift 2
	before=$(ul_objs)
	if [ "$side" = u ]; then
		# argv[0] as a shell gives it: getopt's messages name it
		(exec -a "$tool" "/usr/bin/$tool" "$@") >"$tmp/$side.out" \
		    2>"$tmp/$side.err"
	else
		"$IPCSH" -c "$tool$(ul_quote "$@")" >"$tmp/$side.out" \
		    2>"$tmp/$side.err"
	fi
	st=$?
	sed -i -E 's/^ipcsh: ([0-9]+: )?//' "$tmp/$side.err"
	# after util-linux's line for a failed call the builtin explains the
	# errno in one more line ("ipcmk: semget: EINVAL: ..."): counted, then
	# left out of the comparison
	if [ "$side" = o ]; then
		grep -cE '^ipc(mk|rm): [a-z]+(\([A-Z_]+\))?: E[A-Z0-9]+: ' \
		    "$tmp/$side.err" >"$tmp/$side.explained"
		sed -i -E '/^ipc(mk|rm): [a-z]+(\([A-Z_]+\))?: E[A-Z0-9]+: /d' \
		    "$tmp/$side.err"
	fi
	# the ids ipcmk prints differ from one run to the other
	sed -i -E 's/(id: )[0-9]+$/\1ID/' "$tmp/$side.out"
	{
		echo "status $st"
		echo "made $(ul_made "$before")"
		echo "--- stdout"
		cat "$tmp/$side.out"
		echo "--- stderr"
		cat "$tmp/$side.err"
	} >"$tmp/$side.all"
}

# ul_same TOOL ARGS...: both ways, the same everything.
ul_same()
{
	local tool=$1
	shift
	ul_side u "$tool" "$@"
	ul_side o "$tool" "$@"
	if cmp -s "$tmp/u.all" "$tmp/o.all"; then
		t_ok "ipc/util-linux[$tool$(ul_quote "$@")]"
	else
		t_fail "ipc/util-linux[$tool$(ul_quote "$@")]" \
		    "$(diff "$tmp/u.all" "$tmp/o.all" | tr '\n' '|')"
	fi
}

# ul_rm_same NAME LEAVES ARGS...: an ipcrm form on a fresh queue and
# segment, @Q@ and @M@ in ARGS standing for their ids. LEAVES "kept"
# marks a malformed form: util-linux has removed what came before the bad
# word when it stops, the builtin removes nothing (it checks every
# argument first); the words and the status are still the same.
ul_rm_side()
{
	local side=$1 q m a args=()
	shift
	q=$("$IPCSH" -c 'msgget -c -p 600 0x7e57a001') || return
	m=$("$IPCSH" -c 'shmget -c -p 600 0x7e57a002 64') || return
	for a in "$@"; do
		a=${a//@Q@/$q}
		args+=("${a//@M@/$m}")
	done
	ul_side "$side" ipcrm "${args[@]}"
	sed -i -e "s/\b$q\b/@Q@/g" -e "s/\b$m\b/@M@/g" "$tmp/$side.all"
	awk -v q="$q" '$2 == q { f = 1 } END { print f ? "queue kept" : "queue gone" }' \
	    /proc/sysvipc/msg >>"$tmp/$side.all"
	awk -v m="$m" '$2 == m { f = 1 } END { print f ? "segment kept" : "segment gone" }' \
	    /proc/sysvipc/shm >>"$tmp/$side.all"
	/usr/bin/ipcrm -q "$q" -m "$m" 2>/dev/null
}
ul_rm_same()
{
	local leaves=$1
	shift
	ul_rm_side u "$@"
	ul_rm_side o "$@"
	if [ "$leaves" = kept ]; then
		sed -i -e 's/^made.*/made /' -e 's/^\(queue\|segment\) gone$/\1 kept/' "$tmp/u.all"
	fi
	if cmp -s "$tmp/u.all" "$tmp/o.all"; then
		t_ok "ipc/util-linux[ipcrm$(ul_quote "$@")]"
	else
		t_fail "ipc/util-linux[ipcrm$(ul_quote "$@")]" \
		    "$(diff "$tmp/u.all" "$tmp/o.all" | tr '\n' '|')"
	fi
}

if [ "${T_IPC_NS:-}" != private ]; then
	t_skip ipc/util-linux-forms "not in a private IPC namespace"
elif [ ! -x /usr/bin/ipcs ] || [ ! -x /usr/bin/ipcmk ] ||
    [ ! -x /usr/bin/ipcrm ]; then
	t_skip ipc/util-linux-forms "util-linux's ipcs, ipcrm, ipcmk missing"
elif [ "$(/usr/bin/ipcs -V)" != "ipcs from util-linux 2.38.1" ]; then
	t_skip ipc/util-linux-forms "util-linux is not 2.38.1: $(/usr/bin/ipcs -V)"
else
	for t in ipcs ipcrm ipcmk; do
		ul_same "$t" -V
		ul_same "$t" --version
		ul_same "$t" -h
		ul_same "$t" --help
		ul_same "$t" -x
		ul_same "$t" --frobnicate
		ul_same "$t" -V -x
		ul_same "$t" -x -V
	done
	# ipcs: operands ignored, options after them read; the id parser
	ul_same ipcs foo
	ul_same ipcs foo -q
	ul_same ipcs -q foo -c
	ul_same ipcs --hu -m
	ul_same ipcs -i
	ul_same ipcs --id
	ul_same ipcs -i abc
	ul_same ipcs -q -i abc
	ul_same ipcs -q -i 99999999999
	ul_same ipcs -q -i ''
	ul_same ipcs -q -i 0x5
	ul_same ipcs -q -i ' 424242'
	ul_same ipcs -i 424242
	ul_same ipcs -q -m -i 424242
	ul_same ipcs -q -i 424242
	ul_same ipcs -m --id=424242
	# ipcmk: sizes as strtosize() reads them, modes as strtoul base 8
	for a in 1.5K 1.25KiB 1.05K 1.0.5K 1.K 1.5KB 1KB 1kB 1k 1kiB 0x10K \
	    010 4096 ' 1K' 1.5 1.0 .5K 1X 1KIB 1.5b 1.5.5K 1,5K -1 '' \
	    99999999999999999999 1.5ZiB 2.999999999999999999999999K 1e; do
		ul_same ipcmk -M "$a"
	done
	for a in -1 8 1777 7777 600 ' 7' +7 '' 0x7 77777777777777777777777 \
	    -77777777777777777777777; do
		ul_same ipcmk -Q -p "$a"
	done
	ul_same ipcmk -M 1 -p -1
	ul_same ipcmk -S 2 -p -1
	ul_same ipcmk -Q foo
	ul_same ipcmk foo -Q
	ul_same ipcmk
	ul_same ipcmk foo
	ul_same ipcmk -M
	ul_same ipcmk -S 0
	t_eq ipc/util-linux-failure-explained 1 "$(cat "$tmp/o.explained")"
	ul_same ipcmk -S -1
	ul_same ipcmk -S abc
	ul_same ipcmk -S 99999999999
	ul_same ipcmk -Q -M 100 -S 2 -p 600
	ul_same ipcmk --shmem=2K --queue --semaphore=3 --mode=640
	# ipcrm
	ul_same ipcrm
	ul_rm_same gone -q @Q@
	ul_rm_same gone -v -q @Q@ -m @M@
	ul_rm_same gone --queue-id=@Q@ --shmem-key 0x7e57a002
	ul_rm_same gone -Q 0x7e57a001
	ul_rm_same gone -Q 2119671809
	ul_rm_same gone -M 0x7e57a001 -q @Q@
	ul_rm_same gone msg @Q@
	ul_rm_same gone shm @M@ -5
	ul_rm_same gone -q 424242 -q @Q@
	ul_rm_same gone -Q 0 -q @Q@
	ul_rm_same gone -q -5
	ul_rm_same gone -q ' 7'
	ul_rm_same kept -q @Q@ foo
	ul_rm_same kept -q @Q@ -m abc
	ul_rm_same kept -m @M@ -q 99999999999
	ul_rm_same kept -m @M@ -Q 99999999999999999999999
	ul_rm_same kept -m @M@ -Q ''
	ul_rm_same kept -m @M@ -q ''
	ul_rm_same kept -m @M@ -Q 0xzz
	ul_rm_same kept -m @M@ -x
	ul_rm_same kept -m @M@ -q
	ul_rm_same kept -m @M@ -a=foo
	ul_rm_same kept msg abc @Q@
	ul_rm_same kept msg
	ul_rm_same kept shm
fi
