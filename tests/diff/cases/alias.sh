# Aliases (XCU 2.3.1): substitution of a command name word, the
# trailing-blank rule, no recursion, alias and unalias builtins.
#### basic
alias say='echo said'
say hi
#### define-status
alias a=b; echo $?
#### list-one
alias ll='ls -l'
alias ll
#### list-all-one
alias one='echo 1'
alias
#### list-value-quoted
alias sp='echo a  b'
alias sp
#### not-found-status
alias nosuch; echo $?
#### not-found-quiet-stdout
alias nosuch 2>/dev/null; echo $?
#### unalias
alias x='echo x'
unalias x
x 2>/dev/null; echo $?
#### unalias-status
alias x=y; unalias x; echo $?
#### unalias-missing
unalias nosuch 2>/dev/null; echo $?
#### unalias-a
alias a=b c=d
unalias -a
alias; echo $?
#### same-line-not-applied
alias hi='echo alias'; hi 2>/dev/null; echo $?
#### next-line-applied
alias hi='echo alias'
hi
#### with-args
alias e='echo prefix'
e one two
#### redefine
alias r='echo 1'
alias r='echo 2'
r
#### no-recursion
alias echo='echo wrapped'
echo hi
#### no-recursion-chain
alias a='b x' b='a y'
a 2>/dev/null; echo $?
#### chain
alias first=second second='echo chained'
first
#### trailing-blank
alias e='echo ' w=world
e w
#### trailing-blank-chain
alias e='echo ' n='nested ' w=world
e n w
#### no-trailing-blank
alias e='echo' w=world
e w
#### trailing-tab
alias e='echo	' w=world
e w
#### only-command-position
alias w=world
echo w
#### after-semicolon
alias s='echo s'
true; s
#### after-and
alias s='echo s'
true && s
#### after-pipe
alias up='tr a-z A-Z'
echo abc | up
#### after-bang
alias t=true
! t; echo $?
#### after-assignment
alias show='echo shown'
x=1 show
#### after-redirect
alias show='echo shown'
>out show; cat out
#### in-if
alias yes='echo yes'
if true; then yes; fi
#### in-while-body
alias p='echo p'
i=0; while [ $i -lt 2 ]; do p; i=$((i+1)); done
#### in-function-def
alias p='echo at-def'
f() { p; }
f
#### defined-in-function-later
f() { alias q='echo q'; }
f
q
#### quoted-not-expanded
alias ls='echo aliased'
'ls' /dev/null
#### backslash-not-expanded
alias ls='echo aliased'
\ls /dev/null
#### partly-quoted-not-expanded
alias ab='echo ab'
a"b" 2>/dev/null; echo $?
#### value-with-semicolon
alias two='echo one; echo two'
two
#### value-with-pipe
alias count='wc -l'
printf 'a\nb\n' | count
#### value-with-redirect
alias toerr='echo err >&2'
toerr 2>/dev/null; echo ok
#### value-keyword
alias begin='{' end='}'
begin echo grouped; end
#### value-if
alias when='if'
when true; then echo when; fi
#### value-with-var
alias v='echo $X'
X=late; v
#### value-single-quotes
alias q="echo 'quoted text'"
q
#### value-empty
alias nothing=''
nothing echo still
#### alias-of-builtin
alias cd='echo no-cd'
cd /
#### reserved-word-not-alias
alias if='echo aliased-if'
if true; then echo real-if; fi
#### in-eval
alias ev='echo from-eval'
eval ev
#### eval-defines
eval "alias ed='echo eval-defined'"
ed
#### in-subshell
alias s='echo sub'
(s)
#### in-command-subst
alias s='echo subst'
x=$(s); echo "[$x]"
#### dot-file
alias d='echo dotted'
echo d >f.sh; . ./f.sh
#### unalias-inside-line
alias u='echo u'
unalias u; u 2>/dev/null; echo $?
#### name-with-dot
alias a.b='echo dot'
a.b
#### name-with-dash
alias a-b='echo dash'
a-b
#### name-digits
alias 9x='echo nine'
9x
#### bad-name-equals
alias 'a=b=c'
alias a
#### multiple-define
alias x1='echo 1' x2='echo 2'
x1; x2
#### multiple-show
alias x1='echo 1' x2='echo 2'
alias x1 x2
#### type-alias
alias ll='ls -l'
type ll
#### command-v-alias
alias ll='ls -l'
command -v ll
#### alias-in-case-body
alias s='echo case-s'
case a in a) s;; esac
#### alias-for-for
alias loop='for i in 1 2; do echo $i; done'
loop
#### alias-after-time-prefix-word
alias e='echo '
e e
#### expand-once-per-word
alias x='echo x '
x x x
