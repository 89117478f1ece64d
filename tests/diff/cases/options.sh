# set -e, set -u, set -x and set -- args.
#### errexit-stops
set -e; echo a; false; echo b
#### errexit-or-handled
set -e; false || echo handled; echo after
#### errexit-and-left
set -e; false && echo no; echo after
#### errexit-if-condition
set -e; if false; then echo no; fi; echo after
#### errexit-while-condition
set -e; while false; do :; done; echo after
#### errexit-bang
set -e; ! true; echo after
#### errexit-subshell
set -e; (false); echo not-reached
#### errexit-inside-subshell
set -e; (false; echo inner-not); echo outer-not
#### errexit-pipeline-last-ok
set -e; false | true; echo reached
#### errexit-pipeline-last-fails
set -e; true | false; echo not
#### errexit-cmdsubst-assignment
set -e; x=$(false); echo not
#### errexit-turned-off
set -e; set +e; false; echo continues
#### errexit-keeps-status
set -e; sh -c 'exit 3'; echo no
#### errexit-group
set -e; { false; echo no; }; echo no2
#### errexit-multiline
set -e
echo one
false
echo two
#### errexit-not-found
set -e; nosuch_cmd_ipcsh_t 2>/dev/null; echo no
#### nounset-set-var
set -u; x=1; echo $x
#### nounset-default
set -u; echo ${nope:-fallback}
#### nounset-error
(set -u; : $nope_var; echo not) 2>/dev/null || echo failed
#### nounset-positional-count
set -u; set -- a; echo $# $1
#### nounset-off
set -u; set +u; echo "[$nope_var]"
#### xtrace-stdout xtrace
set -x; echo traced; x=1; echo $x
#### xtrace-off xtrace
set -x; set +x; echo quiet
#### xtrace-pipeline xtrace
set -x; echo a | cat
#### xtrace-status xtrace
set -x; false; echo $?
#### xtrace-writes-stderr
(set -x; : hello) 2>&1 | grep -c hello
#### set-dashdash
set -- x y z; echo $# $2
#### set-dashdash-options-as-args
set -- -a -b; echo $1 $2
#### set-dashdash-empty
set -- a b; set --; echo $#
#### set-combined-options
set -eu; echo ok
#### set-e-in-subshell-only
(set -e; false; echo no); echo outer $?
