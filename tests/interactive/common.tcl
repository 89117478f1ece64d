# common.tcl - shared by the interactive tests: the helpers, and itest
# NAME BODY, which runs BODY in a fresh shell and reports a Tcl error as
# "not ok NAME".
source $env(TOP)/tests/lib/ipcsh.exp
set timeout 10
set stty_init "rows 24 columns 500"

proc itest {name body} {
	if {[catch {uplevel 1 $body} err]} {
		regsub -all {[\r\n]+} $err { } err
		puts "not ok interactive/$name: $err"
	}
	catch {close}
	catch {wait}
}

# esc TEXT: TEXT with control characters made visible, for messages.
proc esc {s} {
	return [string map {"\033" "\\e" "\r" "\\r" "\n" "\\n" "\007" "\\a"} $s]
}
