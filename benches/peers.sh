#!/usr/bin/env bash
# The engine against the peers, in one run on one machine: generates the peers' tender, converts
# it to a case directory of JSON bid files, runs the numpy float64 runner and `tender evaluate`
# (whole process, wall clock and peak memory, five runs each, interleaved), times the engine warm on
# the same tender (divan): the competition on bids prepared once (`Prepared::evaluate`, as numpy's
# `score` on the arrays its `prep` built once) and `evaluate_with(…, Detail::Figures)` (prepare and
# competition), runs the engine
# on 20,000 bids in one lot (growth), checks the engine's rows against the exact oracle with
# `compare.py`, and prints the ratios.
#
#   benches/peers.sh                      # default tender: 5 lots x 1000 bids x 50 criteria x 3
#   SIZE=small RUNS=3 benches/peers.sh    # gen_tender.py's other sizes
#
# Needs python3 with numpy (PYTHON=/path/to/python to choose one; `python3 -m venv /tmp/peers-venv
# && /tmp/peers-venv/bin/pip install "numpy==2.*"` makes one) and ../shared/peers beside the
# repository (PEERS=DIR to point elsewhere). Writes into WORK (a temporary directory by default).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
PYTHON=${PYTHON:-python3}
SIZE=${SIZE:-default}
RUNS=${RUNS:-5}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
TENDER_BIN=$ROOT/target/release/tender

[ -f "$PEERS/run_numpy_floor.py" ] || { echo "peers.sh: no peers in $PEERS (set PEERS=DIR)" >&2; exit 1; }
"$PYTHON" -c "import numpy" 2>/dev/null || { echo "peers.sh: $PYTHON has no numpy (set PYTHON=…)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "peers.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
(cd "$ROOT" && cargo build --release -q -p tender-cli)
(cd "$PEERS" && python3 gen_tender.py --size "$SIZE" --seed 1 -o "$WORK/tender.json" >/dev/null)
rm -rf "$WORK/case"
(cd "$PEERS" && python3 to_project.py convert "$WORK/tender.json" -o "$WORK/case" --bids json --decimals 10 \
    --id-tiebreak >/dev/null)
echo "== tender: $SIZE, $(find "$WORK/case/bids" -type f | wc -l) bid files, $(du -sh "$WORK/case/bids" | cut -f1)"

# Whole process: seconds and peak KB, the median of RUNS, numpy and the engine interleaved.
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
: >"$WORK/numpy.times"
: >"$WORK/engine.times"
# (Reset too: a WORK directory used before keeps the lines of earlier runs.)
: >"$WORK/numpy.timing"
: >"$WORK/engine.timing"
for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$WORK/t" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
        "$PYTHON" "$PEERS/run_numpy_floor.py" "$WORK/tender.json" -o "$WORK/out-numpy.json" \
        2>>"$WORK/numpy.timing"
    cat "$WORK/t" >>"$WORK/numpy.times"
    /usr/bin/time -f "%e %M" -o "$WORK/t" "$TENDER_BIN" evaluate "$WORK/case" --format json --timings \
        -o "$WORK/evaluation.json" 2>"$WORK/engine.stderr"
    cat "$WORK/t" >>"$WORK/engine.times"
    grep '^timings:' "$WORK/engine.stderr" >>"$WORK/engine.timing"
done
numpy_s=$(cut -d' ' -f1 "$WORK/numpy.times" | median)
numpy_kb=$(cut -d' ' -f2 "$WORK/numpy.times" | median)
engine_s=$(cut -d' ' -f1 "$WORK/engine.times" | median)
engine_kb=$(cut -d' ' -f2 "$WORK/engine.times" | median)
# numpy's own scoring times (seconds): cold is each run's one call (median of RUNS); warm the
# fastest of 20 more calls in one process, as divan's 20 samples for the engine.
numpy_cold=$(grep -o ' score_s=[0-9.e-]*' "$WORK/numpy.timing" | cut -d= -f2 | median)
numpy_prep=$(grep -o 'prep_s=[0-9.e-]*' "$WORK/numpy.timing" | cut -d= -f2 | median)
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PYTHON" "$PEERS/run_numpy_floor.py" "$WORK/tender.json" \
    -o "$WORK/out-numpy.json" --repeat 21 2>"$WORK/numpy.warm"
numpy_warm=$(grep -o 'score_warm_s=[0-9.e-]*' "$WORK/numpy.warm" | cut -d= -f2)
engine_eval=$(sed 's/.*evaluate \([0-9.]*\) s.*/\1/' "$WORK/engine.timing" | median)
engine_prep=$(sed 's/.*prepare \([0-9.]*\) s.*/\1/' "$WORK/engine.timing" | median)

# Warm: the engine on the same tender, fastest and median of 20 (divan): the competition on
# prepared bids, and prepare + competition.
benches=$(cd "$ROOT" && TENDER_BENCH_CASE="$WORK/case" cargo bench -q -p tender-score --bench evaluate -- figures prepared \
    2>/dev/null)
to_s() { awk '{ v = $1; u = $2; f = (u == "ms") ? 1e-3 : (u == "µs" || u == "us") ? 1e-6 : (u == "ns") ? 1e-9 : 1; printf "%.6f", v * f }'; }
fastest() { echo "$benches" | grep "$1" | awk -F'│' '{ print $1 }' | awk '{ print $(NF-1), $NF }' | to_s; }
median_of() { echo "$benches" | grep "$1" | awk -F'│' '{ print $3 }' | awk '{ print $1, $2 }' | to_s; }
warm_fastest=$(fastest prepared_)
warm_median=$(median_of prepared_)
whole_fastest=$(fastest figures_)
whole_median=$(median_of figures_)

# Exactness: the engine's rows against the exact oracle (and numpy's, for reference).
(cd "$PEERS" && python3 to_project.py rows "$WORK/evaluation.json" -o "$WORK/out-engine.json" 2>/dev/null)
compare=$(cd "$PEERS" && "$PYTHON" compare.py "$WORK/tender.json" "$WORK/out-engine.json" 2>&1 | tail -n 3)

# Growth: the same criteria and evaluators with 20,000 bids in one lot (LINEAR=0 skips it), whole
# process, median of RUNS, against the default tender's figures above.
if [ "${LINEAR:-1}" != 0 ] && [ "$SIZE" = default ]; then
    (cd "$PEERS" && python3 gen_tender.py --lots 1 --bids 20000 --seed 1 -o "$WORK/tender20k.json" >/dev/null)
    rm -rf "$WORK/case20k"
    (cd "$PEERS" && python3 to_project.py convert "$WORK/tender20k.json" -o "$WORK/case20k" --bids json \
        --decimals 10 --id-tiebreak >/dev/null)
    : >"$WORK/engine20k.times"
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$WORK/t" "$TENDER_BIN" evaluate "$WORK/case20k" --format json \
            -o "$WORK/evaluation20k.json" 2>/dev/null
        cat "$WORK/t" >>"$WORK/engine20k.times"
    done
    big_s=$(cut -d' ' -f1 "$WORK/engine20k.times" | median)
    big_kb=$(cut -d' ' -f2 "$WORK/engine20k.times" | median)
fi

json_bytes=$(stat -c %s "$WORK/evaluation.json")
bids_bytes=$(find "$WORK/case/bids" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cat <<EOF
== results (median of $RUNS runs; warm: divan, 20 samples)
numpy float64 scoring, warm / cold:          $(ratio "$numpy_warm" 0.001) ms / $(ratio "$numpy_cold" 0.001) ms
numpy prep (arrays from the tender), cold:   $(ratio "$numpy_prep" 0.001) ms
engine competition on prepared bids, warm fastest / median: $(ratio "$warm_fastest" 0.001) ms / $(ratio "$warm_median" 0.001) ms
engine prepare + competition (evaluate_with), warm fastest / median: $(ratio "$whole_fastest" 0.001) ms / $(ratio "$whole_median" 0.001) ms
engine evaluate phase of the CLI (cold):     $(ratio "$engine_eval" 0.001) ms (prepare phase $(ratio "$engine_prep" 0.001) ms)
numpy whole process:                         ${numpy_s} s, ${numpy_kb} KB peak
engine whole process (tender evaluate):      ${engine_s} s, ${engine_kb} KB peak
engine phases, last run:                     $(tail -n 1 "$WORK/engine.timing")
JSON result / bid files:                     ${json_bytes} / ${bids_bytes} bytes
ratio warm competition / numpy warm score:  $(ratio "$warm_median" "$numpy_warm") (median), $(ratio "$warm_fastest" "$numpy_warm") (fastest)
ratio warm evaluate_with / numpy warm score: $(ratio "$whole_median" "$numpy_warm") (median)
ratio cold evaluate phase / numpy cold score: $(ratio "$engine_eval" "$numpy_cold")
ratio cold prepare phase / numpy cold prep:  $(ratio "$engine_prep" "$numpy_prep")
ratio whole process engine / numpy:          $(ratio "$engine_s" "$numpy_s")
ratio JSON result / bid files:               $(ratio "$json_bytes" "$bids_bytes")
$(if [ -n "${big_s:-}" ]; then
    echo "engine, 20,000 bids in one lot:              ${big_s} s, ${big_kb} KB peak"
    echo "ratio 20,000 in one lot / default tender:    $(ratio "$big_s" "$engine_s") (time), $(ratio "$big_kb" "$engine_kb") (memory)"
fi)
compare.py (engine against the exact oracle):
$compare
EOF
echo "(files in $WORK)"
