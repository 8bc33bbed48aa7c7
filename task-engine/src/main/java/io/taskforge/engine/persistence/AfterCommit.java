package io.taskforge.engine.persistence;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something once the current database transaction commits (for a batch of commands in one
 * transaction: after the last of them), or once Axon's unit of work commits when there is no
 * Spring transaction; never when it rolls back.
 */
public final class AfterCommit {

    private AfterCommit() {}

    public static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(committed -> action.run());
        } else {
            action.run();
        }
    }
}
