package ai.physical.textbook.api.policy;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Which policy guards which endpoint. This one list drives both the security filter chain and the OpenAPI
 * description (security requirements and error responses), so the two cannot drift apart.
 *
 * @param method the HTTP method
 * @param path the path template, exactly as mapped by the controller
 * @param policy the policy that must grant the request
 */
public record EndpointPolicy(HttpMethod method, String path, Policy policy) {

	/** Every JSON endpoint of resource-api and its policy. */
	public static final List<EndpointPolicy> ALL = List.of(
			new EndpointPolicy(HttpMethod.GET, "/api/personalization/context", Policy.PERSONALIZED_CONTENT),
			new EndpointPolicy(HttpMethod.POST, "/api/personalization/refresh", Policy.PERSONALIZED_CONTENT),
			new EndpointPolicy(HttpMethod.GET, "/api/users/{userId}/preferences", Policy.SELF_PROFILE),
			new EndpointPolicy(HttpMethod.GET, "/api/admin/users/{userId}/preferences", Policy.ADMIN),
			new EndpointPolicy(HttpMethod.GET, "/api/catalog/chapters", Policy.AUTHENTICATED),
			new EndpointPolicy(HttpMethod.GET, "/api/catalog/chapters/{slug}", Policy.AUTHENTICATED),
			new EndpointPolicy(HttpMethod.GET, "/api/catalog/projects", Policy.AUTHENTICATED),
			new EndpointPolicy(HttpMethod.GET, "/api/catalog/projects/{slug}", Policy.AUTHENTICATED));

	/** The policy of an endpoint, or {@code null} when the list does not name it. */
	public static Policy policyFor(HttpMethod method, String path) {
		return ALL.stream()
			.filter((endpoint) -> endpoint.method().equals(method) && endpoint.path().equals(path))
			.map(EndpointPolicy::policy)
			.findFirst()
			.orElse(null);
	}

}
