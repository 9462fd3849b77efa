"""Polish: 24.11.2026 in numbers (Django's own default is 24-11-2026), 15 grudnia 2026 in words."""

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
