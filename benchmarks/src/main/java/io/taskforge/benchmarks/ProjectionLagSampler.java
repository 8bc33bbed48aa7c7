package io.taskforge.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples how far each tracking processor is behind the event store's head, every half second:
 * in events (head − token position) and in time (sample instant − creation of the oldest event it
 * has not handled yet).
 */
final class ProjectionLagSampler implements AutoCloseable {

    private static final long EVERY_MILLIS = 500;

    private final Connection connection;
    private final EventStore events;
    private final ProjectionTokens tokens;
    private final ScheduledExecutorService timer;
    private final Map<String, List<Long>> eventsBehind = new TreeMap<>();
    private final Map<String, List<Long>> nanosBehind = new TreeMap<>();
    private final List<Long> worstEvents = new ArrayList<>();
    private final List<Long> worstNanos = new ArrayList<>();
    private volatile String failure;

    private ProjectionLagSampler(Connection connection) {
        this.connection = connection;
        this.events = new EventStore(connection);
        this.tokens = new ProjectionTokens(connection);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-lag-sampler");
            thread.setDaemon(true);
            return thread;
        });
    }

    static ProjectionLagSampler start(FreshDatabase database) throws SQLException {
        var sampler = new ProjectionLagSampler(database.connect());
        sampler.timer.scheduleAtFixedRate(sampler::sampleQuietly, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** Stops sampling and summarises what it saw. */
    ProjectionLag stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        synchronized (this) {
            Map<String, Percentiles> byEvents = new TreeMap<>();
            Map<String, Percentiles> byTime = new TreeMap<>();
            eventsBehind.forEach((name, samples) -> byEvents.put(name, Percentiles.of(samples)));
            nanosBehind.forEach((name, samples) -> byTime.put(name, Percentiles.of(samples)));
            return new ProjectionLag(
                    worstEvents.size(),
                    Percentiles.of(worstEvents),
                    Percentiles.of(worstNanos),
                    byEvents,
                    byTime,
                    failure);
        }
    }

    @Override
    public void close() throws SQLException {
        timer.shutdownNow();
        connection.close();
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (SQLException failed) {
            failure = failed.getMessage();
        }
    }

    private void sample() throws SQLException {
        long head = events.head();
        Instant now = Instant.now();
        Map<String, Long> positions = tokens.positions();
        long worstBehind = 0;
        long worstAge = 0;
        synchronized (this) {
            for (var processor : positions.entrySet()) {
                long behind = Math.max(0, head - processor.getValue());
                long age = 0;
                if (behind > 0) {
                    Instant oldestUnhandled = events.timeOfFirstEventAfter(processor.getValue());
                    age = oldestUnhandled == null
                            ? 0
                            : Math.max(0, Duration.between(oldestUnhandled, now).toNanos());
                }
                eventsBehind
                        .computeIfAbsent(processor.getKey(), name -> new ArrayList<>())
                        .add(behind);
                nanosBehind
                        .computeIfAbsent(processor.getKey(), name -> new ArrayList<>())
                        .add(age);
                worstBehind = Math.max(worstBehind, behind);
                worstAge = Math.max(worstAge, age);
            }
            worstEvents.add(worstBehind);
            worstNanos.add(worstAge);
        }
    }
}
