#!/usr/bin/env python3
"""`delivsim serve`'s patience and --keep, on loopback: a silent client meets the idle timeout, a client
trickling one command (or one message) meets the command timeout though it never goes quiet, a prompt client
is not disturbed, and --keep DIR holds exactly the accepted messages without replacing a file already there.
Usage: serve_limits_test.py DELIVSIM_BINARY SOURCE_DIR WORK_DIR"""
import os
import shutil
import smtplib
import socket
import sys
import time

from live_support import check, finish, start_serve, stop_serve

BIN, SRC, WORK = sys.argv[1], sys.argv[2], sys.argv[3]


out, keep = os.path.join(WORK, "limits-out"), os.path.join(WORK, "limits-keep")
shutil.rmtree(out, ignore_errors=True)
shutil.rmtree(keep, ignore_errors=True)
os.makedirs(keep)
with open(os.path.join(keep, "00000001.eml"), "w") as f:
    f.write("not delivsim's\n")
proc, ports = start_serve(
    [BIN, "serve", os.path.join(SRC, "scenarios/live-gmail.yaml"), "--listen", "127.0.0.1:0", "--out", out,
     "--idle-timeout", "1", "--command-timeout", "2", "--keep", keep])
port = ports["all"]


def read_all(sock, seconds):
    """What the server says within `seconds`, until it closes."""
    sock.settimeout(seconds)
    got = b""
    try:
        while True:
            chunk = sock.recv(4096)
            if not chunk:
                break
            got += chunk
    except socket.timeout:
        pass
    return got


MESSAGE = (b"DKIM-Signature: v=1; a=rsa-sha256; d=news.example.com; s=s1; b=abc\r\n"
           b"From: News <news@news.example.com>\r\nTo: x@gmail.com\r\nSubject: kept %d\r\n\r\n.Hello.\r\n")

try:
    # Idle: the greeting, then silence.
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    t0 = time.time()
    got = read_all(s, 5)
    check(b"421 4.4.2 delivsim idle timeout" in got and 0.8 < time.time() - t0 < 3,
          f"a silent client is closed after --idle-timeout 1 ({time.time() - t0:.2f} s): {got[-60:]!r}")
    s.close()

    # Command timeout: a byte every 0.3 s keeps the connection from idling but one command never ends.
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.recv(4096)
    t0 = time.time()
    got = b""
    for byte in b"EHLO slow-client.example.with.a.long.name":
        try:
            s.sendall(bytes([byte]))
        except OSError:
            break
        time.sleep(0.3)
        if time.time() - t0 > 6:
            break
    got = read_all(s, 2)
    check(b"421 4.4.2 delivsim command timeout" in got and time.time() - t0 < 6,
          f"a trickled command is cut off after --command-timeout 2 ({time.time() - t0:.2f} s): {got[-60:]!r}")
    s.close()

    # The same for message content trickled line by line after DATA.
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.recv(4096)
    s.sendall(b"EHLO c\r\nMAIL FROM:<b@news.example.com>\r\nRCPT TO:<slow@gmail.com>\r\nDATA\r\n")
    t0 = time.time()
    for i in range(20):
        try:
            s.sendall(b"line %d\r\n" % i)
        except OSError:
            break
        time.sleep(0.3)
    got = read_all(s, 2)
    check(b"354" in got and b"421 4.4.2 delivsim command timeout" in got,
          f"message content trickled past --command-timeout 2 is cut off: {got[-60:]!r}")
    s.close()

    # Prompt clients: commands well apart but each sent whole are not cut off.
    c = smtplib.SMTP("127.0.0.1", port, timeout=10)
    c.ehlo("client.example")
    time.sleep(0.5)
    check(c.noop()[0] == 250, "a prompt client's commands are answered between pauses under the idle timeout")
    accepted = 0
    for i in range(5):
        try:
            refused = c.sendmail("bounce@news.example.com", [f"k{i}@gmail.com"], MESSAGE % i)
            accepted += 1 if not refused else 0
        except smtplib.SMTPException:
            pass
    c.quit()
finally:
    stdout, _ = stop_serve(proc)

files = sorted(os.listdir(keep))
check(open(os.path.join(keep, "00000001.eml")).read() == "not delivsim's\n", "--keep replaced no existing file")
kept = [f for f in files if f != "00000001.eml"]
check(len(kept) == accepted and all(f.endswith(".eml") for f in kept),
      f"--keep holds each accepted message and nothing else: {accepted} accepted, files {files}")
check(f"{accepted} messages kept in" in stdout, f"serve says how many it kept: {stdout.strip().splitlines()[-1]}")
if kept:
    text = open(os.path.join(keep, kept[0]), "rb").read()
    check(text.startswith(b"Return-Path: <bounce@news.example.com>\r\nX-Delivsim-Recipient: <k")
          and b"Subject: kept" in text and b"\r\n.Hello.\r\n" in text,
          "a kept message holds its envelope and its content, dot-unstuffed")
finish()
