# case (XCU 2.9.4.3): patterns with | * ? [...] through fnmatch(3), ;;,
# the first match only, quoting in patterns and in the word.
#### literal
case a in a) echo A;; esac
#### no-match-status
false; case a in b) echo B;; esac; echo $?
#### match-status
case a in a) false;; esac; echo $?
#### empty-body-status
false; case a in a) ;; esac; echo $?
#### star
case hello in *) echo any;; esac
#### star-prefix
case hello in h*) echo h;; esac
#### star-suffix
case file.c in *.c) echo c;; esac
#### star-middle
case abcde in a*e) echo ae;; esac
#### question
case ab in ??) echo two;; ?) echo one;; esac
#### question-no
case abc in ??) echo two;; *) echo other;; esac
#### bracket
case b in [abc]) echo in;; esac
#### bracket-range
case m in [a-z]) echo lower;; esac
#### bracket-negate
case x in [!abc]) echo notabc;; esac
#### bracket-class
case 5 in [[:digit:]]) echo digit;; esac
#### bracket-class-alpha
case Q in [[:alpha:]]) echo alpha;; esac
#### bracket-no-match
case z in [abc]) echo in;; *) echo out;; esac
#### alternatives
case b in a|b|c) echo abc;; esac
#### alternatives-patterns
case x.h in *.c|*.h) echo src;; esac
#### first-match-wins
case a in a) echo first;; a) echo second;; esac
#### first-of-several
case b in a) echo a;; b) echo b;; *) echo star;; esac
#### default-last
case q in a) echo a;; *) echo default;; esac
#### paren-pattern
case a in (a) echo paren;; esac
#### paren-alternatives
case b in (a|b) echo paren2;; esac
#### last-without-dsemi
case a in a) echo nodsemi
esac
#### empty-case
case a in esac; echo $?
#### empty-case-newline
case a in
esac
echo done
#### multiline
case x in
x)
	echo one
	echo two
	;;
y)
	echo y
	;;
esac
#### newline-before-in
case x
in
x) echo nl;;
esac
#### quoted-star
case a in '*') echo lit;; *) echo glob;; esac
#### quoted-star-literal
case '*' in '*') echo lit;; esac
#### backslash-star
case '*' in \*) echo esc;; esac
#### backslash-star-nomatch
case a in \*) echo esc;; *) echo other;; esac
#### double-quoted-pattern
case 'a*' in "a*") echo dq;; esac
#### double-quoted-nomatch
case ab in "a*") echo dq;; *) echo nomatch;; esac
#### partly-quoted
case 'a*b' in a'*'*) echo mix;; esac
#### var-pattern-globs
p='a*'; case abc in $p) echo glob;; esac
#### var-pattern-quoted
p='a*'; case abc in "$p") echo glob;; *) echo literal;; esac
#### var-word
w=hello; case $w in hel*) echo w;; esac
#### word-not-split
w='a b'; case $w in 'a b') echo whole;; esac
#### word-no-glob
touch aa; case a* in a*) echo matched;; esac
#### word-quoted-star
case "*" in "*") echo star;; esac
#### word-empty
case "" in "") echo empty;; esac
#### word-empty-star
case "" in *) echo star;; esac
#### subst-word
case $(echo hi) in hi) echo subst;; esac
#### subst-pattern
case hi in $(echo h)*) echo subst-pat;; esac
#### arith-word
case $((1+1)) in 2) echo two;; esac
#### tilde-pattern
HOME=/h; case /h/x in ~/x) echo tilde;; esac
#### dot-not-special
case .hidden in *hidden) echo dot;; esac
#### slash-matches-star
case a/b in a*b) echo slash;; esac
#### keyword-as-word
case in in in) echo in;; esac
#### esac-as-pattern
case esac in (esac) echo esac;; esac
#### nested
case a in a) case b in b) echo nested;; esac;; esac
#### in-loop
for x in a b c; do case $x in b) echo B;; *) echo -;; esac; done
#### in-function
f() { case $1 in y*) return 0;; *) return 1;; esac; }; f yes && echo y; f no || echo n
#### in-pipeline
case a in a) echo piped;; esac | tr a-z A-Z
#### redirected
case a in a) echo red;; esac >out; cat out
#### break-in-case
for i in 1 2 3; do case $i in 2) break;; esac; echo $i; done
#### continue-in-case
for i in 1 2 3; do case $i in 2) continue;; esac; echo $i; done
#### and-or-after
case a in a) false;; esac || echo failed
#### semicolon-after-esac
case a in a) echo x;; esac; echo y
#### body-list
case a in a) echo 1; echo 2;; esac
#### dsemi-own-line
case a in
a) echo x
;;
esac
#### comment-inside
case a in
# comment
a) echo c;; # trailing
esac
#### pattern-with-dash
case -n in -n) echo dash-n;; esac
#### pattern-bracket-dash
case - in [a-]) echo dash;; esac
#### pattern-bracket-close
case ']' in []]) echo close;; esac
#### errexit-no-match
set -e; case a in b) false;; esac; echo ok
#### number-patterns
for n in 1 10 100; do case $n in ?) echo 1d;; ??) echo 2d;; *) echo more;; esac; done
#### syntax-error-missing-esac
case a in a) echo x;;
#### syntax-error-missing-paren
case a in a echo x;; esac
