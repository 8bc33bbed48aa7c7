package io.taskforge.engine.persistence;

import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database the engine runs on, for the few statements that differ. */
public enum DatabaseVendor {
    POSTGRESQL,
    H2;

    public static DatabaseVendor of(DataSource dataSource) {
        try {
            String product =
                    JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
            return switch (product) {
                case "PostgreSQL" -> POSTGRESQL;
                case "H2" -> H2;
                default -> throw new IllegalStateException("the engine runs on PostgreSQL or H2, not on " + product);
            };
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }
}
