#!/usr/bin/env bash
# Answer quality and speed of the knowledge engine on the public benchmark sets and the sample knowledge base:
# the table in docs/knowledge.md. Prints one line per set; the full JSON of each run is kept in data/bench-knowledge/.
#   scripts/bench-knowledge.sh            (about 2 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH="${SSB_BENCHMARKS:-../shared/benchmarks}"
OUT=data/bench-knowledge
mkdir -p "$OUT"
dotnet build src/SelfServiceBot.Web -c Release -v quiet -nologo | tail -n 1
KB="dotnet src/SelfServiceBot.Web/bin/Release/net10.0/SelfServiceBot.Web.dll kb eval"

run() { # name, kb, cases, locale
  $KB --kb "$2" --cases "$3" --locale "$4" --sweep --json 2>/dev/null > "$OUT/$1.json"
  python3 - "$1" "$OUT/$1.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[2]))
f = lambda k: "-" if d[k] is None else (f"{d[k]:.3f}" if isinstance(d[k], float) else str(d[k]))
print(f"{sys.argv[1]:<22} cases {d['cases']:>5}  top1 {f('top1')}  top3 {f('top3')}  answered_correct {f('answered_correct')}  "
      f"wrong_answer {f('wrong_answer')}  oos_handoff {f('oos_handoff')}  reachable {f('reachable')}  oos_clarify {f('oos_clarify')}  p50_ms {d['p50_ms']}  p99_ms {d['p99_ms']}  index_ms {d['index_ms']}")
PY
}

run banking77-10shot "$BENCH/banking77/kb-10shot.jsonl" "$BENCH/banking77/dev.jsonl" en
run clinc150-full "$BENCH/clinc150/kb-full.jsonl" "$BENCH/clinc150/val.jsonl" en
run sample-en knowledgebase knowledgebase/eval/en.jsonl en
run sample-zh-CN knowledgebase knowledgebase/eval/zh-CN.jsonl zh-CN
run sample-zh-CN-typos knowledgebase knowledgebase/eval/zh-CN-typos.jsonl zh-CN
