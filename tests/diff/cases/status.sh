# Exit statuses: 127 not found, 126 not executable, 128+N signals, exit.
#### not-found-127
nosuch_cmd_ipcsh_t; echo $?
#### not-found-path-127
./nosuchfile; echo $?
#### not-found-absolute-127
/nonexistent_ipcsh/cmd; echo $?
#### not-executable-126
echo 'echo hi' >script.sh; ./script.sh; echo $?
#### directory-126
mkdir d; ./d; echo $?
#### not-executable-last-status
echo 'echo hi' >s.sh; ./s.sh
#### not-found-last-status
nosuch_cmd_ipcsh_t
#### killed-term-143
{ sh -c 'kill -TERM $$'; echo $?; } 2>/dev/null
#### killed-kill-137
{ sh -c 'kill -KILL $$'; echo $?; } 2>/dev/null
#### killed-int-130
{ sh -c 'kill -INT $$'; echo $?; } 2>/dev/null
#### killed-usr1-138
{ sh -c 'kill -USR1 $$'; echo $?; } 2>/dev/null
#### killed-segv-139
{ sh -c 'kill -SEGV $$'; echo $?; } 2>/dev/null
#### killed-as-last-status
{ sh -c 'kill -TERM $$'; } 2>/dev/null
#### exit-code-42
sh -c 'exit 42'; echo $?
#### exit-code-255
sh -c 'exit 255'; echo $?
#### exit-builtin
exit 5
#### exit-no-arg-keeps-status
false; exit
#### exit-256-wraps
sh -c 'exit 256'; echo $?
#### exit-in-subshell
(exit 9); echo $?
#### exit-in-group-exits-shell
{ echo a; exit 3; }; echo not
#### exit-stops-script
echo a
exit 6
echo not
#### and-list-status
false && echo x; echo $?
#### bang-status
! true; echo $?; ! false; echo $?
#### if-no-branch-status
if false; then :; fi; echo $?
#### while-no-iteration-status
while false; do :; done; echo $?
#### for-empty-list-status
for i in; do :; done; echo $?
#### empty-cmdsubst-command-status
$(exit 4); echo $?
#### assignment-cmdsubst-status
x=$(exit 6); echo $?
#### plain-assignment-resets-status
false; x=1; echo $?
#### script-ends-with-false
echo done
false
#### status-after-not-found-in-if
if nosuch_cmd_ipcsh_t 2>/dev/null; then echo yes; else echo "no $?"; fi
#### status-of-signal-in-subshell
{ (sh -c 'kill -TERM $$'); echo $?; } 2>/dev/null
#### status-of-true-false
true; echo $?; false; echo $?
#### status-exit-large
sh -c 'exit 300'; echo $?
