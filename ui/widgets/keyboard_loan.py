"""Borrowing the window's one touch keyboard for a screen's fields, and giving it back (form, status, pickup)."""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QBoxLayout, QLineEdit, QWidget


def fitting_scale(keyboard: QWidget, screen: QWidget, margins: int) -> float:
    """The keyboard's scale on `screen`: as large as an elderly portrait screen allows (up to 1.5x), else 1x or
    smaller when the screen is narrower than the keyboard and the page's margins."""
    width = getattr(screen.window(), "target_width", 0) or screen.width()
    if width <= 0:
        return 1.0
    natural = keyboard.minimumSizeHint().width() / max(keyboard.scale(), 0.1)
    fits = (width - 2 * margins - 8) / max(natural, 1.0)
    if getattr(screen, "elderly", False) and getattr(screen, "portrait", False):
        return max(1.0, min(1.5, fits))
    return min(1.0, fits)


class KeyboardLoan:
    """Borrows the window's one touch keyboard for a page and gives it back to the screen it lives on."""

    def __init__(self, keyboard: QWidget | None, slot: QBoxLayout):
        self.keyboard = keyboard
        self.slot = slot
        self.home: Callable[[], None] | None = None  # set by the wiring: gives the keyboard back (browse screen)
        self.borrowed_mode = ""

    def take(self, field: QLineEdit | None, mode: str, screen: QWidget, margins: int) -> None:
        """Put the keyboard in the slot, typing into `field` in `mode` (拼音, ABC or 123)."""
        keyboard = self.keyboard
        if keyboard is None:
            return
        if keyboard.parentWidget() is not self.slot.parentWidget():
            keyboard.hide()  # sized for this page before it shows: a window never shrinks back once it grew
            self.slot.insertWidget(0, keyboard)
        if hasattr(keyboard, "attach"):
            self.borrowed_mode = self.borrowed_mode or keyboard.mode()
            keyboard.attach(field)
            if mode:
                keyboard.set_mode(mode)
            keyboard.set_scale(fitting_scale(keyboard, screen, margins))
        keyboard.show()

    def held(self) -> bool:
        """Whether the keyboard is in this loan's slot."""
        return self.keyboard is not None and self.keyboard.parentWidget() is self.slot.parentWidget()

    def give_back(self) -> None:
        """Return the keyboard to its home screen."""
        keyboard = self.keyboard
        if keyboard is None or not self.held():
            return
        if hasattr(keyboard, "attach"):
            keyboard.attach(None)
            if self.borrowed_mode:
                keyboard.set_mode(self.borrowed_mode)
            self.borrowed_mode = ""
        self.slot.removeWidget(keyboard)
        keyboard.hide()
        if self.home is not None:
            self.home()
