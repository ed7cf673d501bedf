"""The nlp stage: spaCy parse, actors, dates and quotes, as records."""
