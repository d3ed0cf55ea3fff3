"""Check types, registered by name. Adding a type is one edit to CHECK_TYPES."""

from __future__ import annotations

from policylint.checks.acronym import AcronymCheck
from policylint.checks.base import Check
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
)


def check_types() -> dict[str, Check]:
    """One instance of every check type, built-in and from plugins, by type name."""
    from importlib.metadata import entry_points

    types = {cls.type_name: cls() for cls in CHECK_TYPES}
    for entry in entry_points(group="policylint.checks"):
        cls = entry.load()
        types.setdefault(cls.type_name, cls())
    return types
