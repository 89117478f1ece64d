# getopts, umask, times, hash, command -p, cd, trap with one operand,
# read, test's "( )": the POSIX builtins as dash has them.
#### getopts-flags-and-arg
set -- -a -b foo bar; while getopts ab: o; do echo "$o [$OPTARG]"; done; echo $OPTIND
#### getopts-attached-arg
set -- -xval -y; while getopts x:y o; do echo "$o [$OPTARG]"; done
#### getopts-silent-unknown
while getopts :x o -y; do echo "$o $OPTARG"; done; echo $OPTIND
#### getopts-loud-unknown
while getopts x o -y 2>/dev/null; do echo "$o ${OPTARG-unset}"; done
#### getopts-silent-missing-arg
while getopts :a: o -a; do echo "$o ${OPTARG-u}"; done
#### getopts-loud-missing-arg
while getopts a: o -a 2>/dev/null; do echo "$o ${OPTARG-u}"; done; echo $?
#### getopts-end-status
getopts a o; echo $? "$o" $OPTIND
#### getopts-operands-given
getopts ab o -a -b; echo $o $OPTIND; getopts ab o -a -b; echo $o $OPTIND
#### getopts-optind-reset
getopts ab o -a -b; echo $o; OPTIND=1; getopts ab o -b; echo $o $OPTIND
#### getopts-stops-at-operand
set -- -a file -b; while getopts ab o; do echo $o; done; echo $OPTIND
#### getopts-double-dash
set -- -- -a; getopts a o; echo $? $OPTIND
#### getopts-usage
getopts 2>/dev/null; echo $?
#### getopts-in-function
f() { while getopts x: o; do echo "$o $OPTARG"; done; }; f -x 1 -x2; echo $OPTIND
#### getopts-optind-initial
echo $OPTIND
#### umask-symbolic-set
umask 022; umask u=rwx,g-w; umask
#### umask-S
umask 027; umask -S
#### umask-S-022
umask 022; umask -S
#### umask-a-minus-w
umask 022; umask a-w; umask
#### umask-plus-x
umask 0222; umask +x; umask
#### umask-clauses
umask 0222; umask o=rwx,u-r; umask
#### umask-assign-empty
umask 0; umask g-w,o=; umask; umask -S
#### umask-full-symbolic
umask 0; umask u=rwx,g=rx,o=; umask
#### umask-creates-with-mask
umask u=rwx,g=r,o=; : >f; ls -l f | cut -c1-10
#### umask-bad-mode
umask 022; umask q=x 2>/dev/null || echo refused; umask
#### umask-bad-octal
umask 022; umask 999 2>/dev/null || echo refused; umask
#### times-two-lines
times | wc -l
#### times-status
times >/dev/null; echo $?
#### hash-found
hash cat; echo $?
#### hash-not-found
hash no_such_cmd_x 2>/dev/null; echo $?
#### hash-r
hash -r; echo $?
#### command-p-default-path
PATH=/nonexistent; command -p ls / >/dev/null; echo $?
#### command-p-builtin
PATH=/nonexistent; command -p true; echo $?
#### trap-dash-resets
trap 'echo bye' EXIT; trap - EXIT; echo done
#### trap-exit-subshell-trap
trap '(trap "echo inner" EXIT; echo sub)' EXIT; echo main
#### trap-exit-nested-subshell
trap 'echo outer' EXIT; (trap 'echo in-sub' EXIT; echo body)
#### read-ifs-x-space
printf 'a x b\n' | { IFS='x ' read a b c; echo "[$a][$b][$c]"; }
#### read-ifs-x-empty-field
printf 'axxb\n' | { IFS='x ' read a b c; echo "[$a][$b][$c]"; }
#### read-ifs-leading-x
printf 'xa b\n' | { IFS='x ' read a b; echo "[$a][$b]"; }
#### test-paren-word
[ "(" a ")" ]; echo $?
