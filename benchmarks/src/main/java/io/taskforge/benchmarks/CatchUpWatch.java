package io.taskforge.benchmarks;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Waits until the read side shows a phase's tasks done: the counters ({@code /tasks/stats}) count
 * them all completed, and each tracking token has reached the event store's head. Polls slowly
 * while far off and every 20 ms near the end, so the instants it notes are close to the real ones
 * without loading the engine during a long drain.
 */
final class CatchUpWatch {

    /**
     * When the read side caught up.
     *
     * @param countersCaughtUp when {@code /tasks/stats} first counted them all; null if it did not before progress stalled
     * @param tokenAtHead per processor, when its token first reached the head after that (absent: it did not)
     */
    record CatchUp(Instant countersCaughtUp, Map<String, Instant> tokenAtHead, int processors, long completedSeen) {

        boolean complete() {
            return countersCaughtUp != null && tokenAtHead.size() == processors;
        }

        /** When the last processor reached the head; null while one has not. */
        Instant everyTokenAtHead() {
            return processors > 0 && tokenAtHead.size() == processors
                    ? tokenAtHead.values().stream().max(Instant::compareTo).orElseThrow()
                    : null;
        }
    }

    private static final long NEAR_TASKS = 200;
    private static final long FAR_POLL_MILLIS = 500;
    private static final long NEAR_POLL_MILLIS = 20;

    private final TaskforgeClient client;
    private final EventStore events;
    private final ProjectionTokens tokens;
    private final Duration stallLimit;

    CatchUpWatch(TaskforgeClient client, EventStore events, ProjectionTokens tokens, Duration stallLimit) {
        this.client = client;
        this.events = events;
        this.tokens = tokens;
        this.stallLimit = stallLimit;
    }

    /** Returns once {@code expectedCompleted} tasks show completed and every token is at the head, or progress stalls. */
    CatchUp await(long expectedCompleted) throws IOException, InterruptedException, SQLException {
        Instant countersCaughtUp = null;
        Map<String, Instant> atHead = new TreeMap<>();
        int processors = 0;
        long seen = -1;
        Instant lastProgress = Instant.now();
        while (true) {
            long completed = client.completedTasks();
            Instant now = Instant.now();
            if (completed != seen) {
                seen = completed;
                lastProgress = now;
            }
            if (countersCaughtUp == null && completed >= expectedCompleted) {
                countersCaughtUp = now;
            }
            // only once all are counted: a token at the head earlier could precede a last completion
            if (countersCaughtUp != null) {
                long head = events.head();
                Map<String, Long> positions = tokens.positions();
                Instant read = Instant.now();
                processors = positions.size();
                int before = atHead.size();
                positions.forEach((name, position) -> {
                    if (position >= head) {
                        atHead.putIfAbsent(name, read);
                    }
                });
                if (atHead.size() > before) {
                    lastProgress = read;
                }
                if (processors > 0 && atHead.size() == processors) {
                    return new CatchUp(countersCaughtUp, atHead, processors, completed);
                }
            }
            if (Duration.between(lastProgress, now).compareTo(stallLimit) > 0) {
                return new CatchUp(countersCaughtUp, atHead, processors, completed);
            }
            Thread.sleep(expectedCompleted - completed <= NEAR_TASKS ? NEAR_POLL_MILLIS : FAR_POLL_MILLIS);
        }
    }
}
