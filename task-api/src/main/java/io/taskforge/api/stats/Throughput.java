package io.taskforge.api.stats;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.taskforge.task.TaskCategory;
import io.taskforge.task.TaskStatus;
import io.taskforge.task.query.FinishedCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finished tasks over a window of whole minutes, the current one last and still filling.
 *
 * @param since the start of the first minute
 * @param until when the figures were read
 * @param minutes every minute of the window, the oldest first, minutes without a finished task included
 * @param categories the window's finished tasks by category, the busiest first
 */
record Throughput(
        Instant since,
        Instant until,
        int bucketSeconds,
        Figures totals,
        List<Minute> minutes,
        List<Category> categories) {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /**
     * How many tasks finished and how.
     *
     * @param failureRate failed and timed-out tasks among those that completed, failed or timed out,
     *     in percent to two decimals; 0 when none did
     */
    record Figures(long finished, long completed, long failed, long timeout, long cancelled, double failureRate) {

        static Figures of(Map<TaskStatus, Long> byStatus) {
            long completed = byStatus.getOrDefault(TaskStatus.COMPLETED, 0L);
            long failed = byStatus.getOrDefault(TaskStatus.FAILED, 0L);
            long timeout = byStatus.getOrDefault(TaskStatus.TIMEOUT, 0L);
            long cancelled = byStatus.getOrDefault(TaskStatus.CANCELLED, 0L);
            long judged = completed + failed + timeout;
            double failureRate = judged == 0 ? 0 : Math.round((failed + timeout) * 10_000.0 / judged) / 100.0;
            return new Figures(
                    completed + failed + timeout + cancelled, completed, failed, timeout, cancelled, failureRate);
        }
    }

    /** One minute of the window, its figures beside its start. */
    record Minute(Instant start, @JsonUnwrapped Figures figures) {}

    /** One category's finished tasks in the window, its figures beside its name. */
    record Category(String category, @JsonUnwrapped Figures figures) {}

    /** The first minute of a window of {@code minutes} whole minutes that ends with the one {@code now} is in. */
    static Instant windowStart(Instant now, int minutes) {
        Instant current = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), 60) * 60);
        return current.minus(MINUTE.multipliedBy(minutes - 1L));
    }

    static Throughput of(Instant since, Instant until, int minutes, List<FinishedCount> counts) {
        Map<Instant, Map<TaskStatus, Long>> byMinute = new TreeMap<>();
        Map<TaskCategory, Map<TaskStatus, Long>> byCategory = new EnumMap<>(TaskCategory.class);
        Map<TaskStatus, Long> total = new EnumMap<>(TaskStatus.class);
        for (FinishedCount count : counts) {
            add(byMinute.computeIfAbsent(count.minute(), minute -> new EnumMap<>(TaskStatus.class)), count);
            add(byCategory.computeIfAbsent(count.category(), category -> new EnumMap<>(TaskStatus.class)), count);
            add(total, count);
        }
        List<Minute> series = new ArrayList<>(minutes);
        for (int i = 0; i < minutes; i++) {
            Instant start = since.plus(MINUTE.multipliedBy(i));
            series.add(new Minute(start, Figures.of(byMinute.getOrDefault(start, Map.of()))));
        }
        List<Category> categories = byCategory.entrySet().stream()
                .map(entry -> new Category(entry.getKey().name(), Figures.of(entry.getValue())))
                .sorted(Comparator.comparingLong(
                                (Category category) -> category.figures().finished())
                        .reversed()
                        .thenComparing(Category::category))
                .toList();
        return new Throughput(since, until, 60, Figures.of(total), series, categories);
    }

    private static void add(Map<TaskStatus, Long> byStatus, FinishedCount count) {
        byStatus.merge(count.status(), count.tasks(), Long::sum);
    }
}
