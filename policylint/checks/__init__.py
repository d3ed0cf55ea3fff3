"""Check types, registered by name. Adding a type is one edit to CHECK_TYPES."""

from __future__ import annotations

from policylint.checks.acronym import AcronymCheck
from policylint.checks.base import Check
from policylint.checks.characters import CharactersCheck
from policylint.checks.document_control import DocumentControl
from policylint.checks.placeholder import Placeholder
from policylint.checks.readability import ReadabilityCheck
from policylint.checks.required_section import RequiredSection
from policylint.checks.review_date import ReviewDateCheck
from policylint.checks.section_content import SectionContent
from policylint.checks.secrets import SecretsCheck
from policylint.checks.sentence_length import SentenceLength
from policylint.checks.service_levels import ServiceLevels
from policylint.checks.structure import StructureCheck
from policylint.checks.title import TitleCheck
from policylint.checks.vague_promise import VaguePromise
from policylint.checks.vocabulary import Vocabulary

CHECK_TYPES: tuple[type[Check], ...] = (
    RequiredSection,
    Placeholder,
    ReviewDateCheck,
    SentenceLength,
    Vocabulary,
    ReadabilityCheck,
    ServiceLevels,
    VaguePromise,
    SectionContent,
    AcronymCheck,
    TitleCheck,
    StructureCheck,
    DocumentControl,
    SecretsCheck,
    CharactersCheck,
)


def check_types() -> dict[str, Check]:
    """One instance of every built-in check type, by type name (add_plugins adds the
    types that installed plugins declare)."""
    return {cls.type_name: cls() for cls in CHECK_TYPES}


def add_plugins(types: dict[str, Check]) -> None:
    """Add the check types of installed plugins (entry points in the group
    "policylint.checks") whose names are not taken. Looked for only when a rule names a
    type that is not built in: finding them imports importlib.metadata and reads the
    metadata of every installed package, a tenth of a run on one file."""
    from importlib.metadata import entry_points

    for entry in entry_points(group="policylint.checks"):
        cls = entry.load()
        types.setdefault(cls.type_name, cls())
