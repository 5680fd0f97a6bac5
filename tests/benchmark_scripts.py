"""The benchmark scripts of ``benchmarks/`` as modules, for the tests that check their parts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load_benchmark(script: str, name: str) -> ModuleType:
    """``benchmarks/<script>`` as a module called ``name``. It is put in ``sys.modules`` (a
    dataclass of the script looks its module up there) and ``benchmarks/`` is on the path
    while it loads (a script imports its neighbour: stream_classes.py builds its stream with
    prefilter_stream.py, workers_phases.py reads its corpus with throughput.py)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / script)
        module = sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))
