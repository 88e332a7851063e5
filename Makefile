# make                      build the static release binary and the man page
# make install [PREFIX=/usr/local] [DESTDIR=] [BIN=prebuilt binary] [MANPAGE=prebuilt ctoboard.1]
# make uninstall [PREFIX=/usr/local] [DESTDIR=]
# Scripts/install.sh does the work (and does the same without make); it lists what goes where.
PREFIX ?= /usr/local
DESTDIR ?=
BIN ?=
MANPAGE ?=
VARS = PREFIX='$(PREFIX)' DESTDIR='$(DESTDIR)' BIN='$(BIN)' MANPAGE='$(MANPAGE)'

.PHONY: build install uninstall

build:
	Scripts/install.sh build

install:
	Scripts/install.sh install $(VARS)

uninstall:
	Scripts/install.sh uninstall $(VARS)
