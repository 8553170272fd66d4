"""Patch-seq electrophysiology classifiers (mouse visual cortex)."""
