package io.taskforge.engine.builtin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Stops a process and everything it started: asks first, kills after a grace period, and reaps the process. */
final class ProcessTree {

    static final Duration POLL = Duration.ofMillis(20);
    static final Duration KILL_WAIT = Duration.ofSeconds(1);

    private ProcessTree() {}

    static void destroy(Process process, Duration grace) {
        // listed before anything is stopped: once a parent dies its children move to init and are no longer found
        List<ProcessHandle> descendants = process.descendants().toList();
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), descendants.stream())
                .toList();
        tree.forEach(ProcessHandle::destroy);
        boolean interrupted = !awaitStopped(tree, grace);
        // deepest first, so that a parent still alive can reap the child it loses
        descendants.reversed().stream().filter(ProcessTree::running).forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        interrupted |= !awaitStopped(descendants, KILL_WAIT);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until none of the processes runs or the time is up; false if interrupted meanwhile. */
    private static boolean awaitStopped(List<ProcessHandle> processes, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (processes.stream().anyMatch(ProcessTree::running) && System.nanoTime() < end) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Alive and not a zombie. A killed process whose parent died first stays a zombie until init reaps it; it runs
     * nothing, so waiting for it would only delay the attempt's end.
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // the state follows the program name, which is in parentheses and may itself contain ')'
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }
}
