"""Merging datasets: all or nothing, conflicts named, nothing changed in place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ftzinfo._integrity import KINDS
from ftzinfo.exceptions import ValidationError

if TYPE_CHECKING:
    from ftzinfo._dataset import Dataset

__all__ = ["merge"]


def merge(base: Dataset, other: Dataset, *, override: bool = False) -> Dataset:
    """See :meth:`Dataset.merge`."""
    from ftzinfo._dataset import Dataset  # noqa: PLC0415 - a cycle otherwise

    merged: dict[str, dict[str, Any]] = {kind: {r.id: r for r in base.records(kind)} for kind in KINDS}
    conflicts: list[tuple[str, str]] = []
    for kind in KINDS:
        for i, record in enumerate(other.records(kind)):
            existing = merged[kind].get(record.id)
            if existing is not None and existing != record and not override:
                conflicts.append((f"{kind}[{i}].id", f"{record.id!r} is already in the dataset with other content"))
            merged[kind][record.id] = record if (override or existing is None) else existing
    if conflicts:
        conflicts.append(("", "pass override=True to let the new records replace the old"))
        raise ValidationError(conflicts)
    # Building the new dataset checks every reference across both; on failure nothing exists to be half-made.
    lists: dict[str, Any] = {kind: tuple(merged[kind].values()) for kind in KINDS}
    return Dataset(**lists)
