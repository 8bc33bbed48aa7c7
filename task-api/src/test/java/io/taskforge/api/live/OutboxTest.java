package io.taskforge.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final Duration NO_GRACE = Duration.ZERO;

    @Test
    void aClientThatKeepsUpGetsEveryMessageInOrder() throws InterruptedException {
        Outbox outbox = outbox(3, NO_GRACE);

        outbox.offer(message("1"));
        outbox.offer(message("2"));

        assertThat(take(outbox)).isEqualTo(message("1"));
        assertThat(take(outbox)).isEqualTo(message("2"));
        assertThat(outbox.take(10, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aFullOutboxIsReplacedByOneResyncThatMovesOnWithEverySkippedMessage() throws InterruptedException {
        Outbox outbox = outbox(2, NO_GRACE);
        outbox.offer(message("1"));
        outbox.offer(message("2"));

        outbox.offer(message("3"));
        assertThat(outbox.skipping()).isTrue();
        outbox.offer(message("4"));
        outbox.skipTo("5");

        assertThat(outbox.size()).isEqualTo(1);
        assertThat(take(outbox)).isEqualTo(resync("5"));
        assertThat(outbox.skipping()).isFalse();
        outbox.offer(message("6"));
        assertThat(take(outbox)).isEqualTo(message("6"));
    }

    @Test
    void aFullOutboxWaitsForAClientThatTakesMessages() throws InterruptedException {
        Outbox outbox = outbox(1, Duration.ofSeconds(5));
        outbox.offer(message("1"));
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(50);
                outbox.take(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        outbox.offer(message("2"));

        assertThat(outbox.skipping()).isFalse();
        assertThat(take(outbox)).isEqualTo(message("2"));
    }

    @Test
    void aConnectionWhoseCursorIsTooOldStartsSkippingAhead() throws InterruptedException {
        Outbox outbox = outbox(5, NO_GRACE);
        outbox.begin(resync("10"), true);

        outbox.offer(message("11"));

        assertThat(take(outbox)).isEqualTo(resync("11"));
    }

    @Test
    void aClosedOutboxTakesNothingMore() throws InterruptedException {
        Outbox outbox = outbox(5, NO_GRACE);
        outbox.offer(message("1"));

        outbox.close();
        outbox.offer(message("2"));

        assertThat(outbox.take(1, TimeUnit.SECONDS)).isNull();
    }

    private static Outbox outbox(int capacity, Duration grace) {
        return new Outbox(capacity, grace, OutboxTest::resync);
    }

    private static Frame take(Outbox outbox) throws InterruptedException {
        return outbox.take(1, TimeUnit.SECONDS);
    }

    private static Frame message(String cursor) {
        return new Frame("task_progressed", cursor, "{\"cursor\":\"" + cursor + "\"}");
    }

    private static Frame resync(String cursor) {
        return new Frame("resync", cursor, "{\"kind\":\"resync\",\"cursor\":\"" + cursor + "\"}");
    }
}
