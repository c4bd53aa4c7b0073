#!/usr/bin/env python3
"""`delivsim serve` out of file descriptors, on loopback: started with 64 open files allowed (the shell's
`ulimit -n` also caps the hard limit, so serve cannot raise it) and held by 100 clients, it warns at start that
the limit caps its connections, waits between failed accepts instead of spinning a core, and greets new
connections once some close. A release-build test: under UBSan, whose vptr check reads memory through a pipe,
a process with no descriptor left aborts at its next checked virtual call.
Usage: serve_descriptors_test.py DELIVSIM_BINARY SOURCE_DIR WORK_DIR"""
import os
import shutil
import socket
import sys
import time

from live_support import check, finish, start_serve, stop_serve

BIN, SRC, WORK = sys.argv[1], sys.argv[2], sys.argv[3]


def cpu_seconds(pid):
    """User and system time the process has used."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def greeting(port):
    """The first reply on a new connection, within 5 s."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        return s.recv(200)


out = os.path.join(WORK, "descriptors-out")
shutil.rmtree(out, ignore_errors=True)
proc, ports = start_serve(
    ["bash", "-c", 'ulimit -n 64 && exec "$@"', "serve-with-64-files", BIN, "serve",
     os.path.join(SRC, "scenarios/live-gmail.yaml"), "--listen", "127.0.0.1:0", "--out", out])
held = []
try:
    for _ in range(100):
        held.append(socket.create_connection(("127.0.0.1", ports["all"]), timeout=10))
    time.sleep(0.5)
    cpu_before = cpu_seconds(proc.pid)
    time.sleep(2)
    cpu_used = cpu_seconds(proc.pid) - cpu_before
    check(cpu_used < 0.5, f"out of descriptors, serve waits between accepts ({cpu_used:.2f} s of CPU in 2 s)")
    for s in held[:70]:
        s.close()
    del held[:70]
    got = greeting(ports["all"])
    check(got.startswith(b"220 "), f"a connection after some closed is greeted: {got[:40]!r}")
finally:
    for s in held:
        s.close()
    _, stderr = stop_serve(proc)
check("--max-connections 1000 needs about 1064 open files, and this process may have 64 (ulimit -n)" in stderr,
      f"serve warns that the open-file limit caps its connections: {stderr.strip()[:200]}")
finish()
