/**
 * Redis access shared by the features of resource-api: client options for outages and the circuit breaker every
 * Redis call goes through.
 */
package ai.physical.textbook.api.redis;
