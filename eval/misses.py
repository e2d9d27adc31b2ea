#!/usr/bin/env python3
"""Lists what the scorer counts wrong, by cause, for failure analysis.

usage: misses.py GOLD_DIR OUT_DIR [--doc NAME]

Matches like score.py (strict first, then loose). For every gold line left unmatched, finds the
prediction with the same value and says which fields differ (year, kind, max, unit, code); a gold
line with no prediction of its value is "missed". Every prediction left over is "extra".
Prints one line per miss, then counts by cause.
"""
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402


def diff(g, p):
    causes = []
    gy = g.get("year")
    if gy != p["year"]:
        causes.append(f"year {gy}->{p['year']}")
    if (g.get("kind") or "target") != p["kind"]:
        causes.append(f"kind {g.get('kind') or 'target'}->{p['kind']}")
    if not score.same_num(g.get("max"), p["max"]):
        causes.append(f"max {g.get('max')}->{p['max']}")
    if score.unit_class(g.get("unit")) != score.unit_class(p["unit"]):
        causes.append(f"unit {g.get('unit')}->{p['unit']}")
    if not causes and not score.code_ok(g, p):
        causes.append(f"code {g.get('codes')}->{p['code']}")
    return causes


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    only = argv[argv.index("--doc") + 1] if "--doc" in argv else None
    if only:
        args = [a for a in args if a != only]
    gold_dir, out_dir = args
    counts = collections.Counter()
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".gold.jsonl"):
            continue
        stem = name[: -len(".gold.jsonl")]
        if only and only not in stem:
            continue
        with open(os.path.join(gold_dir, name), encoding="utf-8") as f:
            gold = [json.loads(l) for l in f if l.strip()]
        gold = [g for g in gold if not g.get("unreadable")]
        pp = os.path.join(out_dir, stem + ".json")
        pred = [p for p in (score.load_pred(pp) if os.path.exists(pp) else []) if p["value"] is not None]
        pairs = score.match(gold, pred)
        strict_g = {gi for gi, _, s in pairs if s}
        used_p = {pi for _, pi, s in pairs if s}
        print(f"== {stem}")
        for gi, g in enumerate(gold):
            if gi in strict_g:
                continue
            same = [pi for pi, p in enumerate(pred) if pi not in used_p and score.same_num(g.get("value"), p["value"])]
            if same:
                pi = min(same, key=lambda i: len(diff(g, pred[i])))
                used_p.add(pi)
                causes = diff(g, pred[pi])
                for c in causes:
                    counts[c.split(" ")[0]] += 1
                print(f"  WRONG {g.get('value')} {g.get('unit')} y={g.get('year')} {g.get('kind') or 'target'}: "
                      f"{'; '.join(causes)} | {g.get('text', '')[:60]} | {pred[pi]['text'][:70]}")
            else:
                counts["missed"] += 1
                print(f"  MISSED {g.get('value')} {g.get('unit')} y={g.get('year')} {g.get('kind') or 'target'} "
                      f"| {g.get('text', '')[:60]} | {g.get('line', '')[:70]}")
        for pi, p in enumerate(pred):
            if pi not in used_p:
                counts["extra"] += 1
                print(f"  EXTRA {p['value']} {p['unit']} y={p['year']} {p['kind']} code={p['code']} | {p['text'][:90]}")
    print("== causes: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
