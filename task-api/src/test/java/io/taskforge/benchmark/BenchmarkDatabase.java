package io.taskforge.benchmark;

import io.taskforge.support.TestDatabase;

/**
 * The database a benchmark runs against: a fresh one that is dropped afterwards, or, with
 * {@code -Ddatabase=NAME}, a named one that is kept so later runs can skip the seeding.
 */
record BenchmarkDatabase(String url, boolean kept) {

    static BenchmarkDatabase fromSystemProperties() {
        String name = System.getProperty("database");
        if (name == null || name.isBlank()) {
            return new BenchmarkDatabase(TestDatabase.create(), false);
        }
        return new BenchmarkDatabase(TestDatabase.createIfMissing(name), true);
    }
}
