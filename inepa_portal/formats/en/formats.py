"""English dates in the day-month-year order of Europe: "8 July 2013", "20 November 2026 at
16:20".

No format ends in a full stop (Django's English "4:20 p.m." does), so a sentence that ends
with a date gets one, not two. What is not set here comes from Django's.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j F Y \a\t H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
