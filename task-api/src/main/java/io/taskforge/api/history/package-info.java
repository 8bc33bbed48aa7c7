/** A task's history over the API: its timeline of events and its attempts (seed 003). */
package io.taskforge.api.history;
