#ifndef DATELINE_CTHREADSTART_H
#define DATELINE_CTHREADSTART_H

/// Starts a detached thread that runs `body(context)`, placed first on another CPU than the calling thread's
/// (when the process may run on more than one), then free to run anywhere it may. The thread blocks the
/// terminal's signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH): they go to the thread that
/// draws.
///
/// Why: on Linux a new thread is queued on its creator's CPU, and while the creator keeps that CPU busy (the
/// reader making its first frame) the new thread waits for the scheduler's next balancing, measured here at
/// 1-3 ms, or shares that CPU with its creator while another stays idle. Work started to run beside the drawing
/// thread then runs after it instead.
///
/// 0 when the thread was started; else the error of pthread_create (the caller runs the work another way).
int dateline_thread_start(void (*body)(void *), void *context);

#endif
