"""gitstudio benchmarks: candidate vs baseline, measured in the same run (see README.md)."""

from gitstudio.settings import Settings
from storage import limits

# The bounds below the app come from the settings (their defaults), as the server sets them.
limits.configure(Settings())
