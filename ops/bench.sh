#!/usr/bin/env bash
# Runs every benchmark of the project once, on this machine, and writes the figures with the machine
# they ran on to docs/benchmarks.md. Run it on a quiet machine: the figures move with whatever else runs.
#
#   ops/bench.sh            full sizes (about 20 to 25 minutes on a quiet machine with 2 cores)
#   BENCH_QUICK=1 ops/bench.sh    small sizes, to check that everything runs (figures meaningless)
#
# What it runs, in order (each prints its own figures; the raw output is kept in target/bench-logs/):
#   1. the build: the three services packaged (their quarkus-run.jar) and every test class compiled
#   2. catalog reads          catalog-service CatalogBenchmark (8 keep-alive clients, 8 s per endpoint)
#   3. progress ingestion and reads   progress-service ProgressBenchmark (200,000 events beside a batch insert and a
#                             binary COPY of the same rows; reads over 10,000 and 100,000 members / 5,000,000
#                             sessions, panels of 500, 8 concurrent clients; what the access audit adds to the
#                             clinician reads, audit off and on in the same run)
#   4. the plan builder       routine-service PlanBuilderBenchmark
#   5. reminders             engagement-service ReminderBenchmark: 100,000 members with reminders due in the same
#                             minute, claimed and pushed (encrypted, VAPID) to a local push endpoint; rate and p99 delay
#   6. start-up and memory    test-support ServiceStartBenchmark: each packaged service started (and restarted) against
#                             PostgreSQL, Kafka and an OIDC provider, ready time and VmRSS after a warm-up
# Extra arguments per harness: BENCH_CATALOG_ARGS, BENCH_PROGRESS_ARGS (e.g. "-Dbench.only=ingestion");
# JVM options of the started services: LIMBER_JAVA_OPTS and, on a JDK 25 or newer, LIMBER_JAVA25_OPTS (default:
# those of ops/java-opts.env).
# The build packages the services with their class-data sharing archive (Quarkus's AppCDS) and, when there is a
# JDK 25 or newer (LIMBER_JAVA_HOME, see ops/aot-cache.sh), makes their AOT cache with it; the start-up step
# starts each service on this JDK without and with the archive, and on the JDK 25 without and with the cache.
# BENCH_APPCDS=0 packages and measures without the archive and the cache.
# BENCH_STEPS (default "build catalog progress plan reminders start") runs some steps only; the report is written from
# the logs in target/bench-logs/ either way.
set -euo pipefail
cd "$(dirname "$0")/.."

logs=target/bench-logs
out=docs/benchmarks.md
mkdir -p "$logs" docs

if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
  catalog_args="-Dbench.seconds=1 -Dbench.warmUpSeconds=1"
  progress_args="-Dbench.events=5000 -Dbench.warmUp=2000 -Dbench.members=2000 -Dbench.sessionsPerMember=5 -Dbench.requests=500"
  start_args="-Dbench.warmUpRequests=200"
  sizes="small sizes (BENCH_QUICK=1): a check that every harness runs, not figures to quote"
else
  catalog_args="" progress_args="" start_args=""
  sizes="default sizes"
fi
catalog_args="$catalog_args ${BENCH_CATALOG_ARGS:-}"
progress_args="$progress_args ${BENCH_PROGRESS_ARGS:-}"
export LIMBER_JAVA_OPTS="${LIMBER_JAVA_OPTS-$(sed -n 's/^LIMBER_JAVA_OPTS=//p' ops/java-opts.env)}"
export LIMBER_JAVA25_OPTS="${LIMBER_JAVA25_OPTS-$(sed -n 's/^LIMBER_JAVA25_OPTS=//p' ops/java-opts.env)}"

# The machine, before anything of ours runs.
started=$(date -u '+%Y-%m-%d %H:%M UTC')
cores=$(nproc)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
memory=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
jdk=$(java -version 2>&1 | head -1)
load=$(cut -d' ' -f1-3 /proc/loadavg)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

mvn() { ./mvnw -B -ntp "$@"; }
steps=" ${BENCH_STEPS:-build catalog progress plan reminders start} "
step() {
  [[ "$steps" == *" $2 "* ]] || return 1
  echo "==> $1 (log: $logs/$2.log)"
}

if step "Building" build; then
  # shellcheck disable=SC2046
  mvn package -DskipTests -pl catalog-service,routine-service,progress-service -am \
    $([[ "${BENCH_APPCDS:-1}" == 1 ]] && echo -Dquarkus.package.jar.appcds.enabled=true -Dquarkus.package.jar.appcds.use-container=false) \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath > "$logs/build.log" 2>&1
  if [[ "${BENCH_APPCDS:-1}" == 1 ]]; then
    ops/aot-cache.sh catalog-service routine-service progress-service >> "$logs/build.log" 2>&1
  else
    LIMBER_JAVA_HOME="" ops/aot-cache.sh catalog-service routine-service progress-service >> "$logs/build.log" 2>&1
  fi
fi

step "Catalog reads" catalog &&
# shellcheck disable=SC2086
mvn test -pl catalog-service -am -Dtest=CatalogBenchmark -Dsurefire.failIfNoSpecifiedTests=false $catalog_args \
  > "$logs/catalog.log" 2>&1

step "Progress ingestion and reads" progress &&
# shellcheck disable=SC2086
mvn test -pl progress-service -am -Dtest=ProgressBenchmark -Dsurefire.failIfNoSpecifiedTests=false $progress_args \
  > "$logs/progress.log" 2>&1

step "Plan builder" plan &&
java -cp "routine-service/target/test-classes:routine-service/target/classes:$(cat routine-service/target/bench.classpath)" \
  org.limber.routine.bench.PlanBuilderBenchmark > "$logs/plan.log" 2>&1

step "Reminders due in the same minute" reminders &&
# shellcheck disable=SC2086
mvn test -pl engagement-service -am -Dtest=ReminderBenchmark -Dsurefire.failIfNoSpecifiedTests=false ${BENCH_REMINDERS_ARGS:-} \
  > "$logs/reminders.log" 2>&1

step "Service start-up and memory" start &&
# shellcheck disable=SC2086
java $start_args -cp "test-support/target/classes:$(cat test-support/target/bench.classpath)" \
  org.limber.testsupport.bench.ServiceStartBenchmark . > "$logs/start.log" 2>&1

# The harnesses' own lines: after their "===" header if they print one, without the frameworks' log lines.
figures() {
  if ! [[ -f "$1" ]]; then echo "(not run: no $1)"; return; fi
  if grep -q '^=== ' "$1"; then sed -n '/^=== /,$p' "$1"; else cat "$1"; fi | grep -Ev '^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T]|^\[(INFO|WARN|WARNING|ERROR)\]|^\s*at |^$' || true
}

{
  echo "# Benchmarks"
  echo
  echo "Written by \`ops/bench.sh\` (every benchmark in one run; what each measures, and the targets:"
  echo "[operations.md](operations.md#benchmarks)). Do not edit by hand: run it again."
  echo
  echo "| the run | |"
  echo "|---|---|"
  echo "| started | $started |"
  echo "| commit | \`$commit\` |"
  echo "| machine | $cores cores ($cpu), $memory memory |"
  echo "| JDK | $jdk |"
  echo "| load average at the start (1, 5, 15 min) | $load |"
  echo "| sizes | $sizes |"
  echo "| JVM options of the started services | \`${LIMBER_JAVA_OPTS:-none}\`; on JDK 25 or newer also \`${LIMBER_JAVA25_OPTS:-none}\` |"
  echo
  echo "## Results"
  echo
  echo "| benchmark | what | figure |"
  echo "|---|---|---|"
  figures "$logs/catalog.log" | grep '^| catalog ' | sed -E 's/^\| catalog (`[^`]*`) \| ([^|]*) \| ([^|]*) \|$/| catalog reads | \1 | \2 req\/s, \3 of `\/q\/health\/live` |/'
  figures "$logs/progress.log" | grep -E 'end-to-end:|ceiling \(binary COPY|CPU per event|^Read latency|^Access audit|p50 ' | sed -E 's/^ *//; s/\|/\\|/g; s/^/| progress | | /; s/$/ |/'
  figures "$logs/reminders.log" | grep -E '^Reminders: ' | sed -E 's/^Reminders: //; s/^/| reminders | | /; s/$/ |/'
  figures "$logs/plan.log" | grep -E 'latency per full week plan' | sed -E 's/^ *//; s/^/| plan builder | | /; s/$/ |/'
  figures "$logs/start.log" | grep -E '^\| [a-z]+-service ' | sed -E 's/^\| ([a-z]+-service[^|]*) \| ([^|]*) \| ([^|]*) \| ([^|]*) \| ([^|]*) \|$/| start-up and memory | \1 | ready after \2; resident \3 when ready, \4 after the warm-up; \5 threads |/; s/, - after the warm-up//'
  echo
  echo "## Each harness's output"
  for part in catalog:"Catalog reads (\`CatalogBenchmark\`)" progress:"Progress ingestion and reads (\`ProgressBenchmark\`)" \
              plan:"Plan builder (\`PlanBuilderBenchmark\`)" reminders:"Reminders (\`ReminderBenchmark\`)" start:"Start-up and memory (\`ServiceStartBenchmark\`)"; do
    echo
    echo "### ${part#*:}"
    echo
    echo '```'
    figures "$logs/${part%%:*}.log"
    echo '```'
  done
} > "$out"
echo "==> Written to $out"
