"""The face verifier a flow feeds camera frames to: position the resident, compare, challenge, confirm, decide.

Phases:
1. positioning: each frame is checked (kiosk.face.quality) and the resident told what to fix; usable frames are
   described until there are enough of them, from one person (their descriptors agree);
2. challenge: a random action (kiosk.face.liveness) followed on every frame's landmarks within its time limit;
3. confirming: one more usable frame after the action must be the same person as before it, so nobody can
   step in or out of view for the challenge;
4. done: the averaged descriptors against the reference and the calibrated threshold, the challenge, the
   passive checks (the motion left the plane; no screen pattern or glare on the face) give one Result.
Frames are not kept; descriptors and landmarks live in this object only, and wipe() zeroes them.
`feed` does the work in the caller's thread: run it off the GUI thread (kiosk.face.worker).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from enum import StrEnum

import cv2
import numpy as np

from kiosk.face.landmarks import Face, find_faces
from kiosk.face.liveness import CHALLENGES, ChallengeTracker, LivenessSettings, MotionCheck, Status, pick_challenge
from kiosk.face.matcher import DEFAULT_THRESHOLD, MatchSettings, decide, distance, encode_live
from kiosk.face.models import FaceModels, load_models
from kiosk.face.quality import QualitySettings, assess
from kiosk.face.reference import Reference
from kiosk.face.screen import ScreenSettings, screen_cues

REASONS = {
    "verified": "The face matches the ID card and the liveness check passed",
    "no_match": "The face does not match the ID card photo",
    "timeout": "The requested movement was not seen in time",
    "not_live": "The face in front of the camera did not move like a person's",
    "screen": "The face appears to be shown on a screen",
    "face_changed": "A different face appeared, or the face left the camera, during the check",
}


@dataclass(frozen=True)
class VerifierSettings:
    """Everything the verifier decides with; the threshold and time limit come from the [face] config."""

    threshold: float = DEFAULT_THRESHOLD
    frames: int = 3  # live descriptors averaged before the challenge
    challenges: tuple[str, ...] = CHALLENGES
    continuity: float = 0.5  # a descriptor farther than this from the attempt's mean: somebody else
    screen_share: float = 0.5  # frames with a screen cue, above this share of those looked at: a screen
    confirm_seconds: float = 4.0  # after the action, time to show one more usable frame
    max_gap: float = 1.0  # seconds without the face during the challenge: nobody can vouch it is the same one
    max_jump: float = 0.5  # the face moving more than this share of its width between two frames: another face
    action_continuity: float = 0.6  # the frame completing the movement (turned, eyes shut) against the attempt's
    upsample: int = 0  # 0 finds faces from 80 px wide: enough at the terminal's distance, and fast
    quality: QualitySettings = field(default_factory=QualitySettings)
    liveness: LivenessSettings = field(default_factory=LivenessSettings)
    match: MatchSettings = field(default_factory=MatchSettings)
    screen: ScreenSettings = field(default_factory=ScreenSettings)


class Phase(StrEnum):
    """Where a verification stands."""

    POSITIONING = "positioning"
    CHALLENGE = "challenge"
    CONFIRMING = "confirming"
    DONE = "done"


@dataclass(frozen=True)
class Result:
    """The outcome: verified only when the face matches, the challenge passed and the passive checks are clean."""

    verified: bool
    reason: str  # a key of REASONS
    match: bool
    distance: float | None
    threshold: float
    challenge: str
    liveness: str  # "live", "flat" (moved as one plane), "still" (did not move), "screen", "not_done"
    frames: int
    seconds: float  # from the first frame to the result
    challenge_seconds: float | None  # from showing the challenge to seeing it done

    def as_json(self) -> dict:
        """The result for a log or the session: decisions and numbers, nothing biometric."""
        return {
            "verified": self.verified,
            "reason": self.reason,
            "match": self.match,
            "distance": None if self.distance is None else round(self.distance, 4),
            "threshold": self.threshold,
            "challenge": self.challenge,
            "liveness": self.liveness,
            "frames": self.frames,
            "seconds": round(self.seconds, 2),
            "challenge_seconds": None if self.challenge_seconds is None else round(self.challenge_seconds, 2),
        }


@dataclass(frozen=True)
class Update:
    """What the screen shows after a frame: phase, guidance key, challenge and its progress, the face's box."""

    phase: Phase
    guidance: str
    challenge: str | None = None
    progress: float = 0.0
    remaining: float | None = None
    box: tuple[int, int, int, int] | None = None
    result: Result | None = None


class FaceVerifier:
    """One verification attempt against one reference; feed it (BGR frame, monotonic seconds) pairs."""

    def __init__(
        self,
        reference: Reference,
        settings: VerifierSettings | None = None,
        rng: random.Random | None = None,
        models: FaceModels | None = None,
    ):
        self.reference = reference
        self.settings = settings or VerifierSettings()
        self.models = models or load_models()
        self.rng = rng or random.SystemRandom()
        self.phase = Phase.POSITIONING
        self.challenge: str | None = None
        self.tracker: ChallengeTracker | None = None
        self.motion = MotionCheck()
        self.encodings: list[np.ndarray] = []
        self.screen_votes: list[bool] = []
        self.started_at: float | None = None
        self.challenge_at: float | None = None
        self.passed_at: float | None = None
        self.result: Result | None = None
        self.frames_seen = 0
        self._track: tuple[tuple[int, int, int, int], float] | None = None  # the face's last box and when
        self._last: Update = Update(Phase.POSITIONING, "no_face")

    def feed(self, frame: np.ndarray, t: float) -> Update:
        """Take one camera frame taken at time t (seconds, monotonic); what to show now."""
        if self.phase is Phase.DONE:
            return self._last
        self.frames_seen += 1
        if self.started_at is None:
            self.started_at = t
        rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
        faces = find_faces(rgb, self.models, self.settings.upsample)
        verdict = assess(frame, faces, self.settings.quality)
        face = verdict.face if verdict.guidance not in ("no_face", "several_faces") else None
        if face is not None:
            cues = screen_cues(frame, face, self.settings.screen)
            if cues.measured or cues.screen:
                self.screen_votes.append(cues.screen)
        if self.phase is Phase.POSITIONING:
            update = self._positioning(rgb, verdict.ok, face, verdict.guidance, t)
        elif self.phase is Phase.CHALLENGE:
            update = self._challenging(rgb, face, verdict.guidance, t)
        else:
            update = self._confirming(rgb, verdict.ok, face, verdict.guidance, t)
        self._last = update
        return update

    def _positioning(self, rgb: np.ndarray, ok: bool, face: Face | None, guidance: str, t: float) -> Update:
        box = face.box if face else None
        if not ok:
            return Update(Phase.POSITIONING, guidance, box=box)
        encoding = encode_live(rgb, face, self.models, self.reference, self.settings.match)
        if self.encodings and distance(encoding, np.mean(self.encodings, axis=0)) > self.settings.continuity:
            self._clear_encodings()  # somebody else: start over with this face
        self.encodings.append(encoding)
        self.motion.add(face.points)
        if len(self.encodings) < self.settings.frames:
            return Update(Phase.POSITIONING, "ok", box=box, progress=len(self.encodings) / self.settings.frames)
        self.challenge = pick_challenge(self.rng, self.settings.challenges)
        self.challenge_at = t
        self.tracker = ChallengeTracker(self.challenge, t, self.settings.liveness)
        self.tracker.feed(face.points, t)  # this frame is the challenge's anchor
        self._track = (face.box, t)
        self.phase = Phase.CHALLENGE
        return Update(Phase.CHALLENGE, self.challenge, self.challenge, 0.0, self.settings.liveness.time_limit, box)

    def _lost_track(self, face: Face | None, t: float) -> bool:
        """Whether the face followed since the challenge began jumped, or was gone too long: it may not be the
        same face any more (a photo swapped for an accomplice to do the movement, say)."""
        if face is None:
            return self._track is not None and t - self._track[1] > self.settings.max_gap
        if self._track is not None:
            (l0, t0, r0, b0), _ = self._track
            width = max(r0 - l0, 1)
            cx, cy = face.centre
            moved = max(abs(cx - (l0 + r0) / 2), abs(cy - (t0 + b0) / 2)) / width
            if moved > self.settings.max_jump or not 0.67 <= face.width / width <= 1.5:
                return True
        self._track = (face.box, t)
        return False

    def _challenging(self, rgb: np.ndarray, face: Face | None, guidance: str, t: float) -> Update:
        if self._lost_track(face, t):
            return self._finish(t, "face_changed")
        points = face.points if face is not None else None
        if points is not None:
            self.motion.add(points)
        state = self.tracker.feed(points, t)
        if state.status is Status.TIMED_OUT:
            return self._finish(t, "timeout")
        if state.status is Status.PASSED:
            # The face that did the movement must be the one compared before it (a looser bound: it is turned).
            posed = encode_live(rgb, face, self.models, self.reference, self.settings.match)
            apart = distance(posed, np.mean(self.encodings, axis=0))
            posed.fill(0.0)
            if apart > self.settings.action_continuity:
                return self._finish(t, "face_changed")
            self.passed_at = t
            self.phase = Phase.CONFIRMING
            return Update(Phase.CONFIRMING, "ok", self.challenge, 1.0, None, face.box if face else None)
        shown = self.challenge if face is not None else guidance
        return Update(
            Phase.CHALLENGE, shown, self.challenge, state.progress, state.remaining, face.box if face else None
        )

    def _confirming(self, rgb: np.ndarray, ok: bool, face: Face | None, guidance: str, t: float) -> Update:
        if self._lost_track(face, t):
            return self._finish(t, "face_changed")
        if not ok:
            if t - self.passed_at > self.settings.confirm_seconds:
                return self._finish(t, "timeout")
            return Update(Phase.CONFIRMING, guidance, self.challenge, 1.0, None, face.box if face else None)
        encoding = encode_live(rgb, face, self.models, self.reference, self.settings.match)
        self.motion.add(face.points)
        if distance(encoding, np.mean(self.encodings, axis=0)) > self.settings.continuity:
            return self._finish(t, "face_changed")
        self.encodings.append(encoding)
        return self._finish(t, None)

    def _finish(self, t: float, failure: str | None) -> Update:
        s = self.settings
        passed = self.tracker is not None and self.tracker.status is Status.PASSED
        liveness = self.motion.verdict(s.liveness, certified=passed)
        votes = self.screen_votes
        if votes and sum(votes) > s.screen_share * len(votes):
            liveness = "screen"
        if failure is None and liveness != "live":
            failure = "screen" if liveness == "screen" else "not_live"
        if failure == "timeout" and liveness in ("flat", "still", "screen"):
            failure = "screen" if liveness == "screen" else "not_live"
        decision = decide(self.reference, self.encodings, s.threshold) if self.encodings else None
        if failure is None and not decision.match:
            failure = "no_match"
        self.result = Result(
            verified=failure is None,
            reason=failure or "verified",
            match=bool(decision and decision.match),
            distance=decision.distance if decision else None,
            threshold=s.threshold,
            challenge=self.challenge or "",
            liveness=liveness if passed or liveness != "live" else "not_done",
            frames=len(self.encodings),
            seconds=t - (t if self.started_at is None else self.started_at),
            challenge_seconds=(self.passed_at - self.challenge_at) if self.passed_at is not None else None,
        )
        self.phase = Phase.DONE
        self._last = Update(Phase.DONE, self.result.reason, self.challenge, 1.0 if passed else 0.0, result=self.result)
        return self._last

    def _clear_encodings(self) -> None:
        for e in self.encodings:
            e.fill(0.0)
        self.encodings.clear()
        self.motion.wipe()
        self.motion = MotionCheck()

    def wipe(self, keep_reference: bool = False) -> None:
        """Zero every descriptor and landmark this attempt holds, and the reference's unless it is kept for the
        session's next attempt (kiosk.flows.face)."""
        self._clear_encodings()
        if self.tracker is not None and self.tracker.anchor is not None:
            self.tracker.anchor.fill(0)
            self.tracker.anchor = None
        if not keep_reference:
            self.reference.wipe()
        self.screen_votes.clear()
        self.phase = Phase.DONE


def settings_from_config(face) -> VerifierSettings:
    """Verifier settings from the [face] config section (kiosk.config.FaceConfig)."""
    from dataclasses import replace

    defaults = VerifierSettings()
    return replace(
        defaults,
        threshold=face.threshold,
        frames=face.frames,
        challenges=tuple(face.challenges),
        quality=replace(defaults.quality, min_face_px=face.min_face_px),
        liveness=replace(defaults.liveness, time_limit=float(face.liveness_seconds)),
    )
