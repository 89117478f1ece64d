# Command substitution: $(...) and backquotes, nested, splitting.
#### dollar-paren
echo $(echo hi)
#### backquote
echo `echo hi`
#### trailing-newlines-stripped
x=$(printf 'a\n\n\n'); echo "[$x]"
#### inner-newlines-kept
x=$(printf 'a\nb'); echo "$x"
#### unquoted-split
echo $(printf 'a   b\nc')
#### quoted-no-split
echo "$(printf 'a   b')"
#### nested-dollar
echo $(echo $(echo $(echo deep)))
#### nested-backquote
echo `echo \`echo inner\``
#### mixed-nesting
echo $(echo `echo mix`) `echo $(echo mix2)`
#### status-of-subst
x=$(false); echo $?; x=$(true); echo $?
#### in-double-quotes
echo "a $(echo b) c"
#### vars-do-not-leak
x=1; y=$(x=2; echo $x); echo $x $y
#### cd-does-not-leak
cd /; x=$(cd /usr; pwd); pwd; echo $x
#### pipeline-inside
echo $(printf 'b\na\n' | sort | tr '\n' ' ')
#### quotes-inside
echo "$(echo "a 'b' \"c\"")"
#### backquote-dollar-escaped
x=v; echo `echo \$x`
#### empty-output
echo "[$(true)]"
#### redirect-inside
echo $(echo content >f; cat f)
#### stderr-not-captured
x=$( (echo err >&2; echo out) 2>/dev/null); echo $x
#### exit-inside
x=$(echo a; exit 5; echo b); echo "$x $?"
#### large-output
x=$(head -c 200000 /dev/zero | tr '\0' a); echo "$x" | wc -c
#### many-lines
x=$(seq 1 5000); echo "$x" | tail -n 1
#### in-dq-backquote
echo "`echo a   b`"
#### word-join
echo pre$(echo mid)post
#### result-globbed
touch g1 g2; echo $(echo 'g*')
#### quoted-result-not-globbed
touch g1 g2; echo "$(echo 'g*')"
#### as-command-name
$(echo echo) works
#### subst-in-assignment-prefix
x=$(echo val) sh -c 'echo $x'
#### paren-in-quotes-inside
echo $(echo ')')
#### nested-quotes-levels
echo "$(echo "$(echo "lvl3")")"
#### backquote-with-pipe
echo `echo abc | tr a-c x-z`
#### subst-sees-vars
v=seen; echo $(echo $v)
#### multiline-subst
x=$(
echo one
echo two
); echo $x
#### subst-with-semicolons
echo $(echo a; echo b; echo c)
#### subst-status-last-cmd
x=$(false; true); echo $?
