package io.taskforge.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The peers' throughput figure: execution turned on over the backlog; completions / (last
 * completion − first completion), read from the engine's TaskCompletedEvents. Then how long after
 * the last completion the read side showed it.
 */
final class DrainPhase {

    /** The engine that drained the backlog, and what it achieved. */
    record Drained(EngineProcess engine, double throughput, TaskOutcomes outcomes) {}

    private final RunContext run;

    DrainPhase(RunContext run) {
        this.run = run;
    }

    Drained run(ExecutionSwitch execution, EngineProcess paused, Backlog backlog) throws Exception {
        int tasks = backlog.taskIds().size();
        Results results = run.results();
        long before = paused.client().completedTasks();
        Instant switched = Instant.now();
        EngineProcess engine = execution.executionOn(paused);
        Instant ready = Instant.now();
        if (!execution.drainsInWarmedUpJvm()) {
            double startupCpu = ProcStat.processCpuNanos(engine.pid()) / 1e9;
            results.put("drain_jvm_cold", true);
            results.put("drain_engine_startup_cpu_s", startupCpu);
            Log.line(
                    "drain",
                    "NOTE: this JVM starts cold (JIT, class loading): unlike the peers' drain, it is not the JVM"
                            + " that ran the warm-up; it spent %.1f s CPU starting",
                    startupCpu);
        }
        PhaseMeter meter = PhaseMeter.start("drain", engine);
        var caughtUp = run.watch(engine).await(before + tasks);
        TaskOutcomes outcomes = run.events().outcomes(backlog.taskIds());
        double throughput = outcomes.completionsPerSecond();
        Instant first = outcomes.firstCompletion();
        Instant last = outcomes.lastCompletion();
        double span = first == null ? 0 : seconds(first, last);
        results.put("exec_complete", outcomes.allOnce(tasks) && caughtUp.complete());
        results.put("exec_done", outcomes.completed());
        results.put("exec_started", outcomes.started());
        results.put("exec_duplicates", outcomes.duplicateStarts());
        results.put("exec_duplicate_completions", outcomes.duplicateCompletions());
        results.put("exec_check", outcomes.check(tasks));
        results.put("exec_span_seconds", span);
        results.put("exec_throughput", throughput);
        Log.line(
                "drain",
                "%,d/%,d completed: %.1f tasks/s over %.1f s first to last completion; first completion %.1f s after"
                        + " the switch, %.1f s %s ready",
                outcomes.completed(),
                tasks,
                throughput,
                span,
                first == null ? Double.NaN : seconds(switched, first),
                first == null ? Double.NaN : Math.abs(seconds(ready, first)),
                first != null && first.isBefore(ready) ? "before" : "after");
        Log.line("drain", "check: %s", outcomes.check(tasks));
        recordCatchUp(results, caughtUp, last);
        meter.finish(results);
        run.sampleHeap(engine, "after_drain");
        return new Drained(engine, throughput, outcomes);
    }

    private static void recordCatchUp(Results results, CatchUpWatch.CatchUp caughtUp, Instant lastCompletion) {
        if (lastCompletion == null) {
            return;
        }
        double counters =
                caughtUp.countersCaughtUp() == null ? Double.NaN : millis(lastCompletion, caughtUp.countersCaughtUp());
        Instant everyToken = caughtUp.everyTokenAtHead();
        double tokens = everyToken == null ? Double.NaN : millis(lastCompletion, everyToken);
        results.put("drain_counters_lag_ms", counters);
        results.put("drain_tokens_lag_ms", tokens);
        StringBuilder perProcessor = new StringBuilder();
        caughtUp.tokenAtHead().forEach((name, at) -> {
            double lag = millis(lastCompletion, at);
            results.put("drain_" + name.replace('-', '_') + "_lag_ms", lag);
            perProcessor.append(String.format(Locale.ROOT, ", %s %.0f", name, lag));
        });
        Log.line(
                "drain",
                "read side after the last completion event: /tasks/stats counted every task completed %.0f ms later;"
                        + " every tracking token at the head %.0f ms later (ms per processor%s)",
                counters,
                tokens,
                perProcessor);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
