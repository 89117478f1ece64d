# Arithmetic expansion $((...)): + - * / %, comparisons, parentheses.
#### add
echo $((1+2))
#### subtract-negative
echo $((2-5))
#### multiply
echo $((6*7))
#### divide-truncates
echo $((7/2)) $((-7/2))
#### modulo
echo $((7%3)) $((-7%3))
#### precedence-mul-over-add
echo $((2+3*4)) $((2*3+4))
#### left-associative
echo $((10-4-3)) $((100/10/5)) $((100%7%3))
#### parentheses
echo $(((2+3)*4)) $((2*(3+4))) $(((((1)))))
#### comparisons
echo $((1<2)) $((2<=2)) $((3>2)) $((3>=4)) $((5==5)) $((5!=5))
#### comparisons-negative
echo $((-1<0)) $((0>-1)) $((-5==-5))
#### spaces-inside
echo $(( 1 + 2 * 3 ))
#### vars-dollar
a=5 b=3; echo $(($a*$b)) $(( $a - $b ))
#### vars-bare
a=5 b=3; echo $((a*b+1))
#### unary-minus
echo $((-3+5)) $((- 4)) $((-(2+3)))
#### nested-arith
echo $(( $((2+2)) * 3 ))
#### in-string
echo "sum=$((40+2))!"
#### with-cmdsubst
echo $(( $(echo 3) + 4 ))
#### large-values
echo $((2147483647+1)) $((1000000*1000000))
#### comparison-precedence
echo $((1+1==2)) $((2<3==1)) $((1<2<3))
#### counter-loop
i=0; while [ $i -lt 5 ]; do i=$((i+1)); done; echo $i
#### mod-precedence
echo $((10%4*3)) $((2+10%4))
#### negative-var
n=-4; echo $((n*2)) $(($n*2))
#### in-for-list
for i in $((1+1)) $((2*2)); do echo $i; done
#### in-test
if [ $((3*3)) -eq 9 ]; then echo nine; fi
#### deep-parens
echo $((((2+3)*(4-1))%7))
#### unset-var-zero
unset z; echo $((z+1))
#### mul-div-order
echo $((7*3/2)) $((7/2*3))
#### result-not-split
x=$((12+30)); echo "$x"
#### sum-loop
s=0; for n in 1 2 3 4 5 6 7 8 9 10; do s=$((s+n)); done; echo $s
#### compare-in-if
a=7; if [ $((a>5)) = 1 ]; then echo big; fi
#### zero
echo $((0)) $((0*5)) $((0-0))
#### arith-status
echo $((1-1)); echo $?
#### pre-increment-is-unary-plus
a=1; echo $((++a)) $a
#### pre-decrement-is-double-minus
a=1; echo $((--a)) $a
#### var-only-blanks-is-zero
a=' '; echo $((a + 1))
#### var-trailing-blank
a='4 '; echo $((a * 2))
#### var-two-numbers-is-error
a='1 2'; (echo $((a + 1))) 2>/dev/null || echo failed
#### var-number-then-word-is-error
a='3 x'; (echo $((a))) 2>/dev/null || echo failed
#### overflow-literal-clamps
echo $((99999999999999999999))
#### overflow-hex-clamps
echo $((0xFFFFFFFFFFFFFFFF))
#### overflow-add-wraps
echo $((9223372036854775807 + 1))
#### carriage-return-error
echo $((1$(printf '\r')))
echo not-reached
#### nesting-parens
echo $(( ((((((((((1)))))))))) + 1 ))
