package io.taskforge.engine.persistence;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when PostgreSQL runs without autovacuum. Every task changes its rows in the
 * task view and the queue several times; without vacuuming, dead rows pile up, the planner's
 * statistics go stale, and reads that take a millisecond end up scanning the whole table.
 */
@Component
class AutovacuumCheck implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AutovacuumCheck.class);

    private final DataSource dataSource;

    AutovacuumCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (DatabaseVendor.of(dataSource) != DatabaseVendor.POSTGRESQL) {
            return;
        }
        String autovacuum = new JdbcTemplate(dataSource).queryForObject("SHOW autovacuum", String.class);
        if ("off".equals(autovacuum)) {
            LOG.warn("PostgreSQL runs with autovacuum off: the task view and the queue will fill with dead rows"
                    + " and reads will slow down. Turn autovacuum on, or VACUUM ANALYZE regularly.");
        }
    }
}
