"""Prompt templates shipped as package data (``*.jinja``); rendered by ``agent.prompting``."""
