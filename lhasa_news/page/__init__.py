"""Page layout: blocks, repairs, and articles."""
