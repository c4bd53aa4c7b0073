#!/usr/bin/env python3
"""A real Postfix (Debian's package, its own instance: its own config, queue and ports) relays a few thousand
messages to `delivsim serve --time-scale 3600`. Its main.cf is written with Postfix's default timers spelled
out unscaled; `delivsim import postfix main.cf master.cf --time-scale 3600 --config-out DIR` writes the copy
Postfix runs from (postfix -c DIR), its timers divided by the same 3600, so its retries meet the simulated Gmail
at the pace they would in real time. Checks: Postfix's deferrals and retries appear in both logs, 421 4.7.28 comes once
the new IP's quota is spent, Postfix's queue grows, and Postfix's and delivsim's counts agree.
Usage: postfix_relay_test.py DELIVSIM_BINARY SOURCE_DIR WORK_DIR [MESSAGES]   (needs root; exit 77: skipped)"""
import collections
import os
import re
import shutil
import smtplib
import socket
import subprocess
import sys
import tempfile
import threading
import time

from live_support import check, failures, start_serve, stop_serve

BIN, SRC, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
MESSAGES = int(sys.argv[4]) if len(sys.argv) > 4 else 3000
TIME_SCALE = 3600
DEADLINE_S = 240  # every load here is bounded in time
POSTFIX = "/usr/sbin/postfix"

if os.geteuid() != 0:
    print("skipped: Postfix's master runs as root")
    sys.exit(77)
if not os.path.exists(POSTFIX):
    print("FAIL Postfix is not installed (scripts/install-deps.sh installs it)")
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Postfix's daemons run as the postfix user: its instance lives under /tmp, where they can reach it whatever
# the permissions of the folders above WORK (a checkout under /root, say).
base = tempfile.mkdtemp(prefix="delivsim-postfix-")
os.chmod(base, 0o755)
source, conf, spool, data = (os.path.join(base, d) for d in ("source", "conf", "spool", "data"))
for d in (source, spool, data):
    os.makedirs(d)
serve_port, postfix_port = free_port(), free_port()
postfix_log = os.path.join(base, "postfix.log")


with open(os.path.join(source, "main.cf"), "w") as f:
    f.write(f"""# A private Postfix instance for delivsim's live test.
compatibility_level = 3.6
queue_directory = {spool}
data_directory = {data}
mail_owner = postfix
setgid_group = postdrop
myhostname = sender.delivsim.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
# gmail.com goes to delivsim serve; everything else (Postfix's own bounce notices) is discarded
transport_maps = inline:{{ gmail.com=smtp:[127.0.0.1]:{serve_port} }}
default_transport = discard
smtp_bind_address = 127.0.0.1
smtp_tls_security_level = may
maillog_file = {postfix_log}
maillog_file_prefixes = {base}
smtpd_recipient_restrictions = permit_mynetworks, reject
# Postfix's default timers, unscaled: delivsim import --time-scale divides them
minimal_backoff_time = 300s
maximal_backoff_time = 4000s
queue_run_delay = 300s
maximal_queue_lifetime = 5d
bounce_queue_lifetime = 5d
""")
services = [
    (f"127.0.0.1:{postfix_port}", "inet", "n", "-", "n", "-", "-", "smtpd"),
    ("pickup", "unix", "n", "-", "n", "60", "1", "pickup"),
    ("cleanup", "unix", "n", "-", "n", "-", "0", "cleanup"),
    ("qmgr", "unix", "n", "-", "n", "300", "1", "qmgr"),
    ("tlsmgr", "unix", "-", "-", "n", "1000?", "1", "tlsmgr"),
    ("rewrite", "unix", "-", "-", "n", "-", "-", "trivial-rewrite"),
    ("bounce", "unix", "-", "-", "n", "-", "0", "bounce"),
    ("defer", "unix", "-", "-", "n", "-", "0", "bounce"),
    ("trace", "unix", "-", "-", "n", "-", "0", "bounce"),
    ("verify", "unix", "-", "-", "n", "-", "1", "verify"),
    ("flush", "unix", "n", "-", "n", "1000?", "0", "flush"),
    ("proxymap", "unix", "-", "-", "n", "-", "-", "proxymap"),
    ("smtp", "unix", "-", "-", "n", "-", "-", "smtp"),
    ("relay", "unix", "-", "-", "n", "-", "-", "smtp"),
    ("showq", "unix", "n", "-", "n", "-", "-", "showq"),
    ("error", "unix", "-", "-", "n", "-", "-", "error"),
    ("retry", "unix", "-", "-", "n", "-", "-", "error"),
    ("discard", "unix", "-", "-", "n", "-", "-", "discard"),
    ("anvil", "unix", "-", "-", "n", "-", "1", "anvil"),
    ("scache", "unix", "-", "-", "n", "-", "1", "scache"),
    ("postlog", "unix-dgram", "n", "-", "n", "-", "1", "postlogd"),
]
with open(os.path.join(source, "master.cf"), "w") as f:
    for service in services:
        f.write("  ".join(service) + "\n")

# The copy Postfix runs from: delivsim import's time-scaled main.cf and master.cf.
scale = subprocess.run([BIN, "import", "postfix", os.path.join(source, "main.cf"), os.path.join(source, "master.cf"),
                        "--time-scale", str(TIME_SCALE), "--config-out", conf, "-o", os.path.join(base, "mta.yaml")],
                       capture_output=True, text=True)
if scale.returncode != 0:
    raise SystemExit("delivsim import --time-scale failed: " + scale.stderr)
with open(os.path.join(conf, "main.cf")) as f:
    scaled_main = f.read()
for line in ("minimal_backoff_time = 1s", "maximal_backoff_time = 1s", "queue_run_delay = 1s",
             "maximal_queue_lifetime = 2m", "bounce_queue_lifetime = 2m"):
    check("\n" + line + "\n" in scaled_main, f"delivsim import --time-scale {TIME_SCALE} wrote {line}")
os.chmod(conf, 0o755)


def postfix(*args, check_rc=True):
    r = subprocess.run([POSTFIX, "-c", conf, *args], capture_output=True, text=True)
    if check_rc and r.returncode != 0:
        raise SystemExit(f"postfix {' '.join(args)} failed: {r.stdout}{r.stderr}")
    return r


def queue_size():
    r = subprocess.run(["postqueue", "-c", conf, "-j"], capture_output=True, text=True)
    return len([line for line in r.stdout.splitlines() if line.strip()])


out = os.path.join(WORK, "postfix-relay-serve-out")
shutil.rmtree(out, ignore_errors=True)
serve, _ = start_serve([BIN, "serve", os.path.join(SRC, "scenarios/live-gmail.yaml"), "--listen",
                        f"127.0.0.1:{serve_port}", "--time-scale", str(TIME_SCALE), "--out", out])

samples = []  # (seconds since the first submission, messages in Postfix's queue)
done = threading.Event()


def sample_queue(t0):
    while not done.is_set():
        samples.append((round(time.time() - t0, 1), queue_size()))
        done.wait(1.0)


try:
    postfix("set-permissions", check_rc=False)
    postfix("start")
    t0 = time.time()
    sampler = threading.Thread(target=sample_queue, args=(t0,))
    sampler.start()
    body = ("DKIM-Signature: v=1; a=rsa-sha256; d=news.example.com; s=s1; bh=x; b=y\r\n"
            "From: News <news@news.example.com>\r\nSubject: delivsim live test\r\n\r\nHello.\r\n")
    for attempt in range(50):  # Postfix's smtpd may take a moment to listen
        try:
            client = smtplib.SMTP("127.0.0.1", postfix_port, timeout=30)
            break
        except OSError:
            time.sleep(0.2)
    for i in range(MESSAGES):
        client.sendmail("bounce@news.example.com", [f"user{i}@gmail.com"], body)
    client.quit()
    submitted_s = time.time() - t0
    # Wait until Postfix's queue drains (delivered, bounced or expired) or the deadline passes.
    # At 1 s backoffs Postfix's qmgr now and then leaves a message it "skipped, still being delivered" in its
    # incoming queue until the next trigger; when the queue stands still, `postqueue -f` is that trigger.
    still_since = time.time()
    while time.time() - t0 < DEADLINE_S and (not samples or samples[-1][1] > 0 or samples[-1][0] < submitted_s):
        size = samples[-1][1] if samples else 0
        time.sleep(0.5)
        if samples and samples[-1][1] != size:
            still_since = time.time()
        elif time.time() - still_since > 5:
            subprocess.run(["postqueue", "-c", conf, "-f"], capture_output=True)
            still_since = time.time()
    elapsed_s = time.time() - t0
finally:
    done.set()
    postfix("stop", check_rc=False)
    stop_serve(serve)
peak_queue = max(size for _, size in samples)

# Postfix's own account: one "status=" line per recipient and attempt.
statuses = collections.Counter()
postfix_replies = collections.Counter()
with open(postfix_log, errors="replace") as f:
    for line in f:
        m = re.search(r" to=<[^>]*@gmail\.com>.* status=(\w+)", line)
        if not m:
            continue
        statuses[m.group(1)] += 1
        said = re.search(r"said: (\d{3})[ -](\d\.\d\.\d+)", line)
        if said:
            postfix_replies[said.group(1) + " " + said.group(2)] += 1
# delivsim's account: one accounting line per reply about mail.
types = collections.Counter()
delivsim_replies = collections.Counter()
with open(os.path.join(out, "accounting.csv")) as f:
    next(f)
    for line in f:
        fields = line.split(",")
        types[fields[0]] += 1
        if fields[0] != "d":
            delivsim_replies[fields[7] and line.split("smtp;")[1][:3] + " " + fields[7]] += 1

# delivsim's time series: one row per simulated hour, adding up to the accounting log.
with open(os.path.join(out, "timeseries.csv")) as f:
    header = f.readline().strip().split(",")
    rows = [line.strip().split(",") for line in f if line.strip()]
column = header.index("gmail.attempts")
series_attempts = sum(int(row[column]) for row in rows)

print(f"\nPostfix relayed {MESSAGES} messages to delivsim serve --time-scale {TIME_SCALE} "
      f"(submitted in {submitted_s:.0f} s, queue drained or deadline at {elapsed_s:.0f} s = "
      f"{elapsed_s * TIME_SCALE / 86400:.1f} simulated days)")
print(f"{'':28}{'Postfix log':>14}{'delivsim log':>14}")
print(f"{'delivered (status=sent | d)':28}{statuses['sent']:>14}{types['d']:>14}")
print(f"{'deferred (status=deferred | t)':28}{statuses['deferred']:>14}{types['t']:>14}")
print(f"{'bounced (status=bounced | b)':28}{statuses['bounced']:>14}{types['b']:>14}")
print(f"{'expired in Postfix':28}{statuses['expired']:>14}{'-':>14}")
for key in sorted(set(postfix_replies) | set(delivsim_replies)):
    print(f"{'  reply ' + key:28}{postfix_replies[key]:>14}{delivsim_replies[key]:>14}")
print(f"Postfix queue: peak {peak_queue} messages; samples (s, queued): {samples[:: max(1, len(samples) // 8)]}")

check(statuses["sent"] == types["d"], "every delivery is in both logs")
check(statuses["bounced"] == types["b"], "every bounce is in both logs")
check(postfix_replies["421 4.7.28"] > 0 and postfix_replies["421 4.7.28"] == delivsim_replies["421 4.7.28"],
      "421 4.7.28 after the new IP's quota, the same count in both logs")
check(statuses["deferred"] >= postfix_replies["421 4.7.28"] and types["t"] > 0,
      "Postfix's deferrals and retries reach delivsim")
# serve ran at least from t0 to the queue's end: an hourly row for each simulated hour of that.
hours_served = int(elapsed_s * TIME_SCALE // 3600)
check(len(rows) >= max(2, hours_served) and series_attempts == sum(types.values()),
      f"timeseries.csv: {len(rows)} hourly rows (at least {hours_served}) whose attempts add up to the accounting "
      f"log ({series_attempts})")
check(peak_queue > 100, f"Postfix's queue grows under the deferrals (peak {peak_queue})")
print(f"{len(failures)} failure(s)")
if failures:
    print(f"Postfix's instance and log are kept in {base}")
else:
    shutil.rmtree(base, ignore_errors=True)
sys.exit(1 if failures else 0)
