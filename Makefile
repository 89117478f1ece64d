# ipcsh + ipcview: build, test, run, install, bench.
# Libraries are found with pkg-config; `make deps` installs the Debian
# packages they come from.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  := $(PREFIX)/bin
MANDIR  := $(PREFIX)/share/man
DATADIR := $(PREFIX)/share/ipcsh
# the lessons' compiled programs are architecture-dependent: not in share/
PROGDIR := $(PREFIX)/lib/ipcsh/programs

CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -Wformat-security -D_GNU_SOURCE -Iinclude -Ishell -MMD -MP \
	   -DIPCSH_DATADIR='"$(DATADIR)"' -DIPCSH_PROGDIR='"$(PROGDIR)"' -DIPCSH_VERSION='"$(VERSION)"'
VERSION := 0.1.0

ifneq ($(CI),)
CFLAGS  += -Werror
endif

# SANITIZE=1: the same programs built with ASan and UBSan, in build/san.
ifeq ($(SANITIZE),1)
BUILD   := build/san
CFLAGS  += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
else
BUILD   := build
endif

PKGS_SH   := readline libseccomp
PKGS_VIEW := ncursesw vterm
PKGCFLAGS  = $(shell pkg-config --cflags $(PKGS_SH) $(PKGS_VIEW) 2>/dev/null)
LIBS_SH    = $(shell pkg-config --libs $(PKGS_SH) 2>/dev/null)
# ipcsh itself takes readline, tinfo and libseccomp from their static
# archives: loading three more shared libraries made its start-up slower
# than issue 2's 1.5x dash allows. libc stays shared: linked statically it
# made start-up 0.76x dash's, but getpwuid(3) of a uid not in /etc/passwd
# then loaded Debian's libnss_systemd.so.2, built for the shared libc, and
# ipcs crashed in it.
# SH_STATIC=0 (the Debian package) links them as shared libraries, so that
# security updates of the libraries reach ipcsh.
# It is also linked without PIE then: the archives' tables of pointers
# (readline's keymaps among them) were relocated page by page at every
# start, a sixth of `ipcsh -c true`'s page faults and an eighth of its
# instructions. The package keeps PIE.
SH_STATIC ?= 1
ifeq ($(SH_STATIC),1)
LIBS_SH_BIN = -Wl,-Bstatic $(shell pkg-config --static --libs $(PKGS_SH) 2>/dev/null) -Wl,-Bdynamic
LDFLAGS_SH_BIN = -no-pie
else
LIBS_SH_BIN = $(LIBS_SH)
LDFLAGS_SH_BIN =
endif
LIBS_VIEW  = $(shell pkg-config --libs $(PKGS_VIEW) 2>/dev/null)
# ipcview the same way: `ipcview --once` is a command run in loops, and
# loading ncurses, tinfo and libvterm cost it a fifth of a snapshot.
ifeq ($(SH_STATIC),1)
LIBS_VIEW_BIN = -Wl,-Bstatic $(shell pkg-config --static --libs $(PKGS_VIEW) 2>/dev/null) -Wl,-Bdynamic
else
LIBS_VIEW_BIN = $(LIBS_VIEW)
endif

# Debian packages: building, testing and benchmarking.
DEB_PKGS  := build-essential pkg-config libreadline-dev libncurses-dev \
	     libvterm-dev libseccomp-dev expect tmux dash bash util-linux \
	     procps less jq graphviz debhelper dpkg-dev fakeroot lintian \
	     strace gdb patch
BENCH_PKGS := hyperfine htop
FUZZ_PKGS  := clang

# The folders are the layers (DESIGN.md): ipcview/lib is libipcview,
# ipcview/prog the ipcview program; shell/main.c and every shell/*/ folder
# make ipcsh.
LIB_SRC   := $(wildcard ipcview/lib/*.c)
VIEW_SRC  := $(wildcard ipcview/prog/*.c)
SH_SRC    := $(wildcard shell/*.c shell/*/*.c)
LIB_OBJ   := $(LIB_SRC:ipcview/lib/%.c=$(BUILD)/lib/%.o)
SH_OBJ    := $(SH_SRC:shell/%.c=$(BUILD)/sh/%.o)
SH_NOMAIN := $(filter-out $(BUILD)/sh/main.o,$(SH_OBJ))
VIEW_OBJ  := $(VIEW_SRC:ipcview/prog/%.c=$(BUILD)/view/%.o)
LIBIPCVIEW := $(BUILD)/libipcview.a

PROG_SRC  := $(wildcard lessons/programs/*.c)
PROGS     := $(PROG_SRC:lessons/programs/%.c=$(BUILD)/programs/%)
# ipcs beside them is ipcsh run as ipcs: the builtin, in the shell's language
PROGS     += $(BUILD)/programs/ipcs
TPROG_SRC := $(wildcard tests/progs/*.c)
TPROGS    := $(TPROG_SRC:tests/progs/%.c=$(BUILD)/tests/%)
UNIT_SRC  := $(wildcard tests/unit/*.c)
UNITS     := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/unit_%)
# the bench's floor programs (tests/bench/*.c): plain C, no libipcview
BENCH_SRC := $(wildcard tests/bench/*.c)
BENCHES   := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)

BINS := $(BUILD)/ipcsh $(if $(VIEW_OBJ),$(BUILD)/ipcview)

.PHONY: all programs deps run test check bench fuzz deb install uninstall clean
all: $(BINS) $(PROGS) $(TPROGS) $(UNITS) $(BENCHES)
programs: $(PROGS)

# The data directory is compiled in as the last place to look (the lesson
# engine looks beside the executable first): a PREFIX other than the last
# build's rebuilds what names it.
$(BUILD)/prefix: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR) $(PROGDIR)' | cmp -s - $@ || echo '$(DATADIR) $(PROGDIR)' >$@
$(BUILD)/sh/lesson/lesson.o: $(BUILD)/prefix
FORCE:

# -MMD -MP: each object's header dependencies, in a .d file beside it.
$(BUILD)/lib/%.o: ipcview/lib/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKGCFLAGS) -c -o $@ $<
$(BUILD)/sh/%.o: shell/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKGCFLAGS) -c -o $@ $<
$(BUILD)/view/%.o: ipcview/prog/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKGCFLAGS) -c -o $@ $<
-include $(wildcard $(BUILD)/*/*.d $(BUILD)/*/*/*.d)

$(LIBIPCVIEW): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/ipcsh: $(SH_OBJ) $(LIBIPCVIEW)
	$(CC) $(LDFLAGS) $(LDFLAGS_SH_BIN) -o $@ $(SH_OBJ) $(LIBIPCVIEW) \
	    $(LIBS_SH_BIN)
$(BUILD)/ipcview: $(VIEW_OBJ) $(LIBIPCVIEW)
	$(CC) $(LDFLAGS) -o $@ $(VIEW_OBJ) $(LIBIPCVIEW) $(LIBS_VIEW_BIN)

$(BUILD)/programs/ipcs: $(BUILD)/ipcsh
	@mkdir -p $(@D)
	ln -sf ../ipcsh $@
# The lessons' C programs are what students read: built plainly, no sanitizers.
$(BUILD)/programs/%: lessons/programs/%.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -Wall -Wextra -D_GNU_SOURCE -O2 -g -o $@ $<
$(BUILD)/tests/%: tests/progs/%.c $(LIBIPCVIEW)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKGCFLAGS) $(LDFLAGS) -o $@ $< $(LIBIPCVIEW) $(LIBS_SH)
$(BUILD)/bench/%: tests/bench/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $<
# sandbox_exec compiles the shell's seccomp policy into itself
$(BUILD)/tests/sandbox_exec: shell/sandbox/sandbox_policy.c shell/sandbox/sandbox_policy.h
$(BUILD)/tests/unit_%: tests/unit/%.c $(SH_NOMAIN) $(LIBIPCVIEW)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKGCFLAGS) $(LDFLAGS) -o $@ $< $(SH_NOMAIN) $(LIBIPCVIEW) $(LIBS_SH)

# Check the Debian packages; install the missing ones when we may.
deps:
	@missing=""; for p in $(DEB_PKGS) $(EXTRA_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "make deps: missing Debian packages:$$missing"; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	else echo "run as root: apt-get update && apt-get install -y$$missing"; exit 1; fi; \
	export DEBIAN_FRONTEND=noninteractive; \
	$$sudo apt-get update -q && $$sudo apt-get install -y -q$$missing

# The shell's last status is the student's, not a build failure: make run
# succeeds whatever it was. ARGS='--lang zh' passes options on.
run: deps
	@$(MAKE) --no-print-directory all
	@if [ -x $(BUILD)/ipcview ]; then $(BUILD)/ipcview $(ARGS); else $(BUILD)/ipcsh $(ARGS); fi; true

test check: deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) bash tests/run $(SUITES)

bench:
	@$(MAKE) --no-print-directory deps EXTRA_PKGS="$(BENCH_PKGS)"
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) bash tests/bench/run

# The parser under libFuzzer for FUZZ_SECONDS (default 60).
FUZZ_SECONDS ?= 60
fuzz:
	@$(MAKE) --no-print-directory deps EXTRA_PKGS="$(FUZZ_PKGS)"
	@BUILD=$(BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run

# `make deb`: the Debian package, built from a copy of the sources in
# build/deb (dpkg-buildpackage writes beside the source tree), then checked
# with lintian.
DEB_SRC := build/deb/ipcsh-$(VERSION)
deb:
	@$(MAKE) --no-print-directory deps
	rm -rf build/deb
	mkdir -p $(DEB_SRC)
	cp -r Makefile README.md debian include ipcview lessons man shell tests $(DEB_SRC)/
	cd $(DEB_SRC) && dpkg-buildpackage -us -uc -b
	lintian --fail-on error build/deb/ipcsh_$(VERSION)_*.deb
	@ls build/deb/*.deb

install: $(BINS) $(PROGS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)/
	install -m 644 $(wildcard man/*.1) $(DESTDIR)$(MANDIR)/man1/
	$(if $(wildcard man/*.5),install -m 644 $(wildcard man/*.5) $(DESTDIR)$(MANDIR)/man5/)
	install -d $(DESTDIR)$(DATADIR)/lessons $(DESTDIR)$(DATADIR)/programs $(DESTDIR)$(PROGDIR)
	install -m 644 tests/lib/ipcsh.exp $(DESTDIR)$(DATADIR)/ipcsh.exp
	$(if $(wildcard lessons/*.lesson),install -m 644 $(wildcard lessons/*.lesson) $(DESTDIR)$(DATADIR)/lessons/)
	$(if $(PROG_SRC),install -m 644 $(PROG_SRC) $(DESTDIR)$(DATADIR)/programs/)
	install -d $(DESTDIR)$(DATADIR)/exercises/solved
	install -m 644 $(wildcard lessons/exercises/*.c lessons/exercises/*.h) $(DESTDIR)$(DATADIR)/exercises/
	install -m 644 $(wildcard lessons/exercises/solved/*.patch) $(DESTDIR)$(DATADIR)/exercises/solved/
	$(if $(PROGS),install -m 755 $(filter-out %/ipcs,$(PROGS)) $(DESTDIR)$(PROGDIR)/)
	ln -sf $(BINDIR)/ipcsh $(DESTDIR)$(PROGDIR)/ipcs

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ipcsh $(DESTDIR)$(BINDIR)/ipcview
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(wildcard man/*.1))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man5/%,$(wildcard man/*.5))
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(PROGDIR)
	-rmdir $(DESTDIR)$(PREFIX)/lib/ipcsh 2>/dev/null

clean:
	rm -rf build
