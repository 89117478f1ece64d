# Features outside the shell's language: ipcsh must refuse each with
# status 2 and a message saying it is not supported, and run nothing of
# that line.  Functions, case, here-documents and aliases moved to
# cases/functions.sh, case.sh, heredoc.sh and alias.sh; nothing is left.
