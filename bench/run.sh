#!/bin/sh
# Mailwire benchmark (issue 7): builds what it needs, starts its own servers on 127.0.0.1 (smtp-sink, a private
# Postfix), runs every scenario in one JVM (the round-trip group through delay links to Postfix included), and writes
# docs/performance.md. About 20 minutes on 2 cores.
# Needs root (the private Postfix does) and Debian's postfix package (installed on first use if missing).
#
#   bench/run.sh                      full run, writes docs/performance.md
#   bench/run.sh --quick              every scenario briefly, writes bench/target/performance.md
#   bench/run.sh --only='Vert.x'      a subset (regex on scenario names), writes bench/target/performance.md
#   BENCH_JAVA_OPTS='-XX:StartFlightRecording=filename=bench.jfr' bench/run.sh --only=...   profile a subset
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# The bench and the modules it runs against, built from this tree in one reactor: their jars in each target/ go on
# the classpath, nothing is installed into ~/.m2 (where other builds would pick them up). Tests compiled but not run
# (-DskipTests, not maven.test.skip: mail-cdi's tests use mailwire-jca's test-jar, which must be built; the bench's
# own run with `./mvnw -Pbench -pl bench -am test`); sources are not reformatted.
# In the background, waited for: sh runs no trap while a foreground child runs, so a SIGTERM or Ctrl-C would end this
# script and leave Maven building on its own.
./mvnw -B -q -Pbench -pl bench -am package dependency:build-classpath -DskipTests \
  -Dspotless.apply.skip=true -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime &
build=$!
trap 'kill "$build" 2>/dev/null; exit 143' TERM
trap 'kill "$build" 2>/dev/null; exit 130' INT
wait "$build"
trap - TERM INT

if [ "$#" -eq 0 ]; then
  set -- --report="$ROOT/docs/performance.md"
else
  set -- --report="$ROOT/bench/target/performance.md" "$@" # a later --report wins
fi
CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"
# Each JVM in the background, waited for, as the build above: a SIGTERM or Ctrl-C ends it with this script.
run() {
  "$@" &
  child=$!
  trap 'kill "$child" 2>/dev/null; exit 143' TERM
  trap 'kill "$child" 2>/dev/null; exit 130' INT
  wait "$child"
}
status=0
# A fixed heap, so GC sizing does not differ between runs; the P5 child is forked with -Xmx64m by the bench.
run java -Xms2g -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$CP" \
  dev.mailwire.bench.BenchMain --work="$ROOT/bench/target/bench-work" "$@" || status=$?
# Then what DKIM signing costs per mail (issue 13), with the same options, as a section of the same report (about
# one to two minutes; skipped by an --only that does not match "DKIM signing cost per mail").
run java -cp "$CP" dev.mailwire.bench.dkim.DkimSigningCost "$@" || status=$?
exit "$status"
