# Quoting: single and double quotes, backslash, comments, continuation.
#### single-basic
echo 'hello   world'
#### single-metachars
echo '$HOME `x` "q" ; | & > < ( ) * ? ~'
#### single-empty-args
echo '' x ''; set -- ''; echo $#
#### single-adjacent
echo 'a'b'c'
#### single-newline
echo 'line1
line2'
#### single-backslashes
printf '%s\n' 'a\b\\c\'
#### double-basic
echo "hello   world"
#### double-var
x=val; echo "x is $x and ${x}s"
#### double-escapes
printf '%s\n' "a\$b" "a\`b" "a\"b" "a\\b" "a\nb" "a\'b"
#### double-backslash-pairs
printf '%s\n' "\\\\" "\\\\\\" "x\qy"
#### double-continuation
echo "a\
b"
#### double-single-inside
echo "it's 'quoted'"
#### single-double-inside
echo 'say "hi"'
#### double-newline
printf '%s\n' "first
second"
#### backslash-space
echo a\ \ b
#### backslash-specials
echo \$HOME \"x\" \'y\' \\ \; \| \& \> \< \( \) \* \?
#### backslash-newline
echo one \
two
#### backslash-newline-in-word
ec\
ho joined
#### backslash-ordinary
echo \a\b\c
#### backslash-quote-in-single
echo 'a'\''b'
#### mixed-concat
x=mid; echo 'a'"$x"\ b"c"'d'
#### empty-double-args
set -- "" ""; echo $#
#### empty-var-vanishes
e=; set -- $e $e; echo $#
#### quoted-empty-var-stays
e=; set -- "$e"; echo $#
#### quoted-spaces-preserved
x='a    b'; echo "$x"; echo $x
#### comment-line
# a comment
echo visible # trailing comment
#### comment-not-mid-word
echo a#b '#c' "#d" e\#f
#### comment-after-semicolon
echo x;# echo y
#### comment-in-dquotes
echo "a # b"
#### comment-only-line-then-cmd
# echo hidden
echo shown
#### quoted-keyword-not-keyword
"if" 2>/dev/null; echo $?
#### dollar-at-end
echo "cost: $" '$'
#### dollar-before-space
echo a $ b
#### arith-text-quoted
echo '$((1+2))' "\$((1+2))"
#### dquote-in-cmdsubst
echo "$(echo "inner   spaces")"
#### printf-quoted-args
printf '%s|%s\n' 'a b' "c  d"
#### tab-in-quotes
printf '[%s]\n' "a	b"
#### quoted-assignment
x="a b c"; y='d  e'; echo "$x" "$y"
#### keywords-as-args
echo if then else elif fi while until do done for in
#### unsupported-words-as-args
echo case esac function alias
#### semicolon-quoted
echo 'a;b' "c;d" e\;f
#### operators-quoted
echo '>' "<" \>\> '|' '&&' "||"
#### braces-as-args
echo { } {a} a{b}c
#### heredoc-chars-quoted
echo '<<' "<<EOF" \<\<x
#### parens-quoted
echo 'f()' "g()" h\(\)
#### quote-spanning-lines-dq
x="one
two"; echo "$x"
#### backslash-dollar-in-dq
x=1; echo "\$x=$x"
#### nested-quote-kinds
echo "'"'"'"'"
#### long-quoted-word
echo 'aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeffffffffffgggggggggghhhhhhhhhhiiiiiiiiiijjjjjjjjjjkkkkkkkkkkllllllllllmmmmmmmmmmnnnnnnnnnnoooooooooopppppppppp'
#### tab-separated-words
echo	tab	separated
#### many-spaces-between-words
echo    a     b
#### semicolons-and-spaces
echo a ;echo b;  echo c
#### blank-lines

echo a


echo b
