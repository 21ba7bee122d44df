"""Run xllamacpp's embedded llama.cpp HTTP server as a process (``python -m``).

``xllamacpp.Server`` serves llama.cpp's own OpenAI-compatible API (parallel slots,
continuous batching) from inside this process; this module gives it the command-line
shape that :mod:`agent.llm.serving` starts, records and stops like any other engine.
"""

from __future__ import annotations

import argparse
import signal
import threading


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True, help="GGUF file")
    parser.add_argument("--alias", required=True, help="model name the API lists")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--n-ctx", type=int, default=4096, help="total context, all slots")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--parallel", type=int, default=4, help="parallel slots")
    args = parser.parse_args(argv)

    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = args.model
    params.model_alias = {args.alias}
    params.hostnames = [args.host]
    params.port = args.port
    params.n_ctx = args.n_ctx * args.parallel  # llama.cpp splits n_ctx across the slots
    params.n_parallel = args.parallel
    params.cont_batching = True
    params.cpuparams.n_threads = args.threads
    params.cpuparams_batch.n_threads = args.threads
    server = xllamacpp.Server(params)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print(f"xllamacpp serving {args.alias} at {server.listening_address}", flush=True)
    stop.wait()
    del server


if __name__ == "__main__":
    main()
