#!/usr/bin/env python3
"""A Taskforge external worker in plain Python (standard library only).

It registers, waits for work with long-poll claims, sends heartbeats that carry the fencing token
of the attempt it runs, reports progress and log lines, and ends each attempt with a success or a
failure. When a heartbeat answer names its task (cancelled, or retried elsewhere) it stops the task
and reports nothing more about it.

The "work" is a demonstration: a task's parameters say how many steps to take and how long each
takes, and optionally that it should fail:
    {"steps": 5, "step_seconds": 0.5, "fail_with": "network_error", "retryable": true}
Replace run_step() with real work.
"""

import argparse
import json
import signal
import sys
import threading
import time
import urllib.error
import urllib.request


class LeaseLost(Exception):
    """The engine answered 409: this worker no longer holds the attempt (or is offline)."""


class Engine:
    """The worker protocol over HTTP."""

    def __init__(self, url, key, worker_id):
        self.url = url.rstrip("/")
        self.key = key
        self.worker_id = worker_id

    def call(self, method, path, body=None, timeout=30):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if self.key:
            request.add_header("Authorization", "Bearer " + self.key)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                text = response.read().decode("utf-8")
                return response.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8")
            answer = json.loads(text) if text else None
            if error.code == 409:
                raise LeaseLost(answer.get("detail") if answer else "conflict") from None
            raise RuntimeError("%s %s answered %d: %s" % (method, path, error.code, text)) from None

    def register(self, backend_type, problems, max_parallel):
        status, answer = self.call("POST", "/api/v1/workers/register", {
            "worker_id": self.worker_id,
            "backend_type": backend_type,
            "capabilities": {"max_parallel_tasks": max_parallel, "supported_problems": problems},
        })
        return answer

    def heartbeat(self, running, leaving=False):
        body = {
            "status": "offline" if leaving else ("busy" if running else "idle"),
            "current_tasks": [{"task_id": task, "fencing_token": token} for task, token in running.items()],
        }
        status, answer = self.call("POST", self.worker_path("/heartbeat"), body)
        return answer.get("cancelled_task_ids", [])

    def claim(self, wait_seconds):
        status, task = self.call(
            "POST", self.worker_path("/claim?wait=%ds" % wait_seconds), timeout=wait_seconds + 15)
        return task if status == 200 else None

    def report(self, task, kind, body):
        body = dict(body, fencing_token=task["fencing_token"])
        self.call("POST", self.worker_path("/tasks/%s/%s" % (task["id"], kind)), body)

    def worker_path(self, suffix):
        return "/api/v1/workers/" + self.worker_id + suffix


class Worker:
    """Runs one attempt at a time; a heartbeat thread keeps its lease and hears of cancellations."""

    def __init__(self, engine, args):
        self.engine = engine
        self.args = args
        self.lock = threading.Lock()
        self.running = {}  # task id -> fencing token
        self.stop_task = threading.Event()
        self.shutting_down = threading.Event()
        self.heartbeat_seconds = 1.0

    def start(self):
        answer = self.engine.register(self.args.backend_type, self.args.problem, 1)
        timing = min(answer.get("lease_seconds", 30), answer.get("offline_after_seconds", 30))
        self.heartbeat_seconds = max(0.2, timing / 3.0)
        say("registered", self.engine.worker_id, "heartbeat every %.1f s" % self.heartbeat_seconds)
        threading.Thread(target=self.beat, name="heartbeat", daemon=True).start()
        while not self.shutting_down.is_set():
            try:
                task = self.engine.claim(self.args.wait)
            except LeaseLost:
                self.reregister()
                continue
            if task is not None:
                self.run(task)
            elif self.args.once:
                break
        self.leave()

    def run(self, task):
        say("claimed", task["id"], "token", task["fencing_token"])
        with self.lock:
            self.running = {task["id"]: task["fencing_token"]}
            self.stop_task.clear()
        try:
            outcome = self.work(task)
            if outcome is None:
                say("stopped", task["id"] + ": cancelled, or no longer this worker's")
            elif "error" in outcome:
                self.engine.report(task, "fail", outcome)
                say("failed", task["id"])
            else:
                self.engine.report(task, "complete", outcome)
                say("completed", task["id"])
        except LeaseLost as lost:
            say("lost", task["id"] + ":", lost)
        finally:
            with self.lock:
                self.running = {}

    def work(self, task):
        """The task's steps, with progress; None when it was stopped, else what to report."""
        parameters = task.get("parameters") or {}
        steps = int(parameters.get("steps", 5))
        step_seconds = float(parameters.get("step_seconds", 0.2))
        self.engine.report(task, "logs", {"level": "info", "message": "python worker %s starts %d steps"
                                          % (self.engine.worker_id, steps), "context": {"steps": steps}})
        for step in range(1, steps + 1):
            if self.stop_task.wait(step_seconds):
                return None
            run_step(task, step)
            self.engine.report(task, "progress", {"progress": step * 100 // steps,
                                                  "message": "step %d of %d" % (step, steps)})
        if parameters.get("fail_with"):
            return {"error": {"type": parameters["fail_with"], "message": "asked to fail",
                              "retryable": bool(parameters.get("retryable", True))}}
        return {"result": {"steps": steps, "worker": self.engine.worker_id}}

    def beat(self):
        while not self.shutting_down.wait(self.heartbeat_seconds):
            with self.lock:
                running = dict(self.running)
            try:
                for task_id in self.engine.heartbeat(running):
                    if task_id in running:
                        self.stop_task.set()
            except LeaseLost:
                self.stop_task.set()
                self.reregister()
            except (OSError, RuntimeError) as failure:
                say("heartbeat failed:", failure)

    def reregister(self):
        say("offline; registering again")
        self.engine.register(self.args.backend_type, self.args.problem, 1)

    def leave(self):
        try:
            self.engine.heartbeat({}, leaving=True)
        except (LeaseLost, OSError, RuntimeError):
            pass
        say("left")


def run_step(task, step):
    """One step of the task's real work; this demonstration only sleeps between steps."""


def say(*words):
    print(*words, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the engine's base URL")
    parser.add_argument("--key", default=None, help="an API key with the worker (or admin) role")
    parser.add_argument("--worker-id", required=True)
    parser.add_argument("--backend-type", default="python")
    parser.add_argument("--problem", action="append", default=None,
                        help="a glob of the problems (or task types) to take; repeatable; default *")
    parser.add_argument("--wait", type=int, default=30, help="seconds a claim waits for work")
    parser.add_argument("--once", action="store_true", help="leave after the first claim that finds nothing")
    args = parser.parse_args()
    args.problem = args.problem or ["*"]
    worker = Worker(Engine(args.url, args.key, args.worker_id), args)
    signal.signal(signal.SIGTERM, lambda *ignored: worker.shutting_down.set())
    try:
        worker.start()
    except KeyboardInterrupt:
        worker.leave()
    return 0


if __name__ == "__main__":
    sys.exit(main())
