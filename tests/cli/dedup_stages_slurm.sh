#!/usr/bin/env bash
# The shipped Slurm driver (contrib/slurm/winnow-dedup-slurm) on a real
# single-node Slurm that this test starts itself: munged as the munge user on
# a private socket (AuthInfo=socket=... in slurm.conf), slurmctld and slurmd
# on 127.0.0.1 with the short hostname as NodeName, proctrack/linuxproc,
# task/none, jobacct_gather/none (no cgroups needed), everything in a
# temporary directory on private ports. The driver runs the six stages as
# chained job arrays on 3,000 generated documents in 8 shards, 3 shards and
# 6 bands per task; the result must equal `winnow dedup` byte for byte.
# Then a resume: done-markers removed, the driver run again submits only
# that work and the result is the same. Every daemon started is stopped
# (trap). Skipped (exit 77) unless root with slurm-wlm and munge installed.
source "$(dirname "$0")/lib.sh"
GEN=${WINNOW_DEDUP_GEN:-$(dirname "$WINNOW")/bench/dedup_gen}
for tool in munged mungekey slurmctld slurmd sbatch sinfo runuser; do
  command -v $tool >/dev/null || PATH=$PATH:/usr/sbin
  command -v $tool >/dev/null || { echo "skip: $tool not installed (apt-get install slurm-wlm munge)"; exit 77; }
done
if ((EUID != 0)); then echo "skip: starting munged and slurmd needs root"; exit 77; fi
if [[ ! -x $GEN ]]; then echo "skip: no corpus generator ($GEN)"; exit 77; fi
WINNOW=$(cd "$(dirname "$WINNOW")" && pwd)/$(basename "$WINNOW")
DRIVER=$PWD/contrib/slurm/winnow-dedup-slurm

pids=()
stop_daemons() {
  [[ -n ${SLURM_CONF:-} ]] && scancel --quiet --user=root 2>/dev/null
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  [[ -s $WORK/munge/munged.pid ]] && kill "$(cat "$WORK/munge/munged.pid")" 2>/dev/null
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  sleep 0.2
  rm -rf "$WORK"
}
trap stop_daemons EXIT

# munge: a key of our own, a private socket, run as the munge user.
mkdir -p "$WORK/munge"
mungekey --create --keyfile="$WORK/munge/munge.key" 2>/dev/null || dd if=/dev/urandom of="$WORK/munge/munge.key" bs=1024 count=1 2>/dev/null
chown -R munge:munge "$WORK/munge"
chmod 700 "$WORK/munge"
chmod 600 "$WORK/munge/munge.key"
runuser -u munge -- munged --force --socket="$WORK/munge/munge.sock" --key-file="$WORK/munge/munge.key" \
  --pid-file="$WORK/munge/munged.pid" --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed"
for _ in $(seq 50); do [[ -S $WORK/munge/munge.sock ]] && break; sleep 0.1; done
check "munged is up on its private socket" test -S "$WORK/munge/munge.sock"

# slurm: controller and node on 127.0.0.1, on ports of our own.
host=$(hostname -s)
port=$((20000 + $$ % 20000))
S=$WORK/slurm
mkdir -p "$S/state" "$S/spool"
node=$(slurmd -C | head -1 | sed 's/ UpTime=.*//')
cat >"$S/slurm.conf" <<CONF
ClusterName=winnowtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$WORK/munge/munge.sock
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/slurmctld.log
SlurmdLogFile=$S/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$S/slurm.conf
slurmctld -D -i -f "$SLURM_CONF" >"$S/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$host" >"$S/slurmd.out" 2>&1 &
pids+=($!)
up=0
for _ in $(seq 100); do
  if sinfo -h -o %T 2>/dev/null | grep -qE "^idle"; then up=1; break; fi
  sleep 0.2
done
check "slurmctld and slurmd are up, the node idle" test $up -eq 1
if ((up == 0)); then tail -5 "$S"/*.log; finish; fi

"$GEN" fixtures/seeds fixtures/seeds 3000 "$WORK/docs.jsonl" "$WORK/truth.jsonl" >/dev/null 2>&1
mkdir "$WORK/corpus"
(cd "$WORK/corpus" && split -d -l 200 --additional-suffix=.jsonl ../docs.jsonl part-)
"$WINNOW" dedup -q --basic-originals "$WORK/corpus" >"$WORK/local.records"

D=$WORK/run
timeout 600 "$DRIVER" --dir "$D" --shards 8 --per-task 3 --bands-per-task 6 --winnow "$WINNOW" --wait -- "$WORK/corpus" >"$WORK/driver.out" 2>&1
check "the driver's last job succeeded" test $? -eq 0
check "the stages ran as chained arrays" grep -q "^buckets: job [0-9]*, tasks 0,1,2,3,4,5,6$" "$WORK/driver.out"
check "the Slurm result equals winnow dedup" cmp "$WORK/local.records" "$D/result.jsonl"
check "one log per task" test -s "$D/logs/shingle-2.log" -a -s "$D/logs/buckets-6.log" -a -s "$D/logs/cluster.log"
check "the tasks ran on the node" grep -q "on $host" "$D/logs/signature-1.log"

# Resume: work whose marker is gone is submitted again, nothing else.
rm "$D"/buckets/00013.done "$D"/cluster/00000.done "$D"/filter-records/00004.done "$D"/filter-records/00004.out "$D/result.jsonl"
timeout 600 "$DRIVER" --dir "$D" --shards 8 --per-task 3 --bands-per-task 6 --winnow "$WINNOW" --wait -- "$WORK/corpus" >"$WORK/resume.out" 2>&1
check "the resumed run succeeded" test $? -eq 0
check "... resubmitting only the unfinished tasks" grep -q "^buckets: job [0-9]*, tasks 2$" "$WORK/resume.out"
check "... skipping finished stages" grep -q "^shingle: done$" "$WORK/resume.out"
check "the resumed result equals winnow dedup" cmp "$WORK/local.records" "$D/result.jsonl"
[[ $failures -gt 0 ]] && { cat "$WORK/driver.out" "$WORK/resume.out"; tail -3 "$D"/logs/*.log; }
finish
