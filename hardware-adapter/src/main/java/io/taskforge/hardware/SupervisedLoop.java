package io.taskforge.hardware;

import io.taskforge.handler.TaskContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a loop body as one attempt of a task, in the shape of db-scheduler's {@code RunUntilShutdown}:
 * iterate until stopped, catch each iteration's failure and report it, wait through an injected
 * waiter and clock, and stay quiet when interrupted while stopping. Each finished iteration is a
 * liveness report, so the engine sees a blocked loop as stalled; a run of failed iterations is
 * rethrown, which makes the attempt fail and the engine restart the loop with backoff.
 */
final class SupervisedLoop {

    private final String name;
    private final LoopBody body;
    private final LoopSupervision supervision;
    private final Waiter waiter;
    private final Clock clock;

    SupervisedLoop(String name, LoopBody body, LoopSupervision supervision, Waiter waiter, Clock clock) {
        this.name = name;
        this.body = body;
        this.supervision = supervision;
        this.waiter = waiter;
        this.clock = clock;
    }

    /**
     * Runs until the attempt is cancelled, its thread interrupted or {@code keepRunning} turns false.
     *
     * @return how far the loop got
     * @throws Exception the last failure of {@link LoopSupervision#failuresBeforeRestart} failed
     *     iterations in a row
     */
    Map<String, Object> run(TaskContext context, BooleanSupplier keepRunning) throws Exception {
        context.watchLiveness(supervision.stallAfter(), supervision.restartAfter());
        int failuresInARow = 0;
        Instant next = clock.instant();
        while (keepRunning.getAsBoolean() && !context.isCancelled()) {
            try {
                body.iterate(context.log());
                failuresInARow = 0;
                context.reportAlive(body.progress());
            } catch (InterruptedException stopping) {
                return stopped();
            } catch (Exception failure) {
                if (Thread.currentThread().isInterrupted() || context.isCancelled()) {
                    return stopped();
                }
                failuresInARow++;
                context.log()
                        .warning(name + " iteration failed (" + failuresInARow + " of "
                                + supervision.failuresBeforeRestart() + " in a row before a restart): " + failure);
                if (failuresInARow >= supervision.failuresBeforeRestart()) {
                    throw failure;
                }
            }
            next = later(next.plus(body.period()), clock.instant());
            try {
                waiter.waitUntil(next);
            } catch (InterruptedException stopping) {
                return stopped();
            }
        }
        return Map.of("progress", body.progress());
    }

    /** Interrupted: the engine stops the attempt (cancelled, stalled, shutting down) and records why itself. */
    private Map<String, Object> stopped() {
        Thread.currentThread().interrupt();
        return Map.of("progress", body.progress());
    }

    /** A loop that fell behind starts its next iteration now rather than racing to catch up. */
    private static Instant later(Instant planned, Instant now) {
        return planned.isBefore(now) ? now : planned;
    }
}
