"""Auditing a static file of another model's outputs (work in progress: loading, per-item
signals, group disparity)."""
