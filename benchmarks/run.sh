#!/usr/bin/env bash
# Benchmarks of asyncworker against reference clients, side by side in one run.
#
#   benchmarks/run.sh [--quick] [rabbit] [http] [sse] [sched] [tracing]   (no names = the first four)
#
# Needs: a JDK >= 21 (found under /usr/lib/jvm when the default java is older), Maven, a RabbitMQ
# on 127.0.0.1:5672 (guest/guest; started here if installed but not running), and wrk (installed
# with apt-get when missing and running as root; otherwise a Java load generator is used).
# All traffic goes to 127.0.0.1. Every contender runs in its own JVM with the same flags.
# Contenders run in interleaved rounds (the order turned by one each round); every claim is the
# median over the rounds of same-round ratios (asyncworker / reference), never a best round.
# Prints a table of figures and the claims (median, min and max round ratio, median CPU ratio,
# target, MET / MISSED; "extra" rows decide nothing); exits 1 when a claim is missed or could not
# be measured. Child JVM logs: benchmarks/target/bench-logs/.
# BENCH_ONLY=child,... runs only those contenders (names as in the logs, e.g. rabbit-asyncworker);
# BENCH_CHILD_JVM_FLAGS adds JVM flags to every contender (e.g. a JFR recording, {name} = child).
# BENCH_ROUNDS sets the rounds of rabbit and sse (default 3; --quick 2);
# BENCH_HTTP_ROUNDS the measured HTTP rounds (default 6; --quick 2).
# tracing: the bulk-1000 consumer with tracing off and on; BENCH_BASE_CP (the classpath of another
# build's benchmarks, e.g. "/tmp/base/benchmarks/target/classes:/tmp/base/benchmarks/target/lib/*")
# adds that build as a third contender (and to sse as an extra, to measure a change same-round);
# BENCH_TRACING_ROUNDS sets the rounds (default 5);
# BENCH_TRACING_BULK=1 measures bulk 1 / prefetch 128 instead of bulk 1000 / prefetch 1000.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=""
BENCHES=()
for arg in "$@"; do
  case "$arg" in
    --quick|-q) QUICK="quick" ;;
    rabbit|rabbitmq) BENCHES+=(rabbit) ;;
    http|sse|sched|tracing) BENCHES+=("$arg") ;;
    scheduler) BENCHES+=(sched) ;;
    -h|--help) sed -n '2,23p' benchmarks/run.sh; exit 0 ;;
    *) echo "run.sh: unknown argument '$arg' (use --quick and any of rabbit http sse sched tracing)" >&2; exit 2 ;;
  esac
done
[ ${#BENCHES[@]} -eq 0 ] && BENCHES=(rabbit http sse sched)

NAME=run.sh
. scripts/env.sh

ensure_wrk() {
  if command -v wrk >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run.sh: installing wrk (Debian package)"
    (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null 2>&1 || true
  fi
  command -v wrk >/dev/null 2>&1 || echo "run.sh: wrk not available; the HTTP benchmark uses the Java load generator"
}

needs() { local b; for b in "${BENCHES[@]}"; do [ "$b" = "$1" ] && return 0; done; return 1; }

machine() {
  echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
  echo "java:    $(java -version 2>&1 | head -n 1) (JAVA_HOME=${JAVA_HOME:-default})"
  if needs rabbit; then echo "broker:  RabbitMQ $(rabbitmqctl -q version 2>/dev/null || echo '?') on 127.0.0.1:5672"; fi
  if needs http && command -v wrk >/dev/null 2>&1; then echo "load:    $(wrk --version 2>&1 | head -n 1)"; fi
  echo "load avg before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

pick_jdk
{ needs rabbit || needs tracing; } && ensure_local_broker
needs http && ensure_wrk
machine

echo "run.sh: building (mvn package -pl benchmarks -am, tests skipped)"
mkdir -p benchmarks/target
if ! mvn -B -q package -DskipTests -pl benchmarks -am > benchmarks/target/build.log 2>&1; then
  grep -v -e '^WARNING' -e 'sun.misc.Unsafe' benchmarks/target/build.log | tail -n 40 >&2
  echo "run.sh: build failed (benchmarks/target/build.log)" >&2
  exit 1
fi
amqp_jars=$(ls benchmarks/target/lib | grep -c '^amqp-client-' || true)
if [ "$amqp_jars" -ne 1 ]; then
  echo "run.sh: expected exactly one amqp-client jar on the benchmark classpath, found $amqp_jars" >&2
  exit 1
fi
echo "classpath: $(ls benchmarks/target/lib | grep -E '^(amqp-client|perf-test|spring-rabbit|okhttp-eventsource|vertx-core)-' | tr '\n' ' ')"

STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS="$PWD/benchmarks/target/results-$STAMP.tsv"
: > "$RESULTS"
CP="benchmarks/target/classes:benchmarks/target/lib/*"
LIMIT=$([ -n "$QUICK" ] && echo 600 || echo 1500)
status=0
for bench in "${BENCHES[@]}"; do
  echo
  if ! timeout --signal=TERM --kill-after=30 "$LIMIT" java -Xmx2g -cp "$CP" -Dbench.logs=benchmarks/target/bench-logs \
      -Dbench.only="${BENCH_ONLY:-}" -Dbench.rounds="${BENCH_ROUNDS:-}" -Dbench.httpRounds="${BENCH_HTTP_ROUNDS:-}" -Dbench.childJvmFlags="${BENCH_CHILD_JVM_FLAGS:-}" \
      -Dbench.baseClasspath="${BENCH_BASE_CP:-}" -Dbench.tracingRounds="${BENCH_TRACING_ROUNDS:-5}" \
      -Dbench.tracingBulk="${BENCH_TRACING_BULK:-1000}" \
      -Dlogback.configurationFile=bench-logback.xml io.asyncworker.bench.Main bench "$bench" $QUICK "results=$RESULTS"; then
    echo "run.sh: benchmark '$bench' failed or hit its ${LIMIT}s limit"
    printf 'C\t%s\t(whole benchmark)\t-\t-\t-\t-\t-\tNOT MEASURED: failed or timed out\n' "$bench" >> "$RESULTS"
    status=1
  fi
done

echo
echo "==================== figures (${QUICK:-full} run, $STAMP) ===================="
awk -F'\t' '$1=="M" {printf "%-10s | %-42s | %-24s | %s\n", $2, $3, $4, $5}' "$RESULTS"
echo
echo "==================== claims: medians of same-round ratios ===================="
printf "%-10s | %-84s | %-7s | %-7s | %-7s | %-7s | %-22s | %s\n" bench claim median min max "CPU med" target verdict
awk -F'\t' '$1=="C" {printf "%-10s | %-84s | %-7s | %-7s | %-7s | %-7s | %-22s | %s\n", $2, $3, $4, $5, $6, $7, $8, $9}' "$RESULTS"
MD="${RESULTS%.tsv}.md"
{
  echo "| benchmark | contender | metric | value |"
  echo "|---|---|---|---:|"
  awk -F'\t' '$1=="M" {printf "| %s | %s | %s | %s |\n", $2, $3, $4, $5}' "$RESULTS"
  echo
  echo "| benchmark | claim | median ratio | min round | max round | CPU ratio (median) | target | verdict |"
  echo "|---|---|---:|---:|---:|---:|---|---|"
  awk -F'\t' '$1=="C" {printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8, $9}' "$RESULTS"
} > "$MD"
echo
echo "results: $RESULTS (markdown: $MD)"
if grep -q -P '^C\t.*\t(MISSED|NOT MEASURED)' "$RESULTS"; then status=1; fi
exit $status
