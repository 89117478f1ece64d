# Syntax errors: status 2, a message, and nothing of the line runs.
#### unclosed-paren
echo before; (echo inner
#### unmatched-close-paren
echo before; )
#### missing-fi
echo before; if true; then echo yes
#### fi-alone
echo before; fi
#### missing-done
echo before; while false; do echo x
#### done-alone
echo a; done
#### double-semicolon
echo a;; echo b
#### leading-pipe
| echo x
#### trailing-pipe
echo x |
#### double-pipe-symbol
echo a | | echo b
#### and-and-missing-command
echo a && && echo b
#### leading-and
&& echo x
#### leading-or
|| echo x
#### redirect-without-target
echo x >
#### redirect-target-is-operator
echo x > ; echo y
#### empty-subshell
echo before; ()
#### empty-group
echo before; { }
#### if-without-then
echo before; if true; echo x; fi
#### then-alone
then echo x
#### else-alone
echo before; else
#### do-alone
do echo x
#### for-bad-name
for 1x in a; do echo y; done
#### unterminated-single-quote
echo before; echo 'abc
#### unterminated-double-quote
echo before; echo "abc
#### unterminated-cmdsubst
echo before; echo $(echo x
#### unterminated-backquote
echo before; echo `echo x
#### error-on-second-line
echo first
echo a |; echo b
#### later-lines-not-run
echo a && ; echo b
echo never
#### leading-semicolon
; echo x
#### leading-ampersand
& echo x
#### while-without-do
echo before; while true; echo x; done
#### elif-without-then
echo before; if false; then :; elif true; echo x; fi
#### close-brace-alone
echo before; }
#### missing-close-brace
echo before; { echo x;
#### until-without-do
echo before; until true; echo x; done
#### in-without-for
echo before; in a b
#### pipe-then-and
echo before; echo x | && echo y
#### error-in-loop-body-later-line
for i in 1 2
do echo $i; )
done
#### error-after-good-lines
echo one
echo two
if then fi
echo never
