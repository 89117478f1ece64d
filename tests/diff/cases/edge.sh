# Corners: continuation, ENOEXEC scripts, PATH, SIGPIPE in builtins,
# background stdin, special-builtin errors, tricky quoting and lexing.
#### continuation-in-dollar-name
x=val; echo $\
x
#### continuation-in-operator
echo a &\
& echo b
#### continuation-in-arith
echo $((1+\
2))
#### continuation-not-in-single-quotes
printf '%s\n' 'a\
b'
#### comment-backslash-no-continuation
# comment \
echo visible
#### hash-alone-argument
echo #not-printed
#### dollar-ten-is-one-then-zero
set -- a b c d e f g h i j; echo $10 ${1}0
#### dollar-non-name
echo $% $/ "$"x
#### default-single-quoted-word
unset v; echo ${v:-'a  b'}
#### default-double-quoted-word
unset v; echo "${v:-"in  ner"}"
#### default-word-with-brace-quoted
unset v; echo ${v:-'}'}
#### backquote-dquote-escapes
echo "`echo \"a\"`"
#### cmdsubst-paren-in-quotes
echo $(echo "(") $(echo ')') $( echo \) )
#### cmdsubst-comment-inside
echo $(echo a # comment )
)
#### cmdsubst-deep-quotes
echo "$(echo "$(echo "a   b")")"
#### read-last-var-keeps-spaces
echo 'a b   c  d' | { read x y; echo "[$y]"; }
#### read-trailing-spaces-dropped
echo 'a b  ' | { read x y; echo "[$y]"; }
#### errexit-and-list-last
set -e; true && false; echo reached
#### errexit-ignored-in-if-subshell
if (set -e; false; echo in); then echo then; fi
#### status-in-pipeline-expansion
false; echo $? | cat
#### enoexec-script-run-by-shell
printf 'echo from-script $#\n' >s; chmod +x s; ./s a b
#### shebang-script
printf '#!/bin/sh\necho shebang $1\n' >s; chmod +x s; ./s arg
#### bad-interpreter
printf '#!/nonexistent_ipcsh/sh\necho no\n' >s; chmod +x s; ./s 2>/dev/null; echo $?
#### path-search-own-dir
mkdir bin; printf '#!/bin/sh\necho mine\n' >bin/mycmd; chmod +x bin/mycmd; PATH=$PWD/bin:$PATH; mycmd
#### path-empty-dir-not-found
PATH=/nonexistent_ipcsh; ls 2>/dev/null; echo $?
#### path-non-exec-skipped
mkdir b1 b2; printf 'echo one\n' >b1/c; printf '#!/bin/sh\necho two\n' >b2/c; chmod +x b2/c; PATH=$PWD/b1:$PWD/b2:$PATH; c
#### sigpipe-builtin-loop
while true; do echo y; done | head -n 1
#### sigpipe-builtin-subshell-status
(while true; do echo y; done; echo "loop ended" >&2) 2>/dev/null | head -n 2
#### exec-not-found-exits
exec nosuch_cmd_ipcsh_t; echo after
#### builtin-prefix-not-kept
x=1; x=2 true; echo $x
#### assignment-with-redirect
x=1 >f; echo $x; ls
#### dollar-star-empty-ifs
set -- a b c; IFS=; echo "$*"
#### dollar-at-glob-unquoted
touch a1; set -- 'a*'; echo $@ "$@"
#### dollar-at-positional-default
set -- ''; echo "[${1:-empty}]"
#### arith-double-negative
echo $((2- -3)) $((-(-3))) $((7 % -3))
#### arith-comparison-sum
echo $(( (1<2) + (3>2) + (2==3) ))
#### tilde-not-after-equals-in-arg
echo a=~ --opt=~
#### tilde-unknown-user
echo ~nosuchuser_ipcsh_t
#### brace-as-argument-in-group
{ echo }; }
#### reserved-after-semicolon
echo if; if true; then echo ok; fi
#### builtins-in-pipeline-chain
echo a | echo b | echo c
#### status-middle-pipeline
true | false | true; echo $?
#### cd-in-background
cd / ; cd /usr & wait; pwd
#### exit-in-background
exit 5 & wait; echo still
#### many-args
set -- $(seq 1 20000); echo $# $1 $9
#### long-line
echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx | wc -c
#### stdin-while-read-rest stdin
while read line; do echo "got $line"; done
a
b
#### stdin-exec-devnull-ends stdin
exec 0</dev/null
echo never
#### stdin-subshell-reads-rest stdin
(read x; echo "sub $x")
data line
echo after
#### redirect-stderr-through-pipe-only
(echo out; echo err >&2) 2>&1 >/dev/null | tr a-z A-Z
#### dup-fd9
echo x 9>f >&9; cat f
#### unicode-word
echo héllo wörld | wc -c
#### nested-subshell-depth
( ( ( ( ( ( ( ( ( ( echo ten ) ) ) ) ) ) ) ) ) )
#### group-semicolon-required-before-brace
{ echo a }
}
#### if-empty-condition
if then echo x; fi
#### pipeline-then-background-list
echo one | cat >f & echo two | cat >g & wait; cat f g
#### var-assign-cmdsubst-nosplit
x=$(echo 'a    b'); echo "$x"
#### empty-string-command
'' 2>/dev/null; echo $?
#### quoted-empty-then-args
"" a 2>/dev/null; echo $?
