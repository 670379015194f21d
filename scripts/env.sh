# Shared by .ci/run, run-demo and benchmarks/run.sh (sourced, not run). Set NAME for messages.

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }

# Makes sure a JDK >= 21 is JAVA_HOME and first on the PATH: JAVA_HOME's when it is one (its java
# comes first even when an older one is on the PATH), else the newest under /usr/lib/jvm.
pick_jdk() {
  local current best="" best_major=0 dir major
  current=$(java_major "${JAVA_HOME:+$JAVA_HOME/bin/}java" 2>/dev/null || echo 0)
  if [ "${current:-0}" -ge 21 ]; then
    if [ -n "${JAVA_HOME:-}" ]; then export PATH="$JAVA_HOME/bin:$PATH"; fi
    return
  fi
  for dir in /usr/lib/jvm/*/; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=${dir%/}; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "$NAME: no JDK >= 21 found (default java is ${current:-none}); install one under /usr/lib/jvm or set JAVA_HOME" >&2
    exit 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

broker_up() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }

# Starts the local RabbitMQ when nothing answers on 127.0.0.1:5672 and waits for it (90 s at most).
ensure_local_broker() {
  if broker_up; then return; fi
  echo "$NAME: RabbitMQ does not answer on 127.0.0.1:5672; starting it"
  rabbitmq-server -detached || true
  for _ in $(seq 1 90); do
    if broker_up && rabbitmqctl -q await_startup >/dev/null 2>&1; then echo "$NAME: RabbitMQ is up"; return; fi
    sleep 1
  done
  echo "$NAME: RabbitMQ did not come up on 127.0.0.1:5672 within 90 s" >&2
  exit 1
}
