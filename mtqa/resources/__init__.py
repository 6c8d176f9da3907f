"""Data adapters: word lists, word frequencies and language identification, loaded once and cached.
The only importers of the heavy data libraries (wordfreq, langdetect, cutlet for Japanese readings)."""
