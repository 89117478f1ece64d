# The shell's own rules as dash has them: set's options, prefix
# assignments and special builtins, expansions, syntax errors inside
# command substitutions.
#### set-a-exports
set -a; x=1; sh -c 'echo $x'
#### set-a-off
set -a; set +a; z=3; sh -c 'echo ${z-unset}'
#### set-o-allexport
set -o allexport; y=2; sh -c 'echo $y'
#### set-C-refuses
set -C; echo a >f; echo b >f 2>/dev/null || echo refused; cat f
#### set-C-clobber-op
set -C; echo a >f; echo c >|f; cat f
#### set-C-append-ok
set -C; echo a >f; echo b >>f; cat f
#### set-C-devnull
set -C; echo x >/dev/null; echo $?
#### set-o-noclobber
set -o noclobber; echo a >f; (echo b >f) 2>/dev/null || echo refused
#### set-n-same-line
set -n; echo no
#### set-n-next-lines
set -n
echo no
#### set-o-noexec
set -o noexec; echo no
#### set-plus-o-restores
old=$(set +o); set -eu; eval "$old"; case $- in *e*|*u*) echo kept;; *) echo restored;; esac
#### set-plus-o-errexit-line
set -e; set +o | grep -c 'set -o errexit'
#### set-o-errexit-line
set -o | grep -c errexit
#### set-dash-drops
set - a b; echo "$@" $#
#### set-dash-ends-x
set -x; set - a; echo "$1"
#### set-dash-no-args-keeps
set a b; set -; echo $#
#### set-doubledash-clears
set a b; set --; echo $#
#### set-bad-letter
set -q 2>/dev/null; echo $?
#### set-bad-name
(set -o nosuch_option) 2>/dev/null; echo $?
#### set-v-echo
set -v; echo hi 2>/dev/null
#### set-vi-emacs
set -o vi; echo $?; set -o emacs; echo $?
#### set-m-status
set -m 2>/dev/null; echo $?
#### prefix-sequential-arith
x=5 y=$((x+2)) sh -c 'echo $y'
#### prefix-sequential-quote
FOO=foo BAR="[$FOO]" sh -c 'echo $BAR'
#### prefix-sequential-not-kept
x=5 y=$((x+2)) true; echo "[$x][$y]"
#### prefix-sequential-builtin
a=1 b=$a sh -c 'echo $a$b'
#### prefix-special-keeps
x=5 y=$((x+2)) :; echo "$x $y"
#### command-readonly-not-fatal
readonly x=1; command readonly x=y 2>/dev/null || echo failed; echo "$x"
#### command-prefix-not-kept
x=1 command :; echo "x=${x-unset}"
#### command-export-prefix
y=2 command export q=1; echo "${y-unset} $q"
#### ifs-colon-star-assign
set a b c; IFS=:; s=$*; echo "$s"
#### ifs-empty-star-assign
set a b c; IFS=; s=$*; echo "$s"
#### star-minus-empty-fields
set "" ""; echo ${*:-minus}
#### star-minus-empty-fields-quoted
set "" ""; echo "${*:-minus}"
#### star-minus-no-args
set --; echo ${*:-minus}
#### brace-escaped-close
echo "${var-\}}"
#### brace-escaped-close-mid
x="${y-a\}b}"; echo "$x"
#### brace-squote-in-dquote
echo "${var-'}'}"
#### brace-escaped-dollar
echo "${var-\$}"
#### tilde-in-pattern-hash
HOME=/home/u; x=/home/u/foo; echo ${x#~}
#### tilde-in-pattern-percent
HOME=/x; y=a/x; echo ${y%~}
#### export-no-split
V="a  b"; export W=$V; echo "$W"
#### readonly-no-split
V="a  b"; readonly R=$V; echo "$R"
#### local-no-split
f() { V="a  b"; local L=$V; echo "$L"; }; f
#### export-no-glob
: >x1; V='x*'; export W=$V; echo "$W"
#### export-other-word-splits
V="a b"; export $V=1 2>/dev/null; echo "${a-u}${b-u}"
#### cmdsubst-case-inside
echo $(case x in x) echo hi;; esac)
#### cmdsubst-case-paren-pattern
echo $(case x in (x) echo ho;; esac)
#### cmdsubst-paren-in-quotes
echo $(echo ")")
#### cmdsubst-heredoc-inside
x=$(cat <<EOF
hd
