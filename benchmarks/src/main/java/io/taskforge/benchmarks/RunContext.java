package io.taskforge.benchmarks;

import java.sql.SQLException;
import java.time.Duration;

/** What every phase of one run shares: its settings, database, event store, tokens and results. */
record RunContext(
        BenchmarkSettings settings,
        FreshDatabase database,
        EventStore events,
        ProjectionTokens tokens,
        Results results,
        boolean vacuumBetweenPhases) {

    CatchUpWatch watch(EngineProcess engine) {
        return new CatchUpWatch(engine.client(), events, tokens, Duration.ofSeconds(settings.stallSeconds()));
    }

    /** Heap in use after a full GC, logged and recorded as heap_{@code moment}_mb. */
    double sampleHeap(EngineProcess engine, String moment) {
        double megabytes = JvmDiagnostics.heapUsedAfterGcMegabytes(engine.pid());
        Log.line(
                "heap",
                "%s engine (pid %d), %s: %.0f MB used after a full GC (jcmd GC.run)",
                engine.label(),
                engine.pid(),
                moment.replace('_', ' '),
                megabytes);
        results.put("heap_" + moment + "_mb", megabytes);
        return megabytes;
    }

    /** This server runs without autovacuum: do its work between phases, outside every timed window. */
    void vacuumBefore(String phase) throws SQLException {
        if (vacuumBetweenPhases) {
            Log.line(phase, "VACUUM ANALYZE before the phase (autovacuum is off): %.1f s", database.vacuumAnalyze());
        }
    }
}
