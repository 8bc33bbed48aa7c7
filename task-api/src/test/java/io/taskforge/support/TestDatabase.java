package io.taskforge.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Creates a fresh PostgreSQL database for a test context and drops it when the JVM exits. The
 * server comes from {@code TASKFORGE_TEST_POSTGRES_URL} (default: the local server), the user from
 * {@code TASKFORGE_TEST_POSTGRES_USER} (default: postgres).
 */
public final class TestDatabase {

    public static final String SERVER_URL = envOr("TASKFORGE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = envOr("TASKFORGE_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = envOr("TASKFORGE_TEST_POSTGRES_PASSWORD", "");

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(20);

    private TestDatabase() {}

    /**
     * A fresh database on each of the two the engine runs on: PostgreSQL, connected with the
     * driver's rewrite of batched inserts as the engine connects, and an in-memory H2.
     */
    public static List<DataSource> postgresqlAndH2() {
        return List.of(
                new DriverManagerDataSource(create() + "?reWriteBatchedInserts=true", USER, PASSWORD),
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    }

    /** Creates the database and returns its JDBC URL. */
    public static String create() {
        String name =
                "taskforge_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropOnceUnused(name)));
        return SERVER_URL + name;
    }

    /**
     * Drops the database at JVM exit, once the engines using it have closed their connections:
     * shutdown hooks run all at once, and dropping a database under an engine that is still
     * stopping sends its processors into retries that hold up the whole exit.
     */
    private static void dropOnceUnused(String name) {
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        while (System.nanoTime() < deadline && sessionsOn(name) > 0) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static int sessionsOn(String name) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL + "postgres", USER, PASSWORD);
                var select = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
            select.setString(1, name);
            try (var found = select.executeQuery()) {
                found.next();
                return found.getInt(1);
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    /** Creates the named database unless it exists, keeps it after the JVM exits and returns its JDBC URL. */
    public static String createIfMissing(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names are lower-case letters, digits and _: " + name);
        }
        if (!exists(name)) {
            execute("CREATE DATABASE " + name);
        }
        return SERVER_URL + name;
    }

    private static boolean exists(String name) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL + "postgres", USER, PASSWORD);
                var select = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            select.setString(1, name);
            try (var found = select.executeQuery()) {
                return found.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER_URL + " cannot be reached", e);
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL + "postgres", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + SERVER_URL + " is needed for integration tests: " + sql, e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
