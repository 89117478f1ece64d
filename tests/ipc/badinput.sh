# badinput.sh - sourced by tests/ipc/run: bad arguments get a clear error
# and change nothing (/proc/sysvipc and the segment's bytes stay as they
# were): key 0 where a key names an existing object, numbers out of the
# kernel's range, shmwrite without text, pids out of pid_t's range.

bq=$(mkq -p 600 private)
bm=$("$IPCSH" -c 'shmget -c -p 600 private 64') && track m "$bm"
"$IPCSH" -c "shmwrite $bm abcdef"
bytes() { "$IPCSH" -c "shmread -x $bm" | cksum; }
sysvipc() { cat /proc/sysvipc/msg /proc/sysvipc/shm /proc/sysvipc/sem; }
# bad_input NAME STATUS MESSAGE COMMAND: the status, the message on
# stderr, and nothing changed (in a private IPC namespace only we change
# anything; else only our segment's bytes are compared)
bad_input()
{
	local name=$1 want_st=$2 want_msg=$3 before_s before_b after_s st
	# (reading the bytes attaches: its times are in /proc/sysvipc/shm)
	before_b=$(bytes)
	before_s=$(sysvipc)
	run "$4"
	st=$?
	after_s=$(sysvipc)
	t_eq "ipc/bad-input-$name" "$want_st:$want_msg" \
	    "$st:$(errtext | head -n 1)"
	if [ "${T_IPC_NS:-}" = private ]; then
		t_eq "ipc/bad-input-$name-unchanged" "$before_s" "$after_s"
	fi
	t_eq "ipc/bad-input-$name-bytes" "$before_b" "$(bytes)"
}
bad_input msgrcv-key-0 2 \
    "msgrcv: key 0 is IPC_PRIVATE: it always makes a new object; use the id" \
    "msgrcv -n -k 0x00000000"
bad_input msgsnd-key-private 2 \
    "msgsnd: key 0 is IPC_PRIVATE: it always makes a new object; use the id" \
    "msgsnd -k private 1 hello"
bad_input qbytes-range 2 \
    "msgctl: set: qbytes=4294967296: out of range (0 to 2147483647)" \
    "msgctl $bq set qbytes=4294967296"
bad_input qbytes-negative 2 \
    "msgctl: set: qbytes=-1: out of range (0 to 2147483647)" \
    "msgctl $bq set qbytes=-1"
bad_input shmwrite-no-text 2 \
    "usage: shmwrite [-o <offset>] [--hold <seconds>] <id> <text>..." \
    "shmwrite $bm"
bad_input wait-pid-range 2 \
    "wait: 99999999999: pid out of range (1 to 2147483647)" \
    "wait 99999999999"
bad_input kill-pid-range 1 \
    "kill: 99999999999: pid out of range (-2147483648 to 2147483647)" \
    "kill -0 99999999999"
bad_input kill-pgrp-range 1 \
    "kill: -4294967297: pid out of range (-2147483648 to 2147483647)" \
    "kill -0 -- -4294967297"
# the control: a good qbytes does change the queue
run "msgctl $bq set qbytes=1000; msgctl $bq stat"
t_check ipc/qbytes-in-range grep -qx 'msg_qbytes    1000' "$tmp/out"
