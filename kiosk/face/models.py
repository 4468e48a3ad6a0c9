"""dlib's face models (the files shipped by face_recognition_models), loaded once per process on first use."""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass
from pathlib import Path

import dlib

LANDMARKS_68 = "shape_predictor_68_face_landmarks.dat"
DESCRIPTOR = "dlib_face_recognition_resnet_model_v1.dat"
CNN_DETECTOR = "mmod_human_face_detector.dat"


class ModelsMissing(RuntimeError):
    """The face model files are not installed."""


def model_dir() -> Path:
    """The folder holding the model files of the face_recognition_models package (found without importing it:
    its __init__ imports the deprecated pkg_resources, which warns)."""
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise ModelsMissing("the face_recognition_models package is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "models"
    if not (folder / LANDMARKS_68).is_file():
        raise ModelsMissing(f"face model files are missing in {folder}")
    return folder


@dataclass(frozen=True)
class FaceModels:
    """The HOG face detector, the 68-point landmark model and the 128-D descriptor network."""

    detector: dlib.fhog_object_detector
    landmarks: dlib.shape_predictor
    encoder: dlib.face_recognition_model_v1
    folder: Path

    def cnn_detector(self) -> dlib.cnn_face_detection_model_v1:
        """The slower CNN detector, for a reference photo the HOG detector misses (loaded on first use)."""
        return _cnn(self.folder)


_lock = threading.Lock()
_models: FaceModels | None = None
_cnn_models: dict[Path, dlib.cnn_face_detection_model_v1] = {}


def load_models() -> FaceModels:
    """The process's face models, loading them on the first call (about a second)."""
    global _models
    with _lock:
        if _models is None:
            folder = model_dir()
            _models = FaceModels(
                detector=dlib.get_frontal_face_detector(),
                landmarks=dlib.shape_predictor(str(folder / LANDMARKS_68)),
                encoder=dlib.face_recognition_model_v1(str(folder / DESCRIPTOR)),
                folder=folder,
            )
        return _models


def _cnn(folder: Path) -> dlib.cnn_face_detection_model_v1:
    with _lock:
        if folder not in _cnn_models:
            _cnn_models[folder] = dlib.cnn_face_detection_model_v1(str(folder / CNN_DETECTOR))
        return _cnn_models[folder]
