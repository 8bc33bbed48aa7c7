package io.taskforge.engine.recovery;

import static io.taskforge.engine.persistence.SqlValues.instant;
import static io.taskforge.engine.persistence.SqlValues.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskforge.task.ErrorClassification;
import io.taskforge.task.TaskError;
import io.taskforge.task.processing.ProcessingGroups;
import io.taskforge.task.recovery.FallbackChainConfig;
import io.taskforge.task.recovery.FallbackChainCreatedEvent;
import io.taskforge.task.recovery.FallbackChainDeletedEvent;
import io.taskforge.task.recovery.FallbackChainId;
import io.taskforge.task.recovery.FallbackChainSnapshot;
import io.taskforge.task.recovery.FallbackChainUpdatedEvent;
import io.taskforge.task.recovery.FallbackChains;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fallback chains as they stand, in {@code fallback_chain}, kept in the transaction that stores
 * each chain's events: a chain is in force the moment its creation is answered. The Task aggregate
 * asks it for the chain that takes over a failure: the most specific match, the oldest among equals.
 */
@Component
@ProcessingGroup(ProcessingGroups.FALLBACK_CHAINS)
public class FallbackChainCatalog implements FallbackChains {

    private static final Comparator<StoredChain> MOST_SPECIFIC_FIRST = Comparator.<StoredChain>comparingInt(
                    chain -> -chain.config().match().specificity())
            .thenComparing(StoredChain::createdAt);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FallbackChainCatalog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(FallbackChainCreatedEvent event) {
        jdbc.update(
                "INSERT INTO fallback_chain (chain_id, name, version, match_type, match_provider, config_json,"
                        + " created_at, created_by, updated_at, updated_by, deleted)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                event.chainId().value(),
                event.config().name(),
                event.version(),
                event.config().match().type(),
                event.config().match().provider(),
                write(event.config()),
                utc(event.occurredAt()),
                event.changedBy(),
                utc(event.occurredAt()),
                event.changedBy());
    }

    @EventHandler
    void on(FallbackChainUpdatedEvent event) {
        jdbc.update(
                "UPDATE fallback_chain SET name = ?, version = ?, match_type = ?, match_provider = ?, config_json = ?,"
                        + " updated_at = ?, updated_by = ? WHERE chain_id = ?",
                event.config().name(),
                event.version(),
                event.config().match().type(),
                event.config().match().provider(),
                write(event.config()),
                utc(event.occurredAt()),
                event.changedBy(),
                event.chainId().value());
    }

    @EventHandler
    void on(FallbackChainDeletedEvent event) {
        jdbc.update(
                "UPDATE fallback_chain SET deleted = TRUE, version = ?, updated_at = ?, updated_by = ? WHERE chain_id = ?",
                event.version(),
                utc(event.occurredAt()),
                event.changedBy(),
                event.chainId().value());
    }

    /** Every live chain, oldest first. */
    public List<StoredChain> live() {
        return jdbc.query(
                "SELECT * FROM fallback_chain WHERE deleted = FALSE ORDER BY created_at, chain_id",
                (row, n) -> chainOf(row));
    }

    /** The chain, unless it does not exist or was deleted. */
    public Optional<StoredChain> find(FallbackChainId chainId) {
        return jdbc
                .query(
                        "SELECT * FROM fallback_chain WHERE chain_id = ? AND deleted = FALSE",
                        (row, n) -> chainOf(row),
                        chainId.value())
                .stream()
                .findFirst();
    }

    /** Whether a chain with this id was ever created, deleted ones included. */
    public boolean existed(FallbackChainId chainId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM fallback_chain WHERE chain_id = ?", Integer.class, chainId.value());
        return count != null && count > 0;
    }

    @Override
    public Optional<FallbackChainSnapshot> matching(
            String type, String provider, TaskError error, ErrorClassification classification) {
        return live().stream()
                .filter(chain -> chain.config().match().matches(type, provider, error, classification))
                .min(MOST_SPECIFIC_FIRST)
                .map(StoredChain::snapshot);
    }

    private StoredChain chainOf(ResultSet row) throws SQLException {
        return new StoredChain(
                new FallbackChainId(row.getObject("chain_id", UUID.class)),
                row.getInt("version"),
                read(row.getString("config_json")),
                instant(row, "created_at"),
                row.getString("created_by"),
                instant(row, "updated_at"),
                row.getString("updated_by"));
    }

    private String write(FallbackChainConfig config) {
        try {
            return json.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a fallback chain cannot be written as JSON", e);
        }
    }

    private FallbackChainConfig read(String stored) {
        try {
            return json.readValue(stored, FallbackChainConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored fallback chain is not valid JSON", e);
        }
    }
}
