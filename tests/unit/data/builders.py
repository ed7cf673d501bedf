"""Load the offline build scripts of ``chancery/data`` (scripts, not a package) and find the shared data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[3] / "src" / "chancery" / "data"


def load_script(relative: str):
    """The build script at ``chancery/data/<relative>`` as a module."""
    name = "build_" + relative.replace("/", "_").removesuffix(".py")
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, DATA / relative)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the script runs
    spec.loader.exec_module(module)
    return module


def shared_data() -> Path:
    """``shared/data`` beside the repository (or one of its parents); skip when it is not there."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "data"
        if (candidate / "cameo").is_dir():
            return candidate
    pytest.skip("the shared reference data (shared/data) is not beside this checkout")
