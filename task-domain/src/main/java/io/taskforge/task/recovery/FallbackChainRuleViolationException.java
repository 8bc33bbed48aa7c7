package io.taskforge.task.recovery;

/** A chain command asked for something the chain's rules forbid. */
public class FallbackChainRuleViolationException extends RuntimeException {

    private final FallbackChainId chainId;
    private final FallbackChainRule rule;

    public FallbackChainRuleViolationException(FallbackChainId chainId, FallbackChainRule rule, String message) {
        super(message);
        this.chainId = chainId;
        this.rule = rule;
    }

    public FallbackChainId chainId() {
        return chainId;
    }

    public FallbackChainRule rule() {
        return rule;
    }
}
