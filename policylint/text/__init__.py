"""The language layer: tokens, normalisation, sentences, language detection."""

# How many words each per-word memo (normalised form, lookup keys, syllables, pieces...)
# keeps, the least recently met dropped first. A repository's common words stay in it;
# on text that never repeats, memos of 8,192 and 16,384 words held some 15 MB more in
# each process for 0.2% fewer instructions (bench/README.md).
WORDS_REMEMBERED = 4096
