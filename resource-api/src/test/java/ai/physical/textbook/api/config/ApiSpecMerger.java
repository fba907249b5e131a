package ai.physical.textbook.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Combines the per-application OpenAPI descriptions ({@code docs/api-spec-<app>.yaml}, each generated and checked by
 * its application's tests) into {@code docs/api-spec.yaml}, the description of the whole platform. Each path keeps its
 * application's server (path-level {@code servers}), so one file describes endpoints on two hosts correctly. Shared
 * components (the problem schema, the bearer scheme) must be identical in both descriptions; a conflict fails loudly
 * rather than silently picking one.
 */
final class ApiSpecMerger {

	private ApiSpecMerger() {
	}

	/**
	 * @param specs the per-application descriptions (YAML), in the order their paths should be listed
	 * @return the combined description (YAML)
	 */
	static String merge(List<String> specs) throws Exception {
		OpenAPI combined = new OpenAPI().openapi("3.1.0")
			.info(new Info().title("Physical AI textbook: identity and personalization APIs")
				.version("1.0")
				.description("The JSON endpoints of the auth-server and of resource-api, combined from "
						+ "docs/api-spec-<app>.yaml. Each path names the server it lives on."))
			.servers(new ArrayList<>())
			.paths(new Paths())
			.components(new Components());
		Map<String, Tag> tags = new LinkedHashMap<>();
		for (String yaml : specs) {
			OpenAPI spec = Yaml31.mapper().readValue(yaml, OpenAPI.class);
			List<Server> servers = spec.getServers();
			combined.getServers().addAll(servers);
			spec.getPaths().forEach((path, item) -> {
				if (combined.getPaths().containsKey(path)) {
					throw new IllegalStateException("Path " + path + " is described by two applications");
				}
				combined.getPaths().addPathItem(path, item.servers(servers));
			});
			Components components = spec.getComponents();
			if (components != null) {
				mergeInto(combined.getComponents().getSchemas(), components.getSchemas(), "schema",
						combined.getComponents()::addSchemas);
				mergeInto(combined.getComponents().getSecuritySchemes(), components.getSecuritySchemes(),
						"security scheme", combined.getComponents()::addSecuritySchemes);
			}
			if (spec.getTags() != null) {
				spec.getTags().forEach((tag) -> tags.putIfAbsent(tag.getName(), tag));
			}
		}
		combined.setTags(new ArrayList<>(tags.values()));
		ObjectMapper writer = Yaml31.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
		return writer.writeValueAsString(combined);
	}

	private static <T> void mergeInto(Map<String, T> target, Map<String, T> source, String kind,
			java.util.function.BiConsumer<String, T> add) {
		if (source == null) {
			return;
		}
		source.forEach((name, value) -> {
			T existing = (target != null) ? target.get(name) : null;
			if (existing != null && !Objects.equals(existing, value)) {
				throw new IllegalStateException("The " + kind + " '" + name + "' differs between the applications' "
						+ "descriptions: rename one or make them identical");
			}
			add.accept(name, value);
		});
	}

}
