"""``--help`` as people read it: ``Usage: comity code [OPTIONS] INPUT...`` and value names such as
``PATH``, ``TEXT`` or ``INTEGER``, not Python types (``<list[str]>``) or ``{inputs}...``.

Typer (0.29) prints Python type names in the help and wraps required arguments in braces; this
module, imported once by :mod:`comity.cli`, makes it print click's plain value names instead:
a flag shows none, a repeatable option its element's name.
"""

from __future__ import annotations

from typing import get_args, get_origin

from typer.core import TyperArgument, TyperOption

NAMES = {str: "TEXT", int: "INTEGER", float: "NUMBER"}


def _value_name(param) -> str:
    """``TEXT``, ``PATH``, ``INTEGER``…: the value the parameter takes (its element's, when repeatable)."""
    descriptor = param.type_descriptor
    annotation = descriptor.annotation
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    if descriptor.is_path or getattr(annotation, "__name__", "") in ("Path", "PosixPath"):
        return "PATH"
    return NAMES.get(annotation, getattr(annotation, "__name__", "VALUE").upper())


def _option_type(self, ctx) -> str | None:
    if self.metavar is not None:
        return self.metavar
    if self.is_flag:
        return None
    return _value_name(self)


def _argument_type(self, ctx) -> str | None:
    return _value_name(self)


def _argument_usage(self) -> str:
    name = (self.metavar or self.name or "").upper()
    name = name if self.required else f"[{name}]"
    return f"{name}..." if self.nargs != 1 else name


def _argument_name(self) -> str:
    name = (self.metavar or self.name or "").upper()
    return f"{name}..." if self.nargs != 1 else name


TyperOption.display_type_rich = _option_type
TyperArgument.display_type_rich = _argument_type
TyperArgument._usage_display_name = _argument_usage
TyperArgument._rich_display_name = _argument_name
