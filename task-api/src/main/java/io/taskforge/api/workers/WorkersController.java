package io.taskforge.api.workers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.reads.TaskReads;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.engine.workers.ClaimedWork;
import io.taskforge.engine.workers.ExternalWorkers;
import io.taskforge.engine.workers.HeartbeatAnswer;
import io.taskforge.engine.workers.Registration;
import io.taskforge.task.TaskId;
import io.taskforge.task.workers.ListWorkersQuery;
import io.taskforge.task.workers.WorkerView;
import io.taskforge.worker.WorkerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 002's external worker protocol: register, heartbeat, claim (with an optional long poll),
 * the fenced reports about a claimed attempt, and the list of workers.
 */
@RestController
@RequestMapping("/api/v1/workers")
@Tag(name = ApiTags.WORKERS)
class WorkersController {

    private static final String LEASE_LOST = "409";

    private final ExternalWorkers workers;
    private final WorkerRequests requests;
    private final TaskReads reads;

    WorkersController(ExternalWorkers workers, WorkerRequests requests, TaskReads reads) {
        this.workers = workers;
        this.requests = requests;
        this.reads = reads;
    }

    @GetMapping
    @Operation(summary = "Registered workers, by id; status is idle, busy or offline")
    @ApiResponse(
            responseCode = "200",
            description = "the workers",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = WorkerResource.class))))
    List<WorkerResource> list(
            @RequestParam(required = false) @Parameter(description = "idle, busy or offline") String status,
            @RequestParam(name = "backend_type", required = false) String backendType) {
        Map<String, Instant> heartbeats = workers.lastHeartbeats();
        return reads.workers(new ListWorkersQuery(requests.listStatus(status), backendType)).stream()
                .map(view -> WorkerResource.of(view, heartbeats.get(view.workerId())))
                .toList();
    }

    @GetMapping("/{workerId}")
    @Operation(summary = "One registered worker")
    @ApiResponse(responseCode = "200", description = "the worker")
    @ApiResponse(responseCode = "404", description = "no worker registered with this id")
    WorkerResource get(@PathVariable String workerId) {
        WorkerView view = reads.worker(workerId)
                .orElseThrow(
                        () -> new ApiException(ApiErrorCode.NOT_FOUND, "worker " + workerId + " is not registered"));
        return WorkerResource.of(view, workers.lastHeartbeats().get(workerId));
    }

    @PostMapping("/register")
    @Operation(
            summary = "Register a worker, or register it again with new capabilities",
            description = "Needs a worker (or admin) key. A worker that went offline registers again to take work.")
    @ApiResponse(responseCode = "201", description = "registered; online from registered_at")
    @ApiResponse(responseCode = "422", description = "a bad worker_id, backend_type or capabilities")
    ResponseEntity<RegistrationResponse> register(@RequestBody RegisterWorkerRequest request) {
        WorkerId workerId = requests.newWorkerId(request.workerId());
        Registration registration =
                workers.register(workerId, request.backendType(), requests.capabilities(request.capabilities()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new RegistrationResponse(
                        workerId.value(),
                        request.backendType(),
                        WorkerView.IDLE,
                        registration.registeredAt(),
                        registration.lease().toSeconds(),
                        registration.offlineAfter().toSeconds()));
    }

    @PostMapping("/{workerId}/heartbeat")
    @Operation(
            summary = "A worker's sign of life; renews the leases of the attempts it names with their fencing tokens",
            description = "Answers the tasks among those named that the worker must stop (cancelled, timed out or"
                    + " retried elsewhere) in cancelled_task_ids. status offline takes the worker offline and hands"
                    + " its attempts back.")
    @ApiResponse(responseCode = "200", description = "heard")
    @ApiResponse(responseCode = "404", description = "the worker is not registered")
    @ApiResponse(responseCode = "409", description = "the worker is offline: register it again")
    HeartbeatResponse heartbeat(
            @PathVariable String workerId, @RequestBody(required = false) HeartbeatRequest request) {
        HeartbeatAnswer answer = workers.heartbeat(
                requests.pathWorkerId(workerId), requests.leaving(request), requests.running(request));
        return new HeartbeatResponse(
                "Heartbeat received",
                answer.at(),
                answer.stop().stream().map(TaskId::toString).sorted().toList());
    }

    @PostMapping("/{workerId}/claim")
    @Operation(
            summary = "Claim the next task the worker's capabilities match; its attempt starts on the worker",
            description = "200 with the task and the fencing token its reports must carry; 204 when nothing fits."
                    + " With wait (30s, 500ms, or seconds) a claim that finds nothing waits for work until then.")
    @ApiResponse(responseCode = "200", description = "claimed; the attempt runs on the worker")
    @ApiResponse(responseCode = "204", description = "nothing fits (before the wait ended)")
    @ApiResponse(responseCode = "409", description = "the worker is offline: register it again")
    ResponseEntity<ClaimResponse> claim(
            @PathVariable String workerId,
            @RequestParam(required = false) @Parameter(description = "how long to wait for work, e.g. 30s") String wait)
            throws InterruptedException {
        return workers.claim(requests.pathWorkerId(workerId), requests.wait(wait))
                .map(WorkersController::claimed)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{workerId}/tasks/{taskId}/progress")
    @Operation(summary = "Progress of a claimed attempt (coalesced to one event a second, the last always kept)")
    @ApiResponse(responseCode = "200", description = "recorded")
    @ApiResponse(responseCode = LEASE_LOST, description = "the worker does not hold this attempt's lease")
    ReportResponse progress(
            @PathVariable String workerId, @PathVariable String taskId, @RequestBody ProgressRequest request) {
        int token = requests.token(request.fencingToken(), "a report");
        return answer(
                workers.progress(
                        requests.pathWorkerId(workerId),
                        requests.taskId(taskId),
                        token,
                        requests.percent(request),
                        request.message()),
                taskId,
                token,
                "Progress recorded");
    }

    @PostMapping("/{workerId}/tasks/{taskId}/logs")
    @Operation(summary = "A line for the task's log, from its claimed attempt")
    @ApiResponse(responseCode = "200", description = "recorded")
    @ApiResponse(responseCode = LEASE_LOST, description = "the worker does not hold this attempt's lease")
    ReportResponse log(@PathVariable String workerId, @PathVariable String taskId, @RequestBody LogRequest request) {
        int token = requests.token(request.fencingToken(), "a report");
        return answer(
                workers.log(
                        requests.pathWorkerId(workerId),
                        requests.taskId(taskId),
                        token,
                        requests.level(request.level()),
                        requests.message(request.message()),
                        request.context() == null ? Map.of() : request.context()),
                taskId,
                token,
                "Log line recorded");
    }

    @PostMapping("/{workerId}/tasks/{taskId}/complete")
    @Operation(summary = "The claimed attempt succeeded: the task completes with the result")
    @ApiResponse(responseCode = "200", description = "recorded")
    @ApiResponse(responseCode = LEASE_LOST, description = "the worker does not hold this attempt's lease")
    ReportResponse complete(
            @PathVariable String workerId, @PathVariable String taskId, @RequestBody CompleteRequest request) {
        int token = requests.token(request.fencingToken(), "a report");
        return answer(
                workers.succeed(
                        requests.pathWorkerId(workerId),
                        requests.taskId(taskId),
                        token,
                        request.result() == null ? Map.of() : request.result()),
                taskId,
                token,
                "Task completed");
    }

    @PostMapping("/{workerId}/tasks/{taskId}/fail")
    @Operation(
            summary = "The claimed attempt failed",
            description = "The error goes through the engine's classifier (or the worker's retryable verdict),"
                    + " backoff and the provider's circuit breaker, as a failure in the engine does.")
    @ApiResponse(responseCode = "200", description = "recorded; the task retries or fails as its policy says")
    @ApiResponse(responseCode = LEASE_LOST, description = "the worker does not hold this attempt's lease")
    ReportResponse fail(@PathVariable String workerId, @PathVariable String taskId, @RequestBody FailRequest request) {
        int token = requests.token(request.fencingToken(), "a report");
        var error = requests.error(request.error());
        return answer(
                workers.fail(
                        requests.pathWorkerId(workerId),
                        requests.taskId(taskId),
                        token,
                        error,
                        WorkerRequests.verdict(request.error()),
                        requests.retryAfter(request.error())),
                taskId,
                token,
                "Failure recorded");
    }

    private static ReportResponse answer(boolean recorded, String taskId, int token, String message) {
        if (!recorded) {
            throw new ApiException(
                    ApiErrorCode.LEASE_LOST,
                    "task " + taskId + ": this worker does not hold the lease of attempt " + token
                            + " (it lapsed, or the attempt is over); the report changed nothing");
        }
        return new ReportResponse(message, taskId, token);
    }

    private static ClaimResponse claimed(ClaimedWork work) {
        String id = work.taskId().toString();
        return new ClaimResponse(
                id,
                id,
                work.problemId(),
                work.type(),
                "running",
                work.input(),
                work.input(),
                work.metadata(),
                work.fencingToken(),
                work.fencingToken(),
                work.timeoutSeconds());
    }
}
