"""Sentence ends of page text (。！？!? and a line break), searched from a position of interest
(a trigger, a cue) rather than listed for the whole page."""

from __future__ import annotations

import re

SENTENCE_END = re.compile("[。！？!?\n]")
UP_TO_SENTENCE_END = re.compile("(?s:.*)[。！？!?\n]")  # match(n, a, b) ends after the last end in n[a:b]
