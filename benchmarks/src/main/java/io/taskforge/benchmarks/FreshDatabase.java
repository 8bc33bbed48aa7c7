package io.taskforge.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A PostgreSQL database made for one run, dropped afterwards unless it is to be kept. */
final class FreshDatabase implements AutoCloseable {

    private final BenchmarkSettings settings;
    private final String name;

    private FreshDatabase(BenchmarkSettings settings, String name) {
        this.settings = settings;
        this.name = name;
    }

    static FreshDatabase create(BenchmarkSettings settings) throws SQLException {
        String name = "taskforge_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        try (Connection admin = connect(settings, "postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new FreshDatabase(settings, name);
    }

    String name() {
        return name;
    }

    /** The engine's DATABASE_URL. */
    String databaseUrl() {
        return "postgresql://" + settings.pgUser() + "@" + settings.pgHost() + ":" + settings.pgPort() + "/" + name;
    }

    Connection connect() throws SQLException {
        return connect(settings, name);
    }

    String setting(String parameter) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW " + parameter)) {
            rows.next();
            return rows.getString(1);
        }
    }

    String serverVersion() throws SQLException {
        return setting("server_version");
    }

    /** What autovacuum would have done between two phases on a server that runs it. */
    double vacuumAnalyze() throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    public void close() throws SQLException {
        if (settings.keepDatabase()) {
            Log.line("database", "kept: %s", databaseUrl());
            return;
        }
        try (Connection admin = connect(settings, "postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection connect(BenchmarkSettings settings, String database) throws SQLException {
        String url = "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/" + database;
        return DriverManager.getConnection(
                url, settings.pgUser(), System.getenv().getOrDefault("PGPASSWORD", ""));
    }
}
