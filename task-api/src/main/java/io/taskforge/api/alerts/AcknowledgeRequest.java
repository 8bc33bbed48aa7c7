package io.taskforge.api.alerts;

import jakarta.validation.constraints.Size;

/** What an acknowledgement may say. */
record AcknowledgeRequest(@Size(max = 2000) String note) {}
