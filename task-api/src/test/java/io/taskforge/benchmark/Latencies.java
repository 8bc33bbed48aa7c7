package io.taskforge.benchmark;

import java.util.Arrays;

/** Sorted request durations and the figures the benchmark prints from them. */
final class Latencies {

    private final long[] nanos;

    Latencies(long[] nanos) {
        this.nanos = nanos.clone();
        Arrays.sort(this.nanos);
    }

    double medianMillis() {
        return percentileMillis(0.50);
    }

    double p95Millis() {
        return percentileMillis(0.95);
    }

    double maxMillis() {
        return nanos[nanos.length - 1] / 1e6;
    }

    private double percentileMillis(double fraction) {
        return nanos[Math.min(nanos.length - 1, (int) (nanos.length * fraction))] / 1e6;
    }
}
