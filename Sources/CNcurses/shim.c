#define _XOPEN_SOURCE 700
#include "CNcurses.h"
#include <errno.h>
#include <langinfo.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int dateline_attr_bold(void) { return A_BOLD; }
int dateline_attr_underline(void) { return A_UNDERLINE; }
int dateline_attr_reverse(void) { return A_REVERSE; }
int dateline_attr_dim(void) { return A_DIM; }
int dateline_attr_altcharset(void) { return (int)A_ALTCHARSET; }
int dateline_color_pair(int pair) { return COLOR_PAIR(pair); }
int dateline_lines(void) { return LINES; }
int dateline_cols(void) { return COLS; }

// curses sees a SIGWINCH only while it reads a key: one that came while the reader was busy (making its first
// frame's library) would wait for the next key. The kernel's size is compared with curses' before each read;
// when they differ curses is resized, which queues KEY_RESIZE for that read. 1 when it did.
int dateline_sync_size(void) {
  struct winsize size;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
  if (size.ws_row == LINES && size.ws_col == COLS) return 0;
  return resizeterm(size.ws_row, size.ws_col) == OK;
}
int dateline_key_code_yes(void) { return KEY_CODE_YES; }
int dateline_key_f(int n) { return KEY_F(n); }
WINDOW *dateline_stdscr(void) { return stdscr; }
WINDOW *dateline_curscr(void) { return curscr; }

int dateline_put_cell(int y, int x, const wchar_t *scalars, int count, int attrs, short pair) {
  wchar_t text[CCHARW_MAX + 1];
  int n = count < CCHARW_MAX ? count : CCHARW_MAX;
  for (int i = 0; i < n; i++) text[i] = scalars[i];
  text[n] = 0;
  cchar_t cell;
  if (setcchar(&cell, text, (attr_t)attrs, pair, NULL) == ERR) return ERR;
  return mvadd_wch(y, x, &cell);
}

int dateline_terminal_usable(void) {
  int status = 0;
  if (setupterm(NULL, STDOUT_FILENO, &status) != OK) return 0;
  const char *cup = tigetstr("cup");
  const char *clear = tigetstr("clear");
  int usable = cup != NULL && cup != (char *)-1 && clear != NULL && clear != (char *)-1;
  del_curterm(cur_term);
  return usable;
}

// The only process-wide state: the last signal received, written by the handler and read by the run loop.
static volatile sig_atomic_t pending_signal = 0;

static void record_signal(int sig) { pending_signal = sig; }

void dateline_install_signal_handlers(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = record_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking read returns with EINTR
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
}

int dateline_pending_signal(void) { return pending_signal; }

void dateline_reraise(int sig) {
  signal(sig, SIG_DFL);
  raise(sig);
}

int dateline_wcwidth(wchar_t c) { return wcwidth(c); }

void dateline_acs(char code, wchar_t *character, int *attrs) {
  chtype value = NCURSES_ACS((unsigned char)code);
  *character = (wchar_t)(value & A_CHARTEXT);
  *attrs = (int)(value & A_ATTRIBUTES);
}

void dateline_screen_written(void) { overwrite(newscr, curscr); }

const char *dateline_tigetstr(const char *name) {
  const char *value = tigetstr(name);
  return value == (char *)-1 ? NULL : value;
}

int dateline_tigetflag(const char *name) { return tigetflag(name) > 0; }

int dateline_colors(void) { return has_colors() ? COLORS : 0; }

int dateline_write_all(const unsigned char *bytes, long count) {
  long done = 0;
  while (done < count) {
    ssize_t n = write(STDOUT_FILENO, bytes + done, (size_t)(count - done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    done += n;
  }
  return 0;
}

int dateline_locale_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

static void restore_and_die(int sig) {
  (void)!write(STDOUT_FILENO, "\033[r", 3);  // the whole screen scrolls again (dateline may have set a region)
  endwin();  // not async-signal-safe in theory; the process is dying anyway and this is what the user needs
  signal(sig, SIG_DFL);
  raise(sig);
}

void dateline_install_crash_handlers(void) {
  static const int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = restore_and_die;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
}

// Set when the process was suspended (Ctrl-Z): the terminal's scroll region was put back for the shell.
static volatile sig_atomic_t suspended = 0;
static void (*curses_suspend)(int) = NULL;

static void suspend(int sig) {
  (void)!write(STDOUT_FILENO, "\033[r", 3);
  suspended = 1;
  if (curses_suspend != NULL) curses_suspend(sig);
}

void dateline_wrap_suspend(void) {
  struct sigaction current;
  if (sigaction(SIGTSTP, NULL, &current) != 0) return;
  if (current.sa_handler == SIG_DFL || current.sa_handler == SIG_IGN || current.sa_handler == suspend) return;
  curses_suspend = current.sa_handler;
  current.sa_handler = suspend;
  sigaction(SIGTSTP, &current, NULL);
}

int dateline_take_suspended(void) {
  int was = suspended;
  suspended = 0;
  return was;
}

void dateline_hold_suspend(int hold) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTSTP);
  pthread_sigmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}
