package io.taskforge.api.reads;

import io.taskforge.api.security.Caller;
import io.taskforge.api.web.TaskIdParameter;
import io.taskforge.engine.history.TaskHistory;
import io.taskforge.engine.logs.TaskLogLine;
import io.taskforge.engine.logs.TaskLogQuery;
import io.taskforge.engine.numbering.TaskNumbers;
import io.taskforge.task.TaskId;
import io.taskforge.task.alerts.AlertView;
import io.taskforge.task.alerts.FindAlertQuery;
import io.taskforge.task.alerts.ListAlertsQuery;
import io.taskforge.task.attempts.AttemptView;
import io.taskforge.task.attempts.FallbackStepView;
import io.taskforge.task.attempts.TaskAttemptsQuery;
import io.taskforge.task.attempts.TaskFallbackStepsQuery;
import io.taskforge.task.counts.TaskCounts;
import io.taskforge.task.counts.TaskCountsQuery;
import io.taskforge.task.dlq.CountRedriveCandidatesQuery;
import io.taskforge.task.dlq.DlqEntry;
import io.taskforge.task.dlq.FindDlqEntryQuery;
import io.taskforge.task.dlq.ListDlqQuery;
import io.taskforge.task.dlq.ListRedriveCandidatesQuery;
import io.taskforge.task.dlq.RedriveFilter;
import io.taskforge.task.query.FindTaskByNumberQuery;
import io.taskforge.task.query.FindTaskQuery;
import io.taskforge.task.query.FinishedCount;
import io.taskforge.task.query.FinishedPerMinuteQuery;
import io.taskforge.task.query.ListFailedTasksQuery;
import io.taskforge.task.query.ListFinishedBeforeQuery;
import io.taskforge.task.query.ListRunningTasksQuery;
import io.taskforge.task.query.ListTasksQuery;
import io.taskforge.task.query.TaskView;
import io.taskforge.task.timeline.TaskTimelineQuery;
import io.taskforge.task.timeline.TimelineEntry;
import io.taskforge.task.workers.FindWorkerQuery;
import io.taskforge.task.workers.ListWorkersQuery;
import io.taskforge.task.workers.WorkerView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every read the API makes, typed: one method per query of the read models. A request whose API key
 * acts for one owner ({@link Caller#currentScope()}) reads only that owner's tasks: other tasks are
 * missing from its lists and answer 404, here, for every endpoint at once.
 */
@Component
public class TaskReads {

    /** How long a read waits for the task view to show a task the event store already has. */
    static final Duration VIEW_WAIT = Duration.ofSeconds(10);

    private final QueryGateway queries;
    private final TaskHistory history;
    private final TaskNumbers numbers;

    TaskReads(QueryGateway queries, TaskHistory history, TaskNumbers numbers) {
        this.queries = queries;
        this.history = history;
        this.numbers = numbers;
    }

    public Optional<TaskView> task(TaskId taskId) {
        return view(taskId).filter(TaskReads::permitted);
    }

    /** The task once the task view shows it, waiting for it a few seconds at most. */
    public Optional<TaskView> awaitTask(TaskId taskId) {
        return await(new FindTaskQuery(taskId));
    }

    private Optional<TaskView> await(Object query) {
        try (SubscriptionQueryResult<Optional<TaskView>, TaskView> view = queries.subscriptionQuery(
                query, ResponseTypes.optionalInstanceOf(TaskView.class), ResponseTypes.instanceOf(TaskView.class))) {
            return Mono.firstWithValue(
                            view.initialResult().flatMap(Mono::justOrEmpty),
                            view.updates().next())
                    .timeout(VIEW_WAIT, Mono.empty())
                    .blockOptional();
        }
    }

    /**
     * The task a path names by its id or its number; a 404 when it names none, or no task the caller
     * may see has it. A
     * task the event store has, or a number handed out, that the view does not show yet (the task
     * was created a moment ago) is waited for, so a client reads its own write.
     */
    public TaskView existing(String pathId) {
        OptionalLong number = TaskIdParameter.number(pathId);
        if (number.isPresent()) {
            return taskNumbered(number.getAsLong())
                    .or(() -> justNumbered(number.getAsLong()))
                    .filter(TaskReads::permitted)
                    .orElseThrow(() -> TaskIdParameter.notFound(pathId));
        }
        TaskId taskId = TaskIdParameter.parse(pathId);
        return view(taskId)
                .or(() -> justCreated(taskId))
                .filter(TaskReads::permitted)
                .orElseThrow(() -> TaskIdParameter.notFound(pathId));
    }

    /**
     * The id of the task a path names, for a command to it. A number is looked up (a 404 when no
     * task has it); an id is taken as it is, and the command finds out whether its task exists.
     */
    public TaskId idOf(String pathId) {
        return TaskIdParameter.number(pathId).isPresent() ? existing(pathId).taskId() : TaskIdParameter.parse(pathId);
    }

    /** The task as its creation event shows it; the submission answers with this without waiting. */
    private Optional<TaskView> asCreated(TaskId taskId) {
        return history.creation(taskId).map(TaskView::ofCreation);
    }

    private Optional<TaskView> justCreated(TaskId taskId) {
        return asCreated(taskId).map(created -> awaitTask(taskId).orElse(created));
    }

    private Optional<TaskView> justNumbered(long number) {
        return numbers.drawn(number) ? await(new FindTaskByNumberQuery(number)) : Optional.empty();
    }

    /**
     * Makes sure a caller limited to one owner may act on the task, before a command about it is sent:
     * a 404 when the task is another owner's. Callers who may see every task send the command at once.
     */
    public void requireVisible(TaskId taskId) {
        if (!visible(taskId)) {
            throw TaskIdParameter.notFound(taskId.toString());
        }
    }

    /**
     * Whether the caller may see the task: always when it may see every owner's tasks, otherwise when
     * the task is its owner's, even if the view does not show it yet.
     */
    public boolean visible(TaskId taskId) {
        return Caller.currentScope().isEmpty()
                || view(taskId)
                        .or(() -> asCreated(taskId))
                        .filter(TaskReads::permitted)
                        .isPresent();
    }

    public List<TaskView> tasks(ListTasksQuery query) {
        return ask(scoped(query, ListTasksQuery::ownedBy), ResponseTypes.multipleInstancesOf(TaskView.class));
    }

    public List<TaskView> running(ListRunningTasksQuery query) {
        return ask(scoped(query, ListRunningTasksQuery::ownedBy), ResponseTypes.multipleInstancesOf(TaskView.class));
    }

    public List<TaskView> failed(ListFailedTasksQuery query) {
        return ask(scoped(query, ListFailedTasksQuery::ownedBy), ResponseTypes.multipleInstancesOf(TaskView.class));
    }

    public List<TaskView> finishedBefore(ListFinishedBeforeQuery query) {
        return ask(query, ResponseTypes.multipleInstancesOf(TaskView.class));
    }

    /** How many of the caller's tasks finished in each minute of the window, by category and status. */
    public List<FinishedCount> finishedPerMinute(FinishedPerMinuteQuery query) {
        return ask(
                scoped(query, FinishedPerMinuteQuery::ownedBy), ResponseTypes.multipleInstancesOf(FinishedCount.class));
    }

    public TaskCounts counts() {
        return ask(new TaskCountsQuery(), ResponseTypes.instanceOf(TaskCounts.class));
    }

    public List<TimelineEntry> timeline(TaskId taskId) {
        return ask(new TaskTimelineQuery(taskId), ResponseTypes.multipleInstancesOf(TimelineEntry.class));
    }

    public List<AttemptView> attempts(TaskId taskId) {
        return ask(new TaskAttemptsQuery(taskId), ResponseTypes.multipleInstancesOf(AttemptView.class));
    }

    public List<DlqEntry> deadLetters(ListDlqQuery query) {
        return ask(scoped(query, ListDlqQuery::ownedBy), ResponseTypes.multipleInstancesOf(DlqEntry.class));
    }

    public Optional<DlqEntry> deadLetter(TaskId taskId) {
        return visible(taskId)
                ? ask(new FindDlqEntryQuery(taskId), ResponseTypes.optionalInstanceOf(DlqEntry.class))
                : Optional.empty();
    }

    public List<FallbackStepView> fallbackSteps(TaskId taskId) {
        return ask(new TaskFallbackStepsQuery(taskId), ResponseTypes.multipleInstancesOf(FallbackStepView.class));
    }

    /** How many pending dead letters a redrive with this filter takes, of the caller's tasks. */
    public long redriveCount(RedriveFilter filter) {
        return ask(new CountRedriveCandidatesQuery(scoped(filter)), ResponseTypes.instanceOf(Long.class));
    }

    /** The first {@code limit} pending dead letters a redrive with this filter takes, oldest first. */
    public List<DlqEntry> redriveCandidates(RedriveFilter filter, int limit) {
        return ask(
                new ListRedriveCandidatesQuery(scoped(filter), limit),
                ResponseTypes.multipleInstancesOf(DlqEntry.class));
    }

    public List<AlertView> alerts(ListAlertsQuery query) {
        return ask(
                scoped(
                        query,
                        (alerts, owner) -> new ListAlertsQuery(
                                alerts.severity(), alerts.acknowledged(), alerts.limit(), alerts.offset(), owner)),
                ResponseTypes.multipleInstancesOf(AlertView.class));
    }

    /** The alert, when it exists and its task is the caller's to see. */
    public Optional<AlertView> alert(UUID alertId) {
        return ask(new FindAlertQuery(alertId), ResponseTypes.optionalInstanceOf(AlertView.class))
                .filter(alert -> visible(alert.taskId()));
    }

    public List<TaskLogLine> logs(TaskLogQuery query) {
        return ask(query, ResponseTypes.multipleInstancesOf(TaskLogLine.class));
    }

    public List<WorkerView> workers(ListWorkersQuery query) {
        return ask(query, ResponseTypes.multipleInstancesOf(WorkerView.class));
    }

    public Optional<WorkerView> worker(String workerId) {
        return ask(new FindWorkerQuery(workerId), ResponseTypes.optionalInstanceOf(WorkerView.class));
    }

    private Optional<TaskView> taskNumbered(long number) {
        return ask(new FindTaskByNumberQuery(number), ResponseTypes.optionalInstanceOf(TaskView.class));
    }

    private Optional<TaskView> view(TaskId taskId) {
        return ask(new FindTaskQuery(taskId), ResponseTypes.optionalInstanceOf(TaskView.class));
    }

    private static boolean permitted(TaskView view) {
        return Caller.currentScope().map(owner -> owner.equals(view.owner())).orElse(true);
    }

    private static RedriveFilter scoped(RedriveFilter filter) {
        return scoped(
                filter,
                (f, owner) -> new RedriveFilter(f.errorType(), f.provider(), f.type(), f.since(), f.until(), owner));
    }

    private static <Q> Q scoped(Q query, BiFunction<Q, String, Q> ownedBy) {
        return Caller.currentScope().map(owner -> ownedBy.apply(query, owner)).orElse(query);
    }

    private <Q, R> R ask(Q query, ResponseType<R> type) {
        return queries.query(query, type).join();
    }
}
