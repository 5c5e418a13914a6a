#!/usr/bin/env bash
# Measures rollout jobs alone (no learner) on local-cluster with 1 and 2 executors and several task
# sizes (RolloutThroughput: HyperGrid 8^4, untrained 2x256 shared-trunk MLP, one task per executor
# per job, 20 jobs after 2 warm-up ones) and writes the CSV that scaling-model.py fits:
#   deploy/bench/scaling-measure.sh [OUT.csv]        (default: /tmp/scaling.csv)
#   deploy/bench/scaling-model.py fit OUT.csv
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
csv=${1:-/tmp/scaling.csv}
cd "$ROOT"
mvn -B -q -ntp -o install -DskipTests
mvn -B -q -ntp -o -pl spark-jobs test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/scaling-cp.txt -Dmdep.includeScope=test
CP=$ROOT/spark-jobs/target/classes:$ROOT/spark-jobs/target/test-classes:$(cat /tmp/scaling-cp.txt)
OPENS=$(sed -n 's/^OPENS="\(.*\)"$/\1/p' "$ROOT/deploy/gfn")
echo "executors,trajectories_per_task,trajectories_per_s,ms_per_job,task_run_ms" > "$csv"
for e in 1 2; do
  for n in 256 1024 4096; do
    line=$(OMP_NUM_THREADS=1 SPARK_LOCAL_IP=127.0.0.1 java $OPENS --add-modules=jdk.incubator.vector -Xmx3g \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlog4j2.configurationFile="$ROOT/deploy/log4j2.properties" \
      -cp "$CP" org.gfn.spark.RolloutThroughput $e $n 20 2>/dev/null | grep "trajectories/s")
    echo "$line" >&2
    echo "$line" | sed -E 's/executors ([0-9]+), ([0-9]+) trajectories per task, [0-9]+ jobs: ([0-9]+) trajectories\/s \(mean length [0-9.]+, ([0-9.]+) ms per job, ([0-9.]+) ms task run time\)/\1,\2,\3,\4,\5/' >> "$csv"
  done
done
cat "$csv"
