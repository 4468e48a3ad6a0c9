"""Proving who is at the terminal (no Qt): the reference photo (the ID card's chip photo from the reader, or the
portrait of an ID card the resident had read by the document camera), up to three verification attempts, and
the outcome the session keeps.

Everything here is personal data and lives only in this object: the reference descriptor, the verifier's
descriptors and landmarks. `wipe()` zeroes them when the session ends; `abandon()` when the resident leaves the
face screen. The outcome kept (`FaceOutcome`) holds decisions and numbers, nothing biometric.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from kiosk.face.models import FaceModels
    from kiosk.face.reference import Reference
    from kiosk.face.verify import FaceVerifier, Result, Update, VerifierSettings

MAX_TRIES = 3  # then a clerk (by video or at the counter) takes over
PHASES = ("idle", "waiting_card", "preparing", "verifying", "failed", "verified", "exhausted", "no_reference")
SOURCES = ("chip", "card_image")


@dataclass(frozen=True)
class FaceOutcome:
    """What the session keeps of a verification: the decision and why, never a face or a descriptor."""

    verified: bool
    reason: str
    source: str  # "chip" or "card_image"
    tries: int
    distance: float | None
    threshold: float
    challenge: str
    liveness: str


class FaceFlow:
    """One resident's face verification: its reference, the current attempt, the attempts used, the outcome."""

    def __init__(self) -> None:
        self.generation = 0
        self.phase = "idle"
        self.reference: Reference | None = None
        self.source = ""
        self.reference_problem = ""  # why no reference could be made (safe to show: never what the photo shows)
        self.card: dict[str, str] | None = None  # the ID card chip's text (name, id_number, address ...)
        self.tries = 0
        self.verifier: FaceVerifier | None = None
        self.last: Update | None = None
        self.outcome: FaceOutcome | None = None

    # -- the reference --------------------------------------------------------------------------------
    def start(self) -> int:
        """The face screen opens: wait for a reference (or use the one made earlier this session)."""
        self.abandon()
        if self.outcome is not None and self.outcome.verified:
            self.phase = "verified"
        elif self.reference is not None:
            self.phase = "verifying" if self.tries < MAX_TRIES else "exhausted"
        else:
            self.phase = "waiting_card"
        return self.generation

    def current(self, generation: int) -> bool:
        """Whether `generation` is still the current attempt (late results of older ones are dropped)."""
        return generation == self.generation

    def preparing(self) -> None:
        """A reference photo arrived and is being prepared (in a worker)."""
        self.phase = "preparing"

    def set_reference(self, reference: Reference, source: str, generation: int | None = None) -> bool:
        """The prepared reference; False (and it is wiped) when the attempt was given up meanwhile."""
        if source not in SOURCES:
            raise ValueError(f"unknown reference source {source!r}")
        if generation is not None and not self.current(generation):
            reference.wipe()
            return False
        if self.reference is not None:
            self.reference.wipe()
        self.reference, self.source, self.reference_problem = reference, source, ""
        self.phase = "verifying"
        return True

    def set_card(self, text: dict[str, str], generation: int | None = None) -> bool:
        """The ID card chip's text, read with its photo; False (nothing kept) for an attempt given up."""
        if generation is not None and not self.current(generation):
            return False
        self.card = dict(text)
        return True

    def no_reference(self, problem: str) -> None:
        """The photo had no usable face (or the card could not be read): the screen says so and offers a clerk."""
        self.reference_problem = problem
        self.phase = "no_reference"

    # -- attempts -------------------------------------------------------------------------------------
    def begin_attempt(
        self,
        settings: VerifierSettings | None = None,
        models: FaceModels | None = None,
        rng: random.Random | None = None,
    ) -> FaceVerifier:
        """A new attempt against the reference; counts towards MAX_TRIES."""
        from kiosk.face.verify import FaceVerifier

        if self.reference is None:
            raise RuntimeError("no reference photo yet")
        if self.tries >= MAX_TRIES:
            raise RuntimeError("no attempts left")
        self._drop_verifier()
        self.tries += 1
        self.verifier = FaceVerifier(self.reference, settings, rng, models)
        self.phase = "verifying"
        self.last = None
        return self.verifier

    def update(self, update: Update, generation: int) -> FaceOutcome | None:
        """The verifier's word on a frame; at the end of an attempt, the outcome (else None)."""
        if not self.current(generation) or self.phase != "verifying":
            return None
        self.last = update
        if update.result is None:
            return None
        return self.finish(update.result)

    def finish(self, result: Result) -> FaceOutcome:
        """An attempt ended: verified, failed with tries left, or exhausted."""
        self.outcome = FaceOutcome(
            result.verified,
            result.reason,
            self.source,
            self.tries,
            result.distance,
            result.threshold,
            result.challenge,
            result.liveness,
        )
        if result.verified:
            self.phase = "verified"
        else:
            self.phase = "failed" if self.tries < MAX_TRIES else "exhausted"
        self._drop_verifier()
        return self.outcome

    @property
    def tries_left(self) -> int:
        """Attempts the resident still has."""
        return max(0, MAX_TRIES - self.tries)

    @property
    def verified(self) -> bool:
        """Whether the person at the terminal was verified this session."""
        return self.outcome is not None and self.outcome.verified

    # -- forgetting -----------------------------------------------------------------------------------
    def _drop_verifier(self) -> None:
        if self.verifier is not None:
            self.verifier.wipe(keep_reference=True)
            self.verifier = None

    def abandon(self) -> None:
        """The resident left the face screen: the running attempt goes (its try stays counted)."""
        self.generation += 1
        self._drop_verifier()
        self.last = None

    def wipe(self) -> None:
        """Forget everything: the reference, every descriptor, the outcome."""
        self.abandon()
        if self.reference is not None:
            self.reference.wipe()
        self.reference = None
        if self.card is not None:
            self.card.clear()
        self.card = None
        self.source = ""
        self.reference_problem = ""
        self.tries = 0
        self.outcome = None
        self.phase = "idle"

    def summary(self) -> dict[str, object]:
        """Counts and decisions only: safe for logs and the technician."""
        return {
            "phase": self.phase,
            "tries": self.tries,
            "source": self.source,
            "verified": self.verified,
            "reason": self.outcome.reason if self.outcome else "",
        }


def chip_photo_reference(photo: np.ndarray, models: FaceModels | None = None) -> Reference:
    """A reference from the ID card chip's photo (the card reader's decoded image)."""
    from kiosk.face.models import load_models
    from kiosk.face.reference import prepare_reference

    return prepare_reference(photo, models or load_models(), source="chip")


def card_image_reference(card: np.ndarray, models: FaceModels | None = None) -> Reference:
    """A reference from a rectified photo of an ID card's front (the document flow's confirmed reading)."""
    from kiosk.face.models import load_models
    from kiosk.face.reference import portrait_from_card, prepare_reference

    return prepare_reference(portrait_from_card(card), models or load_models(), source="card_image")
