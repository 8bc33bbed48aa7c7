package io.taskforge.api.live;

import java.io.IOException;

/** Where a live subscription's messages go: a WebSocket session or an SSE response. */
interface LiveSink {

    /** Sends one message, blocking while the client does not take it. */
    void send(Frame frame) throws IOException;

    /** Ends the connection, telling the client why when the transport can. */
    void close(String reason);
}
