"""Reusable widgets for the terminal's screens."""

from ui.widgets.keyboard import TouchKeyboard

__all__ = ["TouchKeyboard"]
