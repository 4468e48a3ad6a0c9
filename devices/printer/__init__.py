"""The receipt printer: ESC/POS over the network (port 9100), a serial line or USB, with a simulator (TCP or pty)
that saves receipts as PNG."""
