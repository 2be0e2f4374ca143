"""Check loaded data completely and turn it into a Resolution; every problem is collected."""

from __future__ import annotations

import datetime
import difflib
import json
import re
import unicodedata
from functools import cache
from typing import Any

import jsonschema

from generator import resources
from generator.check.data import clean, entries
from generator.check.model_of import build_model
from generator.check.requirements import check_requirements
from generator.check.status import check_status, dated_fields
from generator.check.text import bad_id, text_problems
from generator.errors import InputError, Problem
from generator.load.source import DataPath, Loaded
from generator.model import Resolution

SCHEMA_PATH = resources.SCHEMA

_KIND = {
    dict: "a mapping",
    list: "a list",
    str: "text",
    bool: "true/false",
    int: "a number",
    float: "a decimal number",
    type(None): "nothing",
}
_EXPECTED_TYPE = {
    "object": "a mapping of fields",
    "array": "a list (lines starting with '- ')",
    "string": "text",
    "integer": "a whole number",
}


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the resolution format (also used by editors while typing)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(loaded: Loaded) -> Resolution:
    """Return the Resolution in `loaded`, or raise InputError with every problem found."""
    checker = _Checker(loaded)
    checker.check_schema()
    checker.check_meaning()
    if checker.problems:
        raise InputError(checker.problems)
    return build_model(loaded.data)


# A glossary term as it can be found in the text: words joined by one space, '-', '.' or '/',
# with a letter somewhere (Python-Markdown's placeholders for raw HTML hold numbers).
_TERM_FORM = re.compile(r"(?=.*[^\W\d_])[^\W_]+(?:[ ./-][^\W_]+)*")


class _Checker:
    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.data = loaded.data
        self.problems: list[Problem] = []
        for path, line, message in loaded.defects:
            self.problems.append(Problem(file=loaded.file, line=line, path=self.show(path), message=message))
        # NOTE: a value refused while loading (a tag, say) is left empty; "found nothing" about
        # it as well would only be noise.
        self._refused = {p.path for p in self.problems}

    def add(self, path: DataPath, message: str) -> None:
        problem = Problem(
            file=self.loaded.file, line=self.loaded.line(path), path=self.show(path), message=message
        )
        if problem.path in self._refused:
            return
        # NOTE: jsonschema reports "required" once per missing key, each listing all of them.
        if problem not in self.problems:
            self.problems.append(problem)

    def show(self, path: DataPath) -> str:
        """A data path for people: list entries named by their id where they have one."""
        out, node = "", self.data
        for part in path:
            if isinstance(part, int):
                entry = node[part] if isinstance(node, list) and part < len(node) else None
                ident = entry.get("id") if isinstance(entry, dict) else None
                out += (
                    f"[{ident}]" if isinstance(ident, str) and ident.isprintable() and ident else f"[{part}]"
                )
                node = entry
            else:
                out += f".{part}" if out else part
                node = node.get(part) if isinstance(node, dict) else None
        return out or "(document)"

    # -- structure, from the JSON Schema --------------------------------------------------------

    def check_schema(self) -> None:
        validator = jsonschema.Draft202012Validator(schema())
        for error in validator.iter_errors(self.data):
            self._schema_problem(error)

    def _schema_problem(self, error: jsonschema.ValidationError) -> None:
        path = tuple(error.absolute_path)
        described = _describe(error)
        if error.validator == "required":
            # NOTE: what the shape of the data requires (the schema's `else`) has no properties of
            # its own: the fields' descriptions are the document's.
            props = error.schema.get("properties", {})
            if not path:
                props = schema()["properties"]
            for name in error.validator_value:
                if isinstance(error.instance, dict) and name not in error.instance:
                    desc = props.get(name, {}).get("description", "")
                    self.add(path + (name,), f"missing (expected {desc})" if desc else "missing")
        elif error.validator == "additionalProperties":
            known = list(error.schema.get("properties", {}))
            allowed = _shape_fields(self.data) if not path else known
            for key in error.instance:
                if key in known:
                    continue
                close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.add(path + (key,), f"unknown field ({hint}expected one of: {', '.join(allowed)})")
        elif error.validator == "type":
            found = _KIND.get(type(error.instance), type(error.instance).__name__)
            want = _EXPECTED_TYPE.get(error.validator_value, error.validator_value)
            if error.validator_value == "string" and isinstance(error.instance, (bool, int, float)):
                # NOTE: YAML reads yes/no/on/off/true/false as true/false and 1.10 as a number.
                described = (
                    described[:-1] + "; " if described else " ("
                ) + "put the value in quotes to keep it exactly as written)"
            self.add(path, f"expected {want}, found {found}{described}")
        elif error.validator == "pattern" and "[a-z0-9]+(-" in error.validator_value:
            self.add(path, bad_id(error.instance))
        elif error.validator == "pattern" and "[0-9]{4}" in error.validator_value:
            self.add(path, f"'{error.instance}' is not a date in the form YYYY-MM-DD{described}")
        elif error.validator == "pattern" and "https?://" in error.validator_value:
            self.add(path, f"'{error.instance}' is not a web address{described}")
        elif error.validator in ("pattern", "minLength"):
            if not (error.validator == "pattern" and len(error.instance) == 0):  # reported once
                self.add(path, f"is empty{described}")
        elif error.validator == "enum":
            choices = [str(v) for v in error.validator_value]
            suggestion = _closest(str(error.instance), choices)
            hint = f"did you mean '{suggestion}'? " if suggestion else ""
            self.add(path, f"'{error.instance}' is not allowed ({hint}expected one of: {', '.join(choices)})")
        elif error.validator == "minItems":
            self.add(path, f"is an empty list{described}")
        elif error.validator == "not" and error.schema_path[0] == "dependentSchemas":
            self.add(path, _not_both(error.schema_path[1]))
        elif error.validator == "not" and error.schema_path[0] == "else":
            self.add(
                path,
                "belongs to the official layout (expected it only in a text given as chapters or "
                "articles: remove it, or give the text as chapters or articles instead of sections)",
            )
        elif error.validator == "dependentRequired":
            for name in error.validator_value:
                if isinstance(error.instance, dict) and name not in error.instance:
                    self.add(
                        path + (name,),
                        "missing (expected the kinds of unit the resolution names: the requirements "
                        "name the ones they apply to)",
                    )
        elif error.validator == "const":
            self.add(path, f"must be {error.validator_value!r}, found {error.instance!r}{described}")
        elif error.validator == "minimum":
            self.add(path, f"must be {error.validator_value} or more, found {error.instance!r}")
        else:  # NOTE: a rule added to the schema without a message of its own still reports
            self.add(path, f"{error.message}{described}")

    # -- meaning: what a schema cannot say -------------------------------------------------------

    def check_meaning(self) -> None:
        data = self.data if isinstance(self.data, dict) else {}
        for value, path in dated_fields(data):
            self._check_date(value, path)
        self._check_unique(data.get("unit_types"), ("unit_types",), "unit type")
        ids: dict[str, DataPath] = {}
        # NOTE: aliases are claimed after every id, so that an alias naming another item's id is
        # reported at the alias (the thing to fix), wherever the two stand in the file.
        aliases_seen: list[tuple[Any, DataPath]] = []
        sections = data.get("sections")
        for s, section in entries(sections):
            spath = ("sections", s)
            self._claim(ids, section.get("id"), spath + ("id",))
            expected = 1
            for i, item in entries(section.get("items")):
                ipath = spath + ("items", i)
                self._claim(ids, item.get("id"), ipath + ("id",))
                aliases = item.get("aliases")
                for a, alias in enumerate(aliases if isinstance(aliases, list) else ()):
                    aliases_seen.append((alias, ipath + ("aliases", a)))
                number = item.get("number")
                if isinstance(number, int) and not isinstance(number, bool) and number != expected:
                    self.add(
                        ipath + ("number",),
                        f"is {number}, out of order (expected {expected}: "
                        "items are numbered 1, 2, 3 ... in the order of the text)",
                    )
                expected += 1
                if "heading" in item and "title" in item:
                    self.add(
                        ipath,
                        "has both 'heading' and 'title' (expected one: 'heading' for the "
                        "text's own first sentence, 'title' for a short title of ours)",
                    )
        for alias, path in aliases_seen:
            self._claim(
                ids, alias, path, hint="ids and aliases must all be unique: remove or correct this alias"
            )
        self._check_glossary(data.get("glossary"))
        self._check_text(data, ())
        check_status(self, data, self.loaded.line)
        check_requirements(self, data)

    def _check_glossary(self, values: Any) -> None:
        seen: dict[str, DataPath] = {}
        for i, entry in entries(values):
            path = ("glossary", i)
            variants = entry.get("variants")
            forms = [entry.get("term"), *(variants if isinstance(variants, list) else [])]
            for j, form in enumerate(forms):
                if not isinstance(form, str):
                    continue
                where = path + (("term",) if j == 0 else ("variants", j - 1))
                key = clean(form)
                if key and not _TERM_FORM.fullmatch(key):
                    # NOTE: the abbr extension cannot define a form with '\\' or ']' (the line
                    # would show on every page), matches only whole words, and a form of digits
                    # alone would match inside its placeholders for raw HTML, breaking the page.
                    self.add(
                        where,
                        f"'{key}' cannot be marked with its explanation in the text "
                        "(expected words of letters and digits, at least one letter, with single "
                        "spaces, '-', '.' or '/' between them, e.g. HĐND or Ban TTND)",
                    )
                if key in seen:
                    first = self.loaded.line(seen[key])
                    self.add(
                        where,
                        f"'{key}' is already in the glossary (first at line {first}; "
                        "each term is explained once: remove it here or merge the two entries)",
                    )
                else:
                    seen[key] = where
            if entry.get("kind") == "abbreviation" and "expansion" not in entry:
                self.add(
                    path,
                    "is an abbreviation without 'expansion' (expected what it stands "
                    "for, e.g. expansion: Hội đồng nhân dân)",
                )

    def _check_date(self, value: Any, path: DataPath) -> None:
        if isinstance(value, str) and len(value) == 10 and value[4] == "-":
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                self.add(path, f"'{value}' is not a real date (expected YYYY-MM-DD, e.g. \"2023-12-07\")")

    def _check_unique(self, values: Any, path: DataPath, what: str) -> None:
        seen: dict[str, DataPath] = {}
        for i, entry in entries(values):
            self._claim(seen, entry.get("id"), path + (i, "id"), what)

    def _claim(
        self,
        seen: dict[str, DataPath],
        ident: Any,
        path: DataPath,
        what: str = "id",
        hint: str = "every id must be unique",
    ) -> None:
        if not isinstance(ident, str):
            return
        if ident in seen:
            first = self.loaded.line(seen[ident])
            self.add(path, f"duplicate {what} '{ident}' (first used at line {first}; {hint})")
        else:
            seen[ident] = path

    def _check_text(self, node: Any, path: DataPath) -> None:
        for where, message in text_problems(node, path):
            self.add(where, message)


# The top-level fields of one shape of data only: a text in sections (NQ 55's news article) or
# in the official layout (chapters or articles).
_SECTIONS_ONLY = ("sections",)
_OFFICIAL_ONLY = ("official", "chapters", "articles", "appendices")


def _shape_fields(data: Any) -> list[str]:
    """The top-level fields a file of this shape may have (an unknown field's message lists them)."""
    official = isinstance(data, dict) and ("chapters" in data or "articles" in data)
    other = _SECTIONS_ONLY if official else _OFFICIAL_ONLY
    return [name for name in schema()["properties"] if name not in other]


def _not_both(first: str) -> str:
    """The message for a field that holds the text given beside another that also does."""
    return (
        f"cannot stand beside '{first}' (expected exactly one of: sections (a text in numbered "
        "sections, like a news article's), chapters (an official text with chapters) or articles "
        "(an official text without chapters))"
    )


def _closest(value: str, choices: list[str]) -> str | None:
    """The choice `value` is a slip of (case, diacritics, a character or two), if one is close.
    NOTE: strict on purpose: a value such as legal_force is a legal fact, never to be guessed."""
    folded = {_fold(c): c for c in choices}
    close = difflib.get_close_matches(_fold(value), list(folded), n=1, cutoff=0.8)
    return folded[close[0]] if close else None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c))


def _describe(error: jsonschema.ValidationError) -> str:
    """ " (expected <description>)" of the property the failing rule belongs to, if it has one."""
    node: Any = schema()
    # NOTE: the description sits on the property, before any $ref into the shared definitions;
    # a $ref with more steps after it (an article's parts, say) is followed into its definition.
    steps = list(error.schema_path)[:-1]
    for i, step in enumerate(steps):
        if step == "$ref" and i == len(steps) - 1:
            break
        node = _resolve(node["$ref"]) if step == "$ref" else node[step]
    desc = node.get("description") if isinstance(node, dict) else None
    return f" (expected {desc})" if desc else ""


def _resolve(ref: str) -> Any:
    """The schema's definition a local $ref ("#/$defs/part") names."""
    node: Any = schema()
    for step in ref.removeprefix("#/").split("/"):
        node = node[step]
    return node
