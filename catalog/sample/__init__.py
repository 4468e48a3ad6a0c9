"""Generator of the sample catalog source from the real district list."""
