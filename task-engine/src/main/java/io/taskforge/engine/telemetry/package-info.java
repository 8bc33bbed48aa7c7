/**
 * The engine's telemetry: counters and histograms of what tasks go through (seed 003's started,
 * completed, failed and retry events, and dead letters, fallback steps and alerts), the same four
 * events as structured log lines, queue depth and running attempts per type, and projection lag.
 */
package io.taskforge.engine.telemetry;
