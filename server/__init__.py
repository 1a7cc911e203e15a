"""The safetykg HTTP service (FastAPI): SPARQL endpoint, canned questions, linked data."""
