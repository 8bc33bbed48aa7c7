package io.taskforge.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What one run measures and against what, from system properties (defaults mirror the peers). */
record BenchmarkSettings(
        Path root,
        Path engineJar,
        Path resultsDir,
        int tasks,
        int warmup,
        int pacedSeconds,
        double pacedRate,
        int endToEndTasks,
        int submitters,
        int endToEndClients,
        int batchSize,
        int workers,
        List<String> jvmOptions,
        String pgHost,
        int pgPort,
        String pgUser,
        boolean keepDatabase,
        Boolean vacuumBetweenPhases,
        int stallSeconds,
        boolean measure,
        PeersMode peers,
        Path peersScript,
        Path peersWork) {

    /** Whether the peers run after Taskforge, or their results already on disk are used, or neither. */
    enum PeersMode {
        NONE,
        RUN,
        EXISTING;

        static PeersMode of(String text) {
            return switch (text == null ? "false" : text.trim().toLowerCase(Locale.ROOT)) {
                case "", "false", "no", "none" -> NONE;
                case "true", "yes", "run" -> RUN;
                case "existing" -> EXISTING;
                default -> throw new IllegalArgumentException("-Dpeers=" + text + ": use true, false or existing");
            };
        }
    }

    static BenchmarkSettings fromSystemProperties() {
        Path root = Path.of(System.getProperty("taskforge.root", System.getProperty("user.dir")))
                .toAbsolutePath()
                .normalize();
        String vacuum = System.getProperty("vacuum");
        String peersWork = System.getenv("PEERS_WORK");
        return new BenchmarkSettings(
                root,
                root.resolve(System.getProperty("jar", "task-api/target/task-api-0.1.0-SNAPSHOT.jar")),
                root.resolve(System.getProperty("results", "benchmarks/target/results")),
                Integer.getInteger("n", 20_000),
                Integer.getInteger("warmup", 2_000),
                Integer.getInteger("seconds", 20),
                Double.parseDouble(System.getProperty("rate", "0")),
                Integer.getInteger("e2e", 10_000),
                Integer.getInteger("submitters", 8),
                Integer.getInteger("e2eClients", 16),
                Integer.getInteger("batch", 1_000),
                Integer.getInteger("workers", 16),
                Arrays.asList(System.getProperty("jvm", "-Xms1g -Xmx2g").trim().split("\\s+")),
                System.getProperty("pgHost", "127.0.0.1"),
                Integer.getInteger("pgPort", 5432),
                System.getProperty("pgUser", "postgres"),
                Boolean.getBoolean("keep"),
                vacuum == null ? null : Boolean.parseBoolean(vacuum),
                Integer.getInteger("stallSeconds", 60),
                Boolean.parseBoolean(System.getProperty("measure", "true")),
                PeersMode.of(System.getProperty("peers")),
                root.resolve(System.getProperty("peersScript", "../shared/peers/run-peers.sh"))
                        .normalize(),
                Path.of(peersWork == null || peersWork.isBlank() ? "/tmp/taskforge-peers" : peersWork));
    }

    Path taskforgeResults() {
        return resultsDir.resolve("taskforge.properties");
    }

    Path peersResults() {
        return peersWork.resolve("target/results");
    }
}
