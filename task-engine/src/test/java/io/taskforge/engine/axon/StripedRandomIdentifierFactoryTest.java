package io.taskforge.engine.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StripedRandomIdentifierFactoryTest {

    private final StripedRandomIdentifierFactory identifiers = new StripedRandomIdentifierFactory();

    @Test
    void drawsDistinctRandomUuidsOnManyThreads() {
        Set<String> drawn = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 40_000).parallel().forEach(i -> drawn.add(identifiers.generateIdentifier()));

        assertThat(drawn).hasSize(40_000).allSatisfy(identifier -> {
            UUID uuid = UUID.fromString(identifier);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
        });
    }
}
