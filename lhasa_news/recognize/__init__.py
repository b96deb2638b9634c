"""Recognisers: numbers, units, quantities (and, later, time expressions and names) with spans."""
