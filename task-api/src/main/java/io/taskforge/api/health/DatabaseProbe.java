package io.taskforge.api.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Times a {@code SELECT 1} round trip, waiting no longer than the configured timeout. */
@Component
public class DatabaseProbe {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);
    private static final Executor PROBES =
            command -> Thread.ofVirtual().name("database-probe").start(command);

    private final JdbcTemplate jdbc;
    private final Duration timeout;

    DatabaseProbe(DataSource dataSource, HealthProperties properties) {
        this.timeout = properties.databaseTimeout();
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
    }

    /**
     * The outcome of one check.
     *
     * @param latencyMs the round trip in milliseconds, two decimals; null when not connected
     * @param failure why the database counts as unreachable; null when connected
     */
    public record Check(boolean connected, Double latencyMs, String failure) {}

    Check check() {
        // on a separate thread, so that waiting for a pooled connection cannot outlast the timeout
        CompletableFuture<Double> roundTrip = CompletableFuture.supplyAsync(this::selectOne, PROBES);
        try {
            return new Check(true, roundTrip.get(timeout.toNanos(), TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException slow) {
            roundTrip.cancel(true);
            return unreachable("no answer to SELECT 1 within " + timeout.toMillis() + " ms");
        } catch (ExecutionException failed) {
            return unreachable(failed.getCause().getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return unreachable("interrupted while waiting for the database");
        }
    }

    private double selectOne() {
        long start = System.nanoTime();
        jdbc.queryForObject("SELECT 1", Integer.class);
        return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    }

    private static Check unreachable(String reason) {
        log.warn("database check failed: {}", reason);
        return new Check(false, null, reason);
    }
}
