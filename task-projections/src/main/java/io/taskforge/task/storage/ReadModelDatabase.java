package io.taskforge.task.storage;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which of the two databases the engine runs on holds the read models, for statements only one of them has. */
public final class ReadModelDatabase {

    private ReadModelDatabase() {}

    public static boolean isPostgresql(DataSource database) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(database, DatabaseMetaData::getDatabaseProductName);
            return DatabaseDriver.fromProductName(product) == DatabaseDriver.POSTGRESQL;
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the read models are stored in", e);
        }
    }
}
