package io.taskforge.engine.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboundPolicyTest {

    private static final Set<Integer> ENGINE_PORTS = Set.of(8000, 9001);

    private final OutboundPolicy withoutList = new OutboundPolicy(List.of(), () -> ENGINE_PORTS);
    private final OutboundPolicy withList = new OutboundPolicy(
            List.of("api.example.com", "*.payments.example", "10.0.0.0/8", "::1"), () -> ENGINE_PORTS);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "http://127.0.0.1:9000/stub, true",
        "http://localhost:5432/, true",
        "https://203.0.113.7/, true",
        "http://127.0.0.1:8000/api/v1/tasks, false",
        "http://127.8.9.10:8000/, false",
        "http://localhost:9001/actuator, false",
        "http://169.254.169.254/latest/meta-data/, false",
        "http://[fe80::1]/, false",
        "http://100.100.100.200/, false",
        "http://metadata.google.internal/, false"
    })
    void withoutAnAllowListRefusesOnlyTheEngineItselfAndLinkLocalAndMetadataAddresses(String url, boolean allowed) {
        assertThat(withoutList.refusal(URI.create(url)).isEmpty()).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://api.example.com/v1, true",
        "https://eu.payments.example/charge, true",
        "https://payments.example/, false",
        "http://10.1.2.3:8080/, true",
        "http://[::1]:7000/, true",
        "http://127.0.0.1:9000/, false",
        "https://other.example.com/, false"
    })
    void withAnAllowListAllowsOnlyItsHostsAndRanges(String url, boolean allowed) {
        assertThat(withList.refusal(URI.create(url)).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void matchesAddressesByPrefix() throws Exception {
        AddressRange range = AddressRange.parse("192.168.0.0/16");

        assertThat(range.contains(InetAddress.getByName("192.168.44.1"))).isTrue();
        assertThat(range.contains(InetAddress.getByName("192.169.0.1"))).isFalse();
        assertThat(range.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(AddressRange.parse("fd00::/8").contains(InetAddress.getByName("fd12::3")))
                .isTrue();
        assertThat(AddressRange.looksLikeOne("api.example.com")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse("10.0.0.0/33"));
    }
}
