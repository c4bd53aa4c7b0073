#!/usr/bin/env python3
"""Load on `delivsim serve` over loopback: CONNECTIONS concurrent clients (asyncio, STARTTLS, pipelined MAIL/RCPT/DATA)
send MESSAGES messages in all to a warm IP, bounded in count and time. Reports messages per second and the
server's peak memory (VmHWM); fails when a message goes unanswered, when the counts of summary.json and
accounting.csv disagree with what the clients saw, or when peak memory passes the bound.
Usage: serve_load_test.py DELIVSIM_BINARY WORK_DIR [CONNECTIONS] [MESSAGES]"""
import asyncio
import json
import os
import shutil
import ssl
import sys
import time

from live_support import check, finish, start_serve, stop_serve

BIN, WORK = sys.argv[1], sys.argv[2]
CONNECTIONS = int(sys.argv[3]) if len(sys.argv) > 3 else 200
MESSAGES = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
PEAK_BOUND_KIB = 256 * 1024
DEADLINE_S = 300

SCENARIO = """name: live-load
identities:
  ips: [{address: 203.0.113.20, age: warm, established_per_day: 5000000, live_source: 127.0.0.1}]
  domains: [{name: esp.example.com, age: warm, established_per_day: 5000000}]
pools: {main: [203.0.113.20]}
traffic:
  - name: bulk
    pool: main
    dkim_domain: esp.example.com
    campaign: {recipients: 100000}
    domains: {gmail.com: 1.0}
providers:
  gmail: {profile: gmail, domains: [gmail.com], params: {max_connections_per_ip: 1000}}
"""
BODY = (b"DKIM-Signature: v=1; a=rsa-sha256; d=esp.example.com; s=s; bh=x; b=y\r\n"
        b"From: <news@esp.example.com>\r\nSubject: load\r\n\r\n" + (b"x" * 78 + b"\r\n") * 25 + b".\r\n")


async def read_reply(reader):
    """One whole (possibly multi-line) reply's code."""
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("closed")
        if line[3:4] != b"-":
            return line[:3]


TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE


async def connect(port):
    """A connection over STARTTLS, as an ESP's MTA opens one (a bulk sender's mail without TLS meets Gmail's
    421 4.7.29)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await read_reply(reader)
    writer.write(b"EHLO load\r\nSTARTTLS\r\n")
    await read_reply(reader)
    if await read_reply(reader) != b"220":
        raise ConnectionError("STARTTLS refused")
    await writer.start_tls(TLS)
    writer.write(b"EHLO load\r\n")
    await read_reply(reader)
    return reader, writer


async def client(port, index, count, tally):
    reader, writer = await connect(port)
    for i in range(count):
        writer.write(b"MAIL FROM:<b@esp.example.com>\r\nRCPT TO:<u%d.%d@gmail.com>\r\nDATA\r\n" % (index, i))
        mail = await read_reply(reader)
        rcpt = await read_reply(reader)
        data = await read_reply(reader)
        code = data
        if data == b"354":
            writer.write(BODY)
            code = await read_reply(reader)
        else:
            tally["refused_before_data"] += 1
        tally[code[:1].decode() + "xx"] = tally.get(code[:1].decode() + "xx", 0) + 1
        if b"421" in (mail, rcpt, code):  # the server closed: a new connection, as an MTA would open
            writer.close()
            reader, writer = await connect(port)
    writer.write(b"QUIT\r\n")
    await writer.drain()
    writer.close()


async def main(port):
    tally = {"refused_before_data": 0}
    per = MESSAGES // CONNECTIONS
    await asyncio.wait_for(asyncio.gather(*(client(port, c, per, tally) for c in range(CONNECTIONS))), DEADLINE_S)
    return tally


work = os.path.join(WORK, "serve-load")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
scenario = os.path.join(work, "live-load.yaml")
with open(scenario, "w") as f:
    f.write(SCENARIO)
out = os.path.join(work, "out")
proc, ports = start_serve([BIN, "serve", scenario, "--listen", "127.0.0.1:0", "--out", out])
port = ports["all"]
t0 = time.time()
tally = asyncio.run(main(port))
elapsed = time.time() - t0
with open(f"/proc/{proc.pid}/status") as f:
    peak_kib = next(int(l.split()[1]) for l in f if l.startswith("VmHWM:"))
stop_serve(proc)
with open(os.path.join(out, "summary.json")) as f:
    gmail = json.load(f)["providers"][0]
with open(os.path.join(out, "accounting.csv")) as f:
    records = sum(1 for _ in f) - 1
answered = sum(v for k, v in tally.items() if k.endswith("xx"))
print(f"{CONNECTIONS} connections, {answered} messages answered at end of DATA in {elapsed:.1f} s: "
      f"{answered / elapsed:.0f} messages/s; replies {tally}; server peak memory {peak_kib / 1024:.1f} MiB")
expected = MESSAGES // CONNECTIONS * CONNECTIONS
check(answered == expected, f"{answered} of {expected} messages answered")
check(gmail["attempts"] == records and gmail["delivered"] == tally.get("2xx", 0),
      f"summary.json ({gmail['attempts']} attempts, {gmail['delivered']} delivered) and accounting.csv "
      f"({records}) agree with the clients ({tally})")
check(peak_kib <= PEAK_BOUND_KIB, f"peak memory {peak_kib} KiB within the bound {PEAK_BOUND_KIB} KiB")
finish()
