package io.taskforge.hardware;

import io.taskforge.handler.TaskLog;
import java.time.Duration;

/** What a loop does in each iteration, and how often. */
interface LoopBody {

    /** One iteration: a frame rendered, every input read once. */
    void iterate(TaskLog log) throws Exception;

    /** The time from the start of one iteration to the start of the next. */
    Duration period();

    /** How far the loop got, for its liveness reports, such as {@code "1200 frames rendered"}. */
    String progress();
}
