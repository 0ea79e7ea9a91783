#!/usr/bin/env python3
"""Grades the running bot on multi-turn conversations over the chat HTTP API, per kind.

Each line of the batch is JSON: {"turns": ["...", "..."], "expect": ["topic.id", ...], "kind": "..."}.
Only the last turn is graded, on the first answer, menu or fallback message of its reply:
  ["fallback"]   right when the reply is the fallback
  ["smalltalk"]  right when the reply is a small-talk node (answerId smalltalk.*)
  otherwise      right when the reply names one of the expected nodes (a did-you-mean never counts)
Each case gets a fresh conversation; with --alone the same last turns are also sent alone, each in a fresh
conversation, so the gain from context shows beside the score.

usage: grade_multiturn.py BATCH.jsonl [--base http://127.0.0.1:7070] [--show-misses] [--dump OUT.json]
"""
import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "knowledge-base", "eval"))
from grade_chat import GRADED, post  # noqa: E402  (the single-turn grader's HTTP client)


def converse(base, turns):
    session = post(base, "/api/chat/sessions", {})["sessionId"]
    reply = {}
    for text in turns:
        reply = post(base, f"/api/chat/sessions/{session}/messages", {"text": text})
    graded = next((m for m in reply.get("messages", []) if m.get("type") in GRADED), {})
    return graded.get("type"), graded.get("answerId")


def right(expect, kind, answer_id):
    if expect == ["fallback"]:
        return kind == "fallback" or answer_id == "fallback"
    if expect == ["smalltalk"]:
        return bool(answer_id) and answer_id.startswith("smalltalk.")
    return answer_id in expect


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("batch")
    parser.add_argument("--base", default="http://127.0.0.1:7070")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--dump")
    args = parser.parse_args()
    cases = [json.loads(line) for line in open(args.batch, encoding="utf-8") if line.strip()]
    per_kind = collections.defaultdict(lambda: [0, 0, 0])
    results = []
    for case in cases:
        kind, answer_id = converse(args.base, case["turns"])
        alone_kind, alone_id = converse(args.base, case["turns"][-1:])
        ok = right(case["expect"], kind, answer_id)
        ok_alone = right(case["expect"], alone_kind, alone_id)
        k = per_kind[case.get("kind", "?")]
        k[0] += ok
        k[1] += ok_alone
        k[2] += 1
        results.append({**case, "got": answer_id, "alone": alone_id, "right": ok, "rightAlone": ok_alone})
        if args.show_misses and not ok:
            print(f"MISS [{case.get('kind')}] {case['turns']}: want {case['expect']}, got {answer_id}")
    total = [sum(v[i] for v in per_kind.values()) for i in range(3)]
    print(f"overall {total[0]}/{total[2]} ({total[0] / max(total[2], 1):.3f}); last turns alone "
          f"{total[1]}/{total[2]} ({total[1] / max(total[2], 1):.3f})")
    for name in sorted(per_kind):
        v = per_kind[name]
        print(f"  {name:<14} {v[0]:>3}/{v[2]:<3} {v[0] / v[2]:.3f}   alone {v[1]:>3}/{v[2]:<3} {v[1] / v[2]:.3f}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            json.dump(results, out, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
