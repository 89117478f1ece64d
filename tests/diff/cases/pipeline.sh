# Pipelines: status, SIGPIPE, builtins in pipelines, long pipelines.
#### two-stages
echo hello | tr a-z A-Z
#### three-stages
printf 'c\nb\na\n' | sort | head -n 2
#### status-is-last-true
false | true; echo $?
#### status-is-last-false
true | false; echo $?
#### status-is-last-exit
true | (exit 7); echo $?
#### sigpipe-yes-head
yes | head -n 1
#### sigpipe-yes-head-status
yes | head -n 1; echo $?
#### sigpipe-writer-status
(yes; echo $? >st) | head -n 1; cat st
#### sigpipe-seq
seq 1 1000000 | head -n 3
#### sigpipe-through-cats
yes | cat | cat | head -n 2
#### builtin-on-left
echo from-builtin | cat
#### builtin-read-in-pipeline-forked
echo x | read y; echo "[$y]"
#### cd-in-pipeline-forked
cd /; cd /usr | true; pwd
#### exit-in-pipeline-forked
exit 3 | true; echo still $?
#### assignment-in-pipeline-forked
x=1; true | x=2; echo $x
#### group-into-pipe
{ echo a; echo b; } | wc -l
#### subshell-into-pipe
(echo x; echo y) | sort -r
#### while-read-from-pipe
printf '1\n2\n3\n' | while read n; do echo "n=$n"; done
#### pipe-into-group
echo data | { read l; echo "got $l"; }
#### newline-after-pipe
echo a |
cat
#### bang-pipeline
! echo x | grep -q y; echo $?
#### stderr-not-piped
(echo out; echo err >&2) 2>/dev/null | cat
#### stderr-piped-with-dup
(echo out; echo err >&2) 2>&1 | sort
#### large-data
head -c 1000000 /dev/zero | cat | wc -c
#### many-lines
seq 1 10000 | cat | cat | tail -n 1
#### redirect-in-middle
echo a | cat >f | cat; cat f
#### background-pipeline
echo bg | cat >f & wait; cat f
#### head-closes-early
seq 1 100000 | cat | cat | head -n 1
#### killed-by-signal-in-pipeline
{ true | sh -c 'kill -HUP $$'; echo $?; } 2>/dev/null
#### not-found-first
nosuch_cmd_ipcsh_t 2>/dev/null | echo second; echo $?
#### not-found-last
echo x | nosuch_cmd_ipcsh_t 2>/dev/null; echo $?
#### loop-into-pipe
for i in 3 1 2; do echo $i; done | sort
#### pipeline-of-tr
echo abc | tr a b | tr b c | tr c d | tr d e | tr e f | tr f g | tr g h
#### pipeline-in-cmdsubst
echo $(echo one two | wc -w)
#### pipe-and-or
echo a | grep -q a && echo found || echo missing
#### pipe-wait-all-stages
(sleep 0.2; echo late >f) | true; cat f
#### pipe-stage-order-output
echo 1 | (cat; echo 2) | (cat; echo 3)
#### cat-60-stages
echo through | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat
#### cat-60-stages-many-lines
seq 1 3000 | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | wc -l
#### cat-120-stages
echo far | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat; echo $?
#### cat-60-stages-status
echo x | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | false; echo $?
#### tr-25-stages
echo a | tr a b | tr b c | tr c d | tr d e | tr e f | tr f g | tr g h | tr h i | tr i j | tr j k | tr k l | tr l m | tr m n | tr n o | tr o p | tr p q | tr q r | tr r s | tr s t | tr t u | tr u v | tr v w | tr w x | tr x y | tr y z | cat
#### sigpipe-60-stages
yes | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | head -n 1
