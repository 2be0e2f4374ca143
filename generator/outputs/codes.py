"""The QR code of every link target (the handout's, the leaflet's, each item's), as SVG files
named after the page they lead to: `qr/bien-phap-3.svg`."""

from __future__ import annotations

from generator.model import Resolution
from generator.render.qr import qr_svg
from generator.render.trainers import link_targets
from generator.write.cache import Cache


def qr_paths(model: Resolution) -> list[str]:
    """The site paths of the QR codes, known before the build."""
    return [target.qr for target in link_targets(model)]


def qr_files(model: Resolution, *, site_url: str, cache: Cache) -> dict[str, bytes]:
    """{site path: SVG} for every link target; each code is kept in the cache by its URL."""
    return {
        target.qr: (qr_svg(site_url + target.url, cache) + "\n").encode("utf-8")
        for target in link_targets(model)
    }
