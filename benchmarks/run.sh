#!/usr/bin/env bash
# Builds the JMH jar, runs the benchmarks and prints the Markdown report.
#
#   benchmarks/run.sh                                    # everything but the 10,000 x 10,000 GPU-path case
#   benchmarks/run.sh GpuPathBenchmark.batch10k          # that case alone (needs about 12 GB of heap)
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
if [ "$#" -eq 0 ]; then
  # The 10,000 x 10,000 case holds 800 MB per array and runs with a 12 GB heap: only on request.
  set -- -e 'GpuPathBenchmark.batch10k'
fi
java -jar "$jar" -rf json -rff "$results" "$@"
echo
java -cp "$jar" dev.candela.benchmarks.BenchmarkReport "$results"
