"""`policylint stats`: how long and how hard a policy is to read, and where.

Words and sentences are counted with the same tokeniser and sentence splitter as the
rules; readability is OSMAN for Arabic and Flesch reading ease (with the Flesch-Kincaid
grade) for English, over the document's main language, then section by section so the
hardest parts show.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from policylint.checks.readability import own_sentences, readable_texts, title_starts
from policylint.document import Document, Sentence
from policylint.runner import InputError
from policylint.text import counting
from policylint.text.readability import METRICS, measure

HARDEST = 3  # sections listed
MIN_SECTION_WORDS = 30  # fewer words say too little about a section's readability


@dataclass(frozen=True)
class SectionScore:
    title: str
    line: int
    words: int
    score: float


@dataclass(frozen=True)
class Stats:
    path: str
    lang: str
    words: int  # every word, headings and tables too
    # The running text's sentences (running_sentences) and their mean length in words.
    sentences: int
    mean_sentence: float
    longest_sentence: int
    longest_line: int
    longest_text: str
    metric: str
    score: float | None
    grade: float | None
    hardest: list[SectionScore]


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def running_sentences(doc: Document) -> list[Sentence]:
    """The sentences of the running text: not headings or bold titles, not table cells,
    whose few words each made the mean sentence look half as long as it is."""
    titles = title_starts(doc)
    return [
        s for block in doc.blocks if block.kind not in ("heading", "table_cell")
        for s in block.sentences if s.words and s.span.start not in titles
    ]


def document_stats(doc: Document) -> Stats:
    sentences = running_sentences(doc)
    counts = [len(s.words) for s in sentences]
    longest = max(sentences, key=lambda s: len(s.words), default=None)
    texts = readable_texts(doc, doc.sentences, doc.lang)
    overall = measure(texts, doc.lang) if texts else None
    sections = []
    for section, section_texts in own_sentences(doc, doc.lang):
        if section_texts:
            result = measure(section_texts, doc.lang)
            if result.words >= MIN_SECTION_WORDS:
                line = doc.position(section.title_span.start).line
                sections.append(SectionScore(section.title, line, result.words, round(result.score, 1)))
    sections.sort(key=lambda s: (s.score, s.line))
    return Stats(
        path=doc.path,
        lang=doc.lang,
        words=sum(len(s.words) for s in doc.sentences),
        sentences=len(sentences),
        mean_sentence=round(sum(counts) / len(counts), 1) if counts else 0.0,
        longest_sentence=len(longest.words) if longest else 0,
        longest_line=doc.position(longest.span.start).line if longest else 0,
        # From the prose, not the source: "**Email:** we reply" without its asterisks.
        longest_text=_excerpt(doc.prose[longest.span.start : longest.span.end]) if longest else "",
        metric=METRICS[doc.lang],
        score=round(overall.score, 1) if overall else None,
        grade=round(overall.grade, 1) if overall and overall.grade is not None else None,
        hardest=sections[:HARDEST],
    )


LABELS = {
    "en": {
        "words": "words", "sentences": "sentences in paragraphs and lists", "mean": "mean sentence", "longest": "longest sentence",
        "readability": "readability", "hardest": "hardest sections", "line": "line", "n/a": "n/a",
        "easier": "higher is easier", "grade": "grade", "word_count": "{n} words", "comma": ", ",
    },
    "ar": {
        "words": "الكلمات", "sentences": "جمل الفقرات والقوائم", "mean": "متوسط الجملة", "longest": "أطول جملة",
        "readability": "المقروئية", "hardest": "أصعب الأقسام", "line": "السطر", "n/a": "غير متاح",
        "easier": "الأعلى أسهل", "grade": "الصف", "word_count": "{n} كلمة", "comma": "، ",
    },
}  # fmt: skip


def render_text(all_stats: list[Stats], locale: str | None = None) -> str:
    """Each document's figures, labelled in `locale` (default: the document's language)."""
    out = []
    for s in all_stats:
        language = locale or s.lang if (locale or s.lang) in LABELS else "en"
        t = LABELS[language]

        def words(n: int | str) -> str:
            # A count reads as the language counts it («8 كلمات», «24 كلمة»); a mean is a
            # fraction, which Arabic counts in the singular («5.6 كلمة»).
            return counting.words(n).pick(language) if isinstance(n, int) else t["word_count"].format(n=n)

        score = t["n/a"] if s.score is None else f"{s.metric} {s.score:.1f} ({t['easier']})"
        if s.grade is not None:
            score += f"{t['comma']}{t['grade']} {s.grade:.1f}"
        rows = [
            (t["words"], str(s.words)),
            (t["sentences"], str(s.sentences)),
            (t["mean"], words(f"{s.mean_sentence:.1f}")),
            (t["longest"], f"{words(s.longest_sentence)}{t['comma']}{t['line']} {s.longest_line}: {s.longest_text}"),
            (t["readability"], score),
        ]
        width = max(len(label) for label, _ in rows)
        out.append(f"{s.path} ({s.lang})")
        out += [f"  {label.ljust(width)}  {value}" for label, value in rows]
        if s.hardest:
            out.append(f"  {t['hardest']}")
            title_width = max(len(h.title) for h in s.hardest)
            for h in s.hardest:
                out.append(f"    {t['line']} {h.line:<4} {h.title.ljust(title_width)}  {s.metric} {h.score:.1f}  ({words(h.words)})")
        out.append("")
    return "\n".join(out)


def render_json(all_stats: list[Stats], errors: list[InputError]) -> str:
    data = {
        "documents": [asdict(s) for s in all_stats],
        "errors": [e.as_json() for e in errors],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
