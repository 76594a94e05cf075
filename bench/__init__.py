"""gitstudio benchmarks: candidate vs baseline, measured in the same run (see README.md)."""
