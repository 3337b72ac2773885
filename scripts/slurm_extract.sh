#!/usr/bin/env bash
# A SLURM array job: each task extracts one shard of the corpus, and a last job, started
# when all of them have succeeded, merges the shards into one dataset.
#
#   sbatch --array=0-15 scripts/slurm_extract.sh /shared/notices /shared/dataset
#
# The corpus and the output's parent must be on a file system every node sees. Each shard
# is written to OUT.shards/I; the merge writes OUT and leaves the shards for inspection.
#SBATCH --job-name=bitextract
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=bitextract-%A_%a.log
set -euo pipefail

corpus=${1:?usage: sbatch --array=0-N scripts/slurm_extract.sh CORPUS OUT}
out=${2:?usage: sbatch --array=0-N scripts/slurm_extract.sh CORPUS OUT}
bitextract=${BITEXTRACT:-bitextract}
shards=${SLURM_ARRAY_TASK_COUNT:?run as an array job: sbatch --array=0-N}
index=${SLURM_ARRAY_TASK_ID:?run as an array job: sbatch --array=0-N}
# Array ids must run from 0 so that they are the shard numbers.
if ((SLURM_ARRAY_TASK_MIN != 0 || SLURM_ARRAY_TASK_MAX != shards - 1)); then
    echo "use --array=0-$((shards - 1)) (contiguous, from 0)" >&2
    exit 2
fi

mkdir -p "$out.shards"
"$bitextract" extract "$corpus" -o "$out.shards/$index" \
    --shard "$index/$shards" --jobs "${SLURM_CPUS_PER_TASK:-1}" --quiet

# The task that was submitted first schedules the merge after the whole array.
if ((index == 0)); then
    parts=()
    for ((i = 0; i < shards; i++)); do parts+=("$out.shards/$i"); done
    sbatch --dependency="afterok:$SLURM_ARRAY_JOB_ID" --job-name=bitextract-merge \
        --output="bitextract-merge-%j.log" \
        --wrap="$(printf '%q ' "$bitextract" merge "$out" "${parts[@]}")"
fi
