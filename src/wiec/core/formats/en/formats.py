"""English on a Polish site: day before month and the 24-hour clock, as the office writes them.

Numbers would be ambiguous to English readers (11/12/2026), so the short form names the month.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
