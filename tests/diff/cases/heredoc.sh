# Here-documents (XCU 2.7.4): << and <<-, quoted and unquoted delimiters,
# expansion in unquoted bodies, several on one line, inside $(...).
#### basic
cat <<EOF
hello
EOF
#### two-lines
cat <<EOF
one
two
EOF
#### empty-body
cat <<EOF
EOF
echo after
#### expand-var
x=val; cat <<EOF
x is $x
EOF
#### expand-braces
x=val; cat <<EOF
${x}s ${y-default}
EOF
#### expand-subst
cat <<EOF
$(echo sub) `echo bq`
EOF
#### expand-arith
cat <<EOF
$((2 * 21))
EOF
#### expand-positional
set -- a b; cat <<EOF
$1 $2 $#
EOF
#### backslash-dollar
x=1; cat <<EOF
\$x $x
EOF
#### backslash-backslash
cat <<EOF
a\\b
EOF
#### backslash-other-kept
cat <<EOF
a\nb \q
EOF
#### backslash-newline-joins
cat <<EOF
one \
two
EOF
#### double-quotes-literal
x=1; cat <<EOF
"$x" "q"
EOF
#### single-quotes-literal
x=1; cat <<EOF
'$x'
EOF
#### backslash-quote-kept
cat <<EOF
\"
EOF
#### quoted-single
x=1; cat <<'EOF'
$x `echo no` \$
EOF
#### quoted-double
x=1; cat <<"EOF"
$x
EOF
#### quoted-backslash
x=1; cat <<\EOF
$x
EOF
#### quoted-partly
x=1; cat <<E"O"F
$x
EOF
#### quoted-backslash-kept
cat <<'EOF'
a\\b \
EOF
#### strip-tabs
cat <<-EOF
	one
		two
	EOF
#### strip-tabs-quoted
x=1; cat <<-'EOF'
	$x
	EOF
#### no-strip-without-dash
cat <<EOF
	tab
EOF
#### strip-spaces-kept
cat <<-EOF
  spaces
EOF
#### delimiter-with-spaces-not-end
cat <<EOF
 EOF
EOF
#### delimiter-prefix-not-end
cat <<EOF
EOFX
EOF
#### delimiter-word-like
cat <<END_OF_TEXT
a
END_OF_TEXT
#### delimiter-digits
cat <<123
x
123
#### two-on-a-line
cat <<A; cat <<B
one
A
two
B
#### two-same-command
cat <<A 3<<B
first
A
third
B
#### after-command-same-line
echo before; cat <<EOF
x
EOF
#### command-after
cat <<EOF
x
EOF
echo next
#### with-fd
cat 0<<EOF
fd0
EOF
#### fd-three
cat <&3 3<<EOF
three
EOF
#### in-pipeline-first
cat <<EOF | tr a-z A-Z
upper
EOF
#### in-pipeline-second
echo x | cat <<EOF
from-doc
EOF
#### pipe-then-doc
cat <<EOF | wc -l
1
2
3
EOF
#### and-or-after
cat <<EOF && echo ok
x
EOF
#### into-while-read
while read line; do echo "<$line>"; done <<EOF
a
b
EOF
#### into-read
read a b <<EOF
first second third
EOF
echo "$a|$b"
#### on-group
{ cat; echo end; } <<EOF
grp
EOF
#### on-if
if true; then cat; fi <<EOF
in-if
EOF
#### on-function-def
f() { cat; } <<EOF
fdoc
EOF
f; f
#### on-function-call
f() { cat; }; f <<EOF
call
EOF
#### in-function-body
f() {
	cat <<EOF
body $1
EOF
}
f arg
#### in-loop-body
for i in 1 2; do
	cat <<EOF
iter $i
EOF
done
#### in-subshell
(cat <<EOF
sub
EOF
)
#### in-command-subst
x=$(cat <<EOF
inside
EOF
); echo "[$x]"
#### in-command-subst-echo
echo $(cat <<EOF
in subst
EOF
)
#### to-file
cat <<EOF >out
filed
EOF
cat out
#### redirect-before
cat >out2 <<EOF
before
EOF
cat out2
#### large-body
i=0; { while [ $i -lt 3000 ]; do echo "line $i"; i=$((i+1)); done; } >gen
{ echo 'cat <<EOF'; cat gen; echo EOF; } >big.sh; . ./big.sh | tail -n 2
#### large-body-wc
{ echo 'cat <<EOF | wc -c'; i=0; while [ $i -lt 2000 ]; do echo "0123456789012345678901234567890123456789"; i=$((i+1)); done; echo EOF; } >big2.sh; . ./big2.sh
#### eof-without-delimiter-script
cat <<EOF
no end
#### hash-not-comment
cat <<EOF
# not a comment
EOF
#### semicolon-in-body
cat <<EOF
a; b | c && d
EOF
#### quotes-unbalanced-in-body
cat <<EOF
it's "open
EOF
#### parens-in-body
cat <<EOF
) ( }
EOF
#### dollar-at-end
cat <<EOF
cost $
EOF
#### unset-var-empty
unset nothere; cat <<EOF
[$nothere]
EOF
#### exit-status-of-cat
cat <<EOF >/dev/null
x
EOF
echo $?
#### nounset-in-body
set -u; cat <<EOF
$undefined_var
EOF
echo not-reached
#### body-with-tabs-kept
printf 'cat <<EOF\n\tt\nEOF\n' >t.sh; . ./t.sh | od -c | head -n 1
#### eval-heredoc
eval 'cat <<EOF
evaled
EOF'
