#!/usr/bin/env bash
# Starts a Spark standalone master and one worker on loopback from the project's Maven jars (no
# Spark download): master spark://127.0.0.1:7077 (UI :8080), worker with $WORKER_CORES cores.
# Then: deploy/gfn train conf/hypergrid-8x4-tb.conf --master spark://127.0.0.1:7077
# Stop with deploy/standalone-stop.sh. Logs and pids under deploy/.standalone/. A second start while
# one runs is refused. GFN_CLASSPATH, when set, is used instead of the built classpath.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE="$ROOT/deploy/.standalone"
WORKER_CORES=${WORKER_CORES:-2}
WORKER_MEMORY=${WORKER_MEMORY:-4g}
mkdir -p "$STATE/spark-home/jars" "$STATE/work"
# A second start would orphan the running master (its pid file overwritten, port taken): refuse.
for p in master worker; do
  if [ -f "$STATE/$p.pid" ] && kill -0 "$(cat "$STATE/$p.pid")" 2>/dev/null; then
    echo "a standalone $p is already running (pid $(cat "$STATE/$p.pid")): use spark://127.0.0.1:7077," \
      "or stop it first with deploy/standalone-stop.sh" >&2
    exit 1
  fi
done
if (exec 3<>/dev/tcp/127.0.0.1/7077) 2>/dev/null; then
  echo "port 7077 on 127.0.0.1 is taken by a process this script did not start; stop it first" >&2
  exit 1
fi
"$ROOT/deploy/gfn" help >/dev/null 2>&1 || true
if [ -z "${GFN_CLASSPATH:-}" ] && [ ! -f "$ROOT/spark-jobs/target/classpath.txt" ]; then
  (cd "$ROOT" && mvn -B -q -ntp -DskipTests install && mvn -B -q -ntp -pl spark-jobs dependency:build-classpath \
     -Dmdep.includeScope=compile -Dmdep.outputFile=target/classpath.txt)
fi
CP=${GFN_CLASSPATH:-$(cat "$ROOT/spark-jobs/target/classpath.txt")}
export SPARK_HOME="$STATE/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED"
nohup java $OPENS -cp "$CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 --webui-port 8080 \
  > "$STATE/master.log" 2>&1 &
echo $! > "$STATE/master.pid"
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for i in $(seq 1 120); do
  listening 7077 && break
  if ! kill -0 "$(cat "$STATE/master.pid")" 2>/dev/null; then
    rm -f "$STATE/master.pid"
    echo "the master did not start; see $STATE/master.log" >&2
    exit 1
  fi
  sleep 0.5
done
nohup java $OPENS -cp "$CP" org.apache.spark.deploy.worker.Worker spark://127.0.0.1:7077 --host 127.0.0.1 \
  --cores "$WORKER_CORES" --memory "$WORKER_MEMORY" --work-dir "$STATE/work" > "$STATE/worker.log" 2>&1 &
echo $! > "$STATE/worker.pid"
for i in $(seq 1 120); do # the worker's web UI (8081) is up once it has registered
  { grep -q "Successfully registered with master" "$STATE/worker.log" 2>/dev/null || listening 8081; } && break
  sleep 0.5
done
echo "master spark://127.0.0.1:7077 (pid $(cat "$STATE/master.pid")), worker pid $(cat "$STATE/worker.pid")"
