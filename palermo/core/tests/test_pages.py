import pytest

from conftest import PERSONA_NAMES, World


@pytest.mark.parametrize("language", ["en", "ar", "fr", "es", "ru", "zh-hans"])
def test_home_page_renders_in_each_language_with_direction(client, db, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert ('dir="rtl"' in html) == (language == "ar")


@pytest.mark.parametrize(
    "persona, expected",
    [("anon", 302), ("practitioner", 403), ("alice", 403), ("bob", 403), ("sam", 403),
     ("adam", 200), ("fiona", 403), ("eddie", 403), ("staff", 200)],
)
def test_audit_trail_access(world: World, persona, expected):
    assert set(PERSONA_NAMES) == set(world.users)
    response = world.client(persona).get("/en/audit/")
    assert response.status_code == expected
