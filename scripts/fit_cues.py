#!/usr/bin/env python3
"""Fit weights for the named cues of the reader's figures on labelled sets, and calibrate an abstain margin
on a set not fitted on.

Each figure the reader states carries the names of the cues that gave it its role (`parse --json`
evidence). This script reads every message of the fit folders, marks each stated figure right or wrong
against its label, fits a logistic regression over the cue names (plain Python, no dependencies), then
scores the figures of the calibration folder and prints, for each margin, how many wrong figures would be
left out and how many right ones with them. It answers whether weighing cues would abstain on the wrong
figures the rules still give without losing many right ones; it changes nothing in the reader.

    .venv/bin/python scripts/fit_cues.py --fit tests/reading/set1 tests/reading/setA --calibrate tests/reading/setB
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from mailbot.configfile import load_config
from mailbot.pipeline import Rules, read_within_limits
from mailbot.reader.verdict import QUANTITY_FIELDS
from mailbot.scoring import load_labels


def cue_features(field: str, cues: tuple[str, ...] | list[str]) -> list[str]:
    """The features of one figure: its field, and each cue name without its free text ("table_column")."""
    feats = [f"field:{field}"]
    for cue in cues:
        name, _, detail = cue.partition(":")
        feats.append(name if name in ("table_column", "row_label", "keyword_before", "keyword_after") else cue)
        if name in ("keyword_before", "keyword_after"):
            feats.append(f"{field}|{name}")
    return feats


def figures(folder: Path, rules: Rules) -> list[tuple[list[str], bool, str]]:
    """(features, right, where) for every figure the reader states in the folder's messages."""
    labels, corpus = load_labels(folder)
    out = []
    for name, want in sorted(labels.items()):
        verdict = read_within_limits((corpus / name).read_bytes(), rules)
        for ev in verdict.evidence:
            if ev.field not in QUANTITY_FIELDS:
                continue
            out.append((cue_features(ev.field, ev.cues), want.get(ev.field) == ev.value, f"{folder.name}/{name}"))
    return out


def fit(
    data: list[tuple[list[str], bool, str]], epochs: int = 300, rate: float = 0.1, l2: float = 0.01
) -> dict[str, float]:
    """Logistic regression by gradient descent: the weight of each feature toward a right figure."""
    weights: dict[str, float] = {"bias": 0.0}
    for feats, _, _ in data:
        for f in feats:
            weights.setdefault(f, 0.0)
    for _ in range(epochs):
        grad = dict.fromkeys(weights, 0.0)
        for feats, right, _ in data:
            p = 1 / (1 + math.exp(-score(weights, feats)))
            err = p - (1.0 if right else 0.0)
            grad["bias"] += err
            for f in feats:
                grad[f] += err
        for f in weights:
            weights[f] -= rate * (grad[f] / len(data) + l2 * weights[f])
    return weights


def score(weights: dict[str, float], feats: list[str]) -> float:
    return weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in feats)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", type=Path, nargs="+", required=True)
    parser.add_argument("--calibrate", type=Path, required=True)
    parser.add_argument("--config", type=Path, default=Path("config.toml"))
    parser.add_argument("--weights", type=Path, help="write the fitted weights here (JSON)")
    args = parser.parse_args()
    rules = Rules.of(load_config(args.config))
    train = [f for folder in args.fit for f in figures(folder, rules)]
    held = figures(args.calibrate, rules)
    weights = fit(train)
    wrong_fit = sum(1 for _, r, _ in train if not r)
    print(f"fit on {', '.join(str(f) for f in args.fit)}: {len(train)} figures, {wrong_fit} wrong")
    scored = sorted((score(weights, feats), right, where) for feats, right, where in held)
    wrong_held = [s for s in scored if not s[1]]
    print(f"calibrate on {args.calibrate}: {len(held)} figures, {len(wrong_held)} wrong")
    for s, _, where in wrong_held:
        print(f"  wrong figure in {where}: score {s:.2f}")
    # The least margin that leaves every wrong figure of the calibration set out, and what it costs.
    margin = max((s for s, _, _ in wrong_held), default=None)
    if margin is None:
        print("no wrong figure to calibrate on: any margin keeps zero wrong; right figures below each margin:")
        for m in (-1.0, 0.0, 1.0, 2.0):
            print(f"  margin {m:+.1f}: {sum(1 for s, r, _ in scored if r and s <= m)} right figures left out")
    else:
        lost = sum(1 for s, r, _ in scored if r and s <= margin)
        print(f"margin {margin:.2f} abstains on all {len(wrong_held)} wrong figures and on {lost} right ones "
              f"(of {sum(1 for _, r, _ in scored if r)})")
    top = sorted(weights.items(), key=lambda kv: kv[1])
    print("lowest weights:", ", ".join(f"{k} {v:.2f}" for k, v in top[:6]))
    print("highest weights:", ", ".join(f"{k} {v:.2f}" for k, v in top[-6:]))
    if args.weights:
        args.weights.write_text(json.dumps(weights, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
