"""What the live tests share: starting `delivsim serve` and reading the ports it prints, and the ok/FAIL lines
with their count at the end."""
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
