"""Audits of the built site in headless Chromium: axe-core, privacy, links, weight, Lighthouse.

Each module has one audit and returns plain rows; `python -m tests.audit SITE` prints them as one
table (`make audit`), and tests/browser/test_audit.py asserts the same rows (`make test`).
"""
