# posix.sh - sourced by tests/diff/run: what POSIX asks where dash and
# bash --posix both do otherwise, checked against the text of the standard
# rather than against them.

# POSIX 2.8.1, where dash and bash differ from it both: a dup target that
# is not a number is a redirection error, so the command fails and the
# shell goes on (dash ends the script with "Bad fd number", bash writes to
# a file of that name); before a special built-in the script ends.
mkdir "$work/dupnan"
f=$(cd "$work/dupnan" && "$IPCSH" -c 'f=name; echo hi 1>&$f; echo "st=$?"; ls; : 1>&$f; echo not-reached' 2>&1; echo "rc=$?")
t_eq "redir-dup-not-a-number" "ipcsh: 1: name: bad file descriptor number
st=2
ipcsh: 1: name: bad file descriptor number
rc=2" "$f"
