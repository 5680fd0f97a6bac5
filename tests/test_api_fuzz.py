"""The API fuzzed from its own schema (schemathesis over /openapi.json, in process through
ASGI, no socket): whatever a client sends, no answer is a 500, and every answer has a status,
content type and body its schema declares. Bounded so that it costs seconds in ``make test``."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from webapp_support import build_founding_db

from strikewatch.api import ApiSettings, create_app
from strikewatch.store import Store
from strikewatch.users import add_user

@schemathesis.serializer("application/x-ndjson")
def _json_lines(_ctx, value) -> bytes:  # noqa: ANN001 - schemathesis' context and body
    """The JSON Lines endpoint's body is declared as a string: sent as its UTF-8 bytes, lone
    surrogates and all (the endpoint must reject those itself)."""
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")


CHECKS = (not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance)
EXAMPLES = 20  # per operation: about 30 operations, seconds in all


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    """The founding example's store behind the app, and an analyst's token so that the
    writes are fuzzed past the token check too (ingest never extracts: process is off)."""
    store = Store(str(build_founding_db(tmp_path_factory.mktemp("fuzz") / "founding.db")))
    token = add_user(store, "Fuzz Analyst", role="analyst")
    app = create_app(ApiSettings(process_ingest=False, max_upload_bytes=200_000), store=store)
    yield schemathesis.openapi.from_asgi("/openapi.json", app), token
    store.close()


def _fuzz(operation, token: str) -> None:
    """Requests the schema allows and requests it forbids (wrong types, out of range values,
    missing fields): the first must be answered, the second refused with a 4xx."""
    cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE),
                      operation.as_strategy(GenerationMode.NEGATIVE))

    @given(case=cases)
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case) -> None:  # noqa: ANN001 - a schemathesis Case
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        case.validate_response(response, checks=CHECKS)

    run()


def test_no_request_gets_a_500_or_an_answer_outside_the_schema(fuzzed):
    """Every operation of the schema (schemathesis' pytest plugin is not used: its lazy
    loading breaks on this pytest), each failure named by its operation."""
    schema, token = fuzzed
    failures = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        try:
            _fuzz(operation, token)
        except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - reported together
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    assert not failures, "\n\n".join(failures)
