package io.taskforge.engine.workers;

import static io.taskforge.engine.persistence.SqlValues.instant;
import static io.taskforge.engine.persistence.SqlValues.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.worker.ProblemPattern;
import io.taskforge.worker.WorkerCapabilities;
import io.taskforge.worker.WorkerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads and writes {@code worker_liveness}: one row per registered worker. */
@Component
class WorkerLiveness {

    private static final TypeReference<List<String>> GLOBS = new TypeReference<>() {};

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    WorkerLiveness(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void registered(WorkerId workerId, WorkerCapabilities capabilities, Instant at) {
        var parameters = new MapSqlParameterSource("id", workerId.value())
                .addValue("at", utc(at))
                .addValue("parallel", capabilities.maxParallelTasks())
                .addValue("globs", write(capabilities));
        int updated = jdbc.update(
                "UPDATE worker_liveness SET online = TRUE, registered_at = :at, last_heartbeat = :at,"
                        + " max_parallel_tasks = :parallel, supported_problems = :globs WHERE worker_id = :id",
                parameters);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO worker_liveness (worker_id, online, registered_at, last_heartbeat, max_parallel_tasks,"
                            + " supported_problems) VALUES (:id, TRUE, :at, :at, :parallel, :globs)",
                    parameters);
        }
    }

    void wentOffline(WorkerId workerId) {
        jdbc.update(
                "UPDATE worker_liveness SET online = FALSE WHERE worker_id = :id",
                new MapSqlParameterSource("id", workerId.value()));
    }

    /** Notes a sign of life of an online worker; false when the worker is not online. */
    boolean heardOf(WorkerId workerId, Instant at) {
        return jdbc.update(
                        "UPDATE worker_liveness SET last_heartbeat = :at WHERE worker_id = :id AND online",
                        new MapSqlParameterSource("id", workerId.value()).addValue("at", utc(at)))
                == 1;
    }

    Optional<Liveness> find(WorkerId workerId) {
        return jdbc
                .query(
                        "SELECT * FROM worker_liveness WHERE worker_id = :id",
                        new MapSqlParameterSource("id", workerId.value()),
                        (row, n) -> liveness(row))
                .stream()
                .findFirst();
    }

    /** Online workers last heard of before {@code cutoff}. */
    List<Liveness> silentSince(Instant cutoff) {
        return jdbc.query(
                "SELECT * FROM worker_liveness WHERE online AND last_heartbeat < :cutoff",
                new MapSqlParameterSource("cutoff", utc(cutoff)),
                (row, n) -> liveness(row));
    }

    Map<String, Instant> lastHeartbeats() {
        Map<String, Instant> heartbeats = new HashMap<>();
        jdbc.query("SELECT worker_id, last_heartbeat FROM worker_liveness", row -> {
            heartbeats.put(row.getString("worker_id"), instant(row, "last_heartbeat"));
        });
        return heartbeats;
    }

    private Liveness liveness(ResultSet row) throws SQLException {
        return new Liveness(
                new WorkerId(row.getString("worker_id")),
                row.getBoolean("online"),
                instant(row, "registered_at"),
                instant(row, "last_heartbeat"),
                new WorkerCapabilities(row.getInt("max_parallel_tasks"), read(row.getString("supported_problems"))));
    }

    private String write(WorkerCapabilities capabilities) {
        try {
            return json.writeValueAsString(capabilities.supportedProblems().stream()
                    .map(ProblemPattern::glob)
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("supported problems cannot be written as JSON", e);
        }
    }

    private List<ProblemPattern> read(String globs) {
        try {
            return json.readValue(globs, GLOBS).stream()
                    .map(ProblemPattern::new)
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored supported problems are not valid JSON", e);
        }
    }
}
