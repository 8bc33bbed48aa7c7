package io.taskforge.benchmarks;

import java.util.List;
import java.util.Locale;

/** Counts and answer latencies of a list of single submits. */
record SubmissionSummary(int sent, int accepted, int answeredBeforeView, int refused, Percentiles answers) {

    static SubmissionSummary of(List<Submission> submissions) {
        int accepted = (int) submissions.stream().filter(Submission::accepted).count();
        int early = (int)
                submissions.stream().filter(Submission::answeredBeforeView).count();
        long[] nanos = submissions.stream().mapToLong(Submission::answerNanos).toArray();
        return new SubmissionSummary(
                submissions.size(), accepted, early, submissions.size() - accepted, Percentiles.of(nanos));
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "%,d sent, %,d accepted (%,d answered 202 before the view had them), %,d refused or failed;"
                        + " answer p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                sent,
                accepted,
                answeredBeforeView,
                refused,
                answers.millis(0.50),
                answers.millis(0.99),
                answers.maxMillis());
    }
}
