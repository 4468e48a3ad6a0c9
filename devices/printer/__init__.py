"""The receipt printer: ESC/POS over the network (port 9100), with a simulator that saves receipts as PNG."""
