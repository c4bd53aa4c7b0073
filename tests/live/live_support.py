"""What the live tests share: starting `delivsim serve` and reading the ports it prints, and the ok/FAIL lines
with their count at the end."""
import signal
import subprocess
import sys

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def finish():
    """Prints the failure count and exits 1 when there is one."""
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


def start_serve(command):
    """Starts `command` (a `delivsim serve` command line) and reads its start-up lines up to "time scale":
    returns the process and the ports it listens on, by provider name ("all" for a listener for every
    provider) and "metrics"."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ports = {}
    while True:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("delivsim serve exited early: " + proc.stderr.read())
        if line.startswith("listening on"):
            label = line[line.rindex("(") + 1:line.rindex(")")]
            ports["all" if label == "every provider" else label] = int(line.split()[2].rsplit(":", 1)[1])
        elif line.startswith("metrics on"):
            ports["metrics"] = int(line.split(":")[-1].split("/")[0])
        elif line.startswith("time scale"):
            return proc, ports


def stop_serve(proc, within_s=30):
    """Sends SIGTERM and checks that `delivsim serve` exits 0 within `within_s` seconds (reading what it prints
    meanwhile, so a full pipe cannot hold it up); past that it is killed. Returns what it printed to stdout and
    to stderr."""
    proc.send_signal(signal.SIGTERM)
    try:
        stdout, stderr = proc.communicate(timeout=within_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
        check(False, f"serve stops within {within_s} s of SIGTERM (killed; it printed: {stdout[-300:]!r})")
        return stdout, stderr
    check(proc.returncode == 0,
          f"serve exits 0 on SIGTERM ({proc.returncode})" + (f": {stderr[-300:]}" if proc.returncode else ""))
    return stdout, stderr
