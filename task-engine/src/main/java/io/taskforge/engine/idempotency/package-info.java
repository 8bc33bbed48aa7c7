/**
 * Idempotency keys: which task each key created, kept in the transaction that stores the task's
 * creation, so a key can never create two tasks.
 */
package io.taskforge.engine.idempotency;
