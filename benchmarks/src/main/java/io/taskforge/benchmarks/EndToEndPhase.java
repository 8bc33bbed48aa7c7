package io.taskforge.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Taskforge as its users see it: HTTP clients submitting closed-loop with workers on; tasks per
 * second from the first submit until the last completion is visible on every projection.
 */
final class EndToEndPhase {

    private final RunContext run;

    EndToEndPhase(RunContext run) {
        this.run = run;
    }

    void run(EngineProcess engine) throws Exception {
        BenchmarkSettings settings = run.settings();
        Results results = run.results();
        int tasks = settings.endToEndTasks();
        if (tasks <= 0) {
            Log.line("end-to-end", "skipped (-De2e=0)");
            return;
        }
        run.vacuumBefore("end-to-end");
        PhaseMeter meter = PhaseMeter.start("end-to-end", engine);
        long before = engine.client().completedTasks();
        List<Submission> submissions;
        ProjectionLag lag;
        CatchUpWatch.CatchUp caughtUp;
        try (var sampler = ProjectionLagSampler.start(run.database())) {
            submissions = ClosedLoopSubmitters.submit(engine.client(), tasks, settings.endToEndClients());
            caughtUp = run.watch(engine)
                    .await(before + SubmissionSummary.of(submissions).accepted());
            lag = sampler.stop();
        }
        var answers = SubmissionSummary.of(submissions);
        Instant firstSent = submissions.stream()
                .map(Submission::sentAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant lastAnswered = submissions.stream()
                .map(s -> s.sentAt().plusNanos(s.answerNanos()))
                .max(Comparator.naturalOrder())
                .orElseThrow();
        List<String> ids = submissions.stream()
                .filter(Submission::accepted)
                .map(Submission::taskId)
                .toList();
        TaskOutcomes outcomes = run.events().outcomes(ids);
        Instant end = caughtUp.everyTokenAtHead();
        double rate = end == null ? Double.NaN : outcomes.completed() / seconds(firstSent, end);
        double submitRate = answers.accepted() / seconds(firstSent, lastAnswered);
        Instant lastCompletion = outcomes.lastCompletion();
        double toLastCompletion =
                lastCompletion == null ? Double.NaN : outcomes.completed() / seconds(firstSent, lastCompletion);
        results.put("e2e_tasks", tasks);
        results.put("e2e_clients", settings.endToEndClients());
        results.put("e2e_complete", outcomes.allOnce(tasks) && caughtUp.complete());
        results.put("e2e_check", outcomes.check(tasks));
        results.put("e2e_rate", rate);
        results.put("e2e_rate_to_last_completion", toLastCompletion);
        results.put("e2e_submit_rate", submitRate);
        results.put("e2e_http_p50_ms", answers.answers().millis(0.50));
        results.put("e2e_http_p99_ms", answers.answers().millis(0.99));
        lag.record(results, "e2e_lag");
        Log.line(
                "end-to-end",
                "%,d tasks from %d HTTP clients, closed loop: %.1f tasks/s first submit to every projection at the"
                        + " head (%.1f s); %.1f tasks/s to the last completion event; submits answered at %.1f/s",
                tasks,
                settings.endToEndClients(),
                rate,
                end == null ? Double.NaN : seconds(firstSent, end),
                toLastCompletion,
                submitRate);
        Log.line("end-to-end", "HTTP: %s", answers.describe());
        Log.line("end-to-end", "check: %s", outcomes.check(tasks));
        Log.line(
                "end-to-end",
                "projection lag, worst processor per sample: p99 %d events / %.0f ms, max %d events / %.0f ms;"
                        + " by processor:%n%s",
                lag.worstEvents().value(0.99),
                lag.worstTime().millis(0.99),
                lag.worstEvents().max(),
                lag.worstTime().maxMillis(),
                lag.perProcessor());
        meter.finish(results);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
