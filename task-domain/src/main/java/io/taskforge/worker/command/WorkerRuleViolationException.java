package io.taskforge.worker.command;

import io.taskforge.worker.WorkerId;

/** A command asked for something the worker's rules forbid in its current state. */
public class WorkerRuleViolationException extends RuntimeException {

    private final WorkerId workerId;
    private final WorkerRule rule;

    public WorkerRuleViolationException(WorkerId workerId, WorkerRule rule, String message) {
        super(message);
        this.workerId = workerId;
        this.rule = rule;
    }

    public WorkerId workerId() {
        return workerId;
    }

    public WorkerRule rule() {
        return rule;
    }
}
