"""Threshold calibration: the ROC of a set of genuine and impostor distances, and the threshold for a target FMR.

A pair whose distance is None (a side without a usable face) never matches: it counts as a false non-match when
the two are the same person and as a correct rejection otherwise, so failures to acquire are in the FNMR.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DEFAULT_TARGET_FMR = 0.001


@dataclass(frozen=True)
class RocPoint:
    """Error rates when pairs at or under `threshold` are declared the same person."""

    threshold: float
    fmr: float
    fnmr: float
    false_matches: int
    false_non_matches: int


@dataclass(frozen=True)
class Calibration:
    """The chosen threshold, its error rates on the data, and how many pairs they rest on."""

    threshold: float
    fmr: float
    fnmr: float
    genuine: int
    impostor: int
    target_fmr: float


def _finite(values: Sequence[float | None]) -> np.ndarray:
    return np.array([v for v in values if v is not None and np.isfinite(v)], np.float64)


def point(genuine: Sequence[float | None], impostor: Sequence[float | None], threshold: float) -> RocPoint:
    """Error rates at one threshold."""
    g, i = _finite(genuine), _finite(impostor)
    false_matches = int((i <= threshold).sum())
    false_non_matches = len(genuine) - int((g <= threshold).sum())
    return RocPoint(
        threshold,
        false_matches / len(impostor) if impostor else 0.0,
        false_non_matches / len(genuine) if genuine else 0.0,
        false_matches,
        false_non_matches,
    )


def roc(
    genuine: Sequence[float | None], impostor: Sequence[float | None], thresholds: Sequence[float] | None = None
) -> list[RocPoint]:
    """Error rates at each threshold (default: 0.30 to 0.80 in steps of 0.02)."""
    grid = thresholds if thresholds is not None else [round(0.30 + 0.02 * k, 2) for k in range(26)]
    return [point(genuine, impostor, t) for t in grid]


def pick_threshold(
    genuine: Sequence[float | None], impostor: Sequence[float | None], target_fmr: float = DEFAULT_TARGET_FMR
) -> Calibration:
    """The threshold with the fewest false non-matches among those keeping the FMR at or under the target,
    placed halfway between the last genuine distance it must accept and the first impostor distance it must
    refuse (the widest margin either way)."""
    if not genuine or not impostor:
        raise ValueError("calibration needs both genuine (same person) and impostor (different people) pairs")
    g, i = np.sort(_finite(genuine)), np.sort(_finite(impostor))
    allowed = int(np.floor(target_fmr * len(impostor) + 1e-9))  # impostor pairs that may fall under it
    # The threshold must stay below the (allowed+1)-th smallest impostor distance.
    ceiling = float(i[allowed]) if allowed < len(i) else float("inf")
    accepted = g[g < ceiling]
    if accepted.size == 0:
        low = float(i[0]) / 2 if i.size else 0.0
        threshold = min(low, ceiling / 2)
    elif np.isinf(ceiling):
        threshold = float(accepted[-1]) + 0.01
    else:
        threshold = (float(accepted[-1]) + ceiling) / 2
    threshold = round(threshold, 4)
    p = point(genuine, impostor, threshold)
    return Calibration(threshold, p.fmr, p.fnmr, len(genuine), len(impostor), target_fmr)
