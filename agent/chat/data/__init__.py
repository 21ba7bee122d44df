"""Data the chat ships: ``intents.jsonl``, the labelled questions the intent classifier
(:mod:`agent.chat.intents`) learns from (written by a helper session that never saw the
router; its unseen part is ``evals/intent_cases/unseen.jsonl``)."""
