"""NUL characters are refused with a clear 400 everywhere, never a server error."""

import pytest


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/v1/directory/route", {"requesting_state": "IT\x00A", "requested_state": "ITA",
                                     "request_type": "mla"}),
        ("/api/v1/reference/countries", {"q": "\x00"}),
        ("/en/knowledge/", {"q": "freez\x00ing"}),
    ],
)
def test_nul_in_a_query_is_refused_clearly(client, db, path, params):
    response = client.get(path, params)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_nul_in_a_json_body_is_refused_with_the_api_error_shape(client, db):
    response = client.post(
        "/api/v1/writer/requests", data='{"title": "a\\u0000b"}', content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_input"


def test_nul_in_a_form_is_refused(client, db):
    response = client.post("/en/accounts/login/", {"login": "a\x00@example.org", "password": "x"})
    assert response.status_code == 400


def test_ordinary_requests_pass(client, db):
    assert client.get("/en/", {"q": "trafficking"}).status_code == 200
