package io.taskforge.benchmarks;

/**
 * Turns task execution off for the backlog and on again for the drain. Today the engine has no
 * runtime pause, so {@link RestartingExecutionSwitch} restarts it; once it has one (say {@code POST
 * /api/v1/workers/internal/stop} and {@code /start}), an implementation that calls it and returns the
 * same engine is all it takes, and the drain then runs in the warmed-up JVM as the peers' does.
 */
interface ExecutionSwitch {

    /** An engine that takes submissions but runs none, in place of {@code running}. */
    EngineProcess executionOff(EngineProcess running) throws Exception;

    /** An engine that runs what {@code paused} holds, in place of it. */
    EngineProcess executionOn(EngineProcess paused) throws Exception;

    /** Whether the draining JVM is the one that ran the warm-up (JIT warm), as with the peers. */
    boolean drainsInWarmedUpJvm();

    String description();
}
