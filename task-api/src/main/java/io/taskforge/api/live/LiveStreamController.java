package io.taskforge.api.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.web.ApiErrorWriter;
import io.taskforge.api.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live feeds as Server-Sent Events, for plain HTTP clients. */
@RestController
@Tag(name = ApiTags.LIVE)
class LiveStreamController {

    private static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final String RESUME =
            " Each message: `id:` its cursor, `event:` the event's timeline name (or subscribed, resync, heartbeat),"
                    + " `data:` the same JSON as the WebSocket message. Last-Event-ID (or after=) resumes after a"
                    + " cursor, in order, without gaps or repeats.";

    private final LiveFeed feed;
    private final LiveRequests requests;
    private final ApiErrorWriter errors;

    LiveStreamController(LiveFeed feed, LiveRequests requests, ApiErrorWriter errors) {
        this.feed = feed;
        this.requests = requests;
        this.errors = errors;
    }

    /**
     * A refused stream answers in the API's error shape whatever the client accepts: a client of a
     * stream accepts only {@code text/event-stream}, which would otherwise turn every refusal into a 406.
     */
    @ExceptionHandler(ApiException.class)
    void refused(ApiException refused, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, refused);
    }

    @GetMapping(path = "/api/v1/tasks/{taskId}/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The task's changes as they happen, as Server-Sent Events",
            description = "404 for a task the key may not see." + RESUME)
    @ApiResponse(responseCode = "200", description = "the stream", content = @Content(mediaType = "text/event-stream"))
    SseEmitter task(
            @PathVariable String taskId,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
            @RequestParam(required = false) String after) {
        return stream(requests.task(taskId), lastEventId != null ? lastEventId : after);
    }

    @GetMapping(path = "/api/v1/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Every task change the key may see, as Server-Sent Events",
            description = "403 for another owner's tasks with a key bound to an owner." + RESUME)
    @ApiResponse(responseCode = "200", description = "the stream", content = @Content(mediaType = "text/event-stream"))
    SseEmitter events(
            @Parameter(description = "only tasks of this type") @RequestParam(required = false) String type,
            @Parameter(description = "only tasks in these statuses, comma-separated, as in GET /api/v1/tasks")
                    @RequestParam(required = false)
                    String status,
            @Parameter(description = "only tasks of this owner") @RequestParam(required = false) String owner,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
            @RequestParam(required = false) String after) {
        return stream(requests.events(owner, type, status), lastEventId != null ? lastEventId : after);
    }

    private SseEmitter stream(LiveTopic topic, String after) {
        var cursor = LiveRequests.cursor(after);
        // never timed out by the server: the client leaves, or is closed as too slow
        SseEmitter emitter = new SseEmitter(0L);
        LiveSubscription subscription = feed.subscribe(topic, cursor, new Sink(emitter));
        emitter.onCompletion(subscription::end);
        emitter.onTimeout(subscription::end);
        emitter.onError(failure -> subscription.end());
        return emitter;
    }

    private record Sink(SseEmitter emitter) implements LiveSink {

        @Override
        public void send(Frame frame) throws IOException {
            emitter.send(
                    SseEmitter.event().id(frame.cursor()).name(frame.name()).data(frame.json()));
        }

        @Override
        public void close(String reason) {
            emitter.complete();
        }
    }
}
