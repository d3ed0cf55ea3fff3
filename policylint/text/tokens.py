"""Tokens with exact offsets, in either language."""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, NamedTuple, TypeVar

import regex

from policylint.text import arabic, english
from policylint.text.chars import has_arabic

T = TypeVar("T")

# URLs and e-mail addresses are one word each, whatever the tokeniser would make of them.
# An address starts where a run of its characters starts (or where the previous atom
# ended, \G): tried at every letter of a long word, it would rescan the rest of the
# word each time, and a 20 KB word took seconds.
_ATOMS = regex.compile(
    r"(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?،؛؟]"
    r"|(?:(?<![\w.+-])|\G)[\w.+-]++@[\w-]+(?:\.[\w-]+)+"
)
_NUMBER_JOINERS = frozenset(".,\u066b\u066c")
_JOINER_CHARS = regex.compile("[.,\u066b\u066c]")
_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")


class Token(NamedTuple):
    """A word or sign with its comparison form and offsets. A named tuple, not a
    dataclass: a repository's policies make millions of tokens, and a tuple is made
    several times faster than a frozen dataclass."""

    text: str
    norm: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return _wordlike(self.text)


@functools.lru_cache(maxsize=16384)
def _wordlike(text: str) -> bool:
    return _WORDLIKE.search(text) is not None


@functools.lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """Comparison form of any text: Arabic rules where there are Arabic letters."""
    return arabic.normalise(text) if has_arabic(text) else english.normalise(text)


def _split(piece: str, lang: str) -> list[str]:
    if lang == "ar" and has_arabic(piece):
        return arabic.word_tokenize(piece)
    return english.word_tokenize(piece)


def _locate(text: str, pieces: list[str], base: int, start: int) -> list[Token]:
    found: list[Token] = []
    append, find, make = found.append, text.find, tuple.__new__
    cursor = start
    for piece in pieces:
        at = find(piece, cursor)
        if at < 0:
            # A tokeniser that rewrote its input: skip the piece rather than misplace it.
            continue
        cursor = at + len(piece)
        append(make(Token, (piece, normalise(piece), base + at, base + cursor)))
    return found


def _merge_numbers(tokens: list[Token]) -> list[Token]:
    """Re-join "3", ".", "5" (the Arabic tokeniser splits decimals) into "3.5", and a
    chain such as "1", ".", "2", ".", "3" into "1.2.3", joined once: joining pair by
    pair copied the growing number each time (quadratic on a long line of "1.1.1...")."""
    merged: list[Token] = []
    count = len(tokens)
    i = 0
    while i < count:
        last = i
        while (
            last + 2 < count
            and tokens[last].text[-1:].isdigit()
            and tokens[last + 1].text in _NUMBER_JOINERS
            and tokens[last + 2].text[:1].isdigit()
            and tokens[last].end == tokens[last + 1].start
            and tokens[last + 1].end == tokens[last + 2].start
        ):
            last += 2
        if last == i:
            merged.append(tokens[i])
        else:
            text = "".join(token.text for token in tokens[i : last + 1])
            merged.append(Token(text, normalise(text), tokens[i].start, tokens[last].end))
        i = last + 1
    return merged


def tokenize(text: str, lang: str, base: int = 0) -> list[Token]:
    """Tokens of `text` in order, with offsets shifted by `base`."""
    tokens: list[Token] = []
    cursor = 0
    for atom in _ATOMS.finditer(text):
        tokens += _locate(text, _split(text[cursor : atom.start()], lang), base, cursor)
        tokens.append(Token(atom.group(), atom.group().lower(), base + atom.start(), base + atom.end()))
        cursor = atom.end()
    tokens += _locate(text, _split(text[cursor:], lang), base, cursor)
    # Only a text with a decimal point or separator can hold a split number.
    return _merge_numbers(tokens) if _JOINER_CHARS.search(text) else tokens


@functools.lru_cache(maxsize=8192)
def words_match(text_word: str, entry_word: str) -> bool:
    """Clitic-aware for Arabic, inflection-tolerant for English; both normalised.
    Remembered: the same words meet the same phrase lists in every sentence."""
    # A Latin word can carry Arabic clitics too: "الـSLA", "وKPI".
    if has_arabic(entry_word) or has_arabic(text_word):
        return arabic.words_match(text_word, entry_word)
    return english.words_match(text_word, entry_word)


def _entry_key(entry_word: str) -> str:
    return arabic.strip_article(entry_word) if has_arabic(entry_word) else entry_word


def _start_keys(phrase: tuple[str, ...]) -> set[str]:
    """The lookup keys (_text_keys) one of which a word must have to start `phrase`."""
    return {_entry_key(phrase[0]), phrase[0]}


@functools.lru_cache(maxsize=8192)
def _text_keys(text_word: str) -> frozenset[str]:
    keys = set(english.possible_bases(text_word))
    if has_arabic(text_word):
        keys |= arabic.possible_cores(text_word)
    return frozenset(keys)


class Tokens(tuple[Token, ...]):
    """A sentence's tokens, with the lookup keys of its words worked out once: some
    twenty phrase lists are looked for in every sentence, and most find none of their
    first words there, which one set test over the whole sentence tells."""

    @functools.cached_property
    def keys(self) -> list[frozenset[str]]:
        return [_text_keys(token.norm) for token in self]

    @functools.cached_property
    def all_keys(self) -> frozenset[str]:
        return frozenset().union(*self.keys)

    @functools.cached_property
    def first_word(self) -> int:
        """The index of the first word (markup and numbering before it are not words),
        len(self) when there is none: a label at or before it opens the sentence."""
        return next((i for i, token in enumerate(self) if token.is_word), len(self))

    def copy_of(self, original: "Tokens") -> "Tokens":
        """Say these tokens are `original`'s words at another place (the same sentence in
        another policy): what is worked out from the words alone, the lookup keys and
        `remembered` results, is then worked out once for both."""
        self.__dict__ = original.__dict__
        return self

    def remembered(self, key: Hashable, compute: Callable[["Tokens"], T]) -> T:
        """compute(self), once for this sentence and its copies. Only for results that
        depend on the words and their spacing alone (token indexes, never offsets)."""
        memo: dict[Hashable, Any] = self.__dict__.setdefault("_remembered", {})
        try:
            return memo[key]
        except KeyError:
            memo[key] = found = compute(self)
            return found


class PhraseMatcher:
    """Finds many normalised phrases in a token list in one pass.

    Phrases are indexed by the key of their first word, so each token is looked up once
    instead of compared with every entry; candidates are then confirmed with words_match,
    which alone decides what matches.
    """

    def __init__(self, phrases: list[tuple[str, ...]] | tuple[tuple[str, ...], ...]) -> None:
        self.phrases = tuple(phrases)
        self._by_key: dict[str, list[int]] = {}
        for index, phrase in enumerate(self.phrases):
            for key in _start_keys(phrase):
                self._by_key.setdefault(key, []).append(index)
        self._keys = frozenset(self._by_key)

    def may_occur(self, keys: frozenset[str]) -> bool:
        """Could a phrase occur among words with these lookup keys (Tokens.all_keys)?
        False means surely not."""
        return not self._keys.isdisjoint(keys)

    def find(self, tokens: Sequence[Token]) -> list[tuple[int, int, int]]:
        """(phrase index, first token, last token) of every occurrence, in token order."""
        if isinstance(tokens, Tokens):
            if self._keys.isdisjoint(tokens.all_keys):
                return []
            return tokens.remembered(self, self._find_in_sentence)
        return self._find(tokens, [_text_keys(token.norm) for token in tokens])

    def _find_in_sentence(self, tokens: Tokens) -> list[tuple[int, int, int]]:
        return self._find(tokens, tokens.keys)

    def _find(self, tokens: Sequence[Token], token_keys: Sequence[frozenset[str]]) -> list[tuple[int, int, int]]:
        found = []
        for i, keys in enumerate(token_keys):
            if self._keys.isdisjoint(keys):
                continue  # most words start no phrase: one set test, in C
            candidates = {c for key in keys & self._keys for c in self._by_key[key]}
            for index in sorted(candidates):
                last = _phrase_end(tokens, i, self.phrases[index])
                if last is not None:
                    found.append((index, i, last))
        return found

    def find_longest(self, tokens: Sequence[Token], keep: Callable[[int, int, int], bool] = lambda *_: True) -> list[tuple[int, int, int]]:
        """Occurrences that do not overlap, the earliest and then the longest winning:
        "in order to" rather than "order", "البريد الصوتي" rather than "البريد".
        `keep` may turn a match down before it takes its tokens."""
        chosen = []
        taken: set[int] = set()
        for index, first, last in sorted(self.find(tokens), key=lambda m: (m[1], -(m[2] - m[1]))):
            if first in taken or not keep(index, first, last):
                continue
            taken.update(range(first, last + 1))
            chosen.append((index, first, last))
        return chosen


# A hyphen between two words with no space ("e-mail", "world-class", "walk-in") is a
# token of its own, but a phrase is its words alone (phrase_words): inside a phrase such a
# hyphen stands where the entry has a space, or a hyphen of its own.
_JOINING_HYPHENS = frozenset("-\u2010\u2011")


def _phrase_end(tokens: Sequence[Token], first: int, phrase: tuple[str, ...]) -> int | None:
    """The last token of `phrase` found at tokens[first], or None where it is not there."""
    count = len(tokens)
    at = first
    for k, word in enumerate(phrase):
        if k:
            at += 1
            if (
                at + 1 < count
                and tokens[at].text in _JOINING_HYPHENS
                and tokens[at - 1].end == tokens[at].start
                and tokens[at].end == tokens[at + 1].start
            ):
                at += 1
        if at >= count:
            return None
        if not words_match(tokens[at].norm, word):
            # "فيما يتعلق ب" ends with a preposition that text glues to the next word
            # («فيما يتعلق بالطلب»): the phrase ends before that word.
            if k and k == len(phrase) - 1 and word in _GLUED_PREPOSITIONS and tokens[at].norm[:1] == word and len(tokens[at].norm) > 2:
                return at - 1
            return None
    return at


# One-letter Arabic prepositions, written joined to the word after them.
_GLUED_PREPOSITIONS = frozenset("بلك")


def find_phrase(tokens: list[Token], phrase: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where one normalised phrase occurs among tokens: (first, last) token indexes."""
    return [(first, last) for _, first, last in PhraseMatcher([phrase]).find(tokens)]


def contains_phrase(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """Do normalised words (a heading's, say) contain a normalised phrase, in order?"""
    n = len(phrase)
    return any(all(words_match(words[i + k], phrase[k]) for k in range(n)) for i in range(len(words) - n + 1))


class PhraseSet(tuple[tuple[str, ...], ...]):
    """Normalised phrases looked for in short word sequences, section titles above all,
    with each answer remembered: the same headings recur in every policy of a repository,
    and some forty rules ask about each one."""

    MEMO_LIMIT = 65536

    def __new__(cls, phrases: Iterable[tuple[str, ...]]) -> "PhraseSet":
        return super().__new__(cls, tuple(p for p in phrases if p))

    @functools.cached_property
    def _start_keys(self) -> frozenset[str]:
        return frozenset().union(*map(_start_keys, self))

    def in_words(self, words: tuple[str, ...]) -> bool:
        """Do the words contain one of the phrases, in order (contains_phrase)?"""
        memo: dict[tuple[str, ...], bool] = self.__dict__.setdefault("_memo", {})
        found = memo.get(words)
        if found is None:
            # As PhraseMatcher: words none of whose lookup keys starts a phrase (most
            # sentences, and titles the memo has not met) contain none, told by set tests.
            start_keys = self._start_keys
            found = not all(start_keys.isdisjoint(_text_keys(word)) for word in words) and any(contains_phrase(words, phrase) for phrase in self)
            if len(memo) < self.MEMO_LIMIT:
                memo[words] = found
        return found


def phrase_words(phrase: str, lang: str | None = None) -> tuple[str, ...]:
    """A dictionary phrase as normalised words, tokenised as text would be."""
    lang = lang or ("ar" if has_arabic(phrase) else "en")
    return tuple(t.norm for t in tokenize(phrase, lang) if t.is_word)
