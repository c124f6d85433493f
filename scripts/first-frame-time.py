#!/usr/bin/env python3
"""Time from start to the first full frame of terminal programs, on a pseudo-terminal of a given size.

    first-frame-time.py COLS ROWS ROUNDS -- NAME=COMMAND [NAME=COMMAND...]

Each round starts every command once (alternating, so load affects them alike) and takes the time of the last
output before the program goes quiet for 0.4 s; then sends q and waits for it to end. Prints each command's
median and range in milliseconds.
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
            # Answer a cursor-position or device-attribute query at once, as a terminal would.
            last = time.monotonic()
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
    return None if last is None else (last - start) * 1000


def main():
    cols, rows, rounds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    commands = [arg.split("=", 1) for arg in sys.argv[5:]]
    times = {name: [] for name, _ in commands}
    for _ in range(rounds):
        for name, command in commands:
            ms = first_frame(shlex.split(command), cols, rows)
            if ms is not None:
                times[name].append(ms)
    for name, _ in commands:
        values = times[name]
        if values:
            print(f"{name}\t{statistics.median(values):.1f}\t{min(values):.1f}\t{max(values):.1f}")
        else:
            print(f"{name}\t-\t-\t-")


if __name__ == "__main__":
    main()
