package io.taskforge.api.docs;

import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;

/** The OpenAPI tags that group the endpoints, each naming the seed whose paths it holds. */
public final class ApiTags {

    public static final String TASKS = "Tasks";
    public static final String SYSTEM_TASKS = "System tasks (seed 000)";
    public static final String TASK_MONITORING = "Task monitoring (seed 001)";
    public static final String MONITORING = "Monitoring (seed 002)";
    public static final String TASK_LOGS = "Task logs (seed 002)";
    public static final String WORKERS = "Workers (seed 002)";
    public static final String SELF_HEALING = "Self-healing (seed 003)";
    public static final String ADMINISTRATION = "Administration";
    public static final String HARDWARE = "Hardware";
    public static final String LIVE = "Live updates";

    private ApiTags() {}

    static List<Tag> all() {
        return List.of(
                tag(
                        TASKS,
                        "Submit, read, list and cancel tasks: the canonical API, which also serves seed 002"
                                + " (problem_id, parameters, POST .../cancel) and seed 004 (task_id, progress,"
                                + " error {type, message}, DELETE to cancel; status=processing means running)."),
                tag(SYSTEM_TASKS, "The in-process task registry's summary, lists and health."),
                tag(TASK_MONITORING, "Background task statistics, lists by state and clean-up."),
                tag(MONITORING, "Health, readiness and Prometheus metrics; open to callers without a key."),
                tag(TASK_LOGS, "The lines a task's attempts wrote."),
                tag(
                        LIVE,
                        "Every task change as it happens: Server-Sent Events here, WebSocket at /ws/tasks/{task_id},"
                                + " /ws/dashboard/{user_id} and /ws/events, and the short-lived token browsers open"
                                + " WebSockets with. Messages carry a cursor to resume from (after= or Last-Event-ID)."),
                tag(
                        WORKERS,
                        "External workers (register, heartbeat, claim with long poll, fenced reports, list) and"
                                + " this node's internal worker pool (status, scale, stop, start)."),
                tag(
                        SELF_HEALING,
                        "Timeline, attempts, manual retry (with a reason and an edited input), the dead letter"
                                + " queue and its bulk redrive, recovery strategies, fallback chains and their history,"
                                + " alerts, and the queue's monitoring health."),
                tag(ADMINISTRATION, "The engine's own machinery: events the read models parked, and retrying them."),
                tag(
                        HARDWARE,
                        "The hardware adapter's panel (TASKFORGE_HARDWARE_ENABLED): its loop tasks, outputs and"
                                + " inputs, and pressing a button of the mock platform."));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
