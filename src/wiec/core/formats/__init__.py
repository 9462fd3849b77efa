"""Wiec's date formats (FORMAT_MODULE_PATH); Django's own locale formats fill in the rest.

One style per language. Numbers for lists, tables, comments and the panel
(`SHORT_DATE_FORMAT`, `SHORT_DATETIME_FORMAT`: 24.11.2026, 24.11.2026, 14:30); the month in
words where a date is the point of a sentence or a heading: when a poll runs, when an idea was
published or answered, when a person was verified (`DATE_FORMAT`, `DATETIME_FORMAT`:
15 grudnia 2026, 15 grudnia 2026, 14:30). Templates name these formats and never spell one out;
the accessibility statement's ISO dates (2026-11-24) are the ministry template's own format.
"""
