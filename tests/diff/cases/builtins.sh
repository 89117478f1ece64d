# Core builtins: read, cd, pwd, shift, exit, export, unset, readonly, ., exec...
#### read-basic
echo hello | { read x; echo $x; }
#### read-two-vars
echo 'a b c d' | { read x y; echo "$x|$y"; }
#### read-fewer-words
echo 'a' | { read x y; echo "$x|$y|"; }
#### read-backslash-removed
printf '%s\n' 'a\b' | { read x; echo "$x"; }
#### read-r-keeps-backslash
printf '%s\n' 'a\b' | { read -r x; printf '%s\n' "$x"; }
#### read-continuation
printf 'a\\\nb\n' | { read x; echo "$x"; }
#### read-r-no-continuation
printf 'a\\\nb\n' | { read -r x; printf '%s\n' "$x"; }
#### read-eof-status
printf 'noeol' | { read x; echo "$? $x"; }
#### read-empty-input
read x </dev/null; echo $?
#### read-strips-spaces
echo '   spaced   out  ' | { read x; echo "[$x]"; }
#### read-ifs-colon
echo 'a:b:c' | { IFS=: read x y; echo "$x $y"; }
#### read-from-file
printf 'one\ntwo\n' >f; { read a; read b; } <f; echo $a $b
#### read-loop-sum
printf '1\n2\n3\n' >f; s=0; while read n; do s=$((s+n)); done <f; echo $s
#### read-script-stdin stdin
read x
hello
echo $x
#### read-script-stdin-twice stdin
read a
first line
read b
second line
echo "$a/$b"
#### read-script-head stdin
head -n 1
this line is read by head
echo after
#### read-script-cat-rest stdin
cat
echo this is data for cat
#### cd-absolute
cd /usr && pwd
#### cd-home
cd && pwd
#### cd-dash
cd /usr; cd /; cd -; pwd
#### cd-oldpwd
cd /usr; cd /bin; echo $OLDPWD
#### cd-sets-pwd
cd /usr; echo $PWD
#### cd-fails
cd /nonexistent_ipcsh 2>/dev/null || echo failed; pwd
#### cd-relative
mkdir -p a/b; cd a/b; pwd; cd ..; pwd
#### cd-dotdot
cd /usr/bin; cd ..; pwd
#### cd-to-file-fails
touch f; cd f 2>/dev/null || echo notdir
#### pwd-start
pwd
#### pwd-env-matches
[ "$PWD" = "$(pwd)" ] && echo match
#### shift-one
set -- a b c; shift; echo $# $@
#### shift-n
set -- a b c d; shift 2; echo $@
#### shift-all
set -- a b; shift 2; echo "$#[$@]"
#### shift-too-many
set -- a; (shift 3) 2>/dev/null || echo failed; echo $#
#### shift-in-loop
set -- a b c; while [ $# -gt 0 ]; do echo $1; shift; done
#### export-to-child
export EV=1; sh -c 'echo $EV'
#### export-after-assign
ev2=x; export ev2; sh -c 'echo $ev2'
#### export-change-after
export ev3=a; ev3=b; sh -c 'echo $ev3'
#### unset-var
x=1; unset x; echo "[$x]"
#### unset-exported
export u=1; unset u; sh -c 'echo "[$u]"'
#### unset-missing-ok
unset nosuch_var; echo $?
#### readonly-assign-refused
readonly r=1; (r=2) 2>/dev/null || echo refused; echo $r
#### readonly-unset-refused
readonly r=1; (unset r) 2>/dev/null || echo refused; echo $r
#### readonly-name-then-value
r=5; readonly r; echo $r
#### true-false-colon
true; echo $?; false; echo $?; :; echo $?
#### colon-expands-args
: $(echo x >f); cat f
#### dot-sources
echo 'sv=sourced; echo in-file' >inc.sh; . ./inc.sh; echo $sv
#### dot-status
echo 'false' >inc.sh; . ./inc.sh; echo $?
#### dot-missing
(. ./nofile_ipcsh) 2>/dev/null || echo failed
#### dot-changes-dir
echo 'cd /usr' >inc.sh; . ./inc.sh; pwd
#### echo-n
echo -n abc; echo def
#### echo-spacing
echo a   b    c
#### echo-empty
echo; echo ""
#### echo-dash-dash-printed
echo -- x
#### type-builtin
type cd
#### type-external
type ls
#### type-missing
type nosuch_cmd_ipcsh_t >/dev/null 2>&1 || echo missing
#### command-v-builtin
command -v cd
#### command-v-external
command -v ls
#### command-v-missing
command -v nosuch_cmd_ipcsh_t || echo missing
#### exec-command
exec echo hi
#### exec-no-args
exec; echo still
#### exit-in-and
true && exit 4; echo no
#### set-from-cmdsubst
set -- $(echo a b c); echo $2
#### printf-builtin-or-external
printf '%s-%d\n' x 5
#### read-then-unchanged-var
x=keep; read x </dev/null; echo "[$x]"
#### export-multiple
export m1=a m2=b; sh -c 'echo $m1$m2'
