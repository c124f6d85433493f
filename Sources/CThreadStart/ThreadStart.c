// pthread_attr_setaffinity_np, sched_getcpu and the CPU_* macros are GNU extensions.
#define _GNU_SOURCE
#include "CThreadStart.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>

struct start {
  void (*body)(void *);
  void *context;
  /// The CPUs the process may use, given back to the thread once it runs (when `widen`).
  cpu_set_t allowed;
  int widen;
};

static void *run(void *argument) {
  struct start start = *(struct start *)argument;
  free(argument);
  // Placed; from now on the scheduler may move it as it likes.
  if (start.widen) pthread_setaffinity_np(pthread_self(), sizeof start.allowed, &start.allowed);
  // The terminal's signals (Ctrl-C, Ctrl-Z and fg, a resize, a hang-up) are left to the thread that draws: their
  // handlers restore or repaint the screen, and the drawing thread holds Ctrl-Z back while curses' copy of the
  // screen is being made (dateline_hold_suspend), which only works if no other thread takes it meanwhile.
  sigset_t terminal;
  sigemptyset(&terminal);
  int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH};
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&terminal, signals[i]);
  pthread_sigmask(SIG_BLOCK, &terminal, NULL);
  start.body(start.context);
  return NULL;
}

static int create(struct start *start, const cpu_set_t *placement) {
  pthread_attr_t attributes;
  int error = pthread_attr_init(&attributes);
  if (error != 0) return error;
  error = pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  if (error == 0 && placement) error = pthread_attr_setaffinity_np(&attributes, sizeof *placement, placement);
  pthread_t thread;
  if (error == 0) error = pthread_create(&thread, &attributes, run, start);
  pthread_attr_destroy(&attributes);
  return error;
}

int dateline_thread_start(void (*body)(void *), void *context) {
  struct start *start = malloc(sizeof *start);
  if (!start) return ENOMEM;
  start->body = body;
  start->context = context;
  start->widen = 0;
  cpu_set_t elsewhere;
  CPU_ZERO(&elsewhere);
  int here = sched_getcpu();
  if (here >= 0 && here < CPU_SETSIZE && sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0) {
    elsewhere = start->allowed;
    CPU_CLR(here, &elsewhere);
  }
  if (CPU_COUNT(&elsewhere) > 0) {
    start->widen = 1;
    // A placement the system refuses (a CPU set changed meanwhile) is no reason not to start.
    if (create(start, &elsewhere) == 0) return 0;
    start->widen = 0;
  }
  int error = create(start, NULL);
  if (error != 0) free(start);
  return error;
}
