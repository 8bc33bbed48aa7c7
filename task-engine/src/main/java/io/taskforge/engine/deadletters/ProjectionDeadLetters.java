package io.taskforge.engine.deadletters;

import io.taskforge.task.processing.ProcessingGroup;
import io.taskforge.task.processing.ProcessingGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The parked events of every read model ({@link ProcessingGroups#readModels()}): counts, the events
 * themselves by task, and retries. Each read model parks per task, so a task's events are retried
 * together and in order.
 */
@Component
public class ProjectionDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ProjectionDeadLetters.class);

    private final EventProcessingConfiguration processing;

    ProjectionDeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The read models that park events, by processing group name. */
    public List<String> processingGroups() {
        return ProcessingGroups.readModels().stream().map(ProcessingGroup::name).toList();
    }

    /** How much each read model has parked. */
    public List<ParkedGroup> summary() {
        return processingGroups().stream().map(this::summary).toList();
    }

    public ParkedGroup summary(String processingGroup) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        return new ParkedGroup(processingGroup, queue.size(), queue.amountOfSequences());
    }

    /** How many events the read model has parked. */
    public long parkedEvents(String processingGroup) {
        return queue(processingGroup).size();
    }

    /** The first {@code limit} tasks with parked events in the read model, the longest untouched first. */
    public List<ParkedTask> parked(String processingGroup, int limit) {
        List<ParkedTask> tasks = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence :
                queue(processingGroup).deadLetters()) {
            if (tasks.size() >= limit) {
                break;
            }
            List<DeadLetter<? extends EventMessage<?>>> letters =
                    StreamSupport.stream(sequence.spliterator(), false).toList();
            if (!letters.isEmpty()) {
                tasks.add(new ParkedTask(
                        processingGroup,
                        taskIdOf(letters.getFirst()),
                        letters.stream().map(ProjectionDeadLetters::parkedEvent).toList()));
            }
        }
        return tasks;
    }

    /** Retries the parked events of every task in the read model, task by task. */
    public RetryOutcome retry(String processingGroup) {
        List<String> taskIds = new ArrayList<>();
        queue(processingGroup).deadLetters().forEach(sequence -> StreamSupport.stream(sequence.spliterator(), false)
                .findFirst()
                .map(ProjectionDeadLetters::taskIdOf)
                .ifPresent(taskIds::add));
        return retry(processingGroup, taskIds);
    }

    /** Retries one task's parked events in the read model; nothing is tried when it has none. */
    public RetryOutcome retry(String processingGroup, String taskId) {
        boolean parked = queue(processingGroup).contains(taskId);
        return retry(processingGroup, parked ? List.of(taskId) : List.of());
    }

    private RetryOutcome retry(String processingGroup, List<String> taskIds) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(processingGroup).orElseThrow(() -> unknown(processingGroup));
        int cleared = 0;
        for (String taskId : taskIds) {
            if (retried(processor, processingGroup, taskId)) {
                cleared++;
            }
        }
        return new RetryOutcome(processingGroup, taskIds.size(), cleared, taskIds.size() - cleared);
    }

    private static boolean retried(
            SequencedDeadLetterProcessor<EventMessage<?>> processor, String processingGroup, String taskId) {
        try {
            return processor.process(letter -> taskId.equals(taskIdOf(letter)));
        } catch (RuntimeException failedAgain) {
            log.warn("retrying the parked events of task {} in {} failed", taskId, processingGroup, failedAgain);
            return false;
        }
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        if (!processingGroups().contains(processingGroup)) {
            throw unknown(processingGroup);
        }
        return processing.deadLetterQueue(processingGroup).orElseThrow(() -> unknown(processingGroup));
    }

    private UnknownReadModelException unknown(String processingGroup) {
        return new UnknownReadModelException(processingGroup, processingGroups());
    }

    private static String taskIdOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : null;
    }

    private static ParkedEvent parkedEvent(DeadLetter<? extends EventMessage<?>> letter) {
        Long sequenceNumber =
                letter.message() instanceof DomainEventMessage<?> event ? event.getSequenceNumber() : null;
        Optional<Cause> cause = letter.cause();
        return new ParkedEvent(
                letter.message().getPayloadType().getSimpleName(),
                sequenceNumber,
                letter.enqueuedAt(),
                letter.lastTouched(),
                cause.map(Cause::type).orElse(null),
                cause.map(Cause::message).orElse(null));
    }
}
