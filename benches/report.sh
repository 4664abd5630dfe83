#!/usr/bin/env bash
# The report path as issue 14 measures it: a brainstorm session of 25 answers plus 2,000 and
# 20,000 ideas (each voted on, one in fifty parked), rendered to Markdown by the release binary.
# Prints the median CPU time (user + system) and the peak memory of RUNS runs of each.
# Usage: benches/report.sh [runs]   (the phases inside one run: cargo bench --bench report -- FILE)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin labkit
bin=$PWD/target/release/labkit
RUNS=${1:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && "$bin" run brainstorm --answers "$OLDPWD/tests/fixtures/answers/brainstorm.yaml" \
  --session base.yaml >/dev/null 2>&1)
# big_session.py sizes by megabytes: these give 2,054 and 21,069 ideas.
python3 benches/big_session.py "$work/base.yaml" 0.54 >"$work/ideas-2k.yaml"
python3 benches/big_session.py "$work/base.yaml" 5.4 >"$work/ideas-20k.yaml"

# CPU from getrusage (microseconds; /usr/bin/time rounds to 10 ms), peak memory as max RSS.
python3 - "$bin" "$work" "$RUNS" <<'PY'
import resource, statistics, subprocess, sys
bin, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
for name in ["ideas-2k", "ideas-20k"]:
    cpu, peak = [], 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([bin, "report", f"{work}/{name}.yaml", "-o", f"{work}/{name}.md",
                        "--force", "-q"], check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        peak = max(peak, after.ru_maxrss)
    print(f"labkit report {name}.yaml -o {name}.md: median CPU {statistics.median(cpu) * 1000:.1f} ms "
          f"(min {min(cpu) * 1000:.1f}), peak {peak / 1024:.1f} MB, {runs} runs")
PY
echo "Markdown out: $(wc -c <"$work/ideas-2k.md") and $(wc -c <"$work/ideas-20k.md") bytes"
