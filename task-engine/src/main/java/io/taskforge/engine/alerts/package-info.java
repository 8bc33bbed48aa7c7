/**
 * Delivering alerts: an outbox written with the event that raises an alert, and a loop that logs
 * each alert and posts it, signed, to the configured webhook, retrying with backoff until it is taken.
 */
package io.taskforge.engine.alerts;
