"""Device drivers, one package per kind, each with a simulator that speaks the same protocol."""
