#!/usr/bin/env python3
"""Writes a large but realistic brainstorm session: a real session's head and method copy,
with N ideas of about 110 characters, a dot vote on each, some parked ideas and a shortlist.
Used to measure `labkit report` against the size limits (docs/security.md).

Usage: benches/big_session.py SESSION.yaml MB [WORDS] > BIG.yaml  (WORDS per idea, default 14;
2 gives many short ideas, the costliest shape per byte)
SESSION.yaml is a finished brainstorm session, e.g. from
`labkit run brainstorm --answers tests/fixtures/answers/brainstorm.yaml --session s.yaml`.
"""
import random
import sys

src, mb = sys.argv[1], float(sys.argv[2])
per_idea = int(sys.argv[3]) if len(sys.argv) > 3 else 14
text = open(src, encoding="utf-8").read()
head, rest = text.split("\nanswers:\n", 1)
copy = rest[rest.index("\nmethod_copy:"):]
rnd = random.Random(12)
words = ("residents parish pickup furniture mattress collection truck depot charity reuse "
         "market appointment reminder booking neighbours street bulky waste recycling fridge "
         "sofa online phone elderly volunteers schedule route map notice sticker").split()


def idea(i):
    line = " ".join(rnd.choice(words) for _ in range(per_idea)).capitalize()
    return f"{line} (idea {i})"


budget = int(mb * 1024 * 1024) - len(head) - len(copy)
# Each idea appears as an idea and as a vote key (and one in fifty as parked).
n = max(1, budget // (2 * (len(idea(0)) + 8) + 4))
ideas = [idea(i) for i in range(n)]
out = [head, "\nanswers:\n"]
out.append("  challenge: How might we make it easy for residents to get rid of old furniture?\n")
out.append("  rules_agreed: true\n  ideas:\n")
out.extend(f"  - {x}\n" for x in ideas)
out.append("  provocations_used:\n  - no_budget\n  - opposite\n  parked:\n")
out.extend(f"  - {x}\n" for x in ideas[: n // 50])
out.append("  idea_votes:\n")
out.extend(f"    {x}: {rnd.randint(0, 6)}\n" for x in ideas)
out.append("  shortlist:\n")
out.extend(f"  - {x}\n" for x in ideas[:5])
out.append("  shortlist_rank:\n")
out.extend(f"  - {x}\n" for x in ideas[:5])
out.append("  next_steps:\n")
for x in ideas[:5]:
    out.append(f"  - idea: {x}\n    action: Ask the fleet manager\n    owner: Sofia Almeida\n"
               "    due: 2026-10-30\n")
out.append(copy)
sys.stdout.write("".join(out))
