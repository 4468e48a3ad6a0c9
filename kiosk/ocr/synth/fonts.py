"""Finding the installed fonts the synthetic documents are printed in, through fontconfig.

Real documents come from many printers and font versions, so each sample draws its typefaces from every installed
font of the right style (黑体-like sans, 宋体-like serif, 楷体, an OCR-B-like monospace for the ID number).
scripts/debian-packages.txt installs Noto CJK, WenQuanYi and AR PL fonts; whatever subset is present is used.
"""

from __future__ import annotations

import functools
import random
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

# Families per role, in order of preference; only installed ones are used.
FAMILIES: dict[str, tuple[str, ...]] = {
    "sans": ("Noto Sans CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"),
    "serif": ("Noto Serif CJK SC", "AR PL UMing CN"),
    "kai": ("AR PL UKai CN",),
    "mono": ("DejaVu Sans Mono", "Noto Sans Mono", "Nimbus Mono PS", "Liberation Mono"),
}
# Where fontconfig is missing (a bare container), these files are tried instead.
FALLBACK_FILES: dict[str, tuple[tuple[str, str, int], ...]] = {
    "sans": (("Noto Sans CJK SC", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),),
    "serif": (("Noto Serif CJK SC", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),),
    "kai": (("AR PL UKai CN", "/usr/share/fonts/truetype/arphic/ukai.ttc", 0),),
    "mono": (("DejaVu Sans Mono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", 0),),
}


@dataclass(frozen=True)
class FontFace:
    """One installed face: family name, file and index inside a collection."""

    family: str
    path: str
    index: int
    bold: bool = False

    @property
    def label(self) -> str:
        """The family and weight as recorded in a sample's metadata."""
        return self.family + (" Bold" if self.bold else "")


@functools.cache
def find_face(family: str, bold: bool = False) -> FontFace | None:
    """The installed face of a family (bold if it has one, else its regular), or None if not installed."""
    if shutil.which("fc-match") is None:
        return None
    pattern = f"{family}:style=Bold" if bold else f"{family}:style=Regular"
    out = subprocess.run(
        ["fc-match", "-f", "%{file}|%{index}|%{family}|%{style}", pattern],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    parts = out.split("|")
    if len(parts) < 4 or not Path(parts[0]).is_file():
        return None
    # fc-match always answers with something; accept only the family asked for.
    if family not in [name.strip() for name in parts[2].split(",")]:
        return None
    return FontFace(family, parts[0], int(parts[1] or 0), bold and "Bold" in parts[3])


@functools.cache
def available(role: str, bold: bool = False) -> tuple[FontFace, ...]:
    """The installed faces for a role ("sans", "serif", "kai", "mono")."""
    faces = tuple(face for family in FAMILIES[role] if (face := find_face(family, bold)) is not None)
    if faces:
        return faces
    fallback = tuple(FontFace(f, p, i) for f, p, i in FALLBACK_FILES[role] if Path(p).is_file())
    if fallback or role == "sans":
        return fallback
    return available("sans", bold)  # any CJK face prints Latin digits too


def pick(role: str, rng: random.Random, bold: bool = False) -> FontFace:
    """One installed face for a role, chosen by the sample's random source."""
    faces = available(role, bold)
    if not faces:
        raise RuntimeError(f"no {role} font installed: install the fonts in scripts/debian-packages.txt")
    return faces[rng.randrange(len(faces))]


@functools.cache
def load(face: FontFace, size: int) -> ImageFont.FreeTypeFont:
    """A Pillow font object for a face at a pixel size (cached: loading a CJK collection is slow)."""
    return ImageFont.truetype(face.path, size=max(4, size), index=face.index)
