# Subshells versus groups: what stays in the shell and what does not.
#### subshell-var
x=1; (x=2; echo $x); echo $x
#### group-var
x=1; { x=2; echo $x; }; echo $x
#### subshell-cd
cd /; (cd /usr; pwd); pwd
#### group-cd
cd /; { cd /usr; }; pwd
#### subshell-exit
(exit 3); echo $?
#### group-exit
{ exit 4; }; echo not
#### subshell-set-args
set -- a b; (set -- x); echo $@
#### subshell-unset
x=1; (unset x; echo "[$x]"); echo $x
#### subshell-export
(export se=1); sh -c 'echo "[$se]"'
#### nested-subshells
x=0; (x=1; (x=2; echo $x); echo $x); echo $x
#### group-redirect
{ echo in; } >f; echo out; cat f
#### prefix-assignment-external
y=1; y=2 true; echo $y
#### prefix-assignment-env
z=3 sh -c 'echo $z'
#### subshell-status
(false); echo $?; (true); echo $?
#### background-assignment
x=1; x=2 & wait; echo $x
#### subshell-set-e
(set -e; false; echo no); echo after
#### group-in-pipeline-var
x=1; { x=2; } | true; echo $x
#### subshell-umask
(umask 077; echo x >private); echo y >public; ls -l private public | cut -c1-10
#### subshell-readonly
(readonly ro=1); ro=2; echo $ro
#### cmdsubst-var-scope
x=out; y=$(x=in; echo $x); echo $x $y
#### subshell-positional
set -- a b c; (shift; echo $#); echo $#
#### group-positional
set -- a b c; { shift; echo $#; }; echo $#
#### subshell-fd
(exec 3>f; echo inside >&3); echo outside >&3 2>/dev/null || echo no-fd3; cat f
#### group-fd
{ exec 3>f; }; echo kept >&3; exec 3>&-; cat f
