"""The program model of one file: parsed once, interpreted once, queried by every rule."""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from functools import cached_property

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from dlreview.apidata import ApiData, load
from dlreview.model.events import Events
from dlreview.model.interpreter import Interpreter
from dlreview.sources import Source, SourceError

_RECURSION_LIMIT = 6000
# libcst's native parser crashes the process (a stack overflow) on expressions nested several thousand levels deep,
# which CPython itself refuses at about 3 x its recursion limit. Files big enough to hold such an expression are
# first compiled by CPython with a lower limit; smaller files cannot nest that deep.
_NESTING_CHECK_MIN_BYTES = 8_000
_NESTING_RECURSION_LIMIT = 1_500


@dataclass(frozen=True)
class Span:
    """A node's place: 1-based lines and columns in the file, or in the cell for notebooks."""

    line: int
    column: int
    end_line: int
    end_column: int
    cell: int | None
    end_cell: int | None

    def describe(self) -> str:
        return f"cell {self.cell}, line {self.line}" if self.cell is not None else f"line {self.line}"


class Program:
    def __init__(self, source: Source, api: ApiData | None = None):
        self.source = source
        self.api = api or load()
        _refuse_extreme_nesting(source)
        try:
            self.module = cst.parse_module(source.text)
        except cst.ParserSyntaxError as exc:
            # CPython's own message and position are the ones users know; libcst's only where CPython accepts it.
            line, column, message = exc.raw_line, exc.raw_column + 1, exc.message.splitlines()[0]
            try:
                compile(source.text, str(source.path), "exec", ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
                        dont_inherit=True)
            except SyntaxError as error:
                line, column, message = error.lineno or 1, error.offset or 1, error.msg
            except ValueError:
                pass
            cell, line = source.locate(line)
            where = f"cell {cell}, line {line}" if cell is not None else f"line {line}"
            raise SourceError(f"syntax error at {where}, column {column}: {message}") from None
        except RecursionError:
            raise SourceError("too deeply nested to parse") from None
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))  # the interpreter recurses once per nested expression
        try:
            self.events: Events = Interpreter(self.module, self.api).run()
        except RecursionError:
            raise SourceError("too deeply nested to analyse (an expression or call chain thousands of levels "
                              "deep)") from None
        finally:
            sys.setrecursionlimit(limit)

    @cached_property
    def _positions(self):
        # Resolved only when a rule reports something: clean files never pay for position metadata.
        wrapper = MetadataWrapper(self.module, unsafe_skip_copy=True)
        return wrapper.resolve(PositionProvider)

    def span(self, node: cst.CSTNode) -> Span:
        code_range: CodeRange = self._positions[node]
        cell, line = self.source.locate(code_range.start.line)
        end_cell, end_line = self.source.locate(code_range.end.line)
        return Span(line, code_range.start.column + 1, end_line, code_range.end.column + 1, cell, end_cell)

    def where(self, node: cst.CSTNode) -> str:
        return self.span(node).describe()

    def code(self, node: cst.CSTNode, limit: int = 60) -> str:
        text = " ".join(self.module.code_for_node(node).split())
        return text if len(text) <= limit else text[: limit - 1] + "…"


def _refuse_extreme_nesting(source: Source) -> None:
    if len(source.text) < _NESTING_CHECK_MIN_BYTES:
        return
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_NESTING_RECURSION_LIMIT)
    try:
        compile(source.text, str(source.path), "exec", ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
                dont_inherit=True)
    except (RecursionError, MemoryError):
        raise SourceError("too deeply nested to parse (an expression thousands of levels deep)") from None
    except (SyntaxError, ValueError):
        pass  # reported with its position by the parse that follows
    finally:
        sys.setrecursionlimit(limit)
