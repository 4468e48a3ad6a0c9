"""Microphone and speaker through sounddevice (PortAudio); tested on PulseAudio null sinks."""
