"""The resident ID card reader (二代证阅读器) over the GA/T 467 serial protocol."""
