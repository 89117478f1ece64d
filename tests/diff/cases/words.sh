# Tilde expansion, field splitting on IFS, pathname expansion.
#### tilde-alone
echo ~
#### tilde-slash
echo ~/sub/dir
#### tilde-quoted
echo "~" '~' \~
#### tilde-not-mid-word
echo a~b x/~
#### tilde-assignment
x=~; echo $x
#### tilde-user-root
echo ~root
#### tilde-cd
cd ~ && pwd
#### tilde-follows-home
HOME=/usr; echo ~
#### ifs-default-collapse
x='  a   b  c  '; set -- $x; echo $#; echo "[$1][$3]"
#### ifs-colon
IFS=:; x=a:b:c; set -- $x; echo $# $2
#### ifs-empty-fields
IFS=:; x='a::b'; set -- $x; echo $#; echo "[$2]"
#### ifs-trailing-separator
IFS=:; x='a:b:'; set -- $x; echo $#
#### ifs-leading-separator
IFS=:; x=':a'; set -- $x; echo $#; echo "[$1]"
#### ifs-mixed-whitespace
IFS=' :'; x='a : b'; set -- $x; echo $#
#### ifs-null
IFS=; x='a b c'; set -- $x; echo $#
#### ifs-unset-is-default
unset IFS; x='a	b
c'; set -- $x; echo $#
#### ifs-newline-only
IFS='
'; x='a b
c d'; for i in $x; do echo "[$i]"; done
#### ifs-literal-not-split
IFS=:; set -- a:b; echo $#
#### ifs-cmdsubst
IFS=,; set -- $(echo x,y,z); echo $#
#### ifs-for
IFS=-; for w in $(echo 1-2-3); do echo $w; done
#### ifs-quoted-not-split
IFS=:; x=a:b; set -- "$x"; echo $#
#### ifs-empty-var-no-field
x=''; set -- $x a $x; echo $#
#### ifs-subshell-scope
x='a:b'; (IFS=:; set -- $x; echo $#); set -- $x; echo $#
#### ifs-tabs-newlines
x='a
	b 	 c'; set -- $x; echo $# $3
#### glob-star
touch a.c b.c c.h; echo *.c
#### glob-all-sorted
touch zeta alpha mid; echo *
#### glob-question
touch ab ac abc; echo a?
#### glob-bracket
touch a1 a2 a3 b1; echo a[12] [ab]1
#### glob-range
touch x1 x5 x9; echo x[1-5]
#### glob-negated
touch a1 a2 a3; echo a[!2]
#### glob-no-match-literal
echo *.nomatch
#### glob-no-match-mixed
touch real; echo real* none*
#### glob-hidden
touch .hidden visible; echo *; echo .h*
#### glob-dirs
mkdir -p d1/sub d2; touch d1/f d2/g; echo */*; echo d*/
#### glob-quoted
touch a b; echo "*" '*' \* "a"*
#### glob-from-var
touch q1 q2; p='q*'; echo $p; echo "$p"
#### glob-in-for
touch f1 f2 f3; for f in f*; do echo "file $f"; done
#### glob-empty-dir
echo *
#### glob-names-with-spaces
touch 'sp ace' x; for f in *; do echo "[$f]"; done
#### glob-absolute
echo /dev/nul? /dev/nul[l]
#### glob-count
touch a b c d e; set -- *; echo $#
#### glob-after-cd
mkdir sub; touch sub/in; cd sub; echo *
#### glob-for-nomatch
for f in *.none; do echo "[$f]"; done
#### glob-middle
touch pre-x-post pre-y-post; echo pre-*-post
#### glob-star-slash
mkdir -p p/q; echo p/*
