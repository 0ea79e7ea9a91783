#!/usr/bin/env python3
"""Grades the running bot on a question batch over the chat HTTP API, per kind.

Each line of the batch is JSON: {"q": "...", "expect": ["topic.id", ...], "kind": "..."}; out-of-scope
questions expect ["fallback"]. Every question gets a fresh conversation. A reply is one of:
  answer   the first answer or menu message names a node (right when it is expected)
  dym      a "did you mean" menu (never right; its options are noted, first and anywhere)
  fallback the fallback message (right only for out-of-scope questions)
For out-of-scope questions it also counts the confident answers (an answer or menu, not a did-you-mean).

usage: grade_chat.py BATCH.jsonl [--base http://127.0.0.1:7070] [--show-misses] [--dump OUT.json]
"""
import argparse
import collections
import json
import sys
import urllib.request

GRADED = ("answer", "menu", "fallback")


def post(base, path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode("utf-8"),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def ask(base, question):
    session = post(base, "/api/chat/sessions", {})["sessionId"]
    reply = post(base, f"/api/chat/sessions/{session}/messages", {"text": question})
    graded = next((m for m in reply.get("messages", []) if m.get("type") in GRADED), {})
    answer_id = graded.get("answerId")
    if answer_id == "did-you-mean":
        options = [o.get("target") or o.get("id") for o in graded.get("options", [])]
        return "dym", options
    if graded.get("type") == "fallback" or answer_id == "fallback":
        return "fallback", []
    return "answer", [answer_id]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("batch")
    parser.add_argument("--base", default="http://127.0.0.1:7070")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--dump")
    args = parser.parse_args()

    cases = [json.loads(line) for line in open(args.batch, encoding="utf-8") if line.strip()]
    per_kind = collections.defaultdict(lambda: [0, 0])
    in_right = in_total = out_right = out_total = out_confident = dym_right_first = dym_right_any = 0
    results = []
    for case in cases:
        outcome, ids = ask(args.base, case["q"])
        out_of_scope = case["expect"] == ["fallback"]
        right = (outcome == "fallback") if out_of_scope else (outcome == "answer" and ids[0] in case["expect"])
        kind = case.get("kind", "?")
        per_kind[kind][0] += right
        per_kind[kind][1] += 1
        if out_of_scope:
            out_total += 1
            out_right += right
            out_confident += outcome == "answer"
        else:
            in_total += 1
            in_right += right
            if outcome == "dym":
                dym_right_first += bool(ids) and ids[0] in case["expect"]
                dym_right_any += any(i in case["expect"] for i in ids)
        results.append({"q": case["q"], "kind": kind, "expect": case["expect"], "outcome": outcome, "ids": ids,
                        "right": right})
        if args.show_misses and not right:
            print(f"MISS [{kind}] {case['q']!r}: want {case['expect']}, got {outcome} {ids}")

    print(f"in-scope {in_right}/{in_total} ({in_right / max(in_total, 1):.3f}); "
          f"out-of-scope to the fallback {out_right}/{out_total} ({out_right / max(out_total, 1):.3f}), "
          f"answered confidently {out_confident}")
    print(f"in-scope misses that are a did-you-mean with the right answer: first {dym_right_first}, "
          f"anywhere {dym_right_any}")
    for kind in sorted(per_kind):
        right, total = per_kind[kind]
        print(f"  {kind:14s} {right:3d}/{total:3d}  {right / total:.3f}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            json.dump(results, out, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
