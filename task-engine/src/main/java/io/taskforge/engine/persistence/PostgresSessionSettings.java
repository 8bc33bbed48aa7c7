package io.taskforge.engine.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Bounds how long a PostgreSQL session may wait on a lock or sit in an open transaction. A node
 * that dies in the middle of a transaction must not hold rows of the queue or the event store for
 * longer than that: the transaction is ended by the server and the survivors' sweeps go through.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

    static final String OPTIONS = "-c lock_timeout=15s -c idle_in_transaction_session_timeout=30s";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("options", OPTIONS);
        }
        return bean;
    }
}
