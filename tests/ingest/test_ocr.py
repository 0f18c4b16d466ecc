"""Images are read (Tesseract) and their text joins the classification; without OCR the post is
flagged media_review. Media come only from the platforms' own hosts."""

from __future__ import annotations

import io
import os
import shutil

import pytest
import requests
from sqlalchemy import select

from bot.ingest.ocr import MediaReader, fetch_image, is_platform_media
from bot.store.schema import DecisionRow
from tests.ingest.conftest import World


def text_png(text: str) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (1000, 160), "white")
    ImageDraw.Draw(img).text((20, 40), text, fill="black", font=ImageFont.load_default(size=48))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def require_tesseract() -> None:
    if shutil.which("tesseract") is None:
        msg = "Tesseract is not installed (apt-get install tesseract-ocr)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(msg + " — required under CI=true")
        pytest.skip(msg)


def categories(world: World) -> list[list[str]]:
    with world.db.session() as s:
        return [d.categories for d in s.execute(select(DecisionRow)).scalars()]


def test_text_in_an_image_is_classified(world: World) -> None:
    require_tesseract()
    assert world.pipeline.read_media is not None
    world.fake_x.add_tweet("pat", "@NSFTtweets look at this",
                           media=[{"type": "photo", "data": text_png("I will hurt that nurse")}])
    world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    [cats] = categories(world)
    assert "violence" in cats
    assert "media_review" not in cats


def test_without_ocr_an_image_post_goes_to_media_review(world: World) -> None:
    world.pipeline.read_media = None
    world.fake_x.add_tweet("pat", "@NSFTtweets look at this",
                           media=[{"type": "photo", "data": text_png("anything")}])
    world.pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    [cats] = categories(world)
    assert "media_review" in cats


def test_only_platform_media_hosts_are_fetched() -> None:
    assert is_platform_media("https://pbs.twimg.com/media/abc.jpg")
    assert is_platform_media("https://scontent-lhr8-1.xx.fbcdn.net/v/t39/1.jpg")
    for url in ("https://evil.example/pic.png", "http://pbs.twimg.com/media/a.jpg",
                "https://pbs.twimg.com.evil.example/a.png", "https://bit.ly/abc"):
        assert not is_platform_media(url)
        assert fetch_image(requests.Session(), url) is None  # refused before any connection


def test_oversized_media_is_not_fetched(world: World) -> None:
    tweet = world.fake_x.add_tweet("pat", "@NSFTtweets big picture",
                                   media=[{"type": "photo", "data": b"\x89PNG" + b"0" * 50_000}])
    url = world.fake_x.store.media[f"3_{tweet['id']}0"]["url"]
    session = requests.Session()
    world.fake_x.mount(session)
    assert fetch_image(session, url, max_bytes=10_000) is None
    assert fetch_image(session, url, max_bytes=100_000) is not None


def test_reader_reads_photos_only() -> None:
    from dataclasses import replace

    from bot.core.models import Media
    from tests.slack.factories import x_mention

    # /bin/false as "tesseract": if the reader tried to OCR anything, it would log a failure
    # and still return ""; a video must not even be fetched (no session is opened).
    opened: list[int] = []

    def session() -> requests.Session:
        opened.append(1)
        return requests.Session()

    reader = MediaReader(session, tesseract="/bin/false")
    video = replace(x_mention(), media=(Media(key="7_1", type="video",
                                              url="https://pbs.twimg.com/v.mp4"),))
    assert reader(video) == ""
    assert opened == []
