package io.taskforge.benchmarks;

import java.time.Duration;

/**
 * Execution off and on through the engine's worker pool control ({@code POST
 * /api/v1/workers/internal/stop} and {@code /start}): the same JVM stores the backlog and drains
 * it, warm from the warm-up, as the peers' drain is.
 */
final class PoolExecutionSwitch implements ExecutionSwitch {

    private static final Duration IDLE_WITHIN = Duration.ofSeconds(60);

    @Override
    public EngineProcess executionOff(EngineProcess running) throws Exception {
        running.client().stopWorkers();
        long deadline = System.nanoTime() + IDLE_WITHIN.toNanos();
        while (!running.client().workersIdle()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the workers still run tasks " + IDLE_WITHIN + " after the stop");
            }
            Thread.sleep(100);
        }
        return running;
    }

    @Override
    public EngineProcess executionOn(EngineProcess paused) throws Exception {
        paused.client().startWorkers();
        return paused;
    }

    @Override
    public boolean drainsInWarmedUpJvm() {
        return true;
    }

    @Override
    public String description() {
        return "the engine's pool control: its workers are stopped for the backlog and started again for the"
                + " drain, in the JVM that ran the warm-up";
    }
}
