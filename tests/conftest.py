import sys
from pathlib import Path

from hypothesis import settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

# No per-example deadline: hypothesis's default of 200 ms is a timing assertion, and on a busy
# machine or inside Pyodide it fails tests that are correct. Speed is measured in tools/benchmark.py.
settings.register_profile("pbm-wijzer", deadline=None)
settings.load_profile("pbm-wijzer")
