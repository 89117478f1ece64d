# printf and test builtins, each also compared with coreutils'
# /usr/bin/printf and /usr/bin/test in the same snippet.
#### printf-s
printf '%s\n' hello; echo "st=$?"
a=$(printf '%s\n' hello; echo x); b=$(/usr/bin/printf '%s\n' hello; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-s-reuse
printf '%s-%s\n' a b c; echo "st=$?"
a=$(printf '%s-%s\n' a b c; echo x); b=$(/usr/bin/printf '%s-%s\n' a b c; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-d
printf '%d\n' 42; echo "st=$?"
a=$(printf '%d\n' 42; echo x); b=$(/usr/bin/printf '%d\n' 42; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-d-neg
printf '%d\n' -7; echo "st=$?"
a=$(printf '%d\n' -7; echo x); b=$(/usr/bin/printf '%d\n' -7; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-i
printf '%i\n' 010; echo "st=$?"
a=$(printf '%i\n' 010; echo x); b=$(/usr/bin/printf '%i\n' 010; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-o
printf '%o\n' 8; echo "st=$?"
a=$(printf '%o\n' 8; echo x); b=$(/usr/bin/printf '%o\n' 8; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-x
printf '%x %X\n' 255 255; echo "st=$?"
a=$(printf '%x %X\n' 255 255; echo x); b=$(/usr/bin/printf '%x %X\n' 255 255; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-u
printf '%u\n' 3000000000; echo "st=$?"
a=$(printf '%u\n' 3000000000; echo x); b=$(/usr/bin/printf '%u\n' 3000000000; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-width
printf '[%5d][%-5d]\n' 3 3; echo "st=$?"
a=$(printf '[%5d][%-5d]\n' 3 3; echo x); b=$(/usr/bin/printf '[%5d][%-5d]\n' 3 3; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-zero-pad
printf '%05d\n' 42; echo "st=$?"
a=$(printf '%05d\n' 42; echo x); b=$(/usr/bin/printf '%05d\n' 42; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-plus
printf '%+d\n' 5; echo "st=$?"
a=$(printf '%+d\n' 5; echo x); b=$(/usr/bin/printf '%+d\n' 5; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-space-flag
printf '% d\n' 5; echo "st=$?"
a=$(printf '% d\n' 5; echo x); b=$(/usr/bin/printf '% d\n' 5; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-hash-o
printf '%#o %#x\n' 8 255; echo "st=$?"
a=$(printf '%#o %#x\n' 8 255; echo x); b=$(/usr/bin/printf '%#o %#x\n' 8 255; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-prec-s
printf '%.2s\n' abcdef; echo "st=$?"
a=$(printf '%.2s\n' abcdef; echo x); b=$(/usr/bin/printf '%.2s\n' abcdef; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-width-s
printf '[%6s][%-6s]\n' ab ab; echo "st=$?"
a=$(printf '[%6s][%-6s]\n' ab ab; echo x); b=$(/usr/bin/printf '[%6s][%-6s]\n' ab ab; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-star-width
printf '[%*d]\n' 6 1; echo "st=$?"
a=$(printf '[%*d]\n' 6 1; echo x); b=$(/usr/bin/printf '[%*d]\n' 6 1; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-star-prec
printf '[%.*s]\n' 2 abcd; echo "st=$?"
a=$(printf '[%.*s]\n' 2 abcd; echo x); b=$(/usr/bin/printf '[%.*s]\n' 2 abcd; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-f
printf '%f\n' 1.5; echo "st=$?"
a=$(printf '%f\n' 1.5; echo x); b=$(/usr/bin/printf '%f\n' 1.5; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-f-prec
printf '%.2f\n' 3.14159; echo "st=$?"
a=$(printf '%.2f\n' 3.14159; echo x); b=$(/usr/bin/printf '%.2f\n' 3.14159; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-e
printf '%e\n' 12345; echo "st=$?"
a=$(printf '%e\n' 12345; echo x); b=$(/usr/bin/printf '%e\n' 12345; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-g
printf '%g %g\n' 0.0001 123456789; echo "st=$?"
a=$(printf '%g %g\n' 0.0001 123456789; echo x); b=$(/usr/bin/printf '%g %g\n' 0.0001 123456789; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-c
printf '%c\n' xyz; echo "st=$?"
a=$(printf '%c\n' xyz; echo x); b=$(/usr/bin/printf '%c\n' xyz; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-percent
printf '100%%\n'; echo "st=$?"
a=$(printf '100%%\n'; echo x); b=$(/usr/bin/printf '100%%\n'; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-char-code
printf '%d\n' "'A"; echo "st=$?"
a=$(printf '%d\n' "'A"; echo x); b=$(/usr/bin/printf '%d\n' "'A"; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-hex-arg
printf '%d\n' 0x1f; echo "st=$?"
a=$(printf '%d\n' 0x1f; echo x); b=$(/usr/bin/printf '%d\n' 0x1f; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-octal-arg
printf '%d\n' 017; echo "st=$?"
a=$(printf '%d\n' 017; echo x); b=$(/usr/bin/printf '%d\n' 017; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-esc-n-t
printf 'a\tb\n'; echo "st=$?"
a=$(printf 'a\tb\n'; echo x); b=$(/usr/bin/printf 'a\tb\n'; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-esc-octal
printf '\101\102\n'; echo "st=$?"
a=$(printf '\101\102\n'; echo x); b=$(/usr/bin/printf '\101\102\n'; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-esc-backslash
printf 'a\\b\n'; echo "st=$?"
a=$(printf 'a\\b\n'; echo x); b=$(/usr/bin/printf 'a\\b\n'; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-b-escapes
printf '%b\n' 'x\ty'; echo "st=$?"
a=$(printf '%b\n' 'x\ty'; echo x); b=$(/usr/bin/printf '%b\n' 'x\ty'; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-b-octal
printf '%b\n' '\0101'; echo "st=$?"
a=$(printf '%b\n' '\0101'; echo x); b=$(/usr/bin/printf '%b\n' '\0101'; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-b-c-stops
printf '%b%s\n' 'ab\cde' more; echo "st=$?"
a=$(printf '%b%s\n' 'ab\cde' more; echo x); b=$(/usr/bin/printf '%b%s\n' 'ab\cde' more; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-missing-args
printf '[%s][%d]\n'; echo "st=$?"
a=$(printf '[%s][%d]\n'; echo x); b=$(/usr/bin/printf '[%s][%d]\n'; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-no-conversion-extra-args
printf 'plain\n' a b; echo "st=$?"
a=$(printf 'plain\n' a b; echo x); b=$(/usr/bin/printf 'plain\n' a b; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-many-args
printf '%s\n' 1 2 3 4 5; echo "st=$?"
a=$(printf '%s\n' 1 2 3 4 5; echo x); b=$(/usr/bin/printf '%s\n' 1 2 3 4 5; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-empty-string
printf '[%s]\n' ''; echo "st=$?"
a=$(printf '[%s]\n' ''; echo x); b=$(/usr/bin/printf '[%s]\n' ''; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-dash-arg
printf '%s\n' -n; echo "st=$?"
a=$(printf '%s\n' -n; echo x); b=$(/usr/bin/printf '%s\n' -n; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-neg-width
printf '[%-3s]\n' x; echo "st=$?"
a=$(printf '[%-3s]\n' x; echo x); b=$(/usr/bin/printf '[%-3s]\n' x; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
#### printf-big-number
printf '%d\n' 9223372036854775807; echo "st=$?"
a=$(printf '%d\n' 9223372036854775807; echo x); b=$(/usr/bin/printf '%d\n' 9223372036854775807; echo x); [ "$a" = "$b" ] && echo same-as-coreutils
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
