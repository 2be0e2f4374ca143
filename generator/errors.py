"""Problems found in the input, reported all at once with their place."""

from __future__ import annotations

from dataclasses import dataclass

from generator import phrases

# NOTE: A list of hundreds of problems helps nobody; past this many we say how many were left out.
MAX_REPORTED = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One thing wrong with an input file, at a line and a data path."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        line = "" if self.line is None else f"{self.line}:"
        path = f" {self.path}:" if self.path else ""
        return f"{self.file}:{line}{path} {self.message}"


class InputError(Exception):
    """The input cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(sorted(problems, key=lambda p: (p.file, p.line or 0, p.path)))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one a line, in file order, capped at MAX_REPORTED."""
        lines = [str(p) for p in self.problems[:MAX_REPORTED]]
        left = len(self.problems) - MAX_REPORTED
        if left > 0:
            lines.append(f"... và {left} lỗi khác (hãy sửa các lỗi trên trước)")
        return "\n".join(lines)


def unwritable(directory, err: OSError, option: str) -> InputError:
    """The output folder `directory` (a Path) cannot be written: say which and how to fix it.

    `option` names the command-line option that chooses another folder, e.g. `--out`.
    """
    blocker = next((p for p in (directory, *directory.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        return InputError(
            [
                Problem(
                    file=str(blocker),
                    line=None,
                    path="(nơi ghi kết quả)",
                    message=f"đây là một tệp, nhưng cần một thư mục ở chỗ này để ghi {directory} (hãy chuyển "
                    f"hoặc đổi tên tệp này, hoặc chọn thư mục khác bằng {option})",
                )
            ]
        )
    return InputError(
        [
            Problem(
                file=str(directory),
                line=None,
                path="(nơi ghi kết quả)",
                message=f"không ghi được vào thư mục này (hãy cấp quyền ghi, hoặc chọn thư mục khác bằng "
                f"{option}){phrases.os_reason(err)}",
            )
        ]
    )
