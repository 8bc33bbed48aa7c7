package io.taskforge.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunUntilStoppedTest {

    private static final int STARTS = 300;

    /** A loop that counts down a latch at its first step and then waits to be stopped. */
    private static final class FirstStep extends RunUntilStopped {

        final CountDownLatch stepped = new CountDownLatch(1);

        FirstStep() {
            super("first-step");
        }

        @Override
        protected void step() {
            stepped.countDown();
        }

        @Override
        protected void pause() throws InterruptedException {
            Thread.sleep(60_000);
        }
    }

    @Test
    void every_start_runs_the_loop() throws InterruptedException {
        int neverStepped = 0;
        for (int i = 0; i < STARTS; i++) {
            FirstStep loop = new FirstStep();
            loop.start();
            if (!loop.stepped.await(2, TimeUnit.SECONDS)) {
                neverStepped++;
            }
            loop.stop();
        }

        assertThat(neverStepped)
                .as("loops that never ran a step out of %d starts", STARTS)
                .isZero();
    }
}
