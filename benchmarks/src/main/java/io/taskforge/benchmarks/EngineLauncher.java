package io.taskforge.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Starts engine JVMs on the run's database the way the peers are started: same heap, same worker count. */
final class EngineLauncher {

    static final String API_KEY = "bench-key";

    private final BenchmarkSettings settings;
    private final FreshDatabase database;
    private final List<EngineProcess> started = new CopyOnWriteArrayList<>();

    EngineLauncher(BenchmarkSettings settings, FreshDatabase database) {
        this.settings = settings;
        this.database = database;
    }

    /** Starts an engine, executing tasks or not, and returns it once {@code /ready} answers. */
    EngineProcess launch(String label, boolean executing) throws IOException, InterruptedException {
        if (!Files.isRegularFile(settings.engineJar())) {
            throw new IOException("no engine jar at " + settings.engineJar()
                    + ": build it first (./taskforge bench-throughput does)");
        }
        int port = freePort();
        Path log = settings.resultsDir().resolve("engine-" + (started.size() + 1) + "-" + label + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        command.add("-jar");
        command.add(settings.engineJar().toString());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("DATABASE_URL", database.databaseUrl());
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("TASKFORGE_API_KEYS", API_KEY + ":admin");
        env.put("NUM_INTERNAL_WORKERS", String.valueOf(settings.workers()));
        env.put("AUTO_START_WORKERS", String.valueOf(executing));
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Process process;
        try {
            process = builder.start();
        } catch (IOException failed) {
            throw EngineProcess.cannotStart(label, failed);
        }
        var client = new TaskforgeClient(URI.create("http://127.0.0.1:" + port), API_KEY);
        var engine = new EngineProcess(label, process, client, executing);
        started.add(engine);
        var readyAfter = engine.awaitReady();
        Log.line(
                label,
                "engine pid %d on port %d ready after %.1f s, execution %s; log %s",
                engine.pid(),
                port,
                readyAfter.toMillis() / 1e3,
                executing ? "on" : "off (AUTO_START_WORKERS=false)",
                settings.root().relativize(log));
        return engine;
    }

    /** Stops every engine this launcher started that still runs. */
    void stopAll() {
        started.forEach(EngineProcess::close);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
