# Redirections: every operator, left-to-right order, exec, fd inheritance.
#### out-creates
echo hi >f; cat f
#### out-truncates
echo long-line >f; echo s >f; cat f
#### append
echo a >f; echo b >>f; cat f
#### append-creates
echo new >>f; cat f
#### input
echo content >f; cat <f
#### clobber-operator
echo a >|f; echo b >|f; cat f
#### read-write-existing
echo hello >f; cat <>f
#### read-write-creates
: <>newf; ls
#### read-write-fd
echo abc >f; exec 3<>f; read x <&3; echo $x; exec 3>&-
#### stdout-to-stderr
echo to-stderr >&2
#### dup-then-close-order
echo x >&2 2>/dev/null
#### order-dup-then-file
(echo out; echo err >&2) 2>&1 >f; echo ---; cat f
#### order-file-then-dup
(echo out; echo err >&2) >f 2>&1; cat f
#### order-file-then-dup-append
(echo one; echo two >&2) >>f 2>&1; (echo three >&2) 2>>f; cat f
#### explicit-fd-dup
echo x 3>f >&3; cat f
#### fd3-via-exec
exec 3>f; echo via3 >&3; exec 3>&-; cat f
#### close-stdout-error
(echo gone >&-) 2>/dev/null || echo write-failed
#### input-dup-fd
echo data >f; exec 4<f; cat <&4; exec 4<&-
#### input-fd-sequential-reads
printf 'line1\nline2\n' >f; exec 5<f; read a <&5; read b <&5; echo "$a $b"; exec 5<&-
#### redirect-before-command
>f echo first; cat f
#### redirect-between-args
echo a >f b; cat f
#### two-outputs-last-wins
echo x >f1 >f2; echo "[$(cat f1)] [$(cat f2)]"
#### stderr-to-file
ls /nonexistent_ipcsh 2>err; echo $?; [ -s err ] && echo has-err
#### stderr-append
(echo e1 >&2) 2>e; (echo e2 >&2) 2>>e; cat e
#### group-redirected
{ echo g1; echo g2; } >f; cat f
#### subshell-redirected
(echo s1; echo s2) >f; cat f
#### while-redirected
i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done >f; cat f
#### for-redirected
for i in a b; do echo $i; done >f; cat f
#### if-redirected
if true; then echo yes; fi >f; cat f
#### while-input-redirected
printf 'x\ny\n' >f; while read l; do echo "<$l>"; done <f
#### builtin-redirect-restored
echo a >f; echo b; cat f
#### pwd-redirected
pwd >f; echo after; cat f
#### target-from-variable
n=out.txt; echo v >$n; cat out.txt
#### target-quoted-space
echo q >"with space"; cat "with space"
#### target-dir-missing
echo x >/nonexistent_ipcsh/f || echo failed
#### input-missing
cat <nofile_ipcsh 2>/dev/null || echo failed
#### input-missing-cmd-not-run
cat <nofile_ipcsh >out 2>/dev/null; ls
#### exec-stdout
exec >f; echo into-file; echo also
#### exec-stdout-then-back
exec 3>&1 >f; echo hidden; exec >&3 3>&-; echo visible; cat f
#### exec-stdin stdin
printf 'l1\nl2\n' >f; exec <f; read a; read b; echo "$a,$b"
#### exec-fd-persists
exec 3>f; echo a >&3; echo b >&3; exec 3>&-; cat f
#### exec-redirect-status
exec 3>f; echo $?
#### exec-replaces-shell
exec echo replaced; echo not-reached
#### exec-external-status
exec sh -c 'exit 4'
#### exec-bad-fd-closed
exec 3>f; exec 3>&-; echo x >&3 2>/dev/null || echo closed
#### fds-child-sees-std-only
ls /proc/self/fd
#### fds-child-explicit
echo x >f; ls /proc/self/fd 5>g 7<f
#### fds-after-exec-redirect
exec 6>f; ls /proc/self/fd; exec 6>&-
#### fds-pipeline-member
ls /proc/self/fd | cat
#### fds-pipeline-middle
true | ls /proc/self/fd | cat
#### fds-cmdsubst
echo $(ls /proc/self/fd)
#### fds-subshell
(ls /proc/self/fd)
#### fds-closed-again
exec 6>f; exec 6>&-; ls /proc/self/fd
#### fds-background
ls /proc/self/fd >out & wait; cat out
#### fds-stderr-closed
ls /proc/self/fd 2>&-
#### fds-dup-kept
ls /proc/self/fd 3>&1
#### fds-group
{ ls /proc/self/fd; } 4>f
#### fds-loop
for i in 1; do ls /proc/self/fd; done
#### digit-word-not-fd
echo a2>f; cat f
#### fd-number-separated
echo x 2 >f; cat f
#### fd2-before-word
echo 2>f x; cat f; ls
#### dup-to-bad-fd
echo x >&7 2>/dev/null || echo bad-fd
#### stdin-closed-for-cat
cat <&- 2>/dev/null; echo $?
#### redirect-input-to-loop-var
echo 'word' >f; read w <f; echo $w
#### redirect-only-creates
>empty; ls -l empty | cut -c1-10
#### redirect-order-three
(echo o; echo e >&2) 3>&1 1>&2 2>&3 3>&- 2>/dev/null
#### dup-input-from-output-fd
echo hi >f; exec 3<f; cat 0<&3; exec 3<&-
#### noclobber-op-on-existing
echo old >f; echo new >|f; cat f
#### builtin-stderr-redirected
cd /nonexistent_ipcsh 2>/dev/null; [ $? -ne 0 ] && echo nonzero
#### append-twice-order
echo 1 >>f; echo 2 >>f; echo 3 >>f; cat f
