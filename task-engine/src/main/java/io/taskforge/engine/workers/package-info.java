/**
 * External workers as the engine keeps them: registration through the Worker aggregate, liveness
 * from heartbeats, long-poll claims woken by the queue, fenced reports, and the detector that takes
 * silent workers offline and hands their attempts back.
 */
package io.taskforge.engine.workers;
