"""Version numbers, kept apart so that reading them imports nothing else."""

__all__ = ["DATA_VERSION", "__version__"]

__version__ = "0.2.0"

#: Version of the bundled data (calendar versioning), independent of the code's.
DATA_VERSION = "2026.6"
