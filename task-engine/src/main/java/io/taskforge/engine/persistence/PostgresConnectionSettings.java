package io.taskforge.engine.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * How the engine's connections to PostgreSQL behave.
 *
 * <p>A session waits on a lock or sits in an open transaction for a bounded time only. A node that
 * dies in the middle of a transaction must not hold rows of the queue or the event store for longer
 * than that: the transaction is ended by the server and the survivors' sweeps go through.
 *
 * <p>The driver sends a JDBC batch of inserts as multi-row inserts: a group of commands stores its
 * events with a few statements instead of one per event, which saves the server a parse, a plan and
 * an execution for each.
 */
@Component
class PostgresConnectionSettings implements BeanPostProcessor {

    static final String OPTIONS = "-c lock_timeout=15s -c idle_in_transaction_session_timeout=30s";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("options", OPTIONS);
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
