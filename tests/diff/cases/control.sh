# Lists, and-or, !, if/elif/else, while, until, for, break, continue.
#### and-true
true && echo yes
#### and-false
false && echo no; echo end
#### or-false
false || echo alt
#### or-true
true || echo no; echo end
#### and-or-chain
false && echo a || echo b
#### or-and-chain
true || echo a && echo b
#### and-or-left-assoc
false || false && echo x; echo $?
#### semicolons
echo a; echo b; echo c
#### newlines
echo 1
echo 2
#### background-then-wait
echo bg >f & wait; cat f
#### background-status-zero
false & echo $?
#### background-not-waited-output
(echo later >f) & wait; cat f
#### bang-true
! true; echo $?
#### bang-pipeline
! false | false; echo $?
#### bang-in-if
if ! false; then echo negated; fi
#### if-true
if true; then echo T; else echo F; fi
#### if-false
if false; then echo T; else echo F; fi
#### elif-second
x=2; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo other; fi
#### elif-else
x=9; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo other; fi
#### elif-many
x=3; if [ $x = 1 ]; then echo 1; elif [ $x = 2 ]; then echo 2; elif [ $x = 3 ]; then echo 3; fi
#### if-multiline
if true
then
  echo ml
fi
#### if-condition-list
if false; true; then echo last-counts; fi
#### if-status-from-body
if false; then :; else (exit 3); fi; echo $?
#### nested-if
if true; then if false; then echo a; else echo b; fi; fi
#### while-count
i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done
#### until-count
i=0; until [ $i -ge 3 ]; do echo $i; i=$((i+1)); done
#### for-list
for w in a b c; do echo $w; done
#### for-var-after-loop
for w in a b; do :; done; echo $w
#### for-multiline
for w in x y
do
  echo $w
done
#### for-dollar-at
set -- 'p q' r; for w in "$@" end; do echo "[$w]"; done
#### for-keywords-as-words
for w in do done in for; do echo $w; done
#### break
for i in 1 2 3 4; do [ $i = 3 ] && break; echo $i; done
#### continue
for i in 1 2 3 4; do [ $i = 2 ] && continue; echo $i; done
#### break-2
for i in a b; do for j in 1 2; do echo $i$j; break 2; done; done; echo out
#### continue-2
for i in a b; do for j in 1 2; do echo $i$j; continue 2; echo no; done; echo no2; done; echo out
#### break-while
while true; do echo once; break; done
#### continue-while
i=0; while [ $i -lt 5 ]; do i=$((i+1)); [ $((i%2)) = 0 ] && continue; echo $i; done
#### until-break
until false; do echo u; break; done
#### loop-status-last-body
for i in a; do false; done; echo $?
#### nested-loops
for a in 1 2; do for b in x y; do echo $a$b; done; done
#### while-false-status
while false; do :; done; echo $?
#### group-list
{ echo a; echo b; }
#### group-multiline
{
echo g1
echo g2
}
#### and-newline
true &&
echo after-newline
#### or-newline
false ||
echo after-or
#### consecutive-ifs
if true; then echo a; fi; if false; then echo b; fi
#### complex-condition
if true && false || true; then echo yes; fi
#### while-body-not-run
while false; do echo never; done; echo done
#### until-true-not-run
until true; do echo never; done; echo done
#### while-read-lines
printf 'a b\nc d\n' >f; while read x y; do echo "$y $x"; done <f
#### loop-with-break-in-if
for i in 1 2 3; do if [ $i = 2 ]; then break; fi; echo $i; done
#### while-condition-status-list
i=0; while i=$((i+1)); [ $i -le 2 ]; do echo $i; done
#### if-in-pipeline
if true; then echo piped; fi | tr a-z A-Z
#### loop-in-subshell
(for i in 1 2; do echo $i; done)
#### subshell-and-or
(false) || (echo recovered)
#### deep-subshells
( ( (echo deep) ) )
#### group-and-or
{ false; } || { echo alt; }
#### background-list-order
echo one >f & wait; echo two >>f; cat f
#### for-over-glob-and-words
touch x1 x2; for f in x* y; do echo $f; done
#### break-from-while-true-count
n=0; while true; do n=$((n+1)); [ $n -ge 100 ] && break; done; echo $n
