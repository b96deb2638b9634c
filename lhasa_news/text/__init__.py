"""Text preparation: normalisation that keeps offsets."""
