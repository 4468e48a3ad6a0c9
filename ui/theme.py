"""The look: one style sheet, scaled 1.5x with higher contrast in elderly mode.

Touch targets are at least 90 px (about 15 mm on a 23.8" 1080p screen) at normal size. Colour is never the
only cue: the chosen language and the elderly switch also change their text and border.
"""

from __future__ import annotations

from dataclasses import dataclass

CJK_FONT = "Noto Sans CJK SC"


@dataclass(frozen=True)
class Palette:
    """Colours of one mode."""

    background: str
    surface: str
    text: str
    muted: str
    primary: str
    primary_text: str
    accent: str
    border: str
    danger: str
    caution: str = "#8a4b00"  # text of "please check" marks: dark amber, readable on white
    caution_fill: str = "#fff4dc"
    ok: str = "#1e6b2f"


NORMAL = Palette("#f3f6fa", "#ffffff", "#1b2430", "#4a5668", "#0b5394", "#ffffff", "#e8f0fb", "#b8c4d4", "#b3261e")
# Elderly mode: near-black on white, darker blue, thicker borders (contrast ratios above 7:1).
HIGH_CONTRAST = Palette(
    "#ffffff", "#ffffff", "#000000", "#1f1f1f", "#00307a", "#ffffff", "#fff4c2", "#000000", "#8a0000",
    "#6b3500", "#fff1cc", "#14521f",
)  # fmt: skip
# The capture outline over the live picture: amber while something needs fixing, green while holding still.
OUTLINE_ADJUSTING = "#f0a500"
OUTLINE_HOLDING = "#1e9e48"


def scale_for(elderly: bool) -> float:
    """Text and control scale: 1.5x in elderly mode."""
    return 1.5 if elderly else 1.0


def style_sheet(elderly: bool) -> str:
    """The application-wide style sheet for a mode."""
    s = scale_for(elderly)
    p = HIGH_CONTRAST if elderly else NORMAL
    border = 3 if elderly else 1

    def px(value: float) -> str:
        return f"{round(value * s)}px"

    return f"""
* {{ font-family: "{CJK_FONT}"; }}
QWidget {{ background: {p.background}; color: {p.text}; font-size: {px(24)}; }}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {px(40)}; font-weight: bold; color: {p.primary}; }}
QLabel[role="subtitle"] {{ font-size: {px(26)}; color: {p.muted}; }}
QLabel[role="note"] {{ font-size: {px(18)}; color: {p.muted}; }}
QLabel[role="instruction"] {{ font-size: {px(28)}; color: {p.text}; }}
QLabel[role="heading"] {{ font-size: {px(28)}; font-weight: bold; color: {p.primary}; margin-top: {px(12)}; }}
QLabel[role="warning"] {{ font-size: {px(26)}; color: {p.danger}; font-weight: bold; }}
QPushButton {{ background: {p.surface}; color: {p.primary}; border: {border + 1}px solid {p.primary};
    border-radius: {px(14)}; padding: {px(10)} {px(22)}; min-height: {px(90)}; min-width: {px(90)};
    font-size: {px(26)}; }}
QPushButton:pressed {{ background: {p.accent}; }}
QPushButton:disabled {{ color: {p.border}; border-color: {p.border}; border-style: dashed; }}
QPushButton[role="primary"] {{ background: {p.primary}; color: {p.primary_text}; font-weight: bold; }}
QPushButton[role="primary"]:disabled {{ background: {p.background}; color: {p.muted}; border-color: {p.border}; }}
QPushButton[role="tile"] {{ background: {p.surface}; color: {p.text}; border: {border + 1}px solid {p.border};
    border-radius: {px(22)}; font-size: {px(32)}; font-weight: bold; padding: {px(18)}; text-align: center; }}
QPushButton[role="tile"]:pressed {{ background: {p.accent}; }}
QPushButton[role="chrome"] {{ min-height: {px(90)}; font-size: {px(24)}; padding: {px(6)} {px(16)}; }}
QPushButton#lang_zh_CN, QPushButton#lang_zh_HK, QPushButton#lang_en {{ min-width: {px(48)}; }}
QPushButton[role="chrome"][active="true"] {{ background: {p.primary}; color: {p.primary_text};
    font-weight: bold; border-width: {border + 3}px; }}
QPushButton[role="result"] {{ text-align: left; color: {p.text}; border: {border}px solid {p.border};
    border-radius: {px(12)}; padding: {px(14)} {px(22)}; font-size: {px(26)}; }}
QLabel[role="button-title"] {{ font-size: {px(30)}; font-weight: bold; color: {p.text}; }}
QLabel[role="button-detail"] {{ font-size: {px(22)}; color: {p.muted}; }}
QPushButton[role="result"] QLabel[role="button-title"] {{ font-size: {px(26)}; font-weight: normal; }}
QPushButton[role="pinkey"] {{ min-height: 88px; max-height: 88px; min-width: 180px; padding: 0px; font-size: 36px; }}
QPushButton[role="key"] {{ font-size: {px(30)}; min-height: {px(90)}; min-width: {px(90)}; padding: 0; }}
QLineEdit {{ background: {p.surface}; border: {border + 2}px solid {p.primary}; border-radius: {px(12)};
    padding: {px(10)} {px(16)}; font-size: {px(32)}; min-height: {px(70)}; }}
QComboBox {{ background: {p.surface}; border: {border + 1}px solid {p.border}; border-radius: {px(10)};
    padding: {px(8)} {px(14)}; min-height: {px(90)}; font-size: {px(24)}; }}
QComboBox QAbstractItemView {{ font-size: {px(26)}; background: {p.surface}; }}
QComboBox QAbstractItemView::item {{ min-height: {px(80)}; }}
QScrollArea {{ border: none; }}
QScrollBar:vertical {{ width: {px(28)}; background: {p.background}; }}
QScrollBar::handle:vertical {{ background: {p.border}; min-height: {px(80)}; border-radius: {px(10)}; }}
QFrame[role="panel"] {{ background: {p.surface}; border: {border}px solid {p.border}; border-radius: {px(16)}; }}
QFrame[role="overlay"] {{ background: rgba(0, 0, 0, 150); }}
QFrame[role="dialog"] {{ background: {p.surface}; border: {border + 3}px solid {p.primary}; border-radius: {px(24)}; }}
QFrame[role="topbar"] {{ background: {p.surface}; border-bottom: {border + 1}px solid {p.border}; }}
QTextBrowser {{ background: {p.surface}; border: none; font-size: {px(26)}; }}
QLabel[role="guidance"] {{ font-size: {px(40)}; font-weight: bold; color: {p.text}; }}
QLabel[role="done"] {{ font-size: {px(24)}; font-weight: bold; color: {p.ok}; }}
QLabel[role="camera"] {{ background: #20252c; color: #e6eaef; border-radius: {px(12)}; font-size: {px(26)}; }}
QPushButton[role="action"] {{ background: {p.primary}; border-radius: {px(16)}; }}
QPushButton[role="action"] QLabel {{ color: {p.primary_text}; }}
QPushButton[role="action"]:pressed {{ background: {p.text}; }}
QProgressBar {{ border: {border + 1}px solid {p.border}; border-radius: {px(10)}; background: {p.surface};
    min-height: {px(28)}; max-height: {px(28)}; text-align: center; font-size: {px(18)}; }}
QProgressBar::chunk {{ background: {p.ok}; border-radius: {px(8)}; }}
QFrame[role="field"] {{ background: {p.surface}; border: {border}px solid {p.border}; border-radius: {px(12)}; }}
QFrame[role="field"][state="check"] {{ background: {p.caution_fill}; border: {border + 3}px solid {p.caution}; }}
QLabel[role="step"] {{ font-size: {px(22)}; color: {p.muted}; padding: {px(8)} {px(10)};
    border-bottom: {px(6)} solid {p.border}; }}
QLabel[role="step"][step="done"] {{ color: {p.ok}; border-bottom-color: {p.ok}; }}
QLabel[role="step"][step="current"] {{ color: {p.primary}; font-weight: bold; border-bottom-color: {p.primary}; }}
QLineEdit[invalid="true"] {{ border: {border + 3}px solid {p.danger}; }}
QLabel[role="field-label"] {{ font-size: {px(22)}; color: {p.muted}; }}
QLabel[role="flag"] {{ font-size: {px(22)}; font-weight: bold; color: {p.caution}; }}
QLabel[role="flag"][state="confirmed"], QLabel[role="flag"][state="corrected"] {{ color: {p.ok}; }}
QLabel[role="field-value"] {{ font-size: {px(30)}; font-weight: bold; color: {p.text}; padding-left: {px(6)}; }}
QPushButton[role="small"] {{ min-height: {px(90)}; font-size: {px(24)}; padding: {px(6)} {px(16)}; }}
QLabel[role="warning-box"] {{ font-size: {px(22)}; color: {p.danger}; font-weight: bold;
    background: {p.surface}; border: {border + 1}px solid {p.danger}; border-radius: {px(10)}; padding: {px(8)}; }}
"""


def diagnostics_style() -> str:
    """The technician's screens: dense and fixed-size (elderly mode is for residents, not for this screen)."""
    p = NORMAL
    return f"""
QWidget {{ font-size: 20px; }}
QLabel[role="diag-name"] {{ font-size: 22px; font-weight: bold; color: {p.text}; }}
QLabel[role="diag-summary"] {{ font-size: 18px; color: {p.muted}; }}
QLabel[role="diag-state"] {{ font-size: 20px; font-weight: bold; padding: 2px 10px; border-radius: 8px;
    color: {p.muted}; border: 2px solid {p.border}; }}
QLabel[role="diag-state"][ok="true"] {{ color: #1e6b2f; border-color: #1e6b2f; }}
QLabel[role="diag-state"][ok="false"] {{ color: {p.danger}; border-color: {p.danger}; }}
QLabel[role="diag-heading"] {{ font-size: 24px; font-weight: bold; color: {p.primary}; }}
QLabel[role="diag-heading"][ok="true"] {{ color: #1e6b2f; }}
QLabel[role="diag-heading"][ok="false"] {{ color: {p.danger}; }}
QLabel[role="diag-figure"] {{ font-size: 20px; color: {p.text}; }}
QLabel[role="diag-preview"] {{ background: #20252c; color: #d0d6de; border-radius: 8px; font-size: 18px; }}
QPushButton[role="diag"] {{ min-height: 50px; max-height: 50px; min-width: 120px; font-size: 20px;
    padding: 4px 14px; border-radius: 10px; }}
QPushButton[role="diag"][active="true"] {{ background: {p.primary}; color: {p.primary_text}; }}
QPushButton[role="chrome"] {{ min-height: 56px; font-size: 22px; }}
QPushButton[role="primary"] {{ min-height: 56px; font-size: 22px; }}
QPlainTextEdit {{ background: {p.surface}; border: 1px solid {p.border}; font-family: "DejaVu Sans Mono";
    font-size: 14px; color: {p.text}; }}
QProgressBar {{ border: 1px solid {p.border}; border-radius: 6px; background: {p.surface}; min-height: 28px;
    max-height: 28px; text-align: center; font-size: 16px; }}
QProgressBar::chunk {{ background: #2f8f46; border-radius: 5px; }}
"""
