package io.taskforge.benchmarks;

import java.util.Map;

/** CPU of the harness, the engine and the machine over one phase, with the engine's busiest threads. */
final class PhaseMeter {

    private final String phase;
    private final EngineProcess engine;
    private final Map<String, Double> threadsBefore;
    private final CpuSnapshot start;

    private PhaseMeter(String phase, EngineProcess engine) {
        this.phase = phase;
        this.engine = engine;
        // the dump first: jcmd's own CPU then falls outside the measured window
        this.threadsBefore = JvmDiagnostics.threadCpuMillis(engine.pid());
        this.start = CpuSnapshot.take(engine);
    }

    static PhaseMeter start(String phase, EngineProcess engine) {
        return new PhaseMeter(phase, engine);
    }

    CpuUsage finish(Results results) {
        CpuUsage usage = CpuSnapshot.take(engine).since(start);
        var threads = ThreadCpuBreakdown.between(threadsBefore, JvmDiagnostics.threadCpuMillis(engine.pid()));
        Log.line(phase, "cpu: %s", usage.describe());
        Log.line(phase, "engine threads by CPU: %s", threads.top(7));
        usage.record(results, phase.replace('-', '_'));
        return usage;
    }
}
