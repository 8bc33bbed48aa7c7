package io.taskforge.api.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/** Many task submissions at once, each the canonical body (or a seed 002 body). */
record CreateTaskBatchRequest(@NotEmpty List<@Valid CreateTaskRequest> tasks) {}
