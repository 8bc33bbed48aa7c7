package io.taskforge.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskforge.api.web.ApiException;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LiveCursorTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"-1 |  | -1", "0 |  | 0", "42 |  | 42", "42 | 41 | 42_1", "1000 | 3,998 | 1000_997_2"})
    void writesAPositionWithItsGapsAndReadsItBack(long index, String gaps, String cursor) {
        List<Long> gapList = gaps == null
                ? List.of()
                : Arrays.stream(gaps.split(",")).map(Long::valueOf).toList();
        GapAwareTrackingToken position = GapAwareTrackingToken.newInstance(index, gapList);

        assertThat(LiveCursor.of(position)).isEqualTo(cursor);
        assertThat(LiveCursor.parse(cursor)).isEqualTo(position);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "12_", "12_0", "12_13", "-2", "1.5", "12__1"})
    void refusesWhatIsNotACursor(String cursor) {
        assertThatThrownBy(() -> LiveCursor.parse(cursor)).isInstanceOf(ApiException.class);
    }

    @Test
    void onlyGapAwarePositionsAreCursors() {
        assertThatThrownBy(() -> LiveCursor.of(new GlobalSequenceTrackingToken(3)))
                .isInstanceOf(IllegalStateException.class);
    }
}
