package io.taskforge.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers' latency figure: single submits paced open-loop at half the drain rate; submit-to-start
 * = the attempt's AttemptStartedEvent time − the instant the submit was sent (one machine, one
 * clock). Meanwhile the projections' lag is sampled.
 */
final class PacedPhase {

    private final RunContext run;

    PacedPhase(RunContext run) {
        this.run = run;
    }

    void run(EngineProcess engine, double drainRate) throws Exception {
        BenchmarkSettings settings = run.settings();
        Results results = run.results();
        double rate = settings.pacedRate() > 0 ? settings.pacedRate() : drainRate / 2;
        if (!(rate > 0)) {
            throw new IllegalStateException("no submit rate for the paced phase (drain rate " + drainRate + ")");
        }
        int count = (int) Math.max(1, Math.round(rate * settings.pacedSeconds()));
        run.vacuumBefore("paced");
        PhaseMeter meter = PhaseMeter.start("paced", engine);
        Thread.sleep(2000); // as the peers: let the engine settle before the first send
        long before = engine.client().completedTasks();
        List<Submission> submissions;
        ProjectionLag lag;
        CatchUpWatch.CatchUp caughtUp;
        try (var sampler = ProjectionLagSampler.start(run.database())) {
            submissions = OpenLoopSubmitter.submit(engine.client(), count, rate, settings.submitters());
            var summary = SubmissionSummary.of(submissions);
            caughtUp = run.watch(engine).await(before + summary.accepted());
            lag = sampler.stop();
        }
        var answers = SubmissionSummary.of(submissions);
        List<String> ids = submissions.stream()
                .filter(Submission::accepted)
                .map(Submission::taskId)
                .toList();
        TaskOutcomes outcomes = run.events().outcomes(ids);
        List<Long> latencies = new ArrayList<>();
        int missing = count - ids.size();
        for (Submission submission : submissions) {
            var started =
                    submission.accepted() ? outcomes.of(submission.taskId()).firstStart() : null;
            if (started == null) {
                missing += submission.accepted() ? 1 : 0;
            } else {
                latencies.add(Duration.between(submission.sentAt(), started).toNanos());
            }
        }
        var submitToStart = Percentiles.of(latencies);
        double achieved = OpenLoopSubmitter.achievedRate(submissions);
        results.put("lat_seconds", settings.pacedSeconds());
        results.put("lat_target_rate", rate);
        results.put("lat_achieved_rate", achieved);
        results.put("lat_count", count);
        results.put("lat_missing", missing);
        results.put("lat_complete", outcomes.allOnce(count) && caughtUp.complete());
        results.put("lat_done", outcomes.completed());
        results.put("lat_started", outcomes.started());
        results.put("lat_duplicates", outcomes.duplicateStarts());
        results.put("lat_check", outcomes.check(count));
        results.put("lat_p50_ms", submitToStart.millis(0.50));
        results.put("lat_p95_ms", submitToStart.millis(0.95));
        results.put("lat_p99_ms", submitToStart.millis(0.99));
        results.put("lat_max_ms", submitToStart.maxMillis());
        results.put("http_p50_ms", answers.answers().millis(0.50));
        results.put("http_p99_ms", answers.answers().millis(0.99));
        results.put("http_202", answers.answeredBeforeView());
        results.put("http_refused", answers.refused());
        lag.record(results, "lag");
        Log.line(
                "paced",
                "%,d single submits at %.1f/s (achieved %.1f/s) for %d s, open loop: submit-to-start p50 %.1f ms,"
                        + " p95 %.1f ms, p99 %.1f ms, max %.1f ms; missing %d",
                count,
                rate,
                achieved,
                settings.pacedSeconds(),
                submitToStart.millis(0.50),
                submitToStart.millis(0.95),
                submitToStart.millis(0.99),
                submitToStart.maxMillis(),
                missing);
        Log.line("paced", "HTTP: %s", answers.describe());
        Log.line("paced", "check: %s", outcomes.check(count));
        Log.line(
                "paced",
                "projection lag, worst processor per sample, %d samples every 500 ms: p99 %d events / %.0f ms,"
                        + " max %d events / %.0f ms%s; by processor:%n%s",
                lag.samples(),
                lag.worstEvents().value(0.99),
                lag.worstTime().millis(0.99),
                lag.worstEvents().max(),
                lag.worstTime().maxMillis(),
                lag.failure() == null ? "" : " (a sample failed: " + lag.failure() + ")",
                lag.perProcessor());
        meter.finish(results);
        run.sampleHeap(engine, "after_paced");
    }
}
