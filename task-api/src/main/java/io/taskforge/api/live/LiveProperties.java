package io.taskforge.api.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How live connections are fed.
 *
 * @param bufferMessages messages waiting for one slow client before it is skipped ahead with a
 *     {@code resync} ({@code TASKFORGE_LIVE_BUFFER_MESSAGES})
 * @param sendTimeout how long one message may take to reach a client before the connection is closed
 *     as too slow ({@code TASKFORGE_LIVE_SEND_TIMEOUT})
 * @param maxReplayEvents how far behind the newest event an {@code after} cursor may be; an older one
 *     gets a {@code resync} instead of a replay ({@code TASKFORGE_LIVE_MAX_REPLAY_EVENTS})
 * @param heartbeatInterval how often an idle connection gets a {@code heartbeat} with the cursor it has
 *     reached ({@code TASKFORGE_LIVE_HEARTBEAT_INTERVAL})
 * @param viewWait how long a message waits for a task view that does not move at all before it is sent
 *     with the task as the view has it ({@code TASKFORGE_LIVE_VIEW_WAIT}); a view that moves is waited for
 */
@ConfigurationProperties("taskforge.live")
record LiveProperties(
        @DefaultValue("1000") int bufferMessages,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("100000") long maxReplayEvents,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("5s") Duration viewWait) {

    /** Events read from the store at once, and so the most a batch of view reads covers. */
    static final int BATCH_SIZE = 200;
}
