"""Records built from recognised spans: figures (and, to come, projects and events)."""
