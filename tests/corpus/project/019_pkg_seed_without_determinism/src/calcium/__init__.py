"""Helpers for the two-photon calcium imaging analyses."""
