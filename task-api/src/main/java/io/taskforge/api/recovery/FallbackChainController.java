package io.taskforge.api.recovery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskforge.api.docs.ApiTags;
import io.taskforge.api.web.ApiErrorCode;
import io.taskforge.api.web.ApiException;
import io.taskforge.engine.recovery.FallbackChainCatalog;
import io.taskforge.engine.recovery.FallbackChainHistory;
import io.taskforge.engine.recovery.StoredChain;
import io.taskforge.task.recovery.CreateFallbackChainCommand;
import io.taskforge.task.recovery.DeleteFallbackChainCommand;
import io.taskforge.task.recovery.FallbackChainCreatedEvent;
import io.taskforge.task.recovery.FallbackChainEvent;
import io.taskforge.task.recovery.FallbackChainId;
import io.taskforge.task.recovery.FallbackChainUpdatedEvent;
import io.taskforge.task.recovery.UpdateFallbackChainCommand;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Fallback chains: create, list, read, replace and delete them, and read a chain's history. */
@RestController
@RequestMapping("/api/v1/recovery/fallback-chain")
@Tag(name = ApiTags.SELF_HEALING)
class FallbackChainController {

    /** Every live chain, oldest first. */
    record ChainsResponse(int count, List<FallbackChainResource> chains) {}

    /** The answer to a delete. */
    record DeletedResponse(boolean success, String message, String chainId, int version) {}

    /**
     * One change in a chain's history.
     *
     * @param event {@code fallback_chain_created}, {@code fallback_chain_updated} or {@code fallback_chain_deleted}
     * @param chain the configuration from this version on; null for a deletion
     */
    record HistoryEntry(int version, String event, String changedBy, Instant occurredAt, ChainConfig chain) {}

    /** A chain's configuration as one version of its history shows it. */
    record ChainConfig(String name, MatchBody match, List<StepBody> steps) {}

    /** A chain's history: its events, oldest first. */
    record HistoryResponse(String chainId, int count, List<HistoryEntry> events) {}

    private final CommandGateway commands;
    private final FallbackChainCatalog catalog;
    private final FallbackChainHistory history;
    private final FallbackChainRequests requests;

    FallbackChainController(
            CommandGateway commands,
            FallbackChainCatalog catalog,
            FallbackChainHistory history,
            FallbackChainRequests requests) {
        this.commands = commands;
        this.catalog = catalog;
        this.history = history;
        this.requests = requests;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a fallback chain",
            description = "What it matches (type, provider, error_types) and its ordered steps: retry (its own"
                    + " max_attempts and base_delay_ms), switch_provider (provider and/or input), fallback_type"
                    + " (type and input), escalate (severity). A step's input is merged over the task's input for"
                    + " the attempts it runs. 422 names everything wrong: an unknown step, an empty chain, a"
                    + " fallback_type to an unknown type, fallback_type steps that would loop between types.")
    FallbackChainResource create(@RequestBody FallbackChainBody body, Principal principal) {
        FallbackChainId chainId = FallbackChainId.random();
        var config = requests.configOf(chainId, body);
        commands.sendAndWait(new CreateFallbackChainCommand(chainId, config, principal.getName()));
        return FallbackChainResource.of(live(chainId.toString()));
    }

    @GetMapping
    @Operation(summary = "Every fallback chain in force, oldest first")
    ChainsResponse list() {
        List<FallbackChainResource> chains =
                catalog.live().stream().map(FallbackChainResource::of).toList();
        return new ChainsResponse(chains.size(), chains);
    }

    @GetMapping("/{chainId}")
    @Operation(summary = "One fallback chain")
    FallbackChainResource get(@PathVariable String chainId) {
        return FallbackChainResource.of(live(chainId));
    }

    @PutMapping("/{chainId}")
    @Operation(
            summary = "Replace a fallback chain's configuration",
            description = "Tasks already in the chain finish the steps they started with; with version, a 409"
                    + " when the chain changed since that version.")
    FallbackChainResource replace(
            @PathVariable String chainId, @RequestBody FallbackChainBody body, Principal principal) {
        StoredChain current = live(chainId);
        var config = requests.configOf(current.chainId(), body);
        commands.sendAndWait(
                new UpdateFallbackChainCommand(current.chainId(), config, body.version(), principal.getName()));
        return FallbackChainResource.of(live(chainId));
    }

    @DeleteMapping("/{chainId}")
    @Operation(summary = "Delete a fallback chain: it takes over no further tasks; its history stays")
    DeletedResponse delete(@PathVariable String chainId, Principal principal) {
        StoredChain current = live(chainId);
        commands.sendAndWait(new DeleteFallbackChainCommand(current.chainId(), principal.getName()));
        return new DeletedResponse(
                true, "Fallback chain " + current.config().name() + " deleted", chainId, current.version() + 1);
    }

    @GetMapping("/{chainId}/history")
    @Operation(summary = "A fallback chain's configuration history: every change, who made it and when")
    HistoryResponse history(@PathVariable String chainId) {
        FallbackChainId id = idOf(chainId);
        if (!catalog.existed(id)) {
            throw notFound(chainId);
        }
        List<HistoryEntry> entries =
                history.of(id).stream().map(FallbackChainController::entryOf).toList();
        return new HistoryResponse(chainId, entries.size(), entries);
    }

    private static HistoryEntry entryOf(FallbackChainEvent event) {
        var config =
                switch (event) {
                    case FallbackChainCreatedEvent created -> created.config();
                    case FallbackChainUpdatedEvent updated -> updated.config();
                    default -> null;
                };
        String name = event.getClass().getSimpleName().replaceFirst("Event$", "");
        return new HistoryEntry(
                event.version(),
                name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT),
                event.changedBy(),
                event.occurredAt(),
                config == null
                        ? null
                        : new ChainConfig(
                                config.name(),
                                MatchBody.of(config.match()),
                                config.steps().stream().map(StepBody::of).toList()));
    }

    private StoredChain live(String chainId) {
        return catalog.find(idOf(chainId)).orElseThrow(() -> notFound(chainId));
    }

    private static FallbackChainId idOf(String chainId) {
        try {
            return FallbackChainId.parse(chainId);
        } catch (IllegalArgumentException notAnId) {
            throw notFound(chainId);
        }
    }

    private static ApiException notFound(String chainId) {
        return new ApiException(ApiErrorCode.NOT_FOUND, "no fallback chain " + chainId);
    }
}
