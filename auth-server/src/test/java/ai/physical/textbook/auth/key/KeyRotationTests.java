package ai.physical.textbook.auth.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;

import ai.physical.textbook.auth.support.AuthServerIntegrationTest;
import ai.physical.textbook.auth.support.AuthorizationCodeFlow;
import ai.physical.textbook.auth.support.Jwts;
import ai.physical.textbook.auth.support.ProtocolClient;
import ai.physical.textbook.auth.support.TestSecrets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation: the next key is published before it signs, the previous key keeps validating the tokens it signed,
 * and only one instance ever creates a key.
 */
@AuthServerIntegrationTest
class KeyRotationTests {

	@LocalServerPort
	int port;

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	SigningKeyRepository repository;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	KeyProperties properties;

	@Test
	void whenKeyRotatedThenTokensOfThePreviousKeyStillValidateAndTheJwkSetListsBoth() throws Exception {
		ProtocolClient client = new ProtocolClient(baseUrl());
		String before = accessToken(client);
		String previousKid = Jwts.parse(before).getHeader().getKeyID();

		String newKid = this.signingKeys.rotateNow();

		assertThat(newKid).isNotEqualTo(previousKid);
		assertThat(publishedKids()).contains(previousKid, newKid);
		String after = accessToken(client);
		assertThat(Jwts.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(baseUrl() + "/oauth2/jwks")
			.jwsAlgorithms((algorithms) -> algorithms.addAll(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)))
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator("at+jwt")));
		Jwt old = decoder.decode(before);
		assertThat(old.getSubject()).isEqualTo(TestSecrets.SERVICE_CLIENT);
		assertThat(decoder.decode(after).getSubject()).isEqualTo(TestSecrets.SERVICE_CLIENT);
		assertThat(client.introspect(before)).containsEntry("active", true);
	}

	@Test
	void whenSigningPeriodNearsItsEndThenExactlyOneInstancePublishesTheNextKeyAheadOfUse() throws Exception {
		SigningKeys.SigningKey current = this.signingKeys.current();
		StoredKey currentRow = this.repository.findPublished(Instant.now())
			.stream()
			.filter((key) -> key.kid().equals(current.kid()))
			.findFirst()
			.orElseThrow();
		// Four "instances" whose clocks say the current key retires within the pre-publication window.
		Instant late = currentRow.retiresAt().minus(this.properties.prepublish()).plus(Duration.ofMinutes(1));
		List<Callable<Boolean>> instances = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			SigningKeys instance = new SigningKeys(this.repository, this.transactions,
					new KeyEncryption(Base64.getDecoder().decode(TestSecrets.KEK)), this.properties,
					Clock.fixed(late, ZoneOffset.UTC));
			instances.add(instance::rotateIfDue);
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		int created = 0;
		try {
			for (Future<Boolean> result : pool.invokeAll(instances)) {
				created += result.get() ? 1 : 0;
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(created).isEqualTo(1);
		List<StoredKey> successors = this.repository.findPublished(Instant.now())
			.stream()
			.filter((key) -> key.activatesAt().isAfter(Instant.now()))
			.toList();
		assertThat(successors).hasSize(1);
		StoredKey next = successors.get(0);
		// Never less than the pre-publication window ahead of the clock that created it.
		assertThat(next.activatesAt()).isEqualTo(late.plus(this.properties.prepublish()));
		StoredKey retiring = this.repository.findPublished(Instant.now())
			.stream()
			.filter((key) -> key.kid().equals(current.kid()))
			.findFirst()
			.orElseThrow();
		assertThat(retiring.retiresAt()).isEqualTo(next.activatesAt());
		assertThat(retiring.publishUntil()).isEqualTo(next.activatesAt().plus(this.properties.retention()));
		// Published now, long before it signs; the current key keeps signing meanwhile.
		this.signingKeys.reload();
		assertThat(publishedKids()).contains(next.kid(), current.kid());
		assertThat(this.signingKeys.current().kid()).isEqualTo(current.kid());
		assertThat(next.privateKey()).doesNotContain("PRIVATE").isNotBlank();
	}

	private List<String> publishedKids() throws Exception {
		String body = new ProtocolClient(baseUrl()).send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(baseUrl() + "/oauth2/jwks"))
			.GET()).body();
		JWKSet set = JWKSet.parse(body);
		assertThat(set.getKeys()).allMatch((key) -> !key.isPrivate());
		return set.getKeys().stream().map((key) -> key.getKeyID()).toList();
	}

	private static String accessToken(ProtocolClient client) {
		Map<String, Object> body = AuthorizationCodeFlow.json(client
			.clientCredentials(TestSecrets.SERVICE_CLIENT, TestSecrets.SERVICE_CLIENT_SECRET, "textbook.api")
			.body());
		return (String) body.get("access_token");
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
