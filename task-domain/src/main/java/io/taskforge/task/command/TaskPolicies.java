package io.taskforge.task.command;

import io.taskforge.task.policy.AlertSeverity;
import io.taskforge.task.policy.ErrorClassifier;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * What the Task aggregate needs from outside to decide: the time, randomness for jitter and the
 * configurable policies. Injected into command handlers so tests can fix all of them.
 */
public record TaskPolicies(
        Clock clock, RandomGenerator random, ErrorClassifier errorClassifier, AlertSeverity alertSeverity) {

    public static TaskPolicies standard(Clock clock, RandomGenerator random) {
        return new TaskPolicies(clock, random, new ErrorClassifier(), AlertSeverity.DEFAULT);
    }
}
