"""Live auto-capture: fed camera frames one by one, it guides the resident and takes the picture itself.

Phases: "searching" (no document), "adjusting" (a document, but something to fix or it is moving), "holding"
(everything fine and steady: progress runs from 0 to 1), "captured" (the sharpest frame of the steady stretch is
kept with its outline). Steadiness and hysteresis go by the frames' timestamps, not by frame counts, so a slow
or uneven camera behaves the same. The guidance shown does not flicker: a new code must hold for a moment
before it shows, and a shown code stays at least `guidance_min_seconds` unless its problem is gone.
A hand trembling within each exposure smears the print while the outline stays put: the frame about to be kept
is measured for that (kiosk.ocr.deblur, once per capture, tens of ms) and, if smeared, the resident is asked to
hold still and the hold starts afresh, at most `motion_retakes` times; then it is kept with a "blurred" warning,
so a measurement that is wrong can delay a capture by a second or two but never stop it.
No Qt: the camera view feeds frames from its worker and draws `state.quad` and `state.guidance`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from kiosk.ocr import deblur, detect, quality

GUIDANCE = {
    "no_document": "Place the document under the camera",
    "move_closer": "Move the document closer",
    "move_back": "Move the document back a little",
    "cut_off_left": "Move the document right: its left edge is cut off",
    "cut_off_right": "Move the document left: its right edge is cut off",
    "cut_off_top": "Move the document down: its top edge is cut off",
    "cut_off_bottom": "Move the document up: its bottom edge is cut off",
    "hold_flat": "Hold the document flat, facing the camera",
    "tilt_for_glare": "Tilt the document slightly: glare hides some text",
    "too_dark": "Too dark: move to better light",
    "too_bright": "Too bright: move out of direct light",
    "blurred": "Picture blurred: hold the document still",
    "hold_still": "Hold still",
    "ok": "Done",
}
PHASES = ("searching", "adjusting", "holding", "captured")
# Most urgent first: the resident can only act on one thing at a time.
PRIORITY = (
    "no_document",
    "cut_off_left",
    "cut_off_right",
    "cut_off_top",
    "cut_off_bottom",
    "move_back",
    "move_closer",
    "too_dark",
    "too_bright",
    "hold_flat",
    "tilt_for_glare",
    "blurred",
    "hold_still",
)


@dataclass
class CaptureState:
    """What the camera view shows after a frame, and on capture the picture taken."""

    phase: str  # one of PHASES
    guidance: str  # a GUIDANCE code, steady (hysteresis applied)
    quad: detect.Quad | None = None  # the outline to draw over this frame
    progress: float = 0.0  # 0..1 while holding
    timestamp: float = 0.0
    processed: bool = True  # False when the frame was skipped (still busy with an earlier one)
    issues: tuple[str, ...] = ()  # every guidance code that applied to this frame, most urgent first
    assessment: quality.Assessment | None = None
    # On capture: the sharpest steady frame (a private copy), its outline, its full assessment (with the fraud
    # hints) and the warnings to pass on (e.g. "photocopy").
    image: np.ndarray | None = None
    image_quad: detect.Quad | None = None
    image_assessment: quality.Assessment | None = None
    warnings: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The guidance in English (the UI translates the code instead)."""
        return GUIDANCE[self.guidance]


@dataclass
class _Best:
    sharpness: float = -1.0
    image: np.ndarray | None = None
    quad: detect.Quad | None = None
    timestamp: float = 0.0


class GuidanceFilter:
    """Steady guidance from per-frame issues: a new code shows once it has held for `confirm_seconds`, and a
    shown code stays `min_seconds` unless its problem is fixed (gone for `confirm_seconds`)."""

    def __init__(self, min_seconds: float = 0.7, confirm_seconds: float = 0.15, initial: str = "no_document") -> None:
        self.min_seconds = min_seconds
        self.confirm_seconds = confirm_seconds
        self.shown = initial
        self.shown_since = float("-inf")
        self._candidate = initial
        self._candidate_since = float("-inf")
        self._last_seen: dict[str, float] = {}

    def update(self, t: float, issues: list[str] | tuple[str, ...]) -> str:
        """The code to show at time `t` given this frame's issues (most urgent first)."""
        for code in issues:
            self._last_seen[code] = t
        wanted = issues[0] if issues else "hold_still"
        if wanted == self.shown:
            self._candidate, self._candidate_since = wanted, t
            return self.shown
        if wanted != self._candidate:
            self._candidate, self._candidate_since = wanted, t
        confirmed = t - self._candidate_since >= self.confirm_seconds
        shown_long_enough = t - self.shown_since >= self.min_seconds
        # Fixed: not among this frame's issues, and not seen for a moment (one good frame is not a fix).
        fixed = self.shown not in issues and t - self._last_seen.get(self.shown, float("-inf")) >= self.confirm_seconds
        if confirmed and (shown_long_enough or fixed):
            self.shown, self.shown_since = wanted, t
        return self.shown

    def force(self, t: float, code: str) -> None:
        """Show `code` now (the capture's "ok" does not wait)."""
        self.shown, self.shown_since = code, t
        self._candidate, self._candidate_since = code, t


def issues_of(assessment: quality.Assessment, steady: bool) -> list[str]:
    """The guidance codes one frame's assessment calls for, most urgent first (empty: ready to capture)."""
    if not assessment.found:
        return ["no_document"]
    codes = set()
    for warning in assessment.warnings:
        if warning.code == "cut_off":
            codes.update(f"cut_off_{side}" for side in warning.detail)
        elif warning.code == "too_close":
            codes.add("move_back")
        elif warning.code == "too_far":
            codes.add("move_closer")
        elif warning.code == "tilted":
            codes.add("hold_flat")
        elif warning.code == "glare":  # raised only where it may hide a field (see quality.assess)
            codes.add("tilt_for_glare")
        elif warning.code in ("too_dark", "too_bright", "blurred"):
            codes.add(warning.code)
    if not steady:
        codes.discard("blurred")  # a moving document is blurred because it moves: say so instead
        codes.add("hold_still")
    return [code for code in PRIORITY if code in codes]


class AutoCapture:
    """The auto-capture state machine: `feed(frame, timestamp)` per camera frame, `reset()` for a new document."""

    def __init__(
        self,
        kind_hint: str | None = None,
        *,
        steady_seconds: float = 0.5,
        steady_px: float = 5.0,
        guidance_min_seconds: float = 0.7,
        confirm_seconds: float = 0.15,
        thresholds: quality.Thresholds = quality.DEFAULT_THRESHOLDS,
        detect_side: int = 512,
        full_search_seconds: float = 0.5,
        skip_when_behind: bool = True,
        motion_retakes: int = 2,
        motion_pause_seconds: float = 0.5,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.kind_hint = kind_hint  # a layout kind, "card" or "a4", or None for any document
        self.steady_seconds = steady_seconds
        self.steady_px = steady_px  # each corner keeps within +-steady_px while holding (px of a 1280 px wide frame)
        self.guidance_min_seconds = guidance_min_seconds
        self.confirm_seconds = confirm_seconds
        self.thresholds = thresholds
        self.detect_side = detect_side
        self.full_search_seconds = full_search_seconds
        self.skip_when_behind = skip_when_behind
        self.motion_retakes = motion_retakes  # holds started afresh for a smeared frame before keeping one anyway
        self.motion_pause_seconds = motion_pause_seconds  # how long "blurred" is shown before holding afresh
        self._clock = clock
        self._lock = threading.Lock()
        self.last_process_ms = 0.0
        self.reset()

    def reset(self) -> None:
        """Start over for a new document (drops any captured picture)."""
        self._state = CaptureState("searching", "no_document")
        self._guidance = GuidanceFilter(self.guidance_min_seconds, self.confirm_seconds)
        self._prior: detect.Quad | None = None
        self._prior_time = float("-inf")
        self._last_full_search = float("-inf")
        # The box the corners have kept to over the current steady stretch (lowest and highest x, y of each).
        self._box: tuple[np.ndarray, np.ndarray] | None = None
        self._box_frames = 0
        self._steady_since = float("inf")
        self._ok_since = float("inf")
        self._best = _Best()
        self._last_processed = float("-inf")
        self._retakes = 0
        self._smeared_at = float("-inf")

    @property
    def state(self) -> CaptureState:
        """The state after the last frame."""
        return self._state

    def feed(self, frame: np.ndarray, timestamp: float) -> CaptureState:
        """Process one camera frame taken at `timestamp` (seconds) and return the state to show."""
        if self._state.phase == "captured":
            return self._state
        # Busy with a frame from another thread, or behind the camera: skip this one rather than queue up.
        behind = timestamp - self._last_processed < self.last_process_ms / 1000 * 0.9
        if (self.skip_when_behind and behind) or not self._lock.acquire(blocking=False):
            return self._skipped(timestamp)
        try:
            started = self._clock()
            state = self._process(frame, timestamp)
            self.last_process_ms = (self._clock() - started) * 1000
            self._last_processed = timestamp
            self._state = state
            return state
        finally:
            self._lock.release()

    def _skipped(self, timestamp: float) -> CaptureState:
        last = self._state
        return CaptureState(last.phase, last.guidance, last.quad, last.progress, timestamp, False, last.issues)

    def _breaks_hold(self, points: np.ndarray, width: int) -> bool:
        """Whether an outline takes a corner out of a box of +-steady_px around the current stretch's corners."""
        assert self._box is not None
        low, high = self._box
        spread = np.maximum(high, points) - np.minimum(low, points)
        return float(spread.max()) > 2 * self.steady_px * width / 1280

    def _held(self) -> bool:
        """Whether the outlines so far make a steady stretch of two frames or more (reset when none is found)."""
        return self._box is not None and self._box_frames >= 2

    def _process(self, frame: np.ndarray, t: float) -> CaptureState:
        w = frame.shape[1]
        kind = self.kind_hint if self.kind_hint in quality.LAYOUTS else None
        prior = self._prior if t - self._prior_time < 0.5 else None
        quad = None
        # Follow the document from frame to frame (a few ms); search afresh when that fails, and every
        # `full_search_seconds` anyway, so a tracked outline cannot drift onto something else for long.
        if prior is not None and t - self._last_full_search < self.full_search_seconds:
            quad = detect.track_document(frame, prior, kind_hint=self.kind_hint)
            if quad is not None and self._held() and self._breaks_hold(quad.points, w):
                # A held document's outline leaving it: the tracker may have jumped to another line within its
                # reach (a licence's printed frame just inside the sheet) as well as the document moved. The
                # full search tells which; else a steady hold keeps breaking and never captures.
                quad = None
        if quad is None:
            quad = detect.find_document(frame, kind_hint=self.kind_hint, prior=prior, max_side=self.detect_side)
            self._last_full_search = t
        if quad is None:
            assessment = quality.assess(frame, None)
            self._box, self._steady_since, self._ok_since = None, float("inf"), float("inf")
            self._best = _Best()
            return self._show(t, "searching", None, 0.0, ["no_document"], assessment)
        self._prior, self._prior_time = quad, t
        assessment = quality.assess(frame, quad, kind, thresholds=self.thresholds, fraud_checks=False)

        # Steady: every corner has kept within a box of +-steady_px (2 * steady_px across) since this stretch began.
        # Not within steady_px of the first frame's: a hand sways both ways, and a stretch that began at one end of
        # a sway broke at its other end, over and over, for a sway well within the tolerance.
        if self._box is None or self._breaks_hold(quad.points, w):
            self._box, self._box_frames, self._steady_since = (quad.points.copy(), quad.points.copy()), 1, t
        else:
            low, high = self._box
            self._box = (np.minimum(low, quad.points), np.maximum(high, quad.points))
            self._box_frames += 1
        steady_for = t - self._steady_since
        steady = steady_for >= min(0.15, self.steady_seconds)  # moving, as opposed to held but not yet long enough
        issues = issues_of(assessment, steady)
        if steady and t - self._smeared_at < self.motion_pause_seconds:
            issues = [code for code in PRIORITY if code in {*issues, "blurred"}]  # the last frame kept was smeared
        blocking = [code for code in issues if code != "hold_still"]
        if blocking:
            self._ok_since = float("inf")
        else:
            self._ok_since = min(self._ok_since, t)
        if blocking or not steady:
            self._best = _Best()
            return self._show(t, "adjusting", quad, 0.0, issues or ["hold_still"], assessment)

        # Everything fine and held: count from when both became true; keep the sharpest frame on the way.
        hold_start = max(self._steady_since, self._ok_since)
        if assessment.sharpness > self._best.sharpness:
            self._best = _Best(assessment.sharpness, frame.copy(), quad, t)
        progress = min(1.0, (t - hold_start) / self.steady_seconds) if self.steady_seconds > 0 else 1.0
        if progress < 1.0:
            return self._show(t, "holding", quad, progress, ["hold_still"], assessment)
        blur = None
        if kind is not None:  # measured for the layouts it was tuned on only (see quality.assess)
            assert self._best.image is not None and self._best.quad is not None
            blur = deblur.measure_motion(self._best.image, self._best.quad.points)
            if quality.smeared(blur, self.thresholds, live=True) and self._retakes < self.motion_retakes:
                self._retakes += 1
                self._smeared_at, self._ok_since, self._best = t, float("inf"), _Best()
                return self._show(t, "adjusting", quad, 0.0, ["blurred"], assessment)
        return self._capture(t, quad, assessment, blur)

    def _capture(
        self, t: float, quad: detect.Quad, assessment: quality.Assessment, blur: deblur.MotionBlur | None = None
    ) -> CaptureState:
        best = self._best
        assert best.image is not None and best.quad is not None
        kind = self.kind_hint if self.kind_hint in quality.LAYOUTS else None
        # The fraud hints are measured once, on the picture kept: they cost more than the per-frame checks.
        final = quality.assess(best.image, best.quad, kind, thresholds=self.thresholds)
        final.motion = blur
        warnings = tuple(code for code in final.codes if code in ("photocopy", "screen"))
        if quality.smeared(blur, self.thresholds, live=True):  # still smeared after the retakes: kept, and said
            warnings += ("blurred",)
        self._guidance.force(t, "ok")
        return CaptureState(
            "captured", "ok", quad, 1.0, t, True, (), assessment, best.image, best.quad, final, warnings
        )

    def _show(
        self,
        t: float,
        phase: str,
        quad: detect.Quad | None,
        progress: float,
        issues: list[str],
        assessment: quality.Assessment,
    ) -> CaptureState:
        return CaptureState(phase, self._guidance.update(t, issues), quad, progress, t, True, tuple(issues), assessment)
