package io.taskforge.benchmarks;

import java.io.IOException;
import java.nio.file.Files;

/** Runs the peers' script in this sitting, after Taskforge's engines have stopped. */
final class PeerRun {

    private PeerRun() {}

    static void run(BenchmarkSettings settings) throws IOException, InterruptedException {
        if (!Files.isRegularFile(settings.peersScript())) {
            throw new IOException("no peer script at " + settings.peersScript() + " (-DpeersScript=...)");
        }
        Log.line(
                "peers",
                "running %s (ROUNDS=%s), PEERS_WORK=%s",
                settings.peersScript(),
                rounds(),
                settings.peersWork());
        ProcessBuilder script = new ProcessBuilder(
                        "bash", settings.peersScript().toString())
                .directory(settings.root().toFile())
                .inheritIO();
        script.environment().put("ROUNDS", rounds());
        script.environment().put("PEERS_WORK", settings.peersWork().toString());
        script.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        int exit = script.start().waitFor();
        if (exit != 0) {
            throw new IOException("the peer script exited with " + exit);
        }
    }

    /** One A B pair unless ROUNDS says otherwise. */
    private static String rounds() {
        String rounds = System.getenv("ROUNDS");
        return rounds == null || rounds.isBlank() ? "1" : rounds;
    }
}
