#!/usr/bin/env bash
# Refits the rule engine's polarity layer (RuleEngine.POLARITY_WEIGHTS) on VADER's rated tweets
# (ship-ok) and prints the Java array to paste into RuleEngine.java.
# usage: scripts/fit-polarity-layer.sh [DATA_DIR]   (default ../shared/data; work files in $CK_WORK, default /tmp/ck-data)
# needs python3 with numpy, and Maven (downloads the dependency plugin on first use)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/data}"
D="${CK_WORK:-/tmp/ck-data}"
python3 "$root/scripts/classifier-data.py" "$data" "$D" >/dev/null
cd "$root"
mvn -B -q -pl crisis-core test-compile
cp="$(mvn -B -q -pl crisis-core org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
java -cp "crisis-core/target/classes:crisis-core/target/test-classes:$cp" org.crisiskit.classify.PolarityLayerDump \
  "$D/vader-tweets.jsonl" "$D/polarity-layer-inputs.tsv"
python3 "$root/scripts/fit-polarity-layer.py" "$D/polarity-layer-inputs.tsv"
