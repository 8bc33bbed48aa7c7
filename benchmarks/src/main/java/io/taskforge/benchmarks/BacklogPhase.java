package io.taskforge.benchmarks;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * The peers' schedule step: N tasks stored with execution off, through the batch API when the
 * engine has one (the peers' figure), else by single submits from the peers' 8 submitter threads.
 */
final class BacklogPhase {

    private final RunContext run;

    BacklogPhase(RunContext run) {
        this.run = run;
    }

    Backlog run(EngineProcess engine, boolean batchApi) throws Exception {
        int tasks = run.settings().tasks();
        Results results = run.results();
        run.sampleHeap(engine, "backlog_start");
        PhaseMeter meter = PhaseMeter.start("backlog", engine);
        long headBefore = run.events().head();
        long started = System.nanoTime();
        if (batchApi) {
            var batches = Percentiles.of(
                    BatchSubmitter.submit(engine.client(), tasks, run.settings().batchSize()));
            double seconds = (System.nanoTime() - started) / 1e9;
            results.put("backlog_path", "batch");
            results.put("schedule_seconds", seconds);
            results.put("schedule_rate", tasks / seconds);
            results.put("batch_p50_ms", batches.millis(0.50));
            results.put("batch_max_ms", batches.maxMillis());
            Log.line(
                    "backlog",
                    "%,d tasks by the batch API in batches of %,d: %.1f s, %.0f tasks/s; a batch p50 %.0f ms, max %.0f ms",
                    tasks,
                    run.settings().batchSize(),
                    seconds,
                    tasks / seconds,
                    batches.millis(0.50),
                    batches.maxMillis());
        } else {
            var singles = SubmissionSummary.of(ClosedLoopSubmitters.submit(
                    engine.client(), tasks, run.settings().submitters()));
            double seconds = (System.nanoTime() - started) / 1e9;
            results.put("backlog_path", "single");
            results.put("single_submit_seconds", seconds);
            results.put("single_submit_rate", singles.accepted() / seconds);
            results.put("single_submit_p50_ms", singles.answers().millis(0.50));
            results.put("single_submit_p99_ms", singles.answers().millis(0.99));
            results.put("single_submit_refused", singles.refused());
            Log.line(
                    "backlog",
                    "no batch API: %,d single submits from %d client threads in %.1f s, %.0f tasks/s; %s",
                    tasks,
                    run.settings().submitters(),
                    seconds,
                    singles.accepted() / seconds,
                    singles.describe());
        }
        // the drain should not begin with the new engine's projections replaying the backlog
        double projectionSeconds = awaitTokensAtHead();
        results.put("backlog_projections_after_s", projectionSeconds);
        Log.line(
                "backlog", "every tracking token at the head %.1f s after the last submit answered", projectionSeconds);
        long headAfter = run.events().head();
        var ids = run.events().tasksCreatedBetween(headBefore, headAfter);
        if (ids.size() != tasks) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT, "the event store holds %,d new tasks, not the %,d submitted", ids.size(), tasks));
        }
        meter.finish(results);
        run.sampleHeap(engine, "backlog_end");
        return new Backlog(ids);
    }

    private double awaitTokensAtHead() throws SQLException, InterruptedException {
        long started = System.nanoTime();
        Duration limit = Duration.ofSeconds(run.settings().stallSeconds() * 5L);
        while (!run.tokens().allAt(run.events().head())) {
            if (System.nanoTime() - started > limit.toNanos()) {
                throw new IllegalStateException("projections not at the head " + limit + " after the backlog");
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
