# What issue 2 asks beyond dash (set -o pipefail, source): compared with
# bash --posix alone.
#### pipefail-first-fails bash
set -o pipefail; false | true; echo $?
#### pipefail-middle-fails bash
set -o pipefail; true | false | true; echo $?
#### pipefail-rightmost-failure bash
set -o pipefail; (exit 3) | (exit 4) | true; echo $?
#### pipefail-all-succeed bash
set -o pipefail; true | true; echo $?
#### pipefail-sigpipe-141 bash
set -o pipefail; yes | head -n 1; echo $?
#### pipefail-turned-off bash
set -o pipefail; set +o pipefail; false | true; echo $?
#### pipefail-with-errexit bash
set -eo pipefail; false | true; echo not-reached
#### pipefail-bang bash
set -o pipefail; ! false | true; echo $?
#### source-builtin bash
echo 'sv=from-source; echo in-file' >inc.sh; source ./inc.sh; echo $sv
#### source-status bash
echo '(exit 3)' >inc.sh; source ./inc.sh; echo $?
#### fd-two-digits bash
echo hi 99>&1 >&99
#### fd-two-digits-file bash
exec 42>out; echo to42 >&42; exec 42>&-; cat out
#### read-bare-keeps-blanks bash
printf '  a b  \n' | { read; echo "[$REPLY]"; }
