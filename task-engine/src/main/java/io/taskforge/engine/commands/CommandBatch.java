package io.taskforge.engine.commands;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Sends commands in one unit of work and one database transaction: the events of all of them are
 * stored, or of none. Each command still goes through its aggregate, which decides on it as it
 * would alone; one refused command rolls the others back. One commit for the lot is what makes a
 * batch submission fast.
 *
 * <p>The commands run in units of work nested in the batch's, so their events are stored together
 * when the batch commits (in one flush of the persistence context, not one per command), every
 * aggregate they touch stays locked until then, and a rollback evicts those aggregates from the
 * cache.
 */
@Component
public class CommandBatch {

    private final CommandGateway commands;
    private final TransactionManager transactions;

    CommandBatch(CommandGateway commands, TransactionManager transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    /** Sends every command, or throws the first refusal or failure, having stored none of them. */
    public void sendAll(List<?> batch) {
        var unit = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage(batch.size()));
        unit.attachTransaction(transactions);
        unit.execute(() -> batch.forEach(commands::sendAndWait));
    }
}
