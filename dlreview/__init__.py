"""dlreview: reviews deep-learning research the way a careful reviewer would."""

__version__ = "0.1.0"
