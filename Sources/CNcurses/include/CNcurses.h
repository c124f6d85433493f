#ifndef DATELINE_CNCURSES_H
#define DATELINE_CNCURSES_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <locale.h>
#include <wchar.h>

// Macros Swift cannot import, as functions.
int dateline_attr_bold(void);
int dateline_attr_underline(void);
int dateline_attr_reverse(void);
int dateline_attr_dim(void);
int dateline_attr_altcharset(void);
int dateline_color_pair(int pair);
int dateline_lines(void);
int dateline_cols(void);
int dateline_sync_size(void);
int dateline_key_code_yes(void);
int dateline_key_f(int n);
WINDOW *dateline_stdscr(void);
WINDOW *dateline_curscr(void);

/// The character and attributes curses draws for VT100 line-drawing letter `code` ('q' a horizontal line...)
/// on this terminal: the letter with A_ALTCHARSET where terminfo maps it, else an ASCII stand-in ('-', '|', '+').
/// Valid after newterm().
void dateline_acs(char code, wchar_t *character, int *attrs);

/// Tells curses that the screen now shows what stdscr holds (after dateline wrote it itself): copies the virtual
/// screen to curses' idea of the terminal, so a repaint curses does on its own (after Ctrl-Z and fg, a resize)
/// shows the same. Call after wnoutrefresh(stdscr).
void dateline_screen_written(void);

/// A terminfo string capability, or NULL when the terminal lacks it.
const char *dateline_tigetstr(const char *name);
/// A terminfo boolean capability: 1 present, 0 absent.
int dateline_tigetflag(const char *name);
/// The number of colours (0 when none).
int dateline_colors(void);

/// Writes all of `count` bytes to standard output (retrying after interruptions); 0 on success, -1 on error.
int dateline_write_all(const unsigned char *bytes, long count);

/// 1 when the locale set by setlocale(LC_CTYPE, "") encodes text in UTF-8, else 0.
int dateline_locale_is_utf8(void);

/// The C library's column width of one character (-1 when not printable).
int dateline_wcwidth(wchar_t c);

/// Draws one grapheme (up to 8 scalars, a base then combining marks) at (y, x) with attributes and colour pair.
int dateline_put_cell(int y, int x, const wchar_t *scalars, int count, int attrs, short pair);

/// Whether the terminal named by TERM can be driven (known, cursor addressing, clear): 1 yes, 0 no.
int dateline_terminal_usable(void);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal (no SA_RESTART, so a blocking
/// read returns). dateline_pending_signal() returns it (0 when none).
void dateline_install_signal_handlers(void);
int dateline_pending_signal(void);
/// On a crash (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE: a Swift runtime trap included) puts the
/// terminal back with endwin() before dying of the same signal, so a crash never leaves a raw terminal.
void dateline_install_crash_handlers(void);
/// Restores the default action for a signal and raises it again (to die of it after cleaning up).
void dateline_reraise(int sig);

/// Puts the terminal's scroll region back before curses' own Ctrl-Z handler suspends the process (dateline
/// keeps a region between frames). Call after newterm().
void dateline_wrap_suspend(void);
/// 1 once after the process was suspended and resumed, else 0.
int dateline_take_suspended(void);
/// Holds Ctrl-Z (SIGTSTP) back while `hold` is 1, and lets a held one through at 0: while curses' copy of the
/// screen is being brought up to date, its handler must not repaint from a half-made copy.
void dateline_hold_suspend(int hold);

#endif
