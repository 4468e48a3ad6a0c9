"""References (chip photo, card portrait), live descriptors, the decision, pairs and threshold calibration,
on the shared faces with the real dlib models."""

from __future__ import annotations

import itertools
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.face.calibrate import pick_threshold, point, roc
from kiosk.face.landmarks import find_faces
from kiosk.face.matcher import DEFAULT_THRESHOLD, MatchSettings, decide, distance, encode_live
from kiosk.face.models import load_models
from kiosk.face.pairs import PairComparer, parse_same, read_pairs
from kiosk.face.reference import (
    CARD_MM,
    CHIP_SIZE,
    PORTRAIT_MM,
    Reference,
    ReferenceError,
    chip_style,
    portrait_from_card,
    prepare_reference,
)

FACES = Path(__file__).resolve().parents[3] / "shared" / "data" / "faces" / "images"
# (chip photo of, live photo of): the same person in two different photos
GENUINE = [("img1.jpg", "img6.jpg"), ("img29.jpg", "img32.jpg"), ("obama_obama.jpg", "obama_obama2.jpg")]
IMPOSTOR = [("img1.jpg", "img8.jpg"), ("img29.jpg", "img39.jpg"), ("obama_obama.jpg", "biden_biden2.jpg")]


@pytest.fixture(scope="module")
def models():
    return load_models()


@pytest.fixture(scope="module")
def photos():
    names = {n for pair in GENUINE + IMPOSTOR for n in pair}
    return {n: cv2.imread(str(FACES / n)) for n in names}


@pytest.fixture(scope="module")
def references(models, photos):
    return {n: prepare_reference(chip_style(photos[n], models), models, source="chip") for n in {a for a, _ in GENUINE}}


def live(photo: np.ndarray, models, reference: Reference | None, settings: MatchSettings | None = None):
    rgb = cv2.cvtColor(photo, cv2.COLOR_BGR2RGB)
    face = find_faces(rgb, models, upsample=1)[0]
    return encode_live(rgb, face, models, reference, settings)


def test_a_chip_style_photo_is_a_small_jpeg_head_and_shoulders_with_one_face(models, photos):
    chip = chip_style(photos["img1.jpg"], models)
    assert (chip.shape[1], chip.shape[0]) == CHIP_SIZE
    ref = prepare_reference(chip, models, source="chip")
    assert ref.encoding.shape == (128,) and ref.source == "chip"
    assert 40 <= ref.face_width <= 70  # about half the photo's width, as on a card


def test_the_same_person_matches_and_different_people_do_not(models, photos, references):
    for a, b in GENUINE:
        assert distance(live(photos[b], models, references[a]), references[a].encoding) < DEFAULT_THRESHOLD, (a, b)
    for a, b in IMPOSTOR:
        ref = references.get(a) or prepare_reference(chip_style(photos[a], models), models)
        assert distance(live(photos[b], models, ref), ref.encoding) > DEFAULT_THRESHOLD + 0.1, (a, b)


def test_bringing_the_live_face_to_the_chip_photos_detail_brings_the_same_person_closer(models, photos, references):
    matched, plain = [], []
    for a, b in GENUINE:
        ref = references[a]
        matched.append(distance(live(photos[b], models, ref), ref.encoding))
        plain.append(distance(live(photos[b], models, ref, MatchSettings(resolution_matching=False)), ref.encoding))
    assert np.mean(matched) < np.mean(plain) - 0.01, (matched, plain)


def test_several_live_frames_are_averaged_into_one_decision(models, photos, references):
    ref = references["img29.jpg"]
    encodings = [live(photos["img32.jpg"], models, ref), live(cv2.flip(photos["img32.jpg"], 1), models, ref)]
    decision = decide(ref, encodings, DEFAULT_THRESHOLD)
    assert decision.match and decision.frames == 2 and decision.threshold == DEFAULT_THRESHOLD
    assert decision.distance == pytest.approx(distance(np.mean(encodings, axis=0), ref.encoding))
    assert decision.closest_frame == min(distance(e, ref.encoding) for e in encodings)
    with pytest.raises(ValueError):
        decide(ref, [], DEFAULT_THRESHOLD)


def test_a_card_portrait_is_cut_from_a_card_image_and_matches_its_holder(models, photos):
    width = 856  # 10 px per mm
    card = np.full((int(CARD_MM[1] * 10), width, 3), 235, np.uint8)
    left, top, right, bottom = (int(v * 10) for v in PORTRAIT_MM)
    portrait = cv2.resize(chip_style(photos["img29.jpg"], models, quality=80), (right - left, bottom - top))
    card[top:bottom, left:right] = portrait
    cut = portrait_from_card(card)
    assert cut.shape[0] < card.shape[0] and cut.shape[1] < card.shape[1] / 2
    ref = prepare_reference(cut, models, source="card_image")
    assert distance(live(photos["img32.jpg"], models, ref), ref.encoding) < DEFAULT_THRESHOLD


def test_photos_without_one_usable_face_are_refused_with_a_reason(models):
    with pytest.raises(ReferenceError, match="no face"):
        prepare_reference(np.full((126, 102, 3), 200, np.uint8), models)
    with pytest.raises(ReferenceError, match="faces of similar size"):
        prepare_reference(cv2.imread(str(FACES / "couple.jpg")), models)


def test_a_reference_wipe_zeroes_its_descriptor(references):
    ref = Reference(references["img1.jpg"].encoding.copy(), 54.0)
    ref.wipe()
    assert not ref.encoding.any() and ref.face_width == 0


def test_pairs_are_compared_once_per_image_and_wiped(models, photos):
    comparer = PairComparer(models)
    loads = []

    def loader(name):
        def load():
            loads.append(name)
            return photos[name]

        return load

    chip = chip_style(photos["img1.jpg"], models)
    for b in ("img6.jpg", "img8.jpg"):
        result = comparer.compare("chip", lambda: loads.append("chip") or chip, b, loader(b))
        assert result.error is None and result.distance is not None
    assert loads.count("chip") == 1 and loads.count("img6.jpg") == 1
    again = comparer.compare("chip", lambda: chip, "img6.jpg", loader("img6.jpg"))
    assert loads.count("img6.jpg") == 1 and again.distance is not None
    blank = comparer.compare("blank", lambda: np.zeros((60, 60, 3), np.uint8), "img6.jpg", loader("img6.jpg"))
    assert blank.distance is None and blank.error.startswith("a: no face")
    kept = [r.encoding for r in comparer._references.values() if isinstance(r, Reference)]
    comparer.wipe()
    assert kept and not any(e.any() for e in kept)


def test_pairs_csv_needs_its_columns_and_readable_labels(tmp_path):
    good = tmp_path / "pairs.csv"
    good.write_text("a,b,same\nx.jpg,y.jpg,1\nx.jpg,z.jpg,no\n", encoding="utf-8")
    assert [r["same"] for r in read_pairs(good, need_label=True)] == ["1", "no"]
    assert [parse_same(v) for v in ("1", "yes", "0", "false", "maybe")] == [True, True, False, False, None]
    missing = tmp_path / "missing.csv"
    missing.write_text("a,c\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match="columns a, b"):
        read_pairs(missing)
    unlabelled = tmp_path / "unlabelled.csv"
    unlabelled.write_text("a,b,same\nx.jpg,y.jpg,perhaps\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        read_pairs(unlabelled, need_label=True)


def test_roc_counts_pairs_without_a_face_as_non_matches():
    genuine = [0.3, 0.4, 0.5, None]
    impostor = [0.55, 0.7, 0.8, None]
    p = point(genuine, impostor, 0.5)
    assert (p.false_matches, p.false_non_matches) == (0, 1) and p.fnmr == 0.25 and p.fmr == 0.0
    p = point(genuine, impostor, 0.6)
    assert (p.false_matches, p.false_non_matches) == (1, 1) and p.fmr == 0.25
    curve = roc(genuine, impostor)
    assert curve[0].threshold == 0.3 and curve[-1].threshold == 0.8
    assert all(a.fmr <= b.fmr and a.fnmr >= b.fnmr for a, b in itertools.pairwise(curve))


def test_the_threshold_keeps_the_fmr_under_target_with_the_widest_margin():
    rng = np.random.default_rng(0)
    genuine = list(rng.normal(0.45, 0.05, 200))
    impostor = list(rng.normal(0.85, 0.06, 3000))
    chosen = pick_threshold(genuine, impostor, 0.001)
    assert chosen.fmr <= 0.001
    ordered = sorted(impostor)
    ceiling = ordered[3]  # three false matches are allowed in 3,000 impostor pairs, not a fourth
    accepted = max(g for g in genuine if g < ceiling)
    assert chosen.threshold == pytest.approx((accepted + ceiling) / 2, abs=1e-4)  # halfway: the widest margin
    strict = pick_threshold(genuine, impostor, 0.0001)
    assert strict.threshold < ordered[0] and strict.fmr == 0.0
    assert strict.threshold > max(g for g in genuine if g < ordered[0])  # halfway: above every genuine it accepts
    with pytest.raises(ValueError):
        pick_threshold(genuine, [], 0.001)
