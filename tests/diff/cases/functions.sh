# Functions (XCU 2.9.5): definitions, calls, positional parameters,
# return, recursion, local, redirections on the definition.
#### def-call
f() { echo x; }; f
#### def-multiline
f()
{
	echo x
}
f
#### def-spaces
f () { echo x; }; f
#### def-space-in-parens
f ( ) { echo x; }; f
#### subshell-body
f() ( echo sub; x=1 ); x=0; f; echo $x
#### group-body-changes-shell
f() { x=1; }; x=0; f; echo $x
#### if-body
f() if true; then echo yes; fi; f
#### for-body
f() for i in a b; do echo $i; done; f
#### while-body
f() while false; do :; done; f; echo $?
#### case-body
f() case $1 in a) echo A;; *) echo other;; esac; f a; f b
#### args
f() { echo "$# $1 $2"; }; f one two
#### args-at
f() { for a in "$@"; do echo "[$a]"; done; }; f 'a b' c ''
#### args-star
f() { echo "$*"; }; f a b c
#### args-restored
set -- x y; f() { echo $1; }; f inner; echo $1 $#
#### args-none
set -- x y; f() { echo $#; }; f
#### args-shift
f() { shift; echo "$@"; }; f a b c
#### dollar-zero
f() { echo $0; }; f | grep -c .
#### set-inside
f() { set -- p q r; echo $#; }; set -- a; f; echo $#
#### return-status
f() { return 3; }; f; echo $?
#### return-stops
f() { echo a; return; echo b; }; f
#### return-default-last
f() { false; return; }; f; echo $?
#### return-zero
f() { false; return 0; }; f; echo $?
#### return-in-loop
f() { for i in 1 2 3; do [ $i = 2 ] && return 7; echo $i; done; }; f; echo $?
#### return-in-while
f() { while :; do return 4; done; }; f; echo $?
#### return-nested-call
g() { return 2; }; f() { g; echo "g=$?"; return 5; }; f; echo $?
#### return-in-subshell
f() { (return 3); echo "sub=$?"; }; f
#### return-255
f() { return 255; }; f; echo $?
#### status-last-command
f() { false; }; f; echo $?
#### status-true
f() { true; }; f; echo $?
#### recursion-factorial
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1 - 1))) )); fi; }; fact 10
#### recursion-count
f() { [ $1 -gt 0 ] || return 0; echo $1; f $(($1 - 1)); }; f 5
#### recursion-deep
f() { [ $1 -gt 0 ] && f $(($1 - 1)); }; f 200; echo done
#### recursion-fib
fib() { if [ $1 -lt 2 ]; then echo $1; else echo $(( $(fib $(($1-1))) + $(fib $(($1-2))) )); fi; }; fib 10
#### local-basic
f() { local x=in; echo $x; }; x=out; f; echo $x
#### local-unset-after
f() { local y=1; echo $y; }; unset y; f; echo "[${y-unset}]"
#### local-no-value-keeps
f() { local x; echo "[$x]"; x=2; }; x=1; f; echo $x
#### local-seen-by-callee
g() { echo "g:$x"; }; f() { local x=f; g; }; x=top; f; echo $x
#### local-several
f() { local a=1 b=2; echo $a$b; }; a=x b=y; f; echo $a$b
#### local-nested
g() { local x=g; echo $x; }; f() { local x=f; g; echo $x; }; x=t; f; echo $x
#### local-outside-fails
local x=1
echo not-reached
#### local-export
f() { local x=1; export x; sh -c 'echo $x'; }; f; echo "[${x-}]"
#### redefine
f() { echo one; }; f; f() { echo two; }; f
#### redefine-inside
f() { f() { echo new; }; echo old; }; f; f
#### unset-f
f() { echo x; }; unset -f f; f 2>/dev/null; echo $?
#### unset-f-var-stays
f=1; f() { :; }; unset -f f; echo $f
#### var-and-func-same-name
f=var; f() { echo func; }; f; echo $f
#### def-status-zero
false; f() { :; }; echo $?
#### def-does-not-run
f() { echo ran; }; echo defined
#### redir-on-def
f() { echo body; } >out; f; cat out
#### redir-on-def-each-call
f() { echo $1; } >>log; f a; f b; cat log
#### redir-on-call
f() { echo hi; }; f >out2; cat out2
#### redir-stderr
f() { echo err >&2; }; f 2>/dev/null; echo ok
#### pipe-into
f() { tr a-z A-Z; }; echo abc | f
#### pipe-from
f() { echo one; echo two; }; f | wc -l
#### in-subst
f() { echo sub; }; x=$(f); echo "[$x]"
#### in-background
f() { echo bg >bgout; }; f & wait; cat bgout
#### prefix-assign-visible
f() { echo "[$v]"; }; v=1 f
#### prefix-assign-restored
v=0; f() { :; }; v=1 f; echo $v
#### prefix-assign-exported
f() { sh -c 'echo $w'; }; w=exp f
#### func-calls-func
a() { echo a; b; }; b() { echo b; }; a
#### defined-later
a() { b; }; b() { echo late; }; a
#### func-over-builtin-regular
echo() { printf 'mine\n'; }; echo hi
#### special-builtin-wins
set() { printf 'mine\n'; }; set -- a b; echo $#
#### command-skips-function
ls() { echo fn; }; command ls /dev/null
#### func-with-break-outside
f() { break; }; for i in 1 2; do f; echo $i; done
#### errexit-in-function
set -e; f() { false; echo no; }; f; echo after
#### errexit-tested-function
set -e; f() { false; echo still; }; if f; then echo t; fi
#### func-in-if-condition
f() { return 1; }; if f; then echo y; else echo n; fi
#### func-and-or
f() { return 1; }; f && echo y || echo n
#### func-name-underscore
_f_1() { echo u; }; _f_1
#### func-keyword-body-newline
f()
(
	echo paren
)
f
#### func-body-semicolon-list
f() { echo 1; echo 2; }; f; f
#### func-eval
eval 'f() { echo ev; }'; f
#### func-dot
echo 'g() { echo dotted; }' >lib.sh; . ./lib.sh; g
#### return-from-dot
printf 'echo in\nreturn 6\necho no\n' >r.sh; . ./r.sh; echo $?
#### return-top-level-c
echo a; return 3; echo b
#### return-from-eval-in-func
f() { eval 'return 9'; echo no; }; f; echo $?
#### func-type
f() { :; }; type f >/dev/null; echo $?
#### func-command-v
f() { :; }; command -v f
#### func-dollar-hash-zero
f() { echo $#; }; f
#### func-loop-continue-inside
f() { for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done; }; f
