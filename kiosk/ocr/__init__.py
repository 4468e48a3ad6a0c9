"""Document OCR: capture, rectify, classify, read fields, validate and repair (no Qt)."""
