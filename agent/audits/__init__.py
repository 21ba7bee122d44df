"""The audits room: generating another model's outputs (resumable), the audit's verified
key findings, and its exports.

May import the LLM room, the grounding core and ``tools.audit``; never a face or a use
case.
"""
