"""The use cases: one function per job, called alike by the CLI, the HTTP service's
routes and jobs, and the tests. The steps of a job and the decisions about its errors
live here once; the faces (``agent.cli``, ``agent.service``) only parse input, show
progress and render output.

- :mod:`~agent.usecases.chat`: connect to the configured LLM (starting the embedded
  server when needed), build the chat agent, ask the LLM a plain question. Explaining a
  text and answering a chat turn are :meth:`agent.chat.agent.Agent.explain` and
  :meth:`~agent.chat.agent.Agent.turn`.
- :mod:`~agent.usecases.datasets`: explain a dataset; open it for follow-up questions.
- :mod:`~agent.usecases.audits`: audit a file of outputs, with or without generating
  them from the audited endpoint first, and the counterfactual swap probe.

Imports the rooms (llm, grounding, chat, datasets, audits) and ``tools``; never a face.
"""
