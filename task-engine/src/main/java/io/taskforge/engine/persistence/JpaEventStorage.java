package io.taskforge.engine.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JPA event storage with two changes: it reads what follows a token with gaps in two queries
 * instead of one, and it looks for no snapshots.
 *
 * <p>Axon asks for {@code globalIndex > :token OR globalIndex IN :gaps}, ordered, with a limit.
 * PostgreSQL soon runs that prepared statement with a generic plan, which cannot use the index for
 * an {@code OR} of a range and a list: it walks the primary key from the first event ever stored
 * and filters, so every fetch costs a scan of the whole event store (9 ms a fetch at 100,000
 * events, and growing). Tokens have gaps whenever transactions commit out of the order of their
 * global indexes, which concurrent commands always do. Asked apart, each query is an index range
 * or an index lookup, whatever the plan.
 *
 * <p>Gaps lie below the token's index, so the events that filled gaps come first, then those after
 * the token, as Axon's one query returns them. The two statements see the database at two moments:
 * the events after the token are read first, so that no event reaches a processor before one that
 * committed ahead of it. An event read in a gap that committed after the first statement has a
 * lower index than everything that statement read, and was therefore begun before any of it was
 * committed: no event the first statement read can depend on it.
 *
 * <p>The engine takes no snapshots: a task's events are few, and a task in use is in the aggregate
 * cache. Axon would still query the snapshot table before every read of an aggregate's events.
 */
final class JpaEventStorage extends JpaEventStorageEngine {

    private static final String SELECT = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber,"
            + " e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    JpaEventStorage(Builder builder) {
        super(builder);
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        List<Object[]> afterToken = entityManager()
                .createQuery(
                        SELECT + domainEventEntryEntityName()
                                + " e WHERE e.globalIndex > :token ORDER BY e.globalIndex ASC",
                        Object[].class)
                .setParameter("token", token.getIndex())
                .setMaxResults(batchSize())
                .getResultList();
        List<Object[]> events = new ArrayList<>(entityManager()
                .createQuery(
                        SELECT + domainEventEntryEntityName()
                                + " e WHERE e.globalIndex IN :gaps ORDER BY e.globalIndex ASC",
                        Object[].class)
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize())
                .getResultList());
        events.addAll(afterToken.subList(0, Math.min(afterToken.size(), batchSize() - events.size())));
        return events;
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
