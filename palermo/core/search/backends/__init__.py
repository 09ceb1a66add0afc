"""Search backends: one interface (base.SearchBackend), one implementation per database."""
