"""Settings every test shares, chosen so the suite gives the same result on a loaded machine.

Hypothesis never times examples (a deadline or the "too slow" health check fails a test because
another process had the CPU) and derives its examples from each test's name, so two runs try the
same inputs; `HYPOTHESIS_PROFILE=explore` draws fresh random examples for bug hunting.
"""

import os

from hypothesis import HealthCheck, settings

_UNTIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("repeatable", derandomize=True, print_blob=True, **_UNTIMED)
settings.register_profile("explore", **_UNTIMED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
