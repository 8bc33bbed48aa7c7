package io.taskforge.api.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The messages one connection has not taken yet, at most a fixed number. When the client falls that
 * far behind and takes nothing for a moment, the waiting messages are dropped for a single {@code resync} whose cursor moves on with
 * every message skipped after it, until the client takes it: memory stays bounded however slow the
 * client is, and the client learns exactly where to continue from.
 */
final class Outbox {

    private final int capacity;
    private final Function<String, Frame> resync;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final Condition room = lock.newCondition();

    /** The cursor of the resync waiting in the outbox; null when none waits. */
    private String resyncCursor;

    private boolean closed;

    private final long graceNanos;

    /**
     * @param grace how long a full outbox waits for the client to take messages before it skips the
     *     client ahead: a client that keeps up drains a burst well within it
     * @param resync the resync message for a cursor
     */
    Outbox(int capacity, Duration grace, Function<String, Frame> resync) {
        this.capacity = capacity;
        this.graceNanos = grace.toNanos();
        this.resync = resync;
    }

    void offer(Frame frame) throws InterruptedException {
        lock.lock();
        try {
            long wait = graceNanos;
            while (resyncCursor == null && frames.size() >= capacity && !closed && wait > 0) {
                wait = room.awaitNanos(wait);
            }
            if (closed) {
                return;
            }
            if (resyncCursor != null) {
                resyncCursor = frame.cursor();
            } else if (frames.size() >= capacity) {
                frames.clear();
                frames.add(resync.apply(frame.cursor()));
                resyncCursor = frame.cursor();
            } else {
                frames.add(frame);
            }
            available.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The connection's first message: a resync when the client's own cursor could not be replayed from. */
    void begin(Frame first, boolean resyncing) {
        lock.lock();
        try {
            frames.add(first);
            if (resyncing) {
                resyncCursor = first.cursor();
            }
            available.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the client is being skipped ahead: what it would be sent now is dropped anyway. */
    boolean skipping() {
        lock.lock();
        try {
            return resyncCursor != null;
        } finally {
            lock.unlock();
        }
    }

    /** Moves a waiting resync past events that were not even rendered. */
    void skipTo(String cursor) {
        lock.lock();
        try {
            if (resyncCursor != null) {
                resyncCursor = cursor;
            }
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        return size() == 0;
    }

    int size() {
        lock.lock();
        try {
            return frames.size();
        } finally {
            lock.unlock();
        }
    }

    /** The next message, or null when none came within the time given or the outbox was closed. */
    Frame take(long timeout, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            long wait = unit.toNanos(timeout);
            while (frames.isEmpty() && !closed && wait > 0) {
                wait = available.awaitNanos(wait);
            }
            Frame next = frames.poll();
            room.signal();
            if (next != null && "resync".equals(next.name()) && resyncCursor != null && frames.isEmpty()) {
                next = resync.apply(resyncCursor);
                resyncCursor = null;
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            frames.clear();
            available.signalAll();
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
