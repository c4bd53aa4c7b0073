#!/usr/bin/env python3
"""`delivsim serve` as a real MTA meets it, on loopback: every command through Python's smtplib and swaks,
pipelining on a raw socket, bad input, a flood and a slow-loris that leave memory bounded and other clients
served, the metrics endpoint, and SIGTERM writing summary.json with counts that agree with accounting.csv.
Usage: serve_conversations_test.py DELIVSIM_BINARY SOURCE_DIR WORK_DIR"""
import json
import os
import shutil
import smtplib
import socket
import ssl
import subprocess
import sys
import time
import urllib.request

from live_support import check, finish, start_serve, stop_serve

BIN, SRC, WORK = sys.argv[1], sys.argv[2], sys.argv[3]


def start_server(out):
    shutil.rmtree(out, ignore_errors=True)
    return start_serve(
        [BIN, "serve", os.path.join(SRC, "scenarios/live-gmail.yaml"), "--listen", "127.0.0.1:0",
         "--listen", "gmail=127.0.0.1:0", "--metrics", "127.0.0.1:0", "--out", out, "--max-connections", "150"])


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def raw(port, data, read_until=b"", timeout=5.0):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    got = s.recv(4096)
    s.sendall(data)
    deadline = time.time() + timeout
    while read_until and read_until not in got and time.time() < deadline:
        chunk = s.recv(65536)
        if not chunk:
            break
        got += chunk
    s.close()
    return got


MESSAGE = (b"DKIM-Signature: v=1; a=rsa-sha256; d=news.example.com; s=s1; b=abc\r\n"
           b"From: News <news@news.example.com>\r\nTo: x@gmail.com\r\nSubject: live test\r\n\r\nHello.\r\n")

out = os.path.join(WORK, "serve-out")
proc, ports = start_server(out)
try:
    # Every command through smtplib, on the listener for every provider and on Gmail's own.
    for name in ("all", "gmail"):
        s = smtplib.SMTP("127.0.0.1", ports[name], timeout=10)
        code, text = s.ehlo("client.example")
        check(code == 250 and b"PIPELINING" in text and b"ENHANCEDSTATUSCODES" in text and b"8BITMIME" in text
              and b"SIZE 157286400" in text and b"STARTTLS" in text,
              f"{name}: EHLO advertises PIPELINING, SIZE, 8BITMIME, ENHANCEDSTATUSCODES, STARTTLS")
        check(s.helo("client.example")[0] == 250, f"{name}: HELO")
        check(s.noop()[0] == 250, f"{name}: NOOP")
        check(s.verify("someone@gmail.com")[0] == 252, f"{name}: VRFY answers 252")
        check(s.rset()[0] == 250, f"{name}: RSET")
        s.ehlo("client.example")
        refused = s.sendmail("bounce@news.example.com", ["one@gmail.com", "two@gmail.com"], MESSAGE)
        check(refused == {}, f"{name}: a two-recipient message is accepted")
        check(s.docmd("FOO")[0] == 500, f"{name}: an unknown command gets 500")
        check(s.docmd("MAIL", "FROM:missing-brackets")[0] == 501, f"{name}: a malformed MAIL gets 501")
        check(s.quit()[0] == 221, f"{name}: QUIT")

        # STARTTLS with the throwaway self-signed certificate, then a message over TLS.
        s = smtplib.SMTP("127.0.0.1", ports[name], timeout=10)
        s.ehlo("client.example")
        code, _ = s.starttls(context=ssl._create_unverified_context())
        check(code == 220 and isinstance(s.sock, ssl.SSLSocket), f"{name}: STARTTLS upgrades the connection")
        code, text = s.ehlo("client.example")
        check(code == 250 and b"STARTTLS" not in text, f"{name}: EHLO over TLS no longer offers STARTTLS")
        check(s.sendmail("bounce@news.example.com", ["tls@gmail.com"], MESSAGE) == {}, f"{name}: a message over TLS")
        check(s.docmd("STARTTLS")[0] == 502, f"{name}: a second STARTTLS gets 502")
        check(s.quit()[0] == 221, f"{name}: QUIT over TLS")

    greeting = raw(ports["gmail"], b"QUIT\r\n", b"221")
    check(greeting.startswith(b"220 gmail-smtp-in.l.google.com ESMTP"), "Gmail's listener greets as Gmail's MX")

    # Pipelining: the whole transaction in one write, the replies in order.
    got = raw(ports["all"], b"EHLO c\r\nMAIL FROM:<b@news.example.com>\r\nRCPT TO:<p@gmail.com>\r\nDATA\r\n"
              + MESSAGE + b".\r\nQUIT\r\n", b"221")
    codes = [line[:3] for line in got.split(b"\r\n") if line[:3].isdigit() and line[3:4] == b" "]
    check(codes == [b"220", b"250", b"250", b"250", b"354", b"250", b"221"], f"pipelined replies in order: {codes}")

    # A failed TLS handshake closes that connection only.
    got = raw(ports["all"], b"EHLO c\r\nSTARTTLS\r\nMAIL FROM:<injected@news.example.com>\r\n", b"220 2.0.0")
    check(got.count(b"\r\n250") >= 1 and b"220 2.0.0 Ready to start TLS" in got and b"2.1.0" not in got,
          "commands pipelined after STARTTLS are discarded, not answered")
    c = socket.create_connection(("127.0.0.1", ports["all"]), timeout=10)
    c.recv(4096)
    c.sendall(b"EHLO c\r\nSTARTTLS\r\n")
    time.sleep(0.2)
    c.recv(4096)
    c.sendall(b"this is no TLS ClientHello\r\n" * 10)
    closed = False
    try:
        while c.recv(4096):  # a TLS alert, then the end of the stream
            pass
        closed = True
    except ConnectionResetError:
        closed = True
    except socket.timeout:
        pass
    c.close()
    check(closed and proc.poll() is None, "a bad TLS handshake closes the connection; the server runs on")

    # swaks, a second client (Debian's swaks package)
    if shutil.which("swaks"):
        r = subprocess.run(["swaks", "--server", f"127.0.0.1:{ports['all']}", "--from", "b@news.example.com",
                            "--to", "swaks@gmail.com", "--pipeline", "--silent", "2"], capture_output=True, text=True)
        check(r.returncode == 0, "swaks --pipeline sends a message: " + r.stdout + r.stderr)
    else:
        check(False, "swaks is installed (scripts/install-deps.sh)")

    # Bad input: a flood of bytes without a newline and a binary blast leave memory bounded.
    before = rss_kib(proc.pid)
    s = socket.create_connection(("127.0.0.1", ports["all"]))
    s.recv(4096)
    chunk = b"X" * 65536
    for _ in range(16 * 64):  # 64 MiB without a line end
        s.sendall(chunk)
    s.sendall(b"\r\nNOOP\r\n")
    s.settimeout(10)
    reply = b""
    while b"250 2.0.0 OK" not in reply:
        part = s.recv(4096)
        if not part:
            break
        reply += part
    s.close()
    after = rss_kib(proc.pid)
    check(b"500 5.5.2 Line too long" in reply and b"250 2.0.0 OK" in reply,
          "a 64 MiB line is refused and the connection goes on")
    check(after - before < 16 * 1024, f"64 MiB flood: memory grew {after - before} KiB (bound 16 MiB)")
    got = raw(ports["all"], bytes(range(256)) * 40 + b"\r\nQUIT\r\n", b"421")
    check(b"500 5.5.1" in got and b"421 4.7.0 Too many errors" in got,
          "binary garbage gets 500s, then 421 and a close after too many errors")

    # Slow-loris: 100 connections trickling bytes do not stall a client that sends properly.
    loris = []
    for _ in range(100):
        c = socket.create_connection(("127.0.0.1", ports["all"]))
        c.sendall(b"EH")
        loris.append(c)
    t0 = time.time()
    s = smtplib.SMTP("127.0.0.1", ports["all"], timeout=10)
    s.ehlo("c")
    s.sendmail("b@news.example.com", ["fast@gmail.com"], MESSAGE)
    s.quit()
    check(time.time() - t0 < 5, f"a client is served while 100 slow ones wait ({time.time() - t0:.2f} s)")
    # Over the connection cap (150): the extra connections get 421 and are closed.
    extra = [socket.create_connection(("127.0.0.1", ports["all"])) for _ in range(60)]
    time.sleep(0.5)
    refused = 0
    for c in extra:
        c.settimeout(5)
        try:
            if c.recv(4096).startswith(b"421"):
                refused += 1
        except OSError:
            pass
        c.close()
    check(refused >= 10, f"connections over --max-connections get 421 ({refused} of 60)")
    for c in loris:
        c.close()

    with urllib.request.urlopen(f"http://127.0.0.1:{ports['metrics']}/metrics", timeout=5) as r:
        metrics = r.read().decode()
    check('delivsim_live_delivered_total{provider="gmail"}' in metrics, "the metrics endpoint serves counters")
finally:
    stop_serve(proc, within_s=20)

with open(os.path.join(out, "summary.json")) as f:
    summary = json.load(f)
with open(os.path.join(out, "accounting.csv")) as f:
    records = [line for line in f.read().splitlines()[1:] if line]
gmail = next(p for p in summary["providers"] if p["name"] == "gmail")
check(summary["mode"] == "live" and gmail["delivered"] >= 8, f"summary.json counts deliveries ({gmail['delivered']})")
check(len(records) == sum(p["attempts"] for p in summary["providers"]),
      f"accounting.csv has one line per reply about mail ({len(records)})")
stats = subprocess.run([BIN, "log", "stats", os.path.join(out, "accounting.csv")], capture_output=True, text=True)
check(stats.returncode == 0, "delivsim log stats reads the live accounting log: " + stats.stderr)


def check_live_report(out, summary):
    """`delivsim report` on the live folder: exit 0, and report.html has a row for each provider that got mail
    with its connections and replies, and a row for each reply key that deferred or bounced its mail."""
    import html
    report = subprocess.run([BIN, "report", out], capture_output=True, text=True)
    check(report.returncode == 0, "delivsim report reads the live folder: " + report.stderr)
    if report.returncode != 0:
        return
    with open(os.path.join(out, "report.html")) as f:
        page = f.read()
    check("delivsim live report: live-gmail" in page, "report.html is a live report")
    for provider in (p for p in summary["providers"] if p["attempts"] > 0):
        name = html.escape(provider["name"])
        rows = [f"<tr><td>{name}</td><td>{outcome}</td><td>{html.escape(key)}</td>"
                for outcome, by_reply in (("deferral", "deferrals_by_reply"), ("bounce", "bounces_by_reply"))
                for key in provider[by_reply]]
        counts = "".join(f'<td class="num">{provider[k]:,}</td>'
                         for k in ("connections", "connections_refused", "attempts"))
        check(f"<tr><td>{name}</td>{counts}" in page and all(row in page for row in rows),
              f"report.html names {provider['name']}, its {provider['attempts']} replies and {len(rows)} reply keys")


check_live_report(out, summary)

# A bad argument is refused (exit 2) before the output folder is made: it neither leaves a new folder nor
# replaces an earlier run's (here the live run's above).
def folder_bytes(folder):
    """Every file of `folder` (no subfolders) by name, with its bytes."""
    files = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            files[name] = f.read()
    return files


def serve_refusal(folder, extra):
    """`delivsim serve` on live-gmail.yaml into `folder` with the arguments `extra`, which it must refuse."""
    return subprocess.run([BIN, "serve", os.path.join(SRC, "scenarios/live-gmail.yaml"), "--out", folder] + extra,
                          capture_output=True, text=True, timeout=30)


before = folder_bytes(out)
busy = socket.socket()
busy.bind(("127.0.0.1", 0))
busy.listen()
for what, extra in [("a provider the scenario lacks", ["--listen", "gmial=127.0.0.1:0"]),
                    ("a host name", ["--listen", "localhost:0"]),
                    ("a port in use", ["--listen", f"127.0.0.1:{busy.getsockname()[1]}"]),
                    ("a metrics address in use",
                     ["--listen", "127.0.0.1:0", "--metrics", f"127.0.0.1:{busy.getsockname()[1]}"]),
                    ("a port in use with --keep", ["--listen", f"127.0.0.1:{busy.getsockname()[1]}", "--keep",
                                                   os.path.join(WORK, "never-made", "kept")]),
                    ("a --keep folder below a file",
                     ["--listen", "127.0.0.1:0", "--keep", os.path.join(out, "summary.json", "kept")])]:
    for folder in (out, os.path.join(WORK, "never-made")):
        refused = serve_refusal(folder, extra)
        check(refused.returncode == 2 and "delivsim serve: " in refused.stderr,
              f"{what}: exit 2 with a message ({refused.returncode}: {refused.stderr.strip()})")
    check(folder_bytes(out) == before, f"{what}: the earlier run's outputs are untouched")
    check(not os.path.exists(os.path.join(WORK, "never-made")), f"{what}: no output folder is made")
busy.close()
foreign = os.path.join(WORK, "foreign")
os.makedirs(foreign, exist_ok=True)
with open(os.path.join(foreign, "notes.txt"), "w") as f:
    f.write("mine\n")
refused = serve_refusal(foreign, ["--listen", "127.0.0.1:0"])
check(refused.returncode == 2 and "refusing to replace" in refused.stderr and "listening" not in refused.stdout
      and folder_bytes(foreign) == {"notes.txt": b"mine\n"},
      f"a folder holding another file is refused before listening ({refused.returncode}: {refused.stderr.strip()})")

finish()
