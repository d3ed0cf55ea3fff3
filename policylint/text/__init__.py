"""The language layer: tokens, normalisation, sentences, language detection."""
