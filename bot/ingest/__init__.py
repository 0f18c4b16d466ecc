"""A mention's way in: fetch a page, classify, store once, queue one alert; reading ahead, and
text in images (OCR).

May import: everything below it (`core/` ... `storm/`) and `policy`.
"""
