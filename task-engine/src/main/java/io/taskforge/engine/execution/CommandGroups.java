package io.taskforge.engine.execution;

import io.taskforge.engine.submission.CommandBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the engine's commands. Attempt threads that send at the same moment share one
 * unit of work and one database transaction: their events, queue changes and commit are paid once
 * for the group instead of once each, which is what the attempt path spends most of its time on.
 *
 * <p>Each command still goes through its aggregate, which decides on it as it would alone, and its
 * sender waits until the group is committed, so nothing is reported done before it is durable. A
 * group is a {@link CommandBatch}: every aggregate stays locked until the group commits (no other
 * command sees a state that could still be rolled back), and a rollback evicts them from the cache.
 * Commands are taken in order of their task, so two groups never wait on each other. When
 * one command of a group fails, the group rolls back and each command is sent again on its own, so a
 * refused command never takes the others down with it.
 */
final class CommandGroups {

    private static final Logger log = LoggerFactory.getLogger(CommandGroups.class);

    /** The most commands committed together. */
    static final int MAX_GROUP = 64;

    /** Groups committed at once: one waits on the database while others run their commands. */
    static final int COMMITTERS = 3;

    private final CommandBatch batch;
    private final Predicate<Object> alone;
    private final CommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param alone sends one command on its own and says whether it was accepted; what a group falls
     *     back to
     */
    CommandGroups(CommandBatch batch, Predicate<Object> alone) {
        this.batch = batch;
        this.alone = alone;
    }

    /** Sends the command with whatever others are sent meanwhile; true when it was accepted. */
    boolean send(Object command) {
        if (!running) {
            return alone.test(command);
        }
        Pending entry = new Pending(command, new CompletableFuture<>());
        pending.add(entry);
        if (!running && pending.remove(entry)) {
            return alone.test(command);
        }
        return entry.accepted().join();
    }

    void start() {
        running = true;
        for (int i = 0; i < COMMITTERS; i++) {
            Thread committer =
                    Thread.ofPlatform().name("command-group-" + i).daemon().start(this::commitWhileRunning);
            committers.add(committer);
        }
    }

    /** Stops grouping: what waits is sent alone, and so is everything sent from now on. */
    void stop() {
        running = false;
        committers.forEach(Thread::interrupt);
        for (Thread committer : committers) {
            try {
                committer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        committers.clear();
        List<Pending> left = new ArrayList<>();
        pending.drainTo(left);
        left.forEach(entry -> entry.accepted().complete(alone.test(entry.command())));
    }

    private void commitWhileRunning() {
        while (running) {
            List<Pending> group = new ArrayList<>();
            try {
                group.add(pending.take());
            } catch (InterruptedException stopping) {
                return;
            }
            pending.drainTo(group, MAX_GROUP - 1);
            commit(group);
        }
    }

    private void commit(List<Pending> group) {
        if (group.size() > 1 && committedTogether(group)) {
            group.forEach(entry -> entry.accepted().complete(true));
            return;
        }
        group.forEach(entry -> entry.accepted().complete(alone.test(entry.command())));
    }

    private boolean committedTogether(List<Pending> group) {
        List<Object> ordered = group.stream()
                .sorted(Comparator.comparing(this::targetOf))
                .map(Pending::command)
                .toList();
        try {
            batch.sendAll(ordered);
            return true;
        } catch (RuntimeException failed) {
            log.debug("a group of {} commands rolled back and is sent again one by one", ordered.size(), failed);
            return false;
        }
    }

    private String targetOf(Pending entry) {
        return targets.resolveTarget(GenericCommandMessage.asCommandMessage(entry.command()))
                .getIdentifier();
    }

    private record Pending(Object command, CompletableFuture<Boolean> accepted) {}
}
