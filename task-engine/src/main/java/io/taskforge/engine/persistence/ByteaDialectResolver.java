package io.taskforge.engine.persistence;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks {@link ByteaPostgreSQLDialect} whenever the database is PostgreSQL, however the connection
 * was configured; other databases get Hibernate's usual dialect.
 */
public class ByteaDialectResolver implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        return "PostgreSQL".equals(info.getDatabaseName()) ? new ByteaPostgreSQLDialect(info) : null;
    }
}
