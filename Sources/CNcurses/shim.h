// C shim for ncurses (wide-character build).
// Swift cannot import function-like macros (COLOR_PAIR, getmaxyx, ...) and Swift 6
// strict concurrency rejects the mutable globals (stdscr, LINES, COLS, COLORS).
// Everything the Swift side needs goes through the static inline functions below.
#ifndef CTOBOARD_CNCURSES_SHIM_H
#define CTOBOARD_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <wchar.h>
#include <stdio.h>

// Globals
static inline WINDOW *ctob_stdscr(void) { return stdscr; }
static inline int ctob_lines(void) { return LINES; }
static inline int ctob_cols(void) { return COLS; }
static inline int ctob_colors(void) { return COLORS; }
static inline int ctob_color_pairs(void) { return COLOR_PAIRS; }

// Size of the standard screen (getmaxyx is a macro).
static inline int ctob_maxy(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int ctob_maxx(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }

// Attributes (macros in curses.h)
static inline attr_t ctob_a_normal(void) { return A_NORMAL; }
static inline attr_t ctob_a_bold(void) { return A_BOLD; }
static inline attr_t ctob_a_reverse(void) { return A_REVERSE; }
static inline attr_t ctob_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ctob_a_dim(void) { return A_DIM; }
static inline int ctob_color_pair(int n) { return (int)COLOR_PAIR(n); }

// Key codes (macros in curses.h)
static inline int ctob_key_resize(void) { return KEY_RESIZE; }
static inline int ctob_key_up(void) { return KEY_UP; }
static inline int ctob_key_down(void) { return KEY_DOWN; }
static inline int ctob_key_left(void) { return KEY_LEFT; }
static inline int ctob_key_right(void) { return KEY_RIGHT; }
static inline int ctob_key_home(void) { return KEY_HOME; }
static inline int ctob_key_end(void) { return KEY_END; }
static inline int ctob_key_npage(void) { return KEY_NPAGE; }
static inline int ctob_key_ppage(void) { return KEY_PPAGE; }
static inline int ctob_key_backspace(void) { return KEY_BACKSPACE; }
static inline int ctob_key_dc(void) { return KEY_DC; }
static inline int ctob_key_ic(void) { return KEY_IC; }
static inline int ctob_key_enter(void) { return KEY_ENTER; }
static inline int ctob_key_btab(void) { return KEY_BTAB; }
static inline int ctob_key_sleft(void) { return KEY_SLEFT; }
static inline int ctob_key_sright(void) { return KEY_SRIGHT; }
static inline int ctob_key_f(int n) { return KEY_F(n); }
static inline int ctob_key_mouse(void) { return KEY_MOUSE; }
static inline int ctob_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ctob_ok(void) { return OK; }
static inline int ctob_err(void) { return ERR; }

// Setup helpers
static inline SCREEN *ctob_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline void ctob_setlocale_all(void) { setlocale(LC_ALL, ""); }
static inline int ctob_keypad_on(void) { return keypad(stdscr, TRUE); }
static inline void ctob_timeout(int ms) { wtimeout(stdscr, ms); }
static inline int ctob_curs_set(int v) { return curs_set(v); }
static inline int ctob_leaveok_on(void) { return leaveok(stdscr, TRUE); }

// Input: wraps get_wch, which returns OK (a character), KEY_CODE_YES (a function key)
// or ERR (timeout). The character or key code is stored in *out.
static inline int ctob_get_wch(wint_t *out) {
    wint_t ch = 0;
    int status = wget_wch(stdscr, &ch);
    *out = ch;
    return status;
}

// Output: writes one grapheme cluster (a spacing character followed by up to
// CCHARW_MAX-1 combining characters) at (y, x) with attributes and a color pair.
static inline int ctob_put_cluster(int y, int x, const wchar_t *wchars, int count, attr_t attrs, int pair) {
    wchar_t buf[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) buf[i] = wchars[i];
    buf[n] = L'\0';
    cchar_t cc;
    if (setcchar(&cc, buf, attrs, (short)pair, NULL) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cc);
}

static inline int ctob_ccharw_max(void) { return CCHARW_MAX; }

#endif
