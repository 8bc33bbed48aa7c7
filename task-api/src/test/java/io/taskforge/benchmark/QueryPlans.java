package io.taskforge.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Prints PostgreSQL's executed plan for the queries behind the monitoring endpoints. */
final class QueryPlans {

    private final JdbcTemplate jdbc;

    QueryPlans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void print(String sample) {
        queries(sample).forEach((name, sql) -> {
            System.out.printf("%n-- %s%n   %s%n", name, sql);
            jdbc.queryForList("EXPLAIN (ANALYZE, COSTS OFF) " + sql, String.class)
                    .forEach(line -> System.out.println("   " + line));
        });
    }

    private static Map<String, String> queries(String sample) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put(
                "newest tasks (/api/v1/tasks, /api/v1/system/tasks, /tasks/all)",
                "SELECT * FROM task_view WHERE NOT archived ORDER BY created_at DESC, task_id DESC LIMIT 100");
        queries.put(
                "tasks in a status (/api/v1/tasks?status=, /tasks/pending)",
                "SELECT * FROM task_view WHERE status IN ('PENDING') AND NOT archived"
                        + " ORDER BY created_at DESC, task_id DESC LIMIT 100");
        queries.put(
                "running tasks, oldest first (/api/v1/system/tasks/active, /tasks/running)",
                "SELECT * FROM task_view WHERE status = 'RUNNING' ORDER BY created_at, task_id LIMIT 100");
        queries.put(
                "latest failures (/api/v1/system/tasks/failed)",
                "SELECT * FROM task_view WHERE status IN ('FAILED', 'TIMEOUT') AND NOT archived"
                        + " AND finished_at IS NOT NULL ORDER BY finished_at DESC, task_id DESC LIMIT 100");
        queries.put("one task (/api/v1/tasks/{id})", "SELECT * FROM task_view WHERE task_id = '" + sample + "'");
        queries.put(
                "timeline of a task (/api/v1/tasks/{id}/timeline)",
                "SELECT * FROM task_timeline WHERE task_id = '" + sample + "' ORDER BY sequence");
        queries.put(
                "attempts of a task (/api/v1/tasks/{id}/attempts)",
                "SELECT * FROM task_attempt WHERE task_id = '" + sample + "' ORDER BY attempt");
        queries.put(
                "dead letter queue (/api/v1/failed-tasks)",
                "SELECT * FROM dlq_entry WHERE status = 'pending' ORDER BY moved_at DESC, task_id LIMIT 100");
        queries.put("counters (summary, stats, health, counts)", "SELECT counter, tasks FROM task_count");
        return queries;
    }
}
