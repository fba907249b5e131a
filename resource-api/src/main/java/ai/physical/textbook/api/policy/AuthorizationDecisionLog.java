package ai.physical.textbook.api.policy;

/**
 * Where authorization decisions go (seed P3-T5: every attempt is logged).
 */
public interface AuthorizationDecisionLog {

	/**
	 * Records a decision. Implementations must not lose decisions, and should not make the request wait for storage.
	 * @param decision the decision
	 */
	void record(AuthorizationLogEntry decision);

}
