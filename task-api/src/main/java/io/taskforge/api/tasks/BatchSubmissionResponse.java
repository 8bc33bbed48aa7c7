package io.taskforge.api.tasks;

import java.util.List;

/**
 * The answer to a batch submission: every task in the order submitted.
 *
 * @param created how many of them are new; the others' idempotency keys had created them before
 */
record BatchSubmissionResponse(int count, int created, List<Item> tasks) {

    /**
     * One task of the batch.
     *
     * @param created false when its idempotency key had created it before
     */
    record Item(int index, String id, String taskId, String status, boolean created) {}
}
