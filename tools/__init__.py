"""The evidence side of Explainer: typed tools that compute what the agent may claim.

Nothing in this package imports :mod:`agent`.
"""
