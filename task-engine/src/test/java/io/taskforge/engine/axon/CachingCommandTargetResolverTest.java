package io.taskforge.engine.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.taskforge.task.TaskId;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

/** The cached lookup answers as Axon's own resolver does, for every way a command names its target. */
class CachingCommandTargetResolverTest {

    private final CommandTargetResolver axon =
            AnnotationCommandTargetResolver.builder().build();
    private final CommandTargetResolver cached = new CachingCommandTargetResolver();

    record ByComponent(@TargetAggregateIdentifier TaskId taskId, int attempt) {}

    record WithVersion(
            @TargetAggregateIdentifier String id,
            @TargetAggregateVersion Long version) {}

    record WithTextVersion(
            @TargetAggregateIdentifier String id,
            @TargetAggregateVersion String version) {}

    record ByMethod(String raw) {
        @TargetAggregateIdentifier
        String target() {
            return "target-" + raw;
        }
    }

    static final class ByField {
        @TargetAggregateIdentifier
        private final String id;

        ByField(String id) {
            this.id = id;
        }
    }

    record Untargeted(String id) {}

    record NullTarget(@TargetAggregateIdentifier String id) {}

    record BadVersion(
            @TargetAggregateIdentifier String id,
            @TargetAggregateVersion String version) {}

    @Test
    void resolves_every_kind_of_target_as_axon_does_and_again_from_its_cache() {
        List<Object> commands = List.of(
                new ByComponent(TaskId.random(), 2),
                new WithVersion("a", 7L),
                new WithVersion("b", null),
                new WithTextVersion("c", "12"),
                new ByMethod("x"),
                new ByField("f"));
        for (Object command : commands) {
            VersionedAggregateIdentifier expected = axon.resolveTarget(message(command));
            for (int call = 0; call < 2; call++) {
                VersionedAggregateIdentifier resolved = cached.resolveTarget(message(command));
                assertThat(resolved.getIdentifierValue()).as("%s", command).isEqualTo(expected.getIdentifierValue());
                assertThat(resolved.getVersion()).as("%s", command).isEqualTo(expected.getVersion());
            }
        }
    }

    @Test
    void refuses_what_axon_refuses_with_the_same_message() {
        for (Object command : List.of(new Untargeted("u"), new NullTarget(null), new BadVersion("v", "seven"))) {
            Throwable expected = catchThrowable(() -> axon.resolveTarget(message(command)));
            Throwable refused = catchThrowable(() -> cached.resolveTarget(message(command)));
            assertThat(expected).isInstanceOf(IllegalArgumentException.class);
            assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessage(expected.getMessage());
        }
    }

    private static CommandMessage<?> message(Object command) {
        return GenericCommandMessage.asCommandMessage(command);
    }
}
