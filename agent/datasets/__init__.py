"""The datasets room: a dataset's verified report (key findings written by code, the
LLM's optional summary), its exports, and follow-up questions answered by structured
queries over all rows.

May import the LLM room, the grounding core and ``tools.dataset``; never a face or a use
case.
"""
