package io.taskforge.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What ../shared/peers/run-peers.sh left in its results folder: one PEER-rROUND.properties per peer
 * run (keys written by the peers' Harness), ceiling.properties and machine.properties.
 */
record PeerResults(List<Properties> dbScheduler, List<Properties> jobRunr, Properties ceiling, Properties machine) {

    static PeerResults read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no peer results at " + dir + " (run ../shared/peers/run-peers.sh, or -Dpeers=true)");
        }
        return new PeerResults(
                rounds(dir, "DbSchedulerPeer"),
                rounds(dir, "JobRunrPeer"),
                Results.read(dir.resolve("ceiling.properties")),
                Results.read(dir.resolve("machine.properties")));
    }

    private static List<Properties> rounds(Path dir, String peer) throws IOException {
        TreeMap<Integer, Properties> byRound = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, peer + "-r*.properties")) {
            for (Path file : files) {
                Properties run = Results.read(file);
                byRound.put(Integer.parseInt(run.getProperty("round", "0")), run);
            }
        }
        return new ArrayList<>(byRound.values());
    }
}
