/**
 * Live updates: every task change pushed over WebSocket ({@code /ws/...}) and Server-Sent Events
 * ({@code .../events/stream}), read from the shared event store so that every node sees every node's
 * events, with cursors a client resumes from exactly, and bounded buffers that skip a slow client ahead
 * instead of holding anything up.
 */
package io.taskforge.api.live;
