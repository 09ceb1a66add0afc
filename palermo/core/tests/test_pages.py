import pytest


@pytest.mark.parametrize("language", ["en", "ar", "fr", "es", "ru", "zh-hans"])
def test_home_page_renders_in_each_language_with_direction(client, db, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert ('dir="rtl"' in html) == (language == "ar")


def test_api_docs_page_loads_nothing_from_outside(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "https://" not in html and "http://" not in html


def test_no_page_loads_assets_from_a_cdn(client, db):
    html = client.get("/en/").content.decode()
    for attribute in ('src="http', 'src="//', 'href="http', 'href="//'):
        assert attribute not in html
