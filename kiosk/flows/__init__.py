"""Flows: what each part of the resident's journey shows and does, without Qt."""
