"""Score the reader on a folder of labelled mail (corpus/*.eml + labels.json), as `mailbot parse --json` reads it."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

FIELDS = ("kind", "district", "item", "requested", "stock_on_hand", "received", "printed", "recorded",
          "sender_known")
QUANTITIES = ("requested", "stock_on_hand", "received", "printed", "recorded")


@dataclass(frozen=True)
class Outcome:
    """One message: the fields read differently from its label, and the wrongly stated numbers."""

    name: str
    kind: str  # the labelled kind
    tags: tuple[str, ...]
    misses: tuple[str, ...]  # "field: expected X, read Y"
    wrong_numbers: tuple[str, ...]  # a figure read where the label has none or another
    automated_missed: bool

    @property
    def right(self) -> bool:
        return not self.misses


@dataclass(frozen=True)
class Score:
    outcomes: tuple[Outcome, ...]
    by_kind: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (right, total)
    by_tag: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def right(self) -> int:
        return sum(o.right for o in self.outcomes)

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.total if self.total else 0.0

    @property
    def wrong_number_messages(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.wrong_numbers)

    @property
    def automated(self) -> tuple[int, int]:
        """(automated mail recognised, automated mail labelled)."""
        auto = [o for o in self.outcomes if o.kind == "automated"]
        return sum(not o.automated_missed for o in auto), len(auto)


def load_labels(folder: Path) -> tuple[dict[str, dict[str, object]], Path]:
    """The labels of *folder* and the folder holding the .eml files.

    Reads the shared format (labels.json beside corpus/) and the older one (expected.json beside the files)."""
    if (folder / "labels.json").is_file():
        corpus = folder / "corpus" if (folder / "corpus").is_dir() else folder
        return json.loads((folder / "labels.json").read_text(encoding="utf-8")), corpus
    if (folder / "expected.json").is_file():
        return json.loads((folder / "expected.json").read_text(encoding="utf-8")), folder
    raise FileNotFoundError(f"{folder}: neither labels.json nor expected.json")


def compare(name: str, want: Mapping[str, object], got: Mapping[str, object]) -> Outcome:
    """How the reading *got* (a `parse --json` object) stands against the label *want*."""
    misses = tuple(f"{f}: expected {want.get(f)!r}, read {got.get(f)!r}" for f in FIELDS if want.get(f) != got.get(f))
    wrong = tuple(f"{f} read {got[f]}, expected {want.get(f)}" for f in QUANTITIES
                  if got.get(f) is not None and got.get(f) != want.get(f))
    kind = str(want.get("kind"))
    return Outcome(
        name=name,
        kind=kind,
        tags=tuple(want.get("tags", ()) or ()),  # type: ignore[arg-type]
        misses=misses,
        wrong_numbers=wrong,
        automated_missed=kind == "automated" and got.get("kind") != "automated",
    )


def score(labels: Mapping[str, Mapping[str, object]], read: Callable[[str], Mapping[str, object]]) -> Score:
    """Score every labelled message; *read* maps a file name to its `parse --json` object."""
    outcomes = tuple(compare(name, want, read(name)) for name, want in sorted(labels.items()))
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        by_kind[o.kind][0] += o.right
        by_kind[o.kind][1] += 1
        for tag in o.tags:
            by_tag[tag][0] += o.right
            by_tag[tag][1] += 1
    return Score(
        outcomes=outcomes,
        by_kind={k: (r, t) for k, (r, t) in sorted(by_kind.items())},
        by_tag={k: (r, t) for k, (r, t) in sorted(by_tag.items())},
    )


def report(s: Score, *, verbose: bool = True) -> str:
    """The score as text: the headline figures, then per kind and per tag, then every miss."""
    auto_ok, auto_all = s.automated
    lines = [
        f"every field right: {s.right}/{s.total} ({s.percent:.1f}%)",
        f"messages with a wrong number: {len(s.wrong_number_messages)}",
        f"automated recognised: {auto_ok}/{auto_all}",
    ]
    for o in s.wrong_number_messages:
        lines.append(f"  wrong {o.name}: " + "; ".join(o.wrong_numbers))
    lines.append("per kind:")
    lines += [f"  {k:<14} {r}/{t} ({100 * r / t:.0f}%)" for k, (r, t) in s.by_kind.items()]
    lines.append("per tag (right/total):")
    worst_first = sorted(s.by_tag.items(), key=lambda kv: (kv[1][0] / kv[1][1], kv[0]))
    lines += [f"  {k:<28} {r}/{t}" for k, (r, t) in worst_first]
    if verbose:
        lines.append("misses:")
        lines += [f"  {o.name} [{', '.join(o.tags)}]: " + "; ".join(o.misses) for o in s.outcomes if o.misses]
    return "\n".join(lines)
