"""Per-frame quality warnings and the live auto-capture state machine, on synthetic frames.

Each warning is made to fire by one constructed change to a good picture (cut off, far away, blurred, glare
over a field, dark, bright, tilted, a greyscale copy, a moiré as a photo of a screen) and must stay silent on
the good pictures themselves. The state machine is fed synth's approach sequence (a card brought into view
and held) and sequences built here (shaky, cut off), with timestamps at 15 frames a second.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.ocr import capture, detect, quality
from kiosk.ocr.layouts import LAYOUTS
from kiosk.ocr.synth import dataset, photo

FPS = 15.0
FRAME = (1280, 960)
GOOD = (("id_card_front", 2), ("id_card_back", 3), ("business_license", 1))


def compose(flat: np.ndarray, corners: np.ndarray, seed: int = 0, frame=FRAME, tone: float = 120.0) -> np.ndarray:
    """A flat document placed at `corners` on a plain desk, with a little blur and noise (BGR uint8)."""
    rng = np.random.default_rng(seed)
    fh, fw = flat.shape[:2]
    w, h = frame
    m = cv2.getPerspectiveTransform(np.array([[0, 0], [fw, 0], [fw, fh], [0, fh]], np.float32), corners)
    doc = cv2.warpPerspective(flat, m, (w, h)).astype(np.float32)
    alpha = cv2.warpPerspective(np.ones((fh, fw), np.float32), m, (w, h))[..., None]
    desk = np.full((h, w, 3), (tone, tone * 1.05, tone * 1.1), np.float32)
    img = cv2.GaussianBlur(desk * (1 - alpha) + doc * alpha, (0, 0), 0.7)
    return np.clip(img + rng.normal(0, 2.5, img.shape), 0, 255).astype(np.uint8)


def rectangle_at(centre: tuple[float, float], width: float, aspect: float, angle: float = 0.0) -> np.ndarray:
    """Corners of a document of `width` px lying flat (no perspective), turned by `angle` degrees."""
    box = cv2.boxPoints((centre, (width, width / aspect), angle))
    return detect.order_corners(box)


@pytest.fixture(scope="module")
def card_flat() -> np.ndarray:
    """The front of a synthetic ID card at its canonical size."""
    return dataset.make_flat("id_card_front", 2)[0].image


@pytest.fixture(scope="module")
def good_photos() -> list[tuple[str, np.ndarray, detect.Quad]]:
    """Good camera photographs of each kind, with their detected outlines."""
    photos = []
    for kind, seed in GOOD:
        sample = dataset.make_sample(kind, "camera", seed)
        found = detect.find_document(sample.image)
        assert found is not None
        photos.append((kind, sample.image, found))
    return photos


# ---- quality: each warning made to fire, and silent on good pictures -------------------------------------


def test_good_photographs_raise_no_warning(good_photos):
    for kind, image, found in good_photos:
        result = quality.assess(image, found, kind)
        assert result.warnings == [], (kind, result.codes)
        assert result.fully_in_frame and result.found


@pytest.fixture(scope="module")
def card_scene(card_flat):
    """A good card picture of our own (plain desk, square on) and its true outline."""
    corners = rectangle_at((640, 480), 760, 85.6 / 54, angle=4)
    image = compose(card_flat, corners)
    return image, detect.Quad(corners, "card", 1.0)


def test_own_card_picture_is_good(card_scene):
    image, quad = card_scene
    assert quality.assess(image, quad, "id_card_front").warnings == []


def test_cut_off_names_the_side(card_flat):
    corners = rectangle_at((250, 480), 760, 85.6 / 54)  # the left third hangs off the frame
    image = compose(card_flat, corners)
    found = detect.find_document(image)
    assert found is not None and "left" in found.cut
    result = quality.assess(image, found, "id_card_front")
    assert result.warning("cut_off").detail == ("left",) and not result.fully_in_frame


def test_too_far_and_too_close(card_flat):
    far = compose(card_flat, rectangle_at((640, 480), 330, 85.6 / 54))
    found = detect.find_document(far)
    assert quality.assess(far, found, "id_card_front").has("too_far")
    near = rectangle_at((640, 480), 1270, 85.6 / 54)
    image = compose(card_flat, near)
    assert quality.assess(image, detect.Quad(near, "card", 1.0), "id_card_front").has("too_close")


def test_blurred(card_scene):
    image, quad = card_scene
    result = quality.assess(cv2.GaussianBlur(image, (0, 0), 3.0), quad, "id_card_front")
    assert result.has("blurred")
    assert result.sharpness < quality.assess(image, quad, "id_card_front").sharpness / 2


def test_glare_over_a_field_is_reported_with_the_field(card_flat):
    layout = LAYOUTS["id_card_front"]
    x0, y0, x1, y1 = layout.to_px(layout.field("name").box)
    yy, xx = np.mgrid[0 : card_flat.shape[0], 0 : card_flat.shape[1]].astype(np.float32)
    spot = np.exp(-(((xx - (x0 + x1) / 2) / 110) ** 2 + ((yy - (y0 + y1) / 2) / 70) ** 2))[..., None]
    glared = np.clip(card_flat + (300 - card_flat.astype(np.float32)) * spot, 0, 255).astype(np.uint8)
    corners = rectangle_at((640, 480), 760, 85.6 / 54, angle=4)
    result = quality.assess(compose(glared, corners), detect.Quad(corners, "card", 1.0), "id_card_front")
    assert result.has("glare") and "name" in result.warning("glare").detail
    assert "id_number" not in result.glare_fields


def test_dark_and_bright(card_scene):
    image, quad = card_scene
    assert quality.assess((image * 0.2).astype(np.uint8), quad, "id_card_front").has("too_dark")
    bright = np.clip(image.astype(np.float32) * 1.7, 0, 255).astype(np.uint8)
    assert quality.assess(bright, quad, "id_card_front").has("too_bright")


def test_tilted(card_flat):
    corners = np.array([[500, 250], [780, 250], [1040, 750], [240, 750]], np.float32)  # leaning far back
    image = compose(card_flat, corners)
    assert quality.assess(image, detect.Quad(corners, "card", 1.0), "id_card_front").has("tilted")


def greyscale(image: np.ndarray) -> np.ndarray:
    """A black-and-white copy photographed in colour."""
    return cv2.cvtColor(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)


def moire(image: np.ndarray, seed: int) -> np.ndarray:
    """The picture as a camera sees it on a screen: a fine periodic pattern over everything (~4 px period)."""
    rng = np.random.default_rng(seed)
    h, w = image.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle, period = rng.uniform(0.2, 1.3), rng.uniform(3.0, 6.0)
    pattern = 1 + 0.12 * np.sin(2 * np.pi * (xx * np.cos(angle) + yy * np.sin(angle)) / period)
    return np.clip(image * pattern[..., None], 0, 255).astype(np.uint8)


def test_photocopy_and_screen_fire_on_their_fakes_and_never_on_originals(good_photos, card_scene):
    pictures = [(kind, image, found) for kind, image, found in good_photos]
    pictures.append(("id_card_front", *card_scene))
    false_alarms, copies_caught, screens_caught = 0, 0, 0
    for i, (kind, image, found) in enumerate(pictures):
        original = quality.assess(image, found, kind)
        false_alarms += original.has("photocopy") + original.has("screen")
        copies_caught += quality.assess(greyscale(image), found, kind).has("photocopy")
        screens_caught += quality.assess(moire(image, i), found, kind).has("screen")
    n = len(pictures)
    print(f"photocopy caught {copies_caught}/{n}, screen caught {screens_caught}/{n}, false alarms {false_alarms}")
    assert false_alarms == 0
    assert copies_caught == n
    assert screens_caught == n


def test_no_document():
    result = quality.assess(np.zeros((480, 640, 3), np.uint8), None)
    assert result.codes == ("no_document",) and not result.found


# ---- guidance hysteresis ---------------------------------------------------------------------------------


def test_guidance_does_not_flicker_between_two_problems():
    steady = capture.GuidanceFilter(min_seconds=0.7, confirm_seconds=0.15, initial="no_document")
    shown, changes = [], []
    for i in range(60):  # 4 s at 15 fps, the problem flipping every frame
        t = i / FPS
        code = steady.update(t, ["move_closer"] if i % 2 else ["cut_off_left", "hold_still"])
        if shown and code != shown[-1]:
            changes.append(t)
        shown.append(code)
    assert np.all(np.diff(changes) >= 0.7 - 1e-9)


def test_guidance_follows_a_fixed_problem_at_once():
    steady = capture.GuidanceFilter(min_seconds=0.7, confirm_seconds=0.15)
    for i in range(5):
        steady.update(i / FPS, ["move_closer"])
    assert steady.shown == "move_closer"
    t = 5 / FPS
    for i in range(4):  # closer now: within 0.3 s the guidance moves on, long before 0.7 s are up
        steady.update(t + i / FPS, ["hold_still"])
    assert steady.shown == "hold_still"


# ---- the state machine on frame sequences ----------------------------------------------------------------


@pytest.fixture(scope="module")
def approach():
    """Synth's card brought into view and held (36 frames), some held frames made softer (focus hunting)."""
    flat = dataset.make_flat("id_card_front", 4)[0]
    frames, corners = photo.approach_sequence(flat.image, 36, 4, mask=flat.mask)
    for i in range(22, 36, 2):
        frames[i] = cv2.GaussianBlur(frames[i], (0, 0), 1.0)
    return frames, corners


def test_card_brought_in_and_held_is_captured_once_with_the_sharpest_frame(approach):
    frames, corners = approach
    auto = capture.AutoCapture("id_card_front", skip_when_behind=False)
    states, captures = [], 0
    for i, frame in enumerate(frames):
        before = auto.state.phase
        state = auto.feed(frame, i / FPS)
        captures += before != "captured" and state.phase == "captured"
        states.append(state)
    assert captures == 1
    done = next(i for i, s in enumerate(states) if s.phase == "captured")
    # Held: from this frame on, every corner kept within a box of +-steady_px (10 px across) until the capture.
    spread = [np.ptp(np.array(corners[i : done + 1]), axis=0).max() for i in range(done)]
    settled = next(i for i in range(done) if spread[i] <= 2 * auto.steady_px)
    assert (done - settled) / FPS >= auto.steady_seconds - 1e-9
    assert {s.phase for s in states[:done]} >= {"adjusting", "holding"}
    assert all(0 <= s.progress <= 1 for s in states)
    holding = [i for i in range(done + 1) if states[i].phase in ("holding", "captured")]
    sharpness = {i: quality.assess(frames[i], states[i].quad, "id_card_front").sharpness for i in holding}
    kept = states[done].image
    best = max(sharpness, key=sharpness.get)
    assert np.array_equal(kept, frames[best]), (sharpness, best)
    truth = corners[best]
    assert np.abs(states[done].image_quad.points - truth).max() < 3.0
    assert states[done].guidance == "ok" and states[done].warnings == ()


def held_sequence(flat: np.ndarray, path: list[np.ndarray], frame=FRAME) -> list[np.ndarray]:
    """Frames of a document following `path` (corners per frame)."""
    return [compose(flat, corners, seed=i, frame=frame) for i, corners in enumerate(path)]


def test_shaky_hands_never_capture(card_flat):
    # 640x480 frames (the terminal's smaller mode, and a quarter of the work): tolerances scale with the width.
    rng = np.random.default_rng(1)
    base = rectangle_at((320, 240), 380, 85.6 / 54, angle=3)
    path = [base + rng.normal(0, 3, 2).astype(np.float32) for _ in range(20)]  # a hand trembling ~6 px at 1280
    auto = capture.AutoCapture("id_card_front", skip_when_behind=False)
    states = [auto.feed(frame, i / FPS) for i, frame in enumerate(held_sequence(card_flat, path, (640, 480)))]
    assert all(s.phase != "captured" for s in states)
    assert states[-1].guidance == "hold_still"


def test_a_hand_swaying_a_few_px_either_way_is_held_and_captured(card_flat):
    # A held card drifts smoothly back and forth by 4 px (a hand is never stone still): within the 5 px tolerance
    # of where it is on average, though 8 px from one end of the sway to the other.
    base = rectangle_at((640, 480), 760, 85.6 / 54, angle=4)
    sway = [np.float32([4 * np.cos(2 * np.pi * i / 8), 2 * np.sin(2 * np.pi * i / 8)]) for i in range(30)]
    auto = capture.AutoCapture("id_card_front", skip_when_behind=False)
    states = [auto.feed(frame, i / FPS) for i, frame in enumerate(held_sequence(card_flat, [base + d for d in sway]))]
    assert states[-1].phase == "captured", [s.guidance for s in states]
    assert states[-1].warnings == ()


def test_a_held_licence_is_captured_with_its_sheet_not_its_printed_frame():
    # The sheet's edge is faint (white paper on white paper) and the printed frame strong, a tracker's reach
    # inside it: following the outline frame to frame jumped onto the printed frame, the full search back onto
    # the sheet, and the hold broke each time. A held outline that jumps is now checked by the full search.
    flat = dataset.make_flat("business_license", 2)[0]
    frames, corners = photo.approach_sequence(flat.image, 36, 2, mask=flat.mask)
    auto = capture.AutoCapture("business_license", skip_when_behind=False)
    states = [auto.feed(frame, i / FPS) for i, frame in enumerate(frames)]
    assert states[-1].phase == "captured", [s.guidance for s in states[18:]]
    kept = next(i for i, frame in enumerate(frames) if np.array_equal(frame, states[-1].image))
    assert np.abs(states[-1].image_quad.points - corners[kept]).max() < 3.0


def test_cut_off_guidance_names_the_side_and_never_captures(card_flat):
    corners = rectangle_at((525, 240), 380, 85.6 / 54)  # the right third is out of a 640x480 frame
    auto = capture.AutoCapture("id_card_front", skip_when_behind=False)
    frames = held_sequence(card_flat, [corners] * 12, (640, 480))
    states = [auto.feed(frame, i / FPS) for i, frame in enumerate(frames)]
    assert all(s.phase == "adjusting" for s in states)
    assert states[-1].guidance == "cut_off_right"


def test_no_document_searches():
    auto = capture.AutoCapture()
    desk = np.full((960, 1280, 3), 110, np.uint8)
    state = auto.feed(desk, 0.0)
    assert (state.phase, state.guidance, state.quad) == ("searching", "no_document", None)


def test_frames_arriving_while_busy_are_skipped(card_scene):
    image, _ = card_scene
    auto = capture.AutoCapture()
    first = auto.feed(image, 0.0)
    assert first.processed
    auto.last_process_ms = 200.0  # pretend the last frame took 200 ms: the next at +66 ms is dropped
    skipped = auto.feed(image, 1 / FPS)
    assert not skipped.processed and skipped.phase == first.phase


def test_the_capture_benchmark_follows_the_card_and_captures_it() -> None:
    """bench.capture measures (speed lives there, not in a test); here only that it measures a real capture."""
    from bench.capture import main

    figures = main(["--rounds", "1"])
    assert figures["captured"] == 1 and figures["median_ms"] > 0 and figures["baseline_ms"] > 0
