# Features outside the shell's language for now: functions, case,
# here-documents, aliases.  ipcsh must refuse each with status 2 and a
# message saying it is not supported, and run nothing of that line.
#### function-definition
f() { echo x; }; f
#### function-definition-multiline
f()
{
	echo x
}
f
#### function-with-spaces
f () { echo x; }
#### function-subshell-body
f() ( echo x )
#### function-after-command-same-line
echo before; g() { echo y; }
#### case
case a in a) echo A;; esac
#### case-multiline
case x in
x) echo x;;
esac
#### case-in-if
if true; then case a in *) echo star;; esac; fi
#### case-after-command-same-line
echo before; case a in a) echo A;; esac
#### heredoc
cat <<EOF2
hello
EOF2
#### heredoc-strip-tabs
cat <<-EOF2
	hi
	EOF2
#### heredoc-quoted-delimiter
cat <<'EOF2'
x
EOF2
#### heredoc-after-command-same-line
echo before; cat <<EOF2
x
EOF2
#### heredoc-with-fd
cat 3<<EOF2
x
EOF2
#### heredoc-in-pipeline
cat <<EOF2 | cat
x
EOF2
#### alias
alias ll='ls -l'
#### alias-list
alias
#### unalias
unalias ll
