#!/usr/bin/env python3
"""Time from starting `ops` on a pseudo-terminal to its first prompt, N times; prints the median."""
import fcntl, os, pty, select, statistics, struct, subprocess, sys, termios, time

launcher, runs = sys.argv[1], int(sys.argv[2])
times = []
for _ in range(runs):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a real size, as a terminal has
    t0 = time.monotonic()
    p = subprocess.Popen([launcher], stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    seen, deadline = b"", t0 + 60
    while b"ops>" not in seen and time.monotonic() < deadline:
        r, _, _ = select.select([master], [], [], 0.05)
        if r:
            try:
                seen += os.read(master, 4096)
            except OSError:
                break
    if b"ops>" not in seen:
        sys.exit("no prompt within 60 s; saw: %r" % seen[-400:])
    times.append((time.monotonic() - t0) * 1000)
    os.write(master, b"/exit\n")
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
    os.close(master)
print("runs " + " ".join("%.0f" % t for t in times))
print("median %.0f" % statistics.median(times))
