#ifndef KITH_CNCURSESW_SHIM_H
#define KITH_CNCURSESW_SHIM_H

// The wide-character API (get_wch, add_wch, setcchar, cchar_t) is only declared
// when NCURSES_WIDECHAR is set before the header is read.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// glibc hides these from Swift's importer unless _XOPEN_SOURCE is set just so.
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

// Swift 6 strict concurrency rejects direct references to these mutable globals;
// small accessors keep every use in one audited place.
static inline WINDOW *kith_stdscr(void) { return stdscr; }
static inline int kith_colors(void) { return COLORS; }
static inline int kith_color_pairs(void) { return COLOR_PAIRS; }

// newterm on the process's own stdout/stdin: returns NULL for an unknown TERM instead
// of exiting as initscr does.
//
// ncurses sizes its output buffer to the screen it starts on, (2 + lines) x (6 + columns)
// bytes, and never grows it; whatever does not fit is written out early. A frame bigger
// than that (the first one, the help overlay, any key after the window grew) reached the
// terminal in pieces, and the terminal could show half of it. So ncurses starts on a
// screen of at least KITH_BUFFER_LINES x KITH_BUFFER_COLUMNS, given through LINES and
// COLUMNS (use_env(3)), and is then told the real size before anything is drawn. The
// variables are put back as they were; a size the user set in them is kept.
#define KITH_BUFFER_LINES 100
#define KITH_BUFFER_COLUMNS 300
static inline SCREEN *kith_newterm(void) {
    const char *user_lines = getenv("LINES"), *user_columns = getenv("COLUMNS");
    if (user_lines || user_columns) return newterm(NULL, stdout, stdin);
    struct winsize ws;
    if (ioctl(fileno(stdout), TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0)
        return newterm(NULL, stdout, stdin);
    char buf[16];
    snprintf(buf, sizeof buf, "%d", ws.ws_row > KITH_BUFFER_LINES ? ws.ws_row : KITH_BUFFER_LINES);
    setenv("LINES", buf, 1);
    snprintf(buf, sizeof buf, "%d", ws.ws_col > KITH_BUFFER_COLUMNS ? ws.ws_col : KITH_BUFFER_COLUMNS);
    setenv("COLUMNS", buf, 1);
    SCREEN *s = newterm(NULL, stdout, stdin);
    unsetenv("LINES");
    unsetenv("COLUMNS");
    if (s) {
        // The size may have changed meanwhile: ask again.
        if (ioctl(fileno(stdout), TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
            resize_term(ws.ws_row, ws.ws_col);
    }
    return s;
}

// SIGTERM, SIGHUP (the terminal window closed) and SIGINT end the full screen the way q
// does: the handler only notes the signal; without SA_RESTART the blocked read returns,
// the loop sees the note and leaves, the terminal is restored and `kith --demo` removes
// its store. Installed before newterm, so that ncurses keeps its own handlers out.
static volatile sig_atomic_t kith_stop_signal_seen = 0;
static void kith_note_stop_signal(int sig) { kith_stop_signal_seen = sig; }
static inline void kith_catch_stop_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = kith_note_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}
static inline int kith_stop_signal(void) { return kith_stop_signal_seen; }

// Macros that do not import into Swift.
static inline int kith_key_f(int n) { return KEY_F(n); }
static inline attr_t kith_a_bold(void) { return A_BOLD; }
static inline attr_t kith_a_reverse(void) { return A_REVERSE; }
static inline attr_t kith_a_underline(void) { return A_UNDERLINE; }
static inline attr_t kith_a_dim(void) { return A_DIM; }
static inline attr_t kith_a_normal(void) { return A_NORMAL; }

// One cell for wadd_wchnstr: up to CCHARW_MAX code points (a base and its combining
// marks), attributes and a colour pair (ncurses keeps pairs above 255 in ext_color and
// caps the copy in the attribute bits, as setcchar does).
static inline void kith_cchar(cchar_t *c, attr_t attr, int pair, const wchar_t *wc, int n) {
    c->attr = (attr & ~A_COLOR) | COLOR_PAIR(pair > 255 ? 255 : pair);
    c->ext_color = pair;
    for (int i = 0; i < CCHARW_MAX; i++) c->chars[i] = i < n ? wc[i] : 0;
}

static inline void kith_cchar1(cchar_t *c, attr_t attr, int pair, wchar_t wc) {
    c->attr = (attr & ~A_COLOR) | COLOR_PAIR(pair > 255 ? 255 : pair);
    c->ext_color = pair;
    c->chars[0] = wc;
    c->chars[1] = 0;
    c->chars[2] = 0;
    c->chars[3] = 0;
    c->chars[4] = 0;
}

// A row of cells at (y, x), copied as they are: no wrapping, no control-character
// processing, no conversion from multibyte text.
static inline int kith_put_row(int y, int x, const cchar_t *cells, int n) {
    return mvwadd_wchnstr(stdscr, y, x, cells, n);
}

#endif
