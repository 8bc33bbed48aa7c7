package io.taskforge.engine.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ParkingPolicyTest {

    @Test
    void describesTheFailureAndItsRootCauseByTheirFirstLines() {
        var root = new SQLException("ERROR: new row violates check constraint \"c\"\n"
                + "  Detail: Failing row contains (1, Bearer secret-token)");
        var failure = new IllegalStateException("could not execute statement", root);

        assertThat(ParkingPolicy.describe(failure))
                .isEqualTo("could not execute statement (caused by SQLException: ERROR: new row violates check"
                        + " constraint \"c\")")
                .doesNotContain("secret-token");
    }

    @Test
    void cleansWhatTheTableCannotHold() {
        assertThat(ParkingPolicy.describe(new IllegalArgumentException("bad\u0000" + "x".repeat(2000))))
                .hasSize(1023)
                .doesNotContain("\u0000");
    }
}
