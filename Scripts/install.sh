#!/usr/bin/env bash
# Build, install or uninstall ctoboard: the static release binary, the themes, shell
# completions for bash, zsh and fish, and the man page. `make build|install|uninstall` runs this.
#
#   Scripts/install.sh [build|install|uninstall] [PREFIX=/usr/local] [DESTDIR=DIR] [BIN=PATH] [MANPAGE=PATH]
#
# build (and install, unless BIN and MANPAGE name prebuilt files) builds the binary and generates
# the man page from its argument parser with swift-argument-parser's generate-manual tool. Files go to
# DESTDIR/PREFIX: bin/ctoboard, share/ctoboard/themes/, share/man/man1/ctoboard.1,
# share/bash-completion/completions/ctoboard, share/zsh/site-functions/_ctoboard and
# share/fish/vendor_completions.d/ctoboard.fish. uninstall removes exactly those files.
# Exit 0 done, 1 a build step failed, 2 bad usage.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ACTION=install
PREFIX="${PREFIX:-/usr/local}"
DESTDIR="${DESTDIR:-}"
BIN=""
MANPAGE=""
usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
for arg in "$@"; do
  case "$arg" in
    build|install|uninstall) ACTION="$arg" ;;
    PREFIX=*) PREFIX="${arg#*=}" ;;
    DESTDIR=*) DESTDIR="${arg#*=}" ;;
    BIN=*) BIN="${arg#*=}" ;;
    MANPAGE=*) MANPAGE="${arg#*=}" ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown argument '$arg'; see Scripts/install.sh --help" >&2; exit 2 ;;
  esac
done
[ -n "$PREFIX" ] || { echo "install.sh: PREFIX is empty; give a folder such as PREFIX=/usr/local" >&2; exit 2; }

DEST="$DESTDIR$PREFIX"
THEMES="share/ctoboard/themes"
BASH_COMPLETION="share/bash-completion/completions/ctoboard"
ZSH_COMPLETION="share/zsh/site-functions/_ctoboard"
FISH_COMPLETION="share/fish/vendor_completions.d/ctoboard.fish"
MAN="share/man/man1/ctoboard.1"

# One set of build flags for both products, so they share the compiled modules: swift-argument-
# parser's `swift package plugin generate-manual` would rebuild the whole package in release mode
# without --static-swift-stdlib (a full rebuild, and a relinked, dynamic .build/release/ctoboard),
# so its tool is built and run here directly, on the binary being installed.
release() {
  (cd "$ROOT" && swift build -c release --static-swift-stdlib --product "$1") ||
    { echo "install.sh: the release build of $1 failed" >&2; exit 1; }
}

binary() {
  release ctoboard
  BIN="$ROOT/.build/release/ctoboard"
}

# The man page, generated from the argument parser of $BIN.
manpage() {
  release generate-manual
  mkdir -p "$ROOT/.build/manual"
  "$ROOT/.build/release/generate-manual" "$BIN" --output-directory "$ROOT/.build/manual" ||
    { echo "install.sh: generating the man page from $BIN failed" >&2; exit 1; }
  MANPAGE="$ROOT/.build/manual/ctoboard.1"
}

case "$ACTION" in
  build) binary; manpage ;;
  install)
    if [ -z "$BIN" ]; then binary; fi
    [ -x "$BIN" ] || { echo "install.sh: BIN=$BIN is not an executable file; build it or leave BIN unset" >&2; exit 2; }
    if [ -z "$MANPAGE" ]; then manpage; fi
    [ -f "$MANPAGE" ] || { echo "install.sh: MANPAGE=$MANPAGE does not exist; leave MANPAGE unset to generate it" >&2; exit 2; }
    install -d "$DEST/bin" "$DEST/$THEMES" "$(dirname "$DEST/$MAN")" "$(dirname "$DEST/$BASH_COMPLETION")" \
      "$(dirname "$DEST/$ZSH_COMPLETION")" "$(dirname "$DEST/$FISH_COMPLETION")"
    install -m 0755 "$BIN" "$DEST/bin/ctoboard"
    install -m 0644 "$ROOT"/themes/* "$DEST/$THEMES/"
    install -m 0644 "$MANPAGE" "$DEST/$MAN"
    "$BIN" --generate-completion-script bash > "$DEST/$BASH_COMPLETION"
    "$BIN" --generate-completion-script zsh > "$DEST/$ZSH_COMPLETION"
    "$BIN" --generate-completion-script fish > "$DEST/$FISH_COMPLETION"
    echo "installed ctoboard in $DEST"
    ;;
  uninstall)
    rm -f "$DEST/bin/ctoboard" "$DEST/$MAN" "$DEST/$BASH_COMPLETION" "$DEST/$ZSH_COMPLETION" "$DEST/$FISH_COMPLETION"
    for f in "$ROOT"/themes/*; do rm -f "$DEST/$THEMES/$(basename "$f")"; done
    # ctoboard's own folders, when nothing else was put there.
    rmdir "$DEST/$THEMES" "$DEST/share/ctoboard" 2> /dev/null || true
    echo "removed ctoboard from $DEST"
    ;;
esac
