#!/usr/bin/env bash
# scripts/slurm/submit.sh on a real Slurm: a single-node cluster (munged, slurmctld and slurmd from Debian's
# slurmctld/slurmd packages, on localhost, with its own configuration, key and ports) that this test starts
# and stops itself. scenarios/gmail-sweep.yaml as a 3-task job array and a dependent merge job must give
# the folder one machine gives, byte for byte; and when one array task fails, the merge job must end with
# exit code 2 naming the shard to re-run, and re-running it alone must complete the batch. Exit 77 (skipped) when Slurm is not installed.
# Usage: slurm_test.sh DELIVSIM SOURCE_DIR WORK_DIR
set -u
delivsim=$1 source_dir=$2 work=$3
for tool in munged slurmctld slurmd sbatch sinfo; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed (Debian: munge slurmctld slurmd slurm-client)"; exit 77; }
done
rm -rf "$work" && mkdir -p "$work"/{munge,state,spool,log}
work=$(cd "$work" && pwd)
node=$(hostname -s)
export SLURM_CONF=$work/slurm.conf

stop_cluster() {
  for pid_file in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munge/munged.pid"; do
    [[ -f $pid_file ]] && kill "$(cat "$pid_file")" 2>/dev/null
  done
}
trap stop_cluster EXIT

dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 2>/dev/null
chmod 700 "$work/munge" && chmod 600 "$work/munge/munge.key"
munged --force --socket="$work/munge/munge.socket" --key-file="$work/munge/munge.key" \
  --log-file="$work/log/munged.log" --pid-file="$work/munge/munged.pid" --seed-file="$work/munge/munged.seed" ||
  { echo "FAIL munged did not start"; exit 1; }
cat >"$SLURM_CONF" <<CONF
ClusterName=delivsim-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -i -f "$SLURM_CONF" || { echo "FAIL slurmctld did not start"; cat "$work/log/slurmctld.log"; exit 1; }
slurmd -N "$node" -f "$SLURM_CONF" || { echo "FAIL slurmd did not start"; cat "$work/log/slurmd.log"; exit 1; }
for _ in $(seq 60); do
  [[ $(sinfo -h -o %t 2>/dev/null) == idle ]] && break
  sleep 0.5
done
[[ $(sinfo -h -o %t) == idle ]] || { echo "FAIL the node did not come up"; sinfo; tail "$work"/log/*.log; exit 1; }
echo "ok   single-node Slurm cluster up: $(sinfo -h -o '%P %D node(s) %c CPUs %t')"

failures=0
# The commands run in the work folder with the scenario at a relative path, as a user at the prompt has it.
cd "$work"
ln -s "$source_dir/scenarios" scenarios
scenario=scenarios/gmail-sweep.yaml
"$delivsim" sweep "$scenario" --quiet --out whole
DELIVSIM=$delivsim timeout 600 bash "$source_dir/scripts/slurm/submit.sh" --wait 3 on-slurm sweep "$scenario"
rc=$?
if [[ $rc != 0 ]]; then
  echo "FAIL the Slurm batch ended with exit code $rc"
  cat on-slurm/logs/*.out
  failures=$((failures + 1))
elif ! diff -r whole on-slurm/result; then
  echo "FAIL the Slurm batch's result differs from one machine's"
  failures=$((failures + 1))
else
  echo "ok   3 array tasks + merge job: $(find whole -type f | wc -l) files identical to one machine's"
  grep -h "runs done" on-slurm/logs/shard-0.out | tail -1 | sed 's/^/     progress line in logs\/shard-0.out: /'
fi

# A node that fails: array task 1's delivsim exits at once.
cat >failing-delivsim <<SH
#!/usr/bin/env bash
if [[ \${SLURM_ARRAY_TASK_ID:-} == 1 ]]; then echo "node lost" >&2; exit 1; fi
exec "$delivsim" "\$@"
SH
chmod +x failing-delivsim
DELIVSIM=$work/failing-delivsim timeout 600 bash "$source_dir/scripts/slurm/submit.sh" --wait 3 failing sweep "$scenario"
rc=$?
if [[ $rc != 2 ]] || ! grep -q "they are shard 1/3; run it with: delivsim sweep .* --shard 1/3 --out PART_DIR" failing/logs/merge.out; then
  echo "FAIL a failed array task: merge job exit code $rc (expected 2, naming shard 1/3)"
  cat failing/logs/merge.out
  failures=$((failures + 1))
else
  echo "ok   a failed array task: the merge job names what to re-run:"
  sed 's/^/     /' failing/logs/merge.out
  # Re-run that shard alone, as docs/distributed.md says, and merge again.
  DELIVSIM=$delivsim timeout 300 sbatch --wait --array=1 --output=failing/logs/rerun-%a.out \
    "$source_dir/scripts/slurm/shard.sbatch" failing/parts 3 sweep "$scenario" >/dev/null
  if "$delivsim" merge -q failing/parts/shard-* --out failing/result && diff -r whole failing/result; then
    echo "ok   shard 1/3 re-run alone (sbatch --array=1 shard.sbatch ...) completes the batch: identical"
  else
    echo "FAIL re-running shard 1/3 did not complete the batch"
    cat failing/logs/rerun-1.out
    failures=$((failures + 1))
  fi
fi
exit $((failures > 0))
