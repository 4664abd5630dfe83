#!/usr/bin/env bash
# Start-to-exit timings of the release binary for the numbers the issues set
# (list < 10 ms, list over 1,000 workspace methods < 100 ms, --help < 5 ms, calc < 5 ms,
# assign 1,000,000 rows < 2 s and < 500 MB). Usage: benches/cli.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/labkit
runs=${1:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Mean wall time in milliseconds of `runs` runs of the command.
time_ms() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
  end=$(date +%s%N)
  echo "scale=2; ($end - $start) / 1000000 / $runs" | bc
}

echo "labkit --help:                      $(time_ms "$bin" --help) ms"
echo "labkit list (built-ins):            $(time_ms "$bin" list) ms"
echo "labkit calc sample-size:            $(time_ms "$bin" calc sample-size --baseline 0.5 --target 0.75 --power 0.9) ms"
(cd "$work" && echo "labkit run test-card --answers:      $(time_ms "$bin" run test-card --answers "$OLDPWD/tests/fixtures/answers/test-card.yaml") ms (whole process, session written)")

# A workspace of 1,000 realistic method files (a copy of a built-in under new ids).
mkdir -p "$work/ws/methods"
echo "lab: Bench Lab" > "$work/ws/labkit.yaml"
for i in $(seq 1000); do
  sed "s/^id: test-card$/id: bench-$i/" methods/test-card.yaml > "$work/ws/methods/bench-$i.yaml"
done
cold() { # one run with an empty cache, in ms
  local start end; start=$(date +%s%N)
  LABKIT_CACHE_DIR="$(mktemp -d)" "$bin" list >/dev/null 2>&1
  end=$(date +%s%N); echo "scale=2; ($end - $start) / 1000000" | bc
}
(cd "$work/ws" && echo "labkit list (1,000 workspace files): $(time_ms "$bin" list) ms warm cache, $(cold) ms cold (first run parses every file)")

# assign: 1,000,000 rows with two strata columns.
python3 - "$work/units.csv" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], "w") as f:
    f.write("id,region,age_band,name\n")
    regions = ["north", "centre", "lisbon", "alentejo", "algarve"]
    bands = ["18-34", "35-64", "65+"]
    for i in range(1_000_000):
        f.write(f"{i},{random.choice(regions)},{random.choice(bands)},person {i}\n")
PY
/usr/bin/time -f "labkit assign 1,000,000 rows:       %e s, peak %M KB" \
  "$bin" assign "$work/units.csv" --arms control,treatment --stratify region --stratify age_band \
  --id id --seed 1 -o "$work/out.csv" -q
