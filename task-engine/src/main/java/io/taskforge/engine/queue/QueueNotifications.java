package io.taskforge.engine.queue;

import io.taskforge.engine.persistence.DatabaseVendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes dispatchers when work changes: this node's at once, and on PostgreSQL every node's through
 * {@code NOTIFY}/{@code LISTEN}, so a task submitted anywhere starts within milliseconds; polling
 * stays the fallback, and the only way on H2.
 *
 * <p>Notifications are sent after the change commits, from a thread of their own that folds
 * announcements made meanwhile into one. Sending them inside the command's transaction would make
 * every commit wait for PostgreSQL's global notification lock, which held the engine to a few
 * hundred commands a second.
 */
@Component
class QueueNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueNotifications.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final TaskQueue queue;
    private final QueueSignal signal;
    private final Semaphore announced = new Semaphore(0);
    private volatile Thread listener;
    private volatile Thread announcer;

    QueueNotifications(DataSource dataSource, TaskQueue queue, QueueSignal signal) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.signal = signal;
    }

    /** Work changed: wake this node's dispatcher now and, soon after, every other node's. */
    void announce() {
        signal.wake();
        if (announced.availablePermits() == 0) {
            announced.release();
        }
    }

    @Override
    public void start() {
        if (queue.vendor() == DatabaseVendor.POSTGRESQL) {
            // each assigned before it starts: a loop runs only while its field names it
            listener = Thread.ofPlatform().name("queue-listener").daemon().unstarted(this::listenUntilStopped);
            announcer = Thread.ofPlatform().name("queue-announcer").daemon().unstarted(this::announceUntilStopped);
            listener.start();
            announcer.start();
        }
    }

    @Override
    public void stop() {
        for (Thread running : new Thread[] {listener, announcer}) {
            if (running != null) {
                running.interrupt();
            }
        }
        listener = null;
        announcer = null;
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    private void announceUntilStopped() {
        while (announcer == Thread.currentThread()) {
            try {
                announced.acquire();
                announced.drainPermits();
                queue.notifyDispatchers();
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                log.warn("could not notify other nodes ({}); they will find the work by polling", e.getMessage());
            }
        }
    }

    private void listenUntilStopped() {
        while (listener == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection);
            } catch (SQLException e) {
                if (listener != null) {
                    log.warn("queue notifications lost ({}); polling until reconnected", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + TaskQueue.CHANNEL);
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (listener == Thread.currentThread()) {
            var received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                signal.wake();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_DELAY);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
