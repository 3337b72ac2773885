#!/usr/bin/env bash
# Runs scripts/slurm_extract.sh on a real SLURM of one node started here, and checks that
# the merged dataset is the one `bitextract extract` writes over the same corpus.
#
#   scripts/slurm_check.sh [CORPUS] [SHARDS]      (default: corpus/, 4 shards)
#
# Needs root and Debian's slurm-wlm (apt-get install -y slurm-wlm), which brings munge and
# its key. The controller and the node daemon run with a configuration of their own in a
# scratch directory (SLURM_CONF), never /etc/slurm's, and are stopped at the end; munged is
# started when it is not running. Build first: make build.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(realpath "${1:-$repo/corpus}")
shards=${2:-4}
bin=$repo/target/release/bitextract
python=${BITEXTRACT_PYTHON:-python3}
for tool in slurmctld slurmd sbatch squeue munged; do
    command -v "$tool" >/dev/null ||
        { echo "slurm_check: $tool not found; apt-get install -y slurm-wlm" >&2; exit 2; }
done
[[ -x $bin ]] || { echo "slurm_check: $bin not found; make build" >&2; exit 2; }

work=$(mktemp -d)
chmod 755 "$work"
mkdir -p "$work"/{state,spool,run}
chown slurm:slurm "$work"/state
export SLURM_CONF=$work/slurm.conf
host=$(hostname -s)
cat >"$SLURM_CONF" <<EOF
ClusterName=check
SlurmctldHost=$host
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SlurmUser=slurm
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ReturnToService=2
NodeName=$host CPUs=$(nproc) RealMemory=$(($(free -m | awk '/^Mem:/ {print $2}') / 2)) State=UNKNOWN
PartitionName=check Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

stop() {
    for daemon in slurmd slurmctld; do
        [[ -f $work/$daemon.pid ]] && kill "$(cat "$work/$daemon.pid")" 2>/dev/null || true
    done
}
trap stop EXIT

if ! pgrep -x munged >/dev/null; then
    mkdir -p /run/munge && chown munge:munge /run/munge
    runuser -u munge -- munged
fi
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 30); do
    sinfo --noheader --states=idle 2>/dev/null | grep -q . && break
    sleep 1
done

# The script asks for 4 CPUs and 4 GB a task; one small node gets less (the command line
# overrides #SBATCH lines).
cd "$work/run"
BITEXTRACT=$bin sbatch --export=ALL --cpus-per-task=1 --mem=512M --array=0-$((shards - 1)) \
    "$repo/scripts/slurm_extract.sh" "$corpus" "$work/run/dataset" >/dev/null
# The array's task 0 submits the merge; wait for every job of the array and the merge.
for _ in $(seq 600); do
    [[ -f $work/run/dataset/manifest.json ]] && [[ -z $(squeue --noheader) ]] && break
    sleep 1
done
cat "$work"/run/bitextract-merge-*.log
"$bin" extract "$corpus" -o "$work/one-run" --quiet
"$python" "$repo/scripts/compare_datasets.py" "$work/one-run" "$work/run/dataset"
