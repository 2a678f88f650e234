"""Shared test builders, fixtures and stubs, loaded as pytest plugins."""
