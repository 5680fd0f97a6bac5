"""Every packaged YAML file is read with libyaml's parser where PyYAML has it
(``_yamlconf.load_data``): the lexicons are read at every start-up and by every worker, and
the pure-Python parser cost more than the rules that use them on a short batch. The values
must be the ones ``yaml.safe_load`` gives, file by file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import strikewatch
from strikewatch._yamlconf import load_data

DATA = Path(strikewatch.__file__).parent / "data"
PACKAGED = sorted(DATA.rglob("*.yaml"))


def test_the_packaged_yaml_files_are_found():
    names = {p.name for p in PACKAGED}
    assert {"quantities.yaml", "dates.yaml", "entities.yaml", "ingest_furniture.yaml",
            "descriptors.yaml", "sites.yaml"} <= names


@pytest.mark.parametrize("path", PACKAGED, ids=lambda p: str(p.relative_to(DATA)))
def test_a_packaged_file_reads_as_safe_load_reads_it(path):
    text = path.read_text(encoding="utf-8")
    assert load_data(text) == yaml.safe_load(text)
