"""The service's routers, one per concern: sessions, files and jobs, the OpenAI facade,
and the rest (health, metrics, the page). :func:`agent.service.app.create_app` wires them."""
