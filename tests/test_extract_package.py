"""The shape of the extraction package: the stages sit on a ground floor of shared records and
word helpers and do not import one another, so that each can be read, tested and replaced
alone; only ``sentence`` (which runs them) and ``document`` (which runs documents) compose."""

from __future__ import annotations

import ast
from pathlib import Path

import strikewatch.extract as extract

PACKAGE = Path(extract.__file__).parent
GROUND = {"settings", "state", "words"}
RUNNERS = {"sentence", "document", "__init__"}


def package_imports(path: Path) -> set[str]:
    """The sibling modules a module of the package imports (``from .x import ...``)."""
    tree = ast.parse(path.read_text())
    return {node.module.split(".")[0] for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}


def test_stages_import_only_the_ground_floor():
    stages = [p for p in PACKAGE.glob("*.py") if p.stem not in GROUND | RUNNERS]
    assert {p.stem for p in stages} >= {"gate", "triggers", "attacker", "places", "claims", "merge"}
    for path in stages:
        assert package_imports(path) <= GROUND, f"{path.stem} imports another stage"


def test_ground_floor_imports_no_stage():
    for name in GROUND:
        assert package_imports(PACKAGE / f"{name}.py") <= GROUND, name


def test_public_names_stay_importable_from_the_package():
    from strikewatch.extract import ExtractSettings, Extraction, Extractor

    assert ExtractSettings().batch_size > 0
    assert Extraction((), ()).strikes == ()
    assert callable(Extractor.extract_many)
