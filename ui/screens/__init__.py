"""The terminal's screens: each renders one session state and reports input; none holds business state."""
