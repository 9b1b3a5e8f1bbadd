"""Co-production in Mental Health: the course's widgets and content data."""
from .content import ContentError, load

__all__ = ["ContentError", "load"]
__version__ = "0.1.0"
