package io.taskforge.engine.submission;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends commands in one database transaction: the events of all of them are stored, or of none.
 * Each command still goes through its aggregate, which decides on it as it would alone; one
 * refused command rolls the others back. One commit for the lot is what makes a batch submission
 * fast.
 */
@Component
public class CommandBatch {

    private final CommandGateway commands;
    private final TransactionTemplate transactions;

    CommandBatch(CommandGateway commands, TransactionTemplate transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    public void sendAll(List<?> batch) {
        transactions.executeWithoutResult(status -> batch.forEach(commands::sendAndWait));
    }
}
