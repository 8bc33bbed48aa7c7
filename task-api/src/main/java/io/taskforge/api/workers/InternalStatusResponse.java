package io.taskforge.api.workers;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskforge.engine.execution.InternalPoolStatus;
import java.util.List;
import java.util.Locale;

/**
 * Seed 002's pool status.
 *
 * @param numWorkers the pool's size
 */
record InternalStatusResponse(boolean running, int numWorkers, List<Worker> workers) {

    /**
     * One internal worker.
     *
     * @param status idle, busy, stopping (finishing its attempt after a stop or scale-down) or stopped
     * @param currentTask the task it runs; null when idle
     */
    @Schema(name = "InternalWorker")
    record Worker(String id, String status, String currentTask) {}

    static InternalStatusResponse of(InternalPoolStatus status) {
        return new InternalStatusResponse(
                status.running(),
                status.size(),
                status.workers().stream()
                        .map(worker -> new Worker(
                                worker.id(),
                                worker.status().name().toLowerCase(Locale.ROOT),
                                worker.currentTask() == null
                                        ? null
                                        : worker.currentTask().toString()))
                        .toList());
    }
}
