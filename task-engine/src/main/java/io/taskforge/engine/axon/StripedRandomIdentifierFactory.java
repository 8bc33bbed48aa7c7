package io.taskforge.engine.axon;

import java.security.SecureRandom;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * Random UUIDs for Axon's message identifiers without one lock for the whole JVM. Axon's default
 * calls {@link UUID#randomUUID()}, whose single shared {@code SecureRandom} serialised every
 * command and event of the node: under load, a quarter of the attempt threads were found waiting
 * for it. This factory draws the same 122 random bits, from one of several independent
 * {@code SecureRandom} instances picked by the calling thread. Axon finds it through
 * {@code META-INF/services}.
 */
public final class StripedRandomIdentifierFactory extends IdentifierFactory {

    private static final int STRIPES = 32;

    private final SecureRandom[] randoms = new SecureRandom[STRIPES];

    public StripedRandomIdentifierFactory() {
        for (int i = 0; i < STRIPES; i++) {
            randoms[i] = new SecureRandom();
        }
    }

    @Override
    public String generateIdentifier() {
        byte[] bytes = new byte[16];
        randoms[(int) (Thread.currentThread().threadId() % STRIPES)].nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least).toString();
    }
}
