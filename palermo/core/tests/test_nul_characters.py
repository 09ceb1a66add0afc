"""NUL characters never cause a server error: dropped from queries, refused in submissions."""

import pytest


@pytest.mark.parametrize(
    "path, params",
    [
        (
            "/api/v1/directory/route",
            {"requesting_state": "IT\x00A", "requested_state": "ITA", "request_type": "mla"},
        ),
        ("/api/v1/reference/countries", {"q": "\x00"}),
        ("/en/knowledge/", {"q": "freez\x00ing"}),
    ],
)
def test_nul_in_a_query_is_dropped_and_the_rest_answered(client, db, path, params):
    response = client.get(path, params)
    assert response.status_code < 500
    assert "\x00" not in response.content.decode()


def test_nul_in_a_search_is_searched_as_plain_text(client, db):
    from palermo.core.search import SearchDocument, index_document

    index_document(SearchDocument(kind="caselaw", key="1", title="Freezing order upheld"))
    with_nul = client.get("/api/v1/knowledge/search", {"q": "free\x00zing"})
    assert with_nul.status_code == 200


def test_nul_in_a_json_body_is_refused_with_the_api_error_shape(client, db):
    response = client.post(
        "/api/v1/writer/requests", data='{"title": "a\\u0000b"}', content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_input"
    assert "NUL character" in response.json()["error"]["message"]


def test_nul_in_a_form_is_refused(client, db):
    response = client.post("/en/accounts/login/", {"login": "a\x00@example.org", "password": "x"})
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_ordinary_requests_pass(client, db):
    assert client.get("/en/", {"q": "trafficking"}).status_code == 200
