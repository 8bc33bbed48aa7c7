package io.taskforge.engine.axon;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets a read model's dead-letter queue park the one event that fails while the rest of its batch
 * commits.
 *
 * <p>The queue stores a dead letter in the transaction of the batch, but PostgreSQL aborts a
 * transaction at its first failed statement and Hibernate marks one for rollback at a failed flush:
 * the letter would be rolled back with the failure. Batches therefore run as usual, in one
 * transaction, until one fails. The processor then retries that batch, and this time each event's
 * handlers run in a transaction of their own (their query updates in a unit of work of their own),
 * so a failure undoes only that event, the queue parks it in the batch's still healthy transaction,
 * and the token moves on. Retrying a dead letter always runs this way. An event committed on its own
 * and delivered again after a crash changes nothing, since the projections are idempotent, as
 * tracking processors already require.
 */
final class IsolatingRetries implements HandlerEnhancerDefinition {

    /** More remembered events than this are forgotten: at worst a failing batch then fails once more. */
    static final int MAX_REMEMBERED = 10_000;

    private final String isolatingKey = IsolatingRetries.class.getName() + "@" + System.identityHashCode(this);
    private final Set<String> eventsOfFailedBatches = ConcurrentHashMap.newKeySet();
    private final TransactionTemplate ownTransaction;
    private final EntityManagerProvider entityManagers;

    IsolatingRetries(PlatformTransactionManager transactions, EntityManagerProvider entityManagers) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.entityManagers = entityManagers;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return isolating()
                        ? alone(message, () -> super.handle(message, target))
                        : super.handle(message, target);
            }
        };
    }

    private boolean isolating() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(isolatingKey, key -> decide(root));
    }

    private boolean decide(UnitOfWork<?> root) {
        if (!(root instanceof BatchingUnitOfWork<?> batch)) {
            return true;
        }
        List<String> events =
                batch.getMessages().stream().map(Message::getIdentifier).toList();
        root.onRollback(failed -> remember(events));
        boolean retryOfAFailure = events.stream().anyMatch(eventsOfFailedBatches::contains);
        if (retryOfAFailure) {
            root.afterCommit(done -> events.forEach(eventsOfFailedBatches::remove));
        }
        return retryOfAFailure;
    }

    private void remember(List<String> events) {
        if (eventsOfFailedBatches.size() > MAX_REMEMBERED) {
            eventsOfFailedBatches.clear();
        }
        eventsOfFailedBatches.addAll(events);
    }

    private Object alone(Message<?> message, Callable<Object> handling) throws Exception {
        try {
            return ownTransaction.execute(status -> {
                UnitOfWork<?> own = DefaultUnitOfWork.startAndGet(message);
                ResultMessage<Object> outcome = own.executeWithResult(() -> {
                    Object result = handling.call();
                    entityManagers.getEntityManager().flush();
                    return result;
                });
                if (outcome.isExceptional()) {
                    throw new HandlerFailure(outcome.exceptionResult());
                }
                return outcome.getPayload();
            });
        } catch (HandlerFailure failure) {
            if (failure.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) failure.getCause();
        }
    }

    /** Carries a handler's failure out of the transaction callback, which may throw unchecked ones only. */
    private static final class HandlerFailure extends RuntimeException {

        HandlerFailure(Throwable cause) {
            super(cause);
        }
    }
}
