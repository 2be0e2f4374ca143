"""Turns a resolution in YAML into the Markdown pages of its site.

Stages: source (load with line numbers) -> validate (frozen model) -> render (plan of files)
-> write (atomic sync into the content directory).
"""
