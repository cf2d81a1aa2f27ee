"""Slovenian dates as Slovenian writes them: "8. julija 2013", "20. novembra 2026 ob 16.20".

The day has no leading zero, the month is in the genitive ("E", see formats/__init__.py) and
hours and minutes are parted by a full stop; nothing ends in a full stop of its own, so a
sentence that ends with a date gets one, not two. What is not set here comes from Django's.
"""

DATE_FORMAT = "j. E Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = r"j. E Y \o\b G.i"
MONTH_DAY_FORMAT = "j. E"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "j. n. Y"
SHORT_DATETIME_FORMAT = r"j. n. Y \o\b G.i"
