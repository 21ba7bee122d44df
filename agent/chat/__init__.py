"""The chat room: the agent loop (route → run a tool → narrate → verify → store), its
routing rules and narration prompt, and the sessions it persists in SQLite.

May import the LLM room, the grounding core and ``tools``; never a face or a use case.
"""
