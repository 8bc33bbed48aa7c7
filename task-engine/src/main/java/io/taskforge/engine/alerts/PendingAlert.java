package io.taskforge.engine.alerts;

import java.util.UUID;

/** An alert the outbox still has to deliver, with the POSTs and rounds spent on it so far. */
record PendingAlert(UUID alertId, String payloadJson, int attempts, int rounds) {}
