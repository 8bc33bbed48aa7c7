/** What happened to external workers: registrations and status changes, replayed by the read side. */
package io.taskforge.worker.event;
