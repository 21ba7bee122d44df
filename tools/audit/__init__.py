"""Auditing a static file of another model's outputs: streamed loading, per-item signals
and verdicts, group disparity, shortcuts, injection and a counterfactual bias probe."""
