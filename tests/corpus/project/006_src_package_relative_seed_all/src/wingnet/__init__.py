"""wingnet: Drosophila wing morphometrics classifiers."""
__version__ = "0.3.0"
