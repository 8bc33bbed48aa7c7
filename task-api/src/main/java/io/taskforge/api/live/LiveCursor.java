package io.taskforge.api.live;

import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A position in the event store as clients see it: the global index reached, and the indexes below it
 * that were still being written (gaps), each as its distance below the index. Passing a cursor back
 * resumes after exactly the events it covers, including those that fill a gap later.
 */
final class LiveCursor {

    private static final String SEPARATOR = "_";

    private LiveCursor() {}

    static String of(TrackingToken token) {
        if (!(token instanceof GapAwareTrackingToken position)) {
            throw new IllegalStateException("the event store's positions are gap-aware, not " + token);
        }
        StringBuilder cursor = new StringBuilder(Long.toString(position.getIndex()));
        for (long gap : position.getGaps()) {
            cursor.append(SEPARATOR).append(position.getIndex() - gap);
        }
        return cursor.toString();
    }

    static GapAwareTrackingToken parse(String cursor) {
        try {
            String[] parts = cursor.split(SEPARATOR, -1);
            long index = Long.parseLong(parts[0]);
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                long distance = Long.parseLong(parts[i]);
                if (distance <= 0 || distance > index) {
                    throw new NumberFormatException("gap out of range");
                }
                gaps.add(index - distance);
            }
            if (index < -1) {
                throw new NumberFormatException("index out of range");
            }
            return GapAwareTrackingToken.newInstance(index, gaps);
        } catch (NumberFormatException malformed) {
            throw new ApiException(
                    ApiErrorCode.BAD_REQUEST,
                    "'" + cursor + "' is not a cursor: pass back the cursor of the last message processed");
        }
    }
}
