package io.taskforge.benchmarks;

/**
 * Turns task execution off for the backlog and on again for the drain: through the engine's worker
 * pool control where it has one ({@link PoolExecutionSwitch}, the drain then runs in the warmed-up
 * JVM as the peers' does), else by restarting it ({@link RestartingExecutionSwitch}).
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
