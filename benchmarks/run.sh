#!/usr/bin/env bash
# Builds the JMH jar, runs the benchmarks and prints the Markdown report.
#
#   benchmarks/run.sh                                    # everything (about 15 minutes on 2 cores)
#   benchmarks/run.sh SingleSeriesBenchmark              # one class
#   benchmarks/run.sh BatchBenchmark -p indicator=rsi    # any JMH option narrows the run
#
# Arguments go to JMH after the result-file options (java -jar benchmarks.jar -h lists them).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

jar=benchmarks/target/benchmarks.jar
results=benchmarks/target/results.json

./mvnw -q -B -DskipTests -pl benchmarks -am package
rm -f "$results"
java -jar "$jar" -rf json -rff "$results" "$@"
echo
java -cp "$jar" dev.candela.benchmarks.BenchmarkReport "$results"
