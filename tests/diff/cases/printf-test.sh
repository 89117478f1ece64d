# printf and test builtins, each also compared with coreutils'
# /usr/bin/printf and /usr/bin/test in the same snippet.
#### .prelude
# same FORMAT [ARG...]: what printf prints and its status, then
# "same-as-coreutils" when /usr/bin/printf prints the same
same()
{
	printf "$@"; echo "st=$?"
	a=$(printf "$@"; echo x); b=$(/usr/bin/printf "$@"; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
}
#### printf-s
same '%s\n' hello
#### printf-s-reuse
same '%s-%s\n' a b c
#### printf-d
same '%d\n' 42
#### printf-d-neg
same '%d\n' -7
#### printf-i
same '%i\n' 010
#### printf-o
same '%o\n' 8
#### printf-x
same '%x %X\n' 255 255
#### printf-u
same '%u\n' 3000000000
#### printf-width
same '[%5d][%-5d]\n' 3 3
#### printf-zero-pad
same '%05d\n' 42
#### printf-plus
same '%+d\n' 5
#### printf-space-flag
same '% d\n' 5
#### printf-hash-o
same '%#o %#x\n' 8 255
#### printf-prec-s
same '%.2s\n' abcdef
#### printf-width-s
same '[%6s][%-6s]\n' ab ab
#### printf-star-width
same '[%*d]\n' 6 1
#### printf-star-prec
same '[%.*s]\n' 2 abcd
#### printf-f
same '%f\n' 1.5
#### printf-f-prec
same '%.2f\n' 3.14159
#### printf-e
same '%e\n' 12345
#### printf-g
same '%g %g\n' 0.0001 123456789
#### printf-c
same '%c\n' xyz
#### printf-percent
same '100%%\n'
#### printf-char-code
same '%d\n' "'A"
#### printf-hex-arg
same '%d\n' 0x1f
#### printf-octal-arg
same '%d\n' 017
#### printf-esc-n-t
same 'a\tb\n'
#### printf-esc-octal
same '\101\102\n'
#### printf-esc-backslash
same 'a\\b\n'
#### printf-b-escapes
same '%b\n' 'x\ty'
#### printf-b-octal
same '%b\n' '\0101'
#### printf-b-c-stops
same '%b%s\n' 'ab\cde' more
#### printf-missing-args
same '[%s][%d]\n'
#### printf-no-conversion-extra-args
same 'plain\n' a b
#### printf-many-args
same '%s\n' 1 2 3 4 5
#### printf-empty-string
same '[%s]\n' ''
#### printf-dash-arg
same '%s\n' -n
#### printf-neg-width
same '[%-3s]\n' x
#### printf-big-number
same '%d\n' 9223372036854775807
#### test-empty
test ; t=$?; [  ]; b=$?; /usr/bin/test ; c=$?; echo $t $b $c
#### test-one-nonempty
test a; t=$?; [ a ]; b=$?; /usr/bin/test a; c=$?; echo $t $b $c
#### test-one-empty
test ''; t=$?; [ '' ]; b=$?; /usr/bin/test ''; c=$?; echo $t $b $c
#### test-n
test -n a; t=$?; [ -n a ]; b=$?; /usr/bin/test -n a; c=$?; echo $t $b $c
#### test-z
test -z ''; t=$?; [ -z '' ]; b=$?; /usr/bin/test -z ''; c=$?; echo $t $b $c
#### test-bang
test ! a; t=$?; [ ! a ]; b=$?; /usr/bin/test ! a; c=$?; echo $t $b $c
#### test-bang-empty
test ! ''; t=$?; [ ! '' ]; b=$?; /usr/bin/test ! ''; c=$?; echo $t $b $c
#### test-eq-str
test a = a; t=$?; [ a = a ]; b=$?; /usr/bin/test a = a; c=$?; echo $t $b $c
#### test-ne-str
test a != b; t=$?; [ a != b ]; b=$?; /usr/bin/test a != b; c=$?; echo $t $b $c
#### test-eq-num
test 3 -eq 3; t=$?; [ 3 -eq 3 ]; b=$?; /usr/bin/test 3 -eq 3; c=$?; echo $t $b $c
#### test-ne-num
test 3 -ne 4; t=$?; [ 3 -ne 4 ]; b=$?; /usr/bin/test 3 -ne 4; c=$?; echo $t $b $c
#### test-gt
test 5 -gt 3; t=$?; [ 5 -gt 3 ]; b=$?; /usr/bin/test 5 -gt 3; c=$?; echo $t $b $c
#### test-ge
test 3 -ge 3; t=$?; [ 3 -ge 3 ]; b=$?; /usr/bin/test 3 -ge 3; c=$?; echo $t $b $c
#### test-lt
test 2 -lt 1; t=$?; [ 2 -lt 1 ]; b=$?; /usr/bin/test 2 -lt 1; c=$?; echo $t $b $c
#### test-le
test 1 -le 1; t=$?; [ 1 -le 1 ]; b=$?; /usr/bin/test 1 -le 1; c=$?; echo $t $b $c
#### test-neg-num
test -1 -lt 0; t=$?; [ -1 -lt 0 ]; b=$?; /usr/bin/test -1 -lt 0; c=$?; echo $t $b $c
#### test-space-num
test ' 3' -eq 3; t=$?; [ ' 3' -eq 3 ]; b=$?; /usr/bin/test ' 3' -eq 3; c=$?; echo $t $b $c
#### test-f-file
test -f /etc/passwd; t=$?; [ -f /etc/passwd ]; b=$?; /usr/bin/test -f /etc/passwd; c=$?; echo $t $b $c
#### test-d-dir
test -d /; t=$?; [ -d / ]; b=$?; /usr/bin/test -d /; c=$?; echo $t $b $c
#### test-e-missing
test -e /no/such; t=$?; [ -e /no/such ]; b=$?; /usr/bin/test -e /no/such; c=$?; echo $t $b $c
#### test-r
test -r /etc/passwd; t=$?; [ -r /etc/passwd ]; b=$?; /usr/bin/test -r /etc/passwd; c=$?; echo $t $b $c
#### test-x-bin
test -x /bin/sh; t=$?; [ -x /bin/sh ]; b=$?; /usr/bin/test -x /bin/sh; c=$?; echo $t $b $c
#### test-h-link
test -h /no/such; t=$?; [ -h /no/such ]; b=$?; /usr/bin/test -h /no/such; c=$?; echo $t $b $c
#### test-s-size
test -s /etc/passwd; t=$?; [ -s /etc/passwd ]; b=$?; /usr/bin/test -s /etc/passwd; c=$?; echo $t $b $c
#### test-c-dev
test -c /dev/null; t=$?; [ -c /dev/null ]; b=$?; /usr/bin/test -c /dev/null; c=$?; echo $t $b $c
#### test-and
test a -a b; t=$?; [ a -a b ]; b=$?; /usr/bin/test a -a b; c=$?; echo $t $b $c
#### test-and-false
test a -a ''; t=$?; [ a -a '' ]; b=$?; /usr/bin/test a -a ''; c=$?; echo $t $b $c
#### test-or
test '' -o b; t=$?; [ '' -o b ]; b=$?; /usr/bin/test '' -o b; c=$?; echo $t $b $c
#### test-paren
test \( a = a \); t=$?; [ \( a = a \) ]; b=$?; /usr/bin/test \( a = a \); c=$?; echo $t $b $c
#### test-paren-or
test \( a = b \) -o a; t=$?; [ \( a = b \) -o a ]; b=$?; /usr/bin/test \( a = b \) -o a; c=$?; echo $t $b $c
#### test-bang-three
test ! a = b; t=$?; [ ! a = b ]; b=$?; /usr/bin/test ! a = b; c=$?; echo $t $b $c
#### test-bang-paren
test ! \( a = a \); t=$?; [ ! \( a = a \) ]; b=$?; /usr/bin/test ! \( a = a \); c=$?; echo $t $b $c
#### test-op-as-string
test = = =; t=$?; [ = = = ]; b=$?; /usr/bin/test = = =; c=$?; echo $t $b $c
#### test-dash-string
test -n -n; t=$?; [ -n -n ]; b=$?; /usr/bin/test -n -n; c=$?; echo $t $b $c
#### test-lone-op
test -z; t=$?; [ -z ]; b=$?; /usr/bin/test -z; c=$?; echo $t $b $c
#### test-three-and-bang
test ! -z a; t=$?; [ ! -z a ]; b=$?; /usr/bin/test ! -z a; c=$?; echo $t $b $c
#### test-complex
test -n a -a \( b = b -o c = d \); t=$?; [ -n a -a \( b = b -o c = d \) ]; b=$?; /usr/bin/test -n a -a \( b = b -o c = d \); c=$?; echo $t $b $c
#### test-nt
test /etc/passwd -nt /no/such; t=$?; [ /etc/passwd -nt /no/such ]; b=$?; /usr/bin/test /etc/passwd -nt /no/such; c=$?; echo $t $b $c
#### test-ef
test / -ef /; t=$?; [ / -ef / ]; b=$?; /usr/bin/test / -ef /; c=$?; echo $t $b $c
#### test-t-fd
test -t 7; t=$?; [ -t 7 ]; b=$?; /usr/bin/test -t 7; c=$?; echo $t $b $c
#### printf-bad-number
printf '%d\n' abc; echo "st=$?"
#### printf-partial-number
printf '%d\n' 12abc; echo "st=$?"
#### printf-invalid-directive
printf '%q\n' a; echo "st=$?"
#### printf-no-format
printf 2>/dev/null; echo "st=$?"
#### test-bad-number
test abc -eq 1; echo "st=$?"
#### test-missing-bracket
[ a = a; echo "st=$?"
#### test-missing-argument
test 1 -gt; echo "st=$?"
#### test-is-builtin
type test; type [; type printf
