package io.taskforge.engine.queue;

import static io.taskforge.engine.persistence.SqlValues.instant;
import static io.taskforge.engine.persistence.SqlValues.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.engine.persistence.DatabaseVendor;
import io.taskforge.engine.persistence.DeferredWrites;
import io.taskforge.engine.persistence.SqlValues;
import io.taskforge.task.TaskDefinition;
import io.taskforge.task.TaskId;
import io.taskforge.worker.ProblemPattern;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and writes the {@code task_queue} table. */
@Component
public class TaskQueue {

    static final String CHANNEL = "taskforge_queue";

    private static final String RUNNING_COLUMNS =
            "task_id, type, attempt, worker_id, lease_until, deadline, started_at, progress_at, alive_at, alive_until,"
                    + " alive_status";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DatabaseVendor vendor;
    private final ObjectMapper json;
    private final DeferredWrites writes;

    TaskQueue(
            NamedParameterJdbcTemplate jdbc,
            TransactionTemplate transactions,
            DataSource dataSource,
            ObjectMapper json,
            DeferredWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.transactions = transactions;
        this.vendor = DatabaseVendor.of(dataSource);
        this.json = json;
    }

    public DatabaseVendor vendor() {
        return vendor;
    }

    void insert(
            TaskId taskId, TaskDefinition definition, String provider, int attempt, Instant dueAt, Instant createdAt) {
        writes.add(
                taskId,
                """
                INSERT INTO task_queue (task_id, type, problem_id, provider, priority, state, attempt, due_at, progress,
                                        timeout_seconds, input_json, metadata_json, created_at)
                VALUES (:id, :type, :problem, :provider, :priority, 'PENDING', :attempt, :due, 0, :timeout, :input,
                        :metadata, :created)
                """,
                params(taskId)
                        .addValue("type", definition.type())
                        .addValue("problem", definition.problemId())
                        .addValue("provider", provider)
                        .addValue("priority", definition.priority())
                        .addValue("attempt", attempt)
                        .addValue("due", utc(dueAt))
                        .addValue("timeout", definition.timeoutSeconds())
                        .addValue("input", write(definition.input()))
                        .addValue("metadata", write(definition.metadata()))
                        .addValue("created", utc(createdAt)));
    }

    void started(TaskId taskId, int attempt, String workerId, Instant leaseUntil, Instant deadline, Instant startedAt) {
        writes.add(
                taskId,
                """
                UPDATE task_queue SET state = 'RUNNING', attempt = :attempt, worker_id = :worker, lease_until = :lease,
                       deadline = :deadline, started_at = :started, progress = 0, progress_at = NULL,
                       alive_at = NULL, alive_until = NULL, alive_status = NULL, claimed_by = NULL, claimed_until = NULL
                WHERE task_id = :id
                """,
                params(taskId)
                        .addValue("attempt", attempt)
                        .addValue("worker", workerId)
                        .addValue("lease", utc(leaseUntil))
                        .addValue("deadline", utc(deadline))
                        .addValue("started", utc(startedAt)));
    }

    void progressed(TaskId taskId, int percent, Instant at) {
        writes.add(
                taskId,
                "UPDATE task_queue SET progress = :percent, progress_at = :at WHERE task_id = :id",
                params(taskId).addValue("percent", percent).addValue("at", utc(at)));
    }

    void retryScheduled(TaskId taskId, int nextAttempt, Instant dueAt) {
        writes.add(taskId, """
                UPDATE task_queue SET state = 'RETRY_SCHEDULED', attempt = :attempt, due_at = :due, worker_id = NULL,
                       lease_until = NULL, deadline = NULL, started_at = NULL, claimed_by = NULL, claimed_until = NULL
                WHERE task_id = :id
                """, params(taskId).addValue("attempt", nextAttempt).addValue("due", utc(dueAt)));
    }

    void rerouted(TaskId taskId, String type, String provider, Map<String, Object> input) {
        writes.add(
                taskId,
                "UPDATE task_queue SET type = :type, provider = :provider, input_json = :input WHERE task_id = :id",
                params(taskId)
                        .addValue("type", type)
                        .addValue("provider", provider)
                        .addValue("input", write(input)));
    }

    void remove(TaskId taskId) {
        writes.addToEach(taskId, "DELETE FROM task_queue WHERE task_id IN (:" + DeferredWrites.TASKS + ")");
    }

    /** Tells dispatchers on every node that work changed (PostgreSQL only). */
    void notifyDispatchers() {
        jdbc.queryForList("SELECT pg_notify('" + CHANNEL + "', '')", Map.of());
    }

    /**
     * Claims up to {@code max} due tasks of the given types for {@code node}, highest priority
     * first, without exceeding the concurrency limits across all nodes.
     */
    public List<ClaimedTask> claim(
            String node, Set<String> types, int max, ConcurrencyLimits limits, Instant now, Duration claimFor) {
        if (types.isEmpty() || max <= 0) {
            return List.of();
        }
        return transactions.execute(status -> {
            lockClaims();
            return claimLocked(
                    node, "type IN (:types)", new MapSqlParameterSource("types", types), max, limits, now, claimFor);
        });
    }

    /**
     * Claims up to {@code max} due tasks whose problem id (or type, for tasks without one) matches
     * one of the patterns, for a worker that may hold at most {@code capacity} running or claimed
     * tasks at once, within the concurrency limits across all nodes.
     */
    public List<ClaimedTask> claimMatching(
            String worker,
            List<ProblemPattern> patterns,
            int capacity,
            int max,
            ConcurrencyLimits limits,
            Instant now,
            Duration claimFor) {
        if (patterns.isEmpty()) {
            return List.of();
        }
        var parameters = new MapSqlParameterSource();
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            parameters.addValue("p" + i, patterns.get(i).sqlLike());
            alternatives.add("COALESCE(problem_id, type) LIKE :p" + i + " ESCAPE '\\'");
        }
        return transactions.execute(status -> {
            lockClaims();
            int held = heldBy(worker, now);
            return claimLocked(
                    worker,
                    "(" + String.join(" OR ", alternatives) + ")",
                    parameters,
                    Math.min(max, capacity - held),
                    limits,
                    now,
                    claimFor);
        });
    }

    private void lockClaims() {
        jdbc.queryForList("SELECT id FROM task_queue_claim_lock WHERE id = 1 FOR UPDATE", Map.of());
    }

    private List<ClaimedTask> claimLocked(
            String node,
            String filter,
            MapSqlParameterSource filterParameters,
            int max,
            ConcurrencyLimits limits,
            Instant now,
            Duration claimFor) {
        if (max <= 0) {
            return List.of();
        }
        Map<String, Integer> active = activeByType(now);
        int total = active.values().stream().mapToInt(Integer::intValue).sum();
        int room = Math.min(max, limits.total() - total);
        if (room <= 0) {
            return List.of();
        }
        List<ClaimedTask> picked = new ArrayList<>();
        // every candidate is locked until the claim commits: read more than the room only when
        // candidates of a capped type may have to be passed over
        int candidates = limits.capsTypes() ? room * 4 + 16 : room;
        for (ClaimedTask candidate : dueCandidates(filter, filterParameters, now, candidates)) {
            int running = active.getOrDefault(candidate.type(), 0);
            if (running < limits.limitOf(candidate.type())) {
                active.put(candidate.type(), running + 1);
                picked.add(candidate);
                if (picked.size() == room) {
                    break;
                }
            }
        }
        markClaimed(picked, node, now.plus(claimFor));
        return picked;
    }

    private int heldBy(String worker, Instant now) {
        Integer held = jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM task_queue WHERE state = 'RUNNING' AND worker_id = :worker)"
                        + " + (SELECT count(*) FROM task_queue WHERE claimed_until > :now AND claimed_by = :worker)",
                new MapSqlParameterSource("worker", worker).addValue("now", utc(now)),
                Integer.class);
        return held == null ? 0 : held;
    }

    /** Gives a claim back, for instance when the task could not be started after all. */
    public void release(TaskId taskId, String node) {
        jdbc.update(
                "UPDATE task_queue SET claimed_by = NULL, claimed_until = NULL WHERE task_id = :id AND claimed_by = :node",
                params(taskId).addValue("node", node));
    }

    /**
     * Extends the leases of the given attempts, which {@code workerId} runs right now, and returns
     * those the queue still assigns to it, with their attempt numbers. Only attempts really running
     * are renewed: a row this worker holds but no longer runs expires, and the sweeper recovers it.
     * A lease that lapsed before {@code now} is not renewed and not returned: it is lost.
     */
    public Map<TaskId, Integer> renewLeases(String workerId, Set<TaskId> runningHere, Instant now, Instant leaseUntil) {
        Map<TaskId, Integer> assigned = new HashMap<>();
        if (runningHere.isEmpty()) {
            return assigned;
        }
        var parameters = new MapSqlParameterSource("worker", workerId)
                .addValue("now", utc(now))
                .addValue("lease", utc(leaseUntil))
                .addValue("ids", runningHere.stream().map(TaskId::value).toList());
        jdbc.update(
                "UPDATE task_queue SET lease_until = :lease WHERE worker_id = :worker AND state = 'RUNNING'"
                        + " AND lease_until >= :now AND task_id IN (:ids)",
                parameters);
        jdbc.query(
                "SELECT task_id, attempt FROM task_queue WHERE worker_id = :worker AND state = 'RUNNING'"
                        + " AND lease_until >= :now AND task_id IN (:ids)",
                parameters,
                row -> {
                    assigned.put(taskIdOf(row), row.getInt("attempt"));
                });
        return assigned;
    }

    /**
     * Writes the liveness reports of attempts {@code workerId} runs; a report for an attempt the row
     * no longer holds for it changes nothing.
     */
    public void recordLiveness(String workerId, List<AliveReport> reports) {
        MapSqlParameterSource[] batch = reports.stream()
                .map(report -> params(report.taskId())
                        .addValue("worker", workerId)
                        .addValue("attempt", report.attempt())
                        .addValue("at", utc(report.aliveAt()))
                        .addValue("until", utc(report.aliveUntil()))
                        .addValue("status", report.status()))
                .toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                UPDATE task_queue SET alive_at = :at, alive_until = :until, alive_status = :status
                WHERE task_id = :id AND worker_id = :worker AND attempt = :attempt AND state = 'RUNNING'
                """, batch);
    }

    /** The running rows of the given tasks, with their liveness. */
    public List<RunningTask> running(Set<TaskId> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT " + RUNNING_COLUMNS + " FROM task_queue WHERE state = 'RUNNING' AND task_id IN (:ids)",
                new MapSqlParameterSource(
                        "ids", taskIds.stream().map(TaskId::value).toList()),
                (row, n) -> runningTask(row));
    }

    /** The running attempt of the task, with the worker that holds its lease; empty when the task does not run. */
    public Optional<LeasedAttempt> leaseOf(TaskId taskId) {
        return jdbc
                .query(
                        "SELECT task_id, attempt, worker_id, provider, lease_until, started_at FROM task_queue"
                                + " WHERE task_id = :id AND state = 'RUNNING'",
                        params(taskId),
                        (row, n) -> new LeasedAttempt(
                                taskIdOf(row),
                                row.getInt("attempt"),
                                row.getString("worker_id"),
                                row.getString("provider"),
                                instant(row, "lease_until"),
                                instant(row, "started_at")))
                .stream()
                .findFirst();
    }

    /** The attempts that run on {@code workerId} now. */
    public List<RunningTask> runningOn(String workerId) {
        return jdbc.query(
                "SELECT " + RUNNING_COLUMNS + " FROM task_queue WHERE state = 'RUNNING' AND worker_id = :worker",
                new MapSqlParameterSource("worker", workerId),
                (row, n) -> runningTask(row));
    }

    /** Running attempts whose lease lapsed before {@code leaseCutoff} or whose deadline passed before {@code deadlineCutoff}. */
    public List<RunningTask> overdue(Instant leaseCutoff, Instant deadlineCutoff) {
        return jdbc.query(
                "SELECT " + RUNNING_COLUMNS + " FROM task_queue WHERE state = 'RUNNING'"
                        + " AND (lease_until < :lease OR deadline < :deadline)",
                new MapSqlParameterSource("lease", utc(leaseCutoff)).addValue("deadline", utc(deadlineCutoff)),
                (row, n) -> runningTask(row));
    }

    /**
     * Running attempts that may be stalled: their lease lapsed before {@code now}, they watch their
     * liveness and its report lapsed before {@code now}, or they do not and have not moved
     * (progress, else start) since {@code stillSince}.
     */
    public List<RunningTask> possiblyStalled(Instant now, Instant stillSince) {
        return jdbc.query(
                "SELECT " + RUNNING_COLUMNS + " FROM task_queue WHERE state = 'RUNNING'"
                        + " AND (lease_until < :now OR alive_until < :now"
                        + " OR (alive_until IS NULL AND COALESCE(progress_at, started_at) < :still))",
                new MapSqlParameterSource("now", utc(now)).addValue("still", utc(stillSince)),
                (row, n) -> runningTask(row));
    }

    /** Per type, due work that waits longer than since {@code dueBefore}, with how many of that type run. */
    public List<WaitingType> waitingSince(Instant dueBefore) {
        return jdbc.query(
                """
                SELECT w.type, w.waiting, w.oldest,
                       (SELECT count(*) FROM task_queue r WHERE r.type = w.type AND r.state = 'RUNNING') AS running
                FROM (SELECT type, count(*) AS waiting, min(due_at) AS oldest FROM task_queue
                      WHERE state <> 'RUNNING' AND due_at < :due GROUP BY type) w
                ORDER BY w.oldest
                """,
                new MapSqlParameterSource("due", utc(dueBefore)),
                (row, n) -> new WaitingType(
                        row.getString("type"), row.getInt("waiting"), instant(row, "oldest"), row.getInt("running")));
    }

    /** Per type, the tasks waiting (pending or due for a retry later) and the attempts running. */
    public List<TypeLoad> loadByType() {
        return jdbc.query(
                "SELECT type, sum(CASE WHEN state = 'RUNNING' THEN 0 ELSE 1 END) AS waiting,"
                        + " sum(CASE WHEN state = 'RUNNING' THEN 1 ELSE 0 END) AS running FROM task_queue GROUP BY type",
                Map.of(),
                (row, n) -> new TypeLoad(row.getString("type"), row.getLong("waiting"), row.getLong("running")));
    }

    /** Tasks that still wait for or run on {@code provider}. */
    public List<TaskId> activeWithProvider(String provider) {
        return jdbc.query(
                "SELECT task_id FROM task_queue WHERE provider = :provider",
                new MapSqlParameterSource("provider", provider),
                (row, n) -> taskIdOf(row));
    }

    private Map<String, Integer> activeByType(Instant now) {
        Map<String, Integer> active = new HashMap<>();
        // two index scans rather than one OR over the whole queue, which a backlog makes long
        jdbc.query("""
                SELECT type, count(*) AS n FROM (
                    SELECT type FROM task_queue WHERE state = 'RUNNING'
                    UNION ALL
                    SELECT type FROM task_queue WHERE claimed_until > :now AND state <> 'RUNNING'
                ) active GROUP BY type
                """, new MapSqlParameterSource("now", utc(now)), row -> {
            active.put(row.getString("type"), row.getInt("n"));
        });
        return active;
    }

    private List<ClaimedTask> dueCandidates(
            String filter, MapSqlParameterSource filterParameters, Instant now, int limit) {
        var parameters = new MapSqlParameterSource(filterParameters.getValues())
                .addValue("now", utc(now))
                .addValue("limit", limit);
        return jdbc.query(
                """
                SELECT task_id, type, problem_id, provider, attempt, timeout_seconds, input_json, metadata_json
                FROM task_queue
                WHERE state <> 'RUNNING' AND due_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)
                  AND %s
                ORDER BY priority DESC, due_at, task_id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """.formatted(filter),
                parameters,
                (row, n) -> new ClaimedTask(
                        taskIdOf(row),
                        row.getString("type"),
                        row.getString("problem_id"),
                        row.getString("provider"),
                        row.getInt("attempt"),
                        row.getLong("timeout_seconds"),
                        read(row.getString("input_json")),
                        read(row.getString("metadata_json"))));
    }

    /** One statement for the whole claim: the rows are locked already, by the select that picked them. */
    private void markClaimed(List<ClaimedTask> picked, String node, Instant until) {
        if (picked.isEmpty()) {
            return;
        }
        jdbc.update(
                "UPDATE task_queue SET claimed_by = :node, claimed_until = :until WHERE task_id IN (:ids)",
                new MapSqlParameterSource("node", node)
                        .addValue("until", utc(until))
                        .addValue(
                                "ids",
                                picked.stream()
                                        .map(task -> task.taskId().value())
                                        .toList()));
    }

    private static RunningTask runningTask(ResultSet row) throws SQLException {
        return new RunningTask(
                taskIdOf(row),
                row.getString("type"),
                row.getInt("attempt"),
                row.getString("worker_id"),
                instant(row, "lease_until"),
                instant(row, "deadline"),
                instant(row, "started_at"),
                instant(row, "progress_at"),
                instant(row, "alive_at"),
                instant(row, "alive_until"),
                row.getString("alive_status"));
    }

    private static MapSqlParameterSource params(TaskId taskId) {
        return new MapSqlParameterSource("id", taskId.value());
    }

    private static TaskId taskIdOf(ResultSet row) throws SQLException {
        return new TaskId(row.getObject("task_id", UUID.class));
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("task input cannot be written as JSON", e);
        }
    }

    private Map<String, Object> read(String json) {
        try {
            return json == null ? Map.of() : this.json.readValue(json, SqlValues.JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("queued task input is not valid JSON", e);
        }
    }
}
