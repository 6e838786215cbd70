#!/usr/bin/env bash
# Makes the JDK's ahead-of-time cache (JEP 483/514/515, JDK 25 or newer) of each packaged service, beside its
# quarkus-run.jar, for ./run and ops/bench.sh (the container images make theirs in their Dockerfile.jvm):
#
#   ops/aot-cache.sh catalog-service routine-service ...    after ./mvnw package of those modules with
#       -Dquarkus.package.jar.appcds.enabled=true -Dquarkus.package.jar.appcds.use-container=false (the training
#       run below needs the hook that packaging puts in; ./run and ops/bench.sh package so)
#   ops/aot-cache.sh --jdk                                   prints the JDK it would use (nothing: none)
#
# The project builds and tests on JDK 17; a JDK 25 only runs the packaged services. Which one:
#   LIMBER_JAVA_HOME=/path/to/jdk-25   that JDK;  LIMBER_JAVA_HOME= (empty)   none: no cache, JDK 17 + AppCDS
#   unset                              the newest JDK of 25 or later in /usr/lib/jvm, if there is one
# The training run is Quarkus's own for AppCDS (-Dquarkus.appcds.generate=true: the application's static
# initialisation, no database or broker needed, then exit) with -XX:AOTCacheOutput, and the JVM options the
# services run with (LIMBER_JAVA_OPTS and LIMBER_JAVA25_OPTS, by default those of ops/java-opts.env; a cache only serves a JVM started with the same heap
# layout). It writes target/quarkus-app/app.aot and app.aot.java, the java that made it: the launcher and
# ServiceStartBenchmark start the service with that java and -XX:AOTCache=app.aot, and with JDK 17 (AppCDS)
# when either file is missing. A cache lasts until the next package (Maven replaces quarkus-app/'s jars but
# not these files, so this script is run after every package; ./run and ops/bench.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."

feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; }

if [[ -z "${LIMBER_JAVA_HOME+set}" ]]; then
  LIMBER_JAVA_HOME=""
  for jdk in /usr/lib/jvm/*/; do
    jdk=${jdk%/}
    version=$(feature "$jdk")
    if [[ -n "$version" && "$version" -ge 25 && -x "$jdk/bin/java" ]] &&
       [[ -z "$LIMBER_JAVA_HOME" || "$version" -gt "$(feature "$LIMBER_JAVA_HOME")" ]]; then
      LIMBER_JAVA_HOME=$jdk
    fi
  done
fi

if [[ "${1:-}" == --jdk ]]; then
  echo "$LIMBER_JAVA_HOME"
  exit 0
fi
for module in "$@"; do
  app="$module/target/quarkus-app"
  rm -f "$app/app.aot" "$app/app.aot.java"
done
if [[ -z "$LIMBER_JAVA_HOME" ]]; then
  echo "    no JDK 25 or newer (LIMBER_JAVA_HOME): the services run on this JDK with their AppCDS archive"
  exit 0
fi
version=$(feature "$LIMBER_JAVA_HOME")
if [[ -z "$version" || "$version" -lt 25 ]]; then
  echo "LIMBER_JAVA_HOME=$LIMBER_JAVA_HOME is not a JDK 25 or newer (its release file says ${version:-nothing})" >&2
  exit 1
fi
java="$LIMBER_JAVA_HOME/bin/java"
options="${LIMBER_JAVA_OPTS-$(sed -n 's/^LIMBER_JAVA_OPTS=//p' ops/java-opts.env)} ${LIMBER_JAVA25_OPTS-$(sed -n 's/^LIMBER_JAVA25_OPTS=//p' ops/java-opts.env)}"

for module in "$@"; do
  app="$module/target/quarkus-app"
  if [[ ! -f "$app/quarkus-run.jar" ]]; then
    echo "$app/quarkus-run.jar is missing: package $module first" >&2
    exit 1
  fi
  echo "    $module: AOT cache with JDK $version"
  # From the jar's directory: the cache records the class path relative to it. -Xshare:auto, not the AppCDS
  # archive: the cache takes the archive's place. The training's output goes to a log beside the cache.
  # shellcheck disable=SC2086
  if ! (cd "$app" && "$java" $options -XX:AOTCacheOutput=app.aot -Dquarkus.appcds.generate=true \
          -jar quarkus-run.jar > app.aot.log 2>&1) || [[ ! -f "$app/app.aot" ]]; then
    echo "The AOT cache of $module was not written; see $app/app.aot.log" >&2
    rm -f "$app/app.aot"
    exit 1
  fi
  echo "$java" > "$app/app.aot.java"
done
