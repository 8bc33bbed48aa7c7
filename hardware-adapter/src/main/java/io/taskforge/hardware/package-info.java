/**
 * The hardware adapter: Pi4J render and poll loops run as long-running tasks that the engine
 * supervises (liveness, stalls, restarts with backoff, the dead letter queue), and presses on the
 * panel's inputs published as commands. Off unless {@code taskforge.hardware.enabled}; depends on
 * the handler SPI only.
 */
package io.taskforge.hardware;
