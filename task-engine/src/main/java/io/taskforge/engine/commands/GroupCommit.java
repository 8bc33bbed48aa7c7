package io.taskforge.engine.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for commands whose senders each wait for their own: threads that send at the same
 * moment (attempt runners, HTTP submissions) share one {@link CommandBatch}, so the events, queue
 * changes and commit are paid once for the group instead of once each, which is what a no-op task
 * spends most of its time on.
 *
 * <p>Each command still goes through its aggregate, which decides on it as it would alone, and its
 * sender gets its answer only once the group is committed, so nothing is reported done before it
 * is durable. Every aggregate of a group stays locked until the group commits, so no other command
 * sees a state that could still be rolled back. Commands are taken in order of their aggregate, so
 * two groups never wait on each other. When one command fails, the group rolls back and each of its
 * commands is sent again alone: a refused command fails only its own sender, with its own exception.
 */
@Component
public class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** The most commands committed together. */
    static final int MAX_GROUP = 64;

    /** Groups committed at once: one waits on the database while others run their commands. */
    static final int COMMITTERS = 3;

    private final CommandGateway gateway;
    private final CommandBatch batch;
    private final CommandTargetResolver targets;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean running;

    GroupCommit(CommandGateway gateway, CommandBatch batch, CommandTargetResolver targets) {
        this.gateway = gateway;
        this.batch = batch;
        this.targets = targets;
    }

    /**
     * Sends the command with whatever others are sent meanwhile and waits until it is committed.
     *
     * @throws RuntimeException what the command's handling threw, as a command sent alone would
     */
    public void send(Object command) {
        if (!running) {
            gateway.sendAndWait(command);
            return;
        }
        Pending entry = new Pending(command, new CompletableFuture<>());
        pending.add(entry);
        if (!running && pending.remove(entry)) {
            gateway.sendAndWait(command);
            return;
        }
        try {
            entry.done().join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < COMMITTERS; i++) {
            committers.add(
                    Thread.ofPlatform().name("command-group-" + i).daemon().start(this::commitWhileRunning));
        }
    }

    /** Stops grouping: what waits is sent alone, and so is everything sent from now on. */
    @Override
    public void stop() {
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
        left.forEach(this::sendAlone);
    }

    @Override
    public boolean isRunning() {
        return running;
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
            try {
                commit(group);
            } catch (Error fatal) {
                group.forEach(entry -> entry.done().completeExceptionally(fatal));
                throw fatal;
            }
        }
    }

    private void commit(List<Pending> group) {
        if (group.size() > 1 && committedTogether(group)) {
            group.forEach(entry -> entry.done().complete(null));
            return;
        }
        group.forEach(this::sendAlone);
    }

    private boolean committedTogether(List<Pending> group) {
        try {
            // each command's target resolved once, not at every comparison of the sort
            batch.sendAll(group.stream()
                    .map(entry -> Map.entry(targetOf(entry.command()), entry.command()))
                    .sorted(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue)
                    .toList());
            return true;
        } catch (RuntimeException failed) {
            log.debug("a group of {} commands rolled back and is sent again one by one", group.size(), failed);
            return false;
        }
    }

    private void sendAlone(Pending entry) {
        try {
            gateway.sendAndWait(entry.command());
            entry.done().complete(null);
        } catch (RuntimeException failed) {
            entry.done().completeExceptionally(failed);
        }
    }

    private String targetOf(Object command) {
        return targets.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                .getIdentifier();
    }

    private record Pending(Object command, CompletableFuture<Void> done) {}
}
