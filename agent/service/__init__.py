"""The HTTP service (``explainer serve``), a face: routers parse requests and render
responses; jobs run the same use cases as the CLI (``agent.usecases``).

- :mod:`~agent.service.app` wires the routers (:mod:`~agent.service.routes`), the body
  limit and metrics (:mod:`~agent.service.middleware`) and the lifespan;
- :mod:`~agent.service.deps` the shared services, auth and error statuses;
- :mod:`~agent.service.store` files and jobs in SQLite; :mod:`~agent.service.runner` the
  job workers and dataset follow-ups; ``static/`` the browser page.
"""

from agent.service.app import create_app
from agent.service.middleware import MB

__all__ = ["MB", "create_app"]
