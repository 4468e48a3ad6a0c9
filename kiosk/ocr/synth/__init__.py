"""Synthetic document photographs with ground truth, for tests and the OCR benchmark (deterministic from a seed)."""
