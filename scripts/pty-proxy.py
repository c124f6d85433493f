#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal of its own between the real terminal and it, like script(1), logging
what the command writes to the terminal and taking extra keys from a FIFO (for driving a program inside a real
xterm, whose answers to queries still reach the program).

    pty-proxy.py LOG FIFO -- COMMAND [ARGS...]
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import tty


def main():
    log_path, fifo_path = sys.argv[1], sys.argv[2]
    command = sys.argv[4:]
    size = fcntl.ioctl(0, termios.TIOCGWINSZ, b"\0" * 8)
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, size)
        os.execvp(command[0], command)
    saved = termios.tcgetattr(0)
    tty.setraw(0)
    # Opened for writing too, so that it never reads as closed between the writers' keys.
    fifo = os.open(fifo_path, os.O_RDWR | os.O_NONBLOCK)
    log = open(log_path, "ab", buffering=0)
    try:
        while True:
            ready, _, _ = select.select([0, fd, fifo], [], [], 1)
            if fd in ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    break
                if not data:
                    break
                log.write(data)
                os.write(1, data)
            for source in (0, fifo):
                if source in ready:
                    data = os.read(source, 1024)
                    if data:
                        os.write(fd, data)
    finally:
        termios.tcsetattr(0, termios.TCSADRAIN, saved)
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


if __name__ == "__main__":
    main()
