package io.taskforge.engine.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookPropertiesTest {

    private static final WebhookProperties PROPERTIES = new WebhookProperties(
            URI.create("http://127.0.0.1:9/alerts"),
            "secret",
            Duration.ofSeconds(5),
            3,
            Duration.ofMillis(500),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofSeconds(1));

    @ParameterizedTest(name = "after {0} failed rounds: {1} s")
    @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "5, 300", "20, 300"})
    void theWaitBetweenRoundsDoublesUpToItsCap(int failedRounds, long seconds) {
        assertThat(PROPERTIES.redeliveryAfter(failedRounds)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void aWebhookNeedsASecretToSignWith() {
        assertThatThrownBy(() -> new WebhookProperties(
                        URI.create("http://127.0.0.1:9/alerts"),
                        " ",
                        Duration.ofSeconds(5),
                        3,
                        Duration.ofMillis(500),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(1)))
                .hasMessageContaining("TASKFORGE_ALERTS_WEBHOOK_SECRET");
    }

    @Test
    void theSignatureIsTheHmacSha256OfTheBody() {
        // RFC 4231 test case 2
        assertThat(AlertWebhook.signature("Jefe", "what do ya want for nothing?"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
