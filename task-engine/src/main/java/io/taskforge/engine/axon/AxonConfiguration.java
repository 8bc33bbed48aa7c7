package io.taskforge.engine.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.taskforge.engine.execution.WorkerIdentity;
import io.taskforge.task.command.Task;
import io.taskforge.task.command.TaskPolicies;
import io.taskforge.task.policy.ErrorClassifier;
import io.taskforge.task.processing.ProcessingGroup;
import io.taskforge.task.processing.ProcessingGroups;
import io.taskforge.task.recovery.FallbackChain;
import io.taskforge.worker.command.Worker;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.TokenStoreProperties;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Registers the Task and Worker aggregates and what their handlers need. Messages, events and tokens share one
 * Jackson serializer with its own mapper, so that changing how the REST API writes JSON never
 * changes how stored events read.
 */
@Configuration
class AxonConfiguration {

    static final String TASK_CACHE = "tasks";

    /** Ticks in microseconds: what both databases store, so a value reads back exactly as written. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** Used for every aggregate's commands and by the group commit, which orders a group by target. */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CachingCommandTargetResolver();
    }

    /** In place of Spring Boot's default {@link MessageOriginProvider}. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new CommandSideOrigin();
    }

    @Bean
    TaskPolicies taskPolicies(Clock clock, AlertProperties alerts) {
        return new TaskPolicies(clock, new SecureRandom(), new ErrorClassifier(), alerts.toPolicy());
    }

    /**
     * Keeps the most recently used tasks in memory, so that a command seldom reads a task's events
     * back (decision 0009). Strong references with a bound, rather than Axon's weak-reference cache,
     * whose entries every young collection clears under load. A task leaves when it finishes
     * ({@link FinishedTaskEviction}), so the bound is one on unfinished tasks. Several nodes stay
     * safe: an event decided on a stale cached task collides with the stored one on its sequence
     * number.
     */
    @Bean(destroyMethod = "close")
    CacheManager taskCacheManager(TaskCacheProperties cache) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache(
                        TASK_CACHE,
                        CacheConfigurationBuilder.newCacheConfigurationBuilder(
                                Object.class, Object.class, ResourcePoolsBuilder.heap(cache.entries())))
                .build(true);
    }

    @Bean
    @Qualifier(TASK_CACHE)
    Cache taskCache(CacheManager taskCacheManager) {
        return new EhCache3Adapter(
                (Ehcache<Object, Object>) taskCacheManager.getCache(TASK_CACHE, Object.class, Object.class));
    }

    @Bean
    ConfigurerModule taskAggregate(@Qualifier(TASK_CACHE) Cache taskCache) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(Task.class).configureCache(axon -> taskCache));
    }

    /** Fallback chains change rarely and are read back rarely: no cache. */
    @Bean
    ConfigurerModule fallbackChainAggregate() {
        return configurer -> configurer.configureAggregate(FallbackChain.class);
    }

    @Bean
    ConfigurerModule workerAggregate() {
        return configurer -> configurer.configureAggregate(Worker.class);
    }

    /** The longest a read model waits for a fuller batch once an event has arrived. */
    static final Duration BATCH_GATHERING = Duration.ofMillis(25);

    /**
     * Registers every processing group as {@link ProcessingGroups} describes it: subscribing groups
     * run in the transaction that stores the events; the read models follow the event store in
     * tracking processors (decision 0002), each segment on a thread of its own, gathering their
     * batches (decision 0018).
     */
    @Bean
    ConfigurerModule processingGroups() {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (ProcessingGroup group : ProcessingGroups.ALL) {
                if (group.subscribing()) {
                    processing.registerSubscribingEventProcessor(group.name());
                } else {
                    processing.registerTrackingEventProcessor(
                            group.name(),
                            axon -> new GatheringEventSource(
                                    axon.eventStore(), BATCH_GATHERING, ProcessingGroup.BATCH_SIZE),
                            axon -> TrackingEventProcessorConfiguration.forParallelProcessing(group.segments())
                                    .andInitialSegmentsCount(group.segments())
                                    .andBatchSize(ProcessingGroup.BATCH_SIZE));
                }
            }
        };
    }

    /**
     * Tracking tokens in {@code token_entry} through plain JDBC, on the connection of the transaction
     * the processor's batch runs in, so a read model's rows and its token still commit together.
     * Axon's JPA token store runs a JPQL update for every batch of every processor, which Hibernate
     * translates again each time: 9 % of the engine's CPU in a drain (decision 0016).
     *
     * <p>Segments are claimed in the engine's own name. Axon's default, the JVM's {@code pid@host},
     * is the same for every engine a JVM runs and for containers that share a host name and pid 1:
     * such engines would each take the other's claims as their own and apply the same events side
     * by side, one batch's writes overtaking another's.
     */
    @Bean
    TokenStore tokenStore(
            DataSource dataSource, Serializer serializer, TokenStoreProperties properties, WorkerIdentity node) {
        return JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .nodeId(node.id())
                .serializer(serializer)
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setTokenTypeColumn("token_type")
                        .build())
                .claimTimeout(properties.getClaimTimeout())
                .build();
    }

    /** How many tasks, and events of one task, a read model may park before its processor stops. */
    static final int MAX_PARKED_SEQUENCES = 100_000;

    static final int MAX_PARKED_PER_SEQUENCE = 10_000;

    /**
     * Gives every read model in {@link ProcessingGroups#readModels()} a dead-letter queue in the
     * database, sequenced by task: an event its projection cannot apply is parked with the later
     * events of the same task, and every other task's events keep flowing. Parked events are kept
     * until they are retried ({@code ProjectionDeadLetters}); a replay of the read model clears them.
     */
    @Bean
    ConfigurerModule readModelDeadLetters(
            PlatformTransactionManager transactions, EntityManagerProvider entityManagers) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (ProcessingGroup group : ProcessingGroups.readModels()) {
                IsolatingRetries isolation = new IsolatingRetries(transactions, entityManagers);
                processing
                        .registerDeadLetterQueue(group.name(), axon -> JpaSequencedDeadLetterQueue.builder()
                                .processingGroup(group.name())
                                .maxSequences(MAX_PARKED_SEQUENCES)
                                .maxSequenceSize(MAX_PARKED_PER_SEQUENCE)
                                .entityManagerProvider(entityManagers)
                                .transactionManager(axon.getComponent(TransactionManager.class))
                                .serializer(axon.eventSerializer())
                                .build())
                        .registerDeadLetterPolicy(group.name(), axon -> new ParkingPolicy())
                        .registerDeadLetteringEventHandlerInvokerConfiguration(
                                group.name(), (axon, invoker) -> invoker.enableSequenceIdentifierCache()
                                        .allowReset(true)
                                        .handlerDefinition(MultiHandlerDefinition.ordered(
                                                isolation, axon.handlerDefinition(IsolatingRetries.class))));
            }
        };
    }

    /**
     * A failing event handler fails its batch instead of being logged and skipped (Axon's
     * default). In a subscribing processor that rolls back the command that stored the events, so
     * the queue never misses a task; in a streaming projection the segment retries, so a read
     * model never silently drifts from the events.
     */
    @Bean
    ConfigurerModule propagateEventHandlerFailures() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * Axon's query bus, minus the transaction its Spring Boot default wraps around every query.
     * Query handlers only read: without it a read saves the BEGIN/COMMIT round trips, and
     * Hibernate never dirty-checks the rows a list loaded (a thousand rows cost more to check at
     * commit than to read).
     */
    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon, QueryUpdateEmitter updates) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(
                        QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(updates)
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return serializer();
    }
}
