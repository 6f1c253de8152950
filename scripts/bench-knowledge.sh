#!/usr/bin/env bash
# Answer quality and speed of the knowledge engine on the public benchmark sets and the sample knowledge base:
# the table in docs/knowledge.md. Every set runs lexical and hybrid (kb eval --retrieval); one row per set prints the two
# side by side (lexical / hybrid). The full JSON of each run is kept in data/bench-knowledge/<set>.<retrieval>.json.
#   scripts/bench-knowledge.sh [SET...]     (all sets: about 2 minutes lexical on 2 cores, more with the encoder)
#   SSB_RETRIEVAL=lexical scripts/bench-knowledge.sh    (one column only: lexical or hybrid)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH="${SSB_BENCHMARKS:-../shared/benchmarks}"
OUT=data/bench-knowledge
RETRIEVALS="${SSB_RETRIEVAL:-lexical hybrid}"
mkdir -p "$OUT"
dotnet build src/SelfServiceBot.Web -c Release -v quiet -nologo | tail -n 1
KB="dotnet src/SelfServiceBot.Web/bin/Release/net10.0/SelfServiceBot.Web.dll kb eval"

# name, kb, cases, locale. There are no held-out test sets under $BENCH (BANKING77's dev is the train questions not in
# the 10-shot KB; CLINC150's val); rows for them go here when they exist.
SETS=(
  "banking77-10shot|$BENCH/banking77/kb-10shot.jsonl|$BENCH/banking77/dev.jsonl|en"
  "clinc150-full|$BENCH/clinc150/kb-full.jsonl|$BENCH/clinc150/val.jsonl|en"
  "clinc150-10shot|$BENCH/clinc150/kb-10shot.jsonl|$BENCH/clinc150/val.jsonl|en"
  "sample-en|knowledgebase|knowledgebase/eval/en.jsonl|en"
  "sample-zh-CN|knowledgebase|knowledgebase/eval/zh-CN.jsonl|zh-CN"
  "sample-zh-CN-typos|knowledgebase|knowledgebase/eval/zh-CN-typos.jsonl|zh-CN"
)

names=()
for set in "${SETS[@]}"; do
  IFS='|' read -r name kb cases locale <<<"$set"
  if [ $# -gt 0 ] && [[ ! " $* " == *" $name "* ]]; then continue; fi
  names+=("$name")
  for retrieval in $RETRIEVALS; do
    $KB --kb "$kb" --cases "$cases" --locale "$locale" --retrieval "$retrieval" --sweep --json 2>"$OUT/$name.$retrieval.err" \
      > "$OUT/$name.$retrieval.json" || { echo "$name ($retrieval) failed:" >&2; cat "$OUT/$name.$retrieval.err" >&2; exit 1; }
  done
done

python3 - "$OUT" "$RETRIEVALS" "${names[@]}" <<'PY'
import json, os, sys
out, retrievals, names = sys.argv[1], sys.argv[2].split(), sys.argv[3:]
measures = ["top1", "top3", "answered_correct", "wrong_answer", "oos_handoff", "reachable", "p50_ms", "p99_ms", "index_ms"]
def cell(d, k):
    v = d.get(k) if d else None
    if v is None: return "-"
    if k == "index_ms": return f"{v / 1000:.1f}s"
    return f"{v:.2f}" if k.endswith("_ms") else f"{v:.3f}"
width = 6 * len(retrievals) + 2 * (len(retrievals) - 1) + 1
print(f"{'set':<20} {'cases':>5}  " + "  ".join(f"{m.replace('_ms', ''):>{width}}" for m in measures))
print(f"{'':<20} {'':>5}  " + "  ".join(f"{' / '.join(r[:3] for r in retrievals):>{width}}" for _ in measures))
for name in names:
    runs = {}
    for r in retrievals:
        path = os.path.join(out, f"{name}.{r}.json")
        runs[r] = json.load(open(path)) if os.path.getsize(path) else None
    first = next(d for d in runs.values() if d)
    row = [" / ".join(f"{cell(runs[r], m):>6}" for r in retrievals) for m in measures]
    print(f"{name:<20} {first['cases']:>5}  " + "  ".join(f"{c:>{width}}" for c in row))
    for r, d in runs.items():
        if d and d.get("retrieval") != r:
            print(f"  {name}: asked {r}, ran {d.get('retrieval')}", file=sys.stderr)
    notes = sorted({l.strip() for r in retrievals for l in open(os.path.join(out, f"{name}.{r}.err"), encoding="utf-8", errors="replace")
                    if l.startswith("retrieval:")})
    for n in notes: print(f"  {name}: {n}")
PY
