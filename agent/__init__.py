"""The LLM side of Explainer: provider, embedded serving, agent loop, verifier, CLI."""
