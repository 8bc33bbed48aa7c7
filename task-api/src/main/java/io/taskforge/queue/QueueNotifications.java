package io.taskforge.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, listens for the queue's notifications so that a task submitted on any node starts
 * within milliseconds; polling stays the fallback, and the only way on H2.
 */
@Component
class QueueNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueNotifications.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final TaskQueue queue;
    private final QueueSignal signal;
    private volatile Thread listener;

    QueueNotifications(DataSource dataSource, TaskQueue queue, QueueSignal signal) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.signal = signal;
    }

    @Override
    public void start() {
        if (queue.vendor() == DatabaseVendor.POSTGRESQL) {
            listener = Thread.ofPlatform().name("queue-listener").daemon().start(this::listenUntilStopped);
        }
    }

    @Override
    public void stop() {
        Thread running = listener;
        listener = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
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
