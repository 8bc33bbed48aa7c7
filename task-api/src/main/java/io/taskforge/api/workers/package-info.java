/**
 * Seed 002's workers over HTTP: the external worker protocol (register, heartbeat, claim with long
 * poll, fenced reports, list) and control of this node's internal worker pool.
 */
package io.taskforge.api.workers;
