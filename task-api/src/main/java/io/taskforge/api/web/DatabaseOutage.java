package io.taskforge.api.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that only means the database cannot be reached right now: no connection
 * within the pool's timeout, a connection refused or lost (SQL state class 08), or the server shutting
 * down (57P). However deeply Axon, Spring or Hibernate wrapped it, such a request answers 503, which
 * tells a client that trying again later can work.
 */
final class DatabaseOutage {

    private DatabaseOutage() {}

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
