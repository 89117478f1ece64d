# Parameter expansion: $VAR, ${VAR}, ${VAR:-w}, ${VAR:=w}, special parameters.
#### var-simple
x=hello; echo $x
#### var-braces
x=hello; echo ${x}world $xworld.
#### var-unset-empty
unset y; echo "[$y]"
#### default-unset
unset v; echo ${v:-word}; echo "[$v]"
#### default-empty
v=; echo ${v:-word}
#### default-set
v=val; echo ${v:-word}
#### assign-default-unset
unset v; echo ${v:=new}; echo $v
#### assign-default-empty
v=; echo ${v:=new}; echo $v
#### assign-default-set
v=old; echo ${v:=new}; echo $v
#### default-word-expanded
x=foo; unset v; echo ${v:-$x bar}
#### default-word-quoted
unset v; echo "${v:-a   b}"
#### default-word-cmdsubst
unset v; echo ${v:-$(echo sub)}
#### default-word-lazy
v=set; echo ${v:-$(echo side >f)}; ls
#### assign-default-lazy
v=set; echo ${v:=$(echo side >g)}; ls
#### default-word-arith
unset v; echo ${v:-$((6*7))}
#### default-word-split
unset v; set -- ${v:-a b c}; echo $#
#### default-word-nosplit-quoted
unset v; set -- "${v:-a b c}"; echo $#
#### assign-default-then-use
unset v; : ${v:=assigned}; echo $v
#### default-nested
unset a b; echo ${a:-${b:-inner}}
#### status-var
true; echo $?; false; echo $?
#### status-cmdsubst
x=$(exit 3); echo $?
#### positional-count
set -- a b c; echo $#
#### positional-numbers
set -- one two three four five six seven eight nine; echo $1 $5 $9
#### positional-empty
set --; echo "[$1]" $#
#### positional-braces
set -- a b; echo ${1}${2} ${1}x
#### dollar-at-quoted
set -- 'a b' c '' d; for i in "$@"; do echo "[$i]"; done
#### dollar-star-quoted
set -- 'a b' c d; for i in "$*"; do echo "[$i]"; done
#### dollar-at-unquoted
set -- 'a b' c; for i in $@; do echo "[$i]"; done
#### dollar-star-unquoted
set -- 'a b' c; for i in $*; do echo "[$i]"; done
#### dollar-at-empty
set --; for i in "$@"; do echo "[$i]"; done; echo end
#### dollar-at-count
set -- 'a b' '' c; set -- "$@"; echo $#
#### dollar-star-count
set -- 'a b' '' c; set -- "$*"; echo $#
#### dollar-star-ifs-first-char
set -- a b c; IFS=:; echo "$*"
#### dollar-at-prefix-suffix
set -- a b; for i in "x$@y"; do echo "[$i]"; done
#### dollar-at-to-child
set -- 'one arg' two; sh -c 'echo $#' sh "$@"
#### dollar-dollar-subshell
a=$$; b=$(echo $$); c=$( (echo $$) ); [ "$a" = "$b" ] && [ "$a" = "$c" ] && echo same
#### dollar-dollar-numeric
[ "$$" -gt 1 ] && echo pid
#### dollar-bang
sleep 0 & p=$!; wait; [ "$p" -gt 1 ] && echo bg ok
#### dollar-bang-unset
echo "[$!]"
#### var-names
a_1=x; _b=y; A9=z; echo $a_1 $_b $A9
#### var-concatenation
a=1 b=2; echo $a$b ${a}x${b}
#### assignment-no-split
x='a   b'; y=$x; echo "$y"
#### assignment-no-glob
touch f1 f2; x=f*; echo "$x"
#### assignments-left-to-right
a=1 b=$a; echo $b
#### assignment-value-with-equals
x=a=b; echo $x
#### prefix-assignment-temporary
x=outer; x=inner sh -c 'echo $x'; echo $x
#### prefix-assignment-exported
unset y; y=val env | grep '^y='
#### export-to-child
export e1=exp; sh -c 'echo $e1'
#### unexported-not-in-child
n1=priv; sh -c 'echo "[$n1]"'
#### env-var-inherited
echo $HOME | grep -c home
#### var-in-word-middle
x=mid; echo pre${x}post pre$x
#### var-unset-in-braces
echo "[${nosuch}]"
#### special-hash-after-shift
set -- a b c; shift; echo $# "$1"
