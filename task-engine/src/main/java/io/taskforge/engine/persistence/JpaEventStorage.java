package io.taskforge.engine.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;

/**
 * Axon's JPA event storage, its tables and its semantics, with its statements through JDBC: it reads
 * what follows a token with gaps in two queries instead of one, inserts new events in one batch
 * without asking the sequence first, and looks for no snapshots.
 *
 * <p>Axon asks for {@code globalIndex > :token OR globalIndex IN :gaps}, ordered, with a limit.
 * PostgreSQL soon runs that prepared statement with a generic plan, which cannot use the index for
 * an {@code OR} of a range and a list: it walks the primary key from the first event ever stored
 * and filters, so every fetch costs a scan of the whole event store (9 ms a fetch at 100,000
 * events, and growing). Tokens have gaps whenever transactions commit out of the order of their
 * global indexes, which concurrent commands always do. Asked apart, each query is an index range
 * or an index lookup, whatever the plan. They go through JDBC: Hibernate translates a query with a
 * list parameter again at every execution, which cost more than the query itself.
 *
 * <p>Gaps lie below the token's index, so the events that filled gaps come first, then those after
 * the token, as Axon's one query returns them. The two statements see the database at two moments:
 * the events after the token are read first, so that no event reaches a processor before one that
 * committed ahead of it. An event read in a gap that committed after the first statement has a
 * lower index than everything that statement read, and was therefore begun before any of it was
 * committed: no event the first statement read can depend on it.
 *
 * <p>New events are inserted through JDBC too, in one batch, each taking its global index from the
 * sequence in its own insert. Hibernate's persist asks the sequence for every event in a statement of
 * its own first (five round trips per no-op task) and keeps an entity per event it never reads. The
 * index is taken at the same moment as before, at insert in the appending transaction, one value at
 * a time and in the events' order, so what tracking processors see of it does not change. An
 * aggregate's events are read through JDBC as well: Hibernate's translation of Axon's query cost
 * more than the query.
 *
 * <p>The engine takes no snapshots: a task's events are few, and a task in use is in the aggregate
 * cache. Axon would still query the snapshot table before every read of an aggregate's events.
 */
final class JpaEventStorage extends JpaEventStorageEngine {

    private static final String SELECT = "SELECT global_index, type, aggregate_identifier, sequence_number,"
            + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry";

    private static final String AFTER_TOKEN =
            SELECT + " WHERE global_index > ? ORDER BY global_index FETCH FIRST ? ROWS ONLY";

    private static final String IN_GAPS =
            SELECT + " WHERE global_index = ANY (?) ORDER BY global_index FETCH FIRST ? ROWS ONLY";

    private static final String OF_AGGREGATE = "SELECT type, aggregate_identifier, sequence_number, event_identifier,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
            + " WHERE aggregate_identifier = ? AND sequence_number >= ? ORDER BY sequence_number FETCH FIRST ? ROWS ONLY";

    private final TransactionManager transactions;
    private final String insert;

    JpaEventStorage(Builder builder, TransactionManager transactions, DatabaseVendor vendor) {
        super(builder.transactionManager(transactions));
        this.transactions = transactions;
        String nextIndex =
                switch (vendor) {
                    case POSTGRESQL -> "nextval('domain_event_entry_seq')";
                    case H2 -> "NEXT VALUE FOR domain_event_entry_seq";
                };
        this.insert = "INSERT INTO domain_event_entry (global_index, type, aggregate_identifier, sequence_number,"
                + " event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " VALUES (" + nextIndex + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            try {
                entityManager().unwrap(Session.class).doWork(connection -> insert(connection, events, serializer));
            } catch (RuntimeException e) {
                // a duplicate aggregate sequence number becomes Axon's ConcurrencyException, as with persist
                handlePersistenceException(e, events.getFirst());
            }
        });
    }

    private void insert(Connection connection, List<? extends EventMessage<?>> events, Serializer serializer)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (EventMessage<?> message : events) {
                DomainEventMessage<?> event = asDomainEventMessage(message);
                SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
                SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
                statement.setString(1, event.getType());
                statement.setString(2, event.getAggregateIdentifier());
                statement.setLong(3, event.getSequenceNumber());
                statement.setString(4, event.getIdentifier());
                statement.setString(5, DateTimeUtils.formatInstant(event.getTimestamp()));
                statement.setString(6, payload.getType().getName());
                statement.setString(7, payload.getType().getRevision());
                statement.setBytes(8, payload.getData());
                statement.setBytes(9, metaData.getData());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(
            String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        return transactions.fetchInTransaction(
                () -> entityManager().unwrap(Session.class).doReturningWork(connection -> {
                    try (PreparedStatement query = connection.prepareStatement(OF_AGGREGATE)) {
                        query.setString(1, aggregateIdentifier);
                        query.setLong(2, firstSequenceNumber);
                        query.setInt(3, batchSize);
                        try (ResultSet rows = query.executeQuery()) {
                            List<DomainEventData<?>> events = new ArrayList<>();
                            while (rows.next()) {
                                events.add(new GenericDomainEventEntry<>(
                                        rows.getString(1),
                                        rows.getString(2),
                                        rows.getLong(3),
                                        rows.getString(4),
                                        rows.getString(5),
                                        rows.getString(6),
                                        rows.getString(7),
                                        rows.getBytes(8),
                                        rows.getBytes(9)));
                            }
                            return events;
                        }
                    }
                }));
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        return entityManager().unwrap(Session.class).doReturningWork(connection -> {
            List<Object[]> afterToken = select(connection, AFTER_TOKEN, token == null ? -1L : token.getIndex());
            if (token == null || token.getGaps().isEmpty()) {
                return afterToken;
            }
            Array gaps = connection.createArrayOf("BIGINT", token.getGaps().toArray());
            List<Object[]> events = new ArrayList<>(select(connection, IN_GAPS, gaps));
            events.addAll(afterToken.subList(0, Math.min(afterToken.size(), batchSize() - events.size())));
            return events;
        });
    }

    /** The columns Axon's own query selects, in its order, with the types its entity gives them. */
    private List<Object[]> select(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            // in the statement, not as the driver's row limit, so that the plan is made for it
            query.setInt(2, batchSize());
            try (ResultSet rows = query.executeQuery()) {
                List<Object[]> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new Object[] {
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getLong(4),
                        rows.getString(5),
                        rows.getString(6),
                        rows.getString(7),
                        rows.getString(8),
                        rows.getBytes(9),
                        rows.getBytes(10)
                    });
                }
                return events;
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("the engine takes no snapshots");
    }
}
