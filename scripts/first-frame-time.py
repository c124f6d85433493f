#!/usr/bin/env python3
"""Time from start to the first full frame of terminal programs, on a pseudo-terminal of a given size.

    first-frame-time.py COLS ROWS ROUNDS -- NAME=COMMAND [NAME=COMMAND...]

Each round starts every command once (alternating, so load affects them alike) and takes two times:
- first: the end of the first burst of output that brings the total past 1,000 bytes (a full screen; the
  terminal set-up bytes before it are smaller), a burst being reads less than 1.5 ms apart;
- settled: the last output before the program goes quiet for 0.4 s (later redraws included, such as dateline's
  sidebar when the whole story's entities arrive).
Then it sends q and waits for the program to end. Prints each command's median and range in milliseconds, for
both times.
"""
import os
import pty
import select
import shlex
import signal
import statistics
import struct
import sys
import termios
import fcntl
import time


def first_frame(argv, cols, rows):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    last = None
    total = 0
    first = None
    burst_open = False
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 0.4 if last is not None else 10)
            if not ready:
                break
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            now = time.monotonic()
            total += len(data)
            if first is None and total >= 1000:
                first, burst_open = now, True
            elif burst_open and now - first < 0.0015:
                first = now
            elif burst_open:
                burst_open = False
            last = now
        os.write(fd, b"q")
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    if not os.read(fd, 65536):
                        break
                except OSError:
                    break
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                pid = 0
                break
    finally:
        if pid:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    if last is None:
        return None
    return ((first if first is not None else last) - start) * 1000, (last - start) * 1000


def main():
    cols, rows, rounds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    commands = [arg.split("=", 1) for arg in sys.argv[5:]]
    times = {name: [] for name, _ in commands}
    for _ in range(rounds):
        for name, command in commands:
            both = first_frame(shlex.split(command), cols, rows)
            if both is not None:
                times[name].append(both)
    print("ms\tfirst\tmin\tmax\tsettled\tmin\tmax")
    for name, _ in commands:
        values = times[name]
        if values:
            firsts, settled = [v[0] for v in values], [v[1] for v in values]
            print(f"{name}\t{statistics.median(firsts):.1f}\t{min(firsts):.1f}\t{max(firsts):.1f}"
                  f"\t{statistics.median(settled):.1f}\t{min(settled):.1f}\t{max(settled):.1f}")
        else:
            print(f"{name}\t-\t-\t-\t-\t-\t-")


if __name__ == "__main__":
    main()
