"""The grounding core: the evidence ledger (tool results with ids and atomic facts) and
the verifier that checks every sentence against those facts before a user sees it.

Imports only ``tools.base`` (the fact contract), the LLM room's prompt files and the
error types; never a face, a use case, or the chat, datasets and audits rooms.
"""
