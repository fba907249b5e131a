package ai.physical.textbook.auth.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing keys of the authorization server, shared by every instance through {@code identity.signing_keys}.
 *
 * <p>Each instance serves the JWK set and signs from an in-memory snapshot reloaded from the database every
 * {@link KeyProperties#cacheRefresh()} (and at once when asked for a key id it does not know), so instances agree
 * within seconds. The signing key is, at any instant, the newest key whose activation time has passed: every
 * instance computes the same answer from the same rows, and a successor is published
 * {@link KeyProperties#prepublish()} before it activates. Keys are only ever created under a PostgreSQL advisory
 * lock, so several instances never create competing keys.
 *
 * <p>There is one such key per algorithm in use: access tokens are signed with {@link KeyProperties#algorithm()},
 * ID tokens always with RS256, the algorithm OpenID Connect requires every provider to support and every client to
 * accept by default (a client that registered no {@code id_token_signed_response_alg} gets RS256). With the default
 * RS256 that is a single key; with ES256 an EC key and an RSA key are kept, rotated and published side by side.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	/** What ID tokens are signed with, whatever signs access tokens: see the class comment. */
	static final String ID_TOKEN_ALGORITHM = "RS256";

	private final SigningKeyRepository repository;

	private final TransactionTemplate transactions;

	private final KeyEncryption encryption;

	private final KeyProperties properties;

	private final Clock clock;

	/** The algorithms that sign something: RS256 (ID tokens) and the access tokens' algorithm. */
	private final Set<String> algorithms;

	private volatile Snapshot snapshot;

	SigningKeys(SigningKeyRepository repository, TransactionTemplate transactions, KeyEncryption encryption,
			KeyProperties properties, Clock clock) {
		this.repository = repository;
		this.transactions = transactions;
		this.encryption = encryption;
		this.properties = properties;
		this.clock = clock;
		this.algorithms = new LinkedHashSet<>(List.of(properties.algorithm(), ID_TOKEN_ALGORITHM));
	}

	/** The key that signs access tokens now: its id and algorithm go into their JWS header. */
	public SigningKey current() {
		return current(this.properties.algorithm());
	}

	/** The key that signs ID tokens now (always RS256). */
	public SigningKey currentForIdTokens() {
		return current(ID_TOKEN_ALGORITHM);
	}

	private SigningKey current(String algorithm) {
		SigningKey signing = snapshot().signing().get(algorithm);
		if (signing == null) {
			throw new IllegalStateException(
					"No usable " + algorithm + " signing key: check the key-encryption key (TEXTBOOK_KEK)");
		}
		return signing;
	}

	/**
	 * @return every published key (with private parts: serialize it with {@link JWKSet#toString()}, which writes the
	 * public parts only); the same instance until the keys are reloaded
	 */
	public JWKSet published() {
		return snapshot().jwkSet();
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		Snapshot current = snapshot();
		List<JWK> selected = selector.select(current.jwkSet());
		if (selected.isEmpty() && selector.getMatcher().getKeyIDs() != null
				&& this.clock.instant().isAfter(current.loadedAt().plusSeconds(1))) {
			// A key id we do not know yet may have been created by another instance a moment ago.
			selected = selector.select(reload().jwkSet());
		}
		return selected;
	}

	/**
	 * Creates the first key, or the next one when the current key's signing period nears its end. Runs on every
	 * instance; the advisory lock makes only one of them act.
	 * @return whether a key was created
	 */
	boolean rotateIfDue() {
		Boolean created = this.transactions.execute((status) -> {
			if (!this.repository.tryLock()) {
				return false;
			}
			Instant now = this.clock.instant();
			List<StoredKey> published = this.repository.findPublished(now);
			boolean any = false;
			for (String algorithm : this.algorithms) {
				any |= rotateIfDue(algorithm, now,
						published.stream().filter((key) -> key.algorithm().equals(algorithm)).toList());
			}
			return any;
		});
		if (Boolean.TRUE.equals(created)) {
			reload();
		}
		return Boolean.TRUE.equals(created);
	}

	/** One algorithm's part of {@link #rotateIfDue()}, under its lock. */
	private boolean rotateIfDue(String algorithm, Instant now, List<StoredKey> keys) {
		Optional<StoredKey> current = keys.stream()
			.filter((key) -> !key.activatesAt().isAfter(now))
			.max(Comparator.comparing(StoredKey::activatesAt));
		boolean successorExists = keys.stream().anyMatch((key) -> key.activatesAt().isAfter(now));
		if (current.isEmpty() && !successorExists) {
			create(now, algorithm);
			return true;
		}
		if (current.isPresent() && !successorExists
				&& !now.isBefore(current.get().retiresAt().minus(this.properties.prepublish()))) {
			Instant activation = current.get().retiresAt().isAfter(now.plus(this.properties.prepublish()))
					? current.get().retiresAt() : now.plus(this.properties.prepublish());
			StoredKey next = create(activation, algorithm);
			this.repository.endSigning(current.get().kid(), activation,
					activation.plus(this.properties.retention()));
			logger.info("Published {} signing key {}; it signs from {} and replaces {}", algorithm, next.kid(),
					activation, current.get().kid());
			return true;
		}
		return false;
	}

	/**
	 * Replaces the signing key at once (key compromise, or a local KEK that changed). The previous key stays
	 * published for {@link KeyProperties#retention()} so tokens it signed keep validating; to stop trusting those
	 * tokens too, shorten its {@code publish_until} (see the authentication guide). Every algorithm's key is
	 * replaced.
	 * @return the id of the new key that signs access tokens
	 */
	public String rotateNow() {
		String kid = this.transactions.execute((status) -> {
			this.repository.lock();
			Instant now = this.clock.instant();
			this.repository.findPublished(now)
				.stream()
				.filter((key) -> key.activatesAt().isBefore(now) && key.retiresAt().isAfter(now))
				.forEach((key) -> this.repository.endSigning(key.kid(), now, now.plus(this.properties.retention())));
			String accessTokenKid = null;
			for (String algorithm : this.algorithms) {
				String created = create(now, algorithm).kid();
				accessTokenKid = (accessTokenKid != null) ? accessTokenKid : created;
			}
			return accessTokenKid;
		});
		reload();
		logger.warn("Signing key rotated immediately; new key {}", kid);
		return kid;
	}

	/** Makes sure a key exists, loads the snapshot and checks that the key-encryption key is the right one. */
	void initialize(boolean production) {
		this.transactions.executeWithoutResult((status) -> {
			this.repository.lock();
			Instant now = this.clock.instant();
			List<StoredKey> published = this.repository.findPublished(now);
			for (String algorithm : this.algorithms) {
				if (published.stream()
					.noneMatch((key) -> key.algorithm().equals(algorithm) && key.retiresAt().isAfter(now))) {
					create(now, algorithm);
				}
			}
		});
		Snapshot loaded = reload();
		StoredKey current = loaded.currentByTime();
		if (current != null && !current.kekId().equals(this.encryption.kekId())) {
			String message = "The signing keys in the database were encrypted with a different key-encryption key "
					+ "than the one configured (TEXTBOOK_KEK / textbook.keys.encryption-key). Configure the key that "
					+ "was used when they were created.";
			if (production) {
				throw new IllegalStateException(message);
			}
			logger.warn("""

					*****************************************************************************
					* {}
					* LOCAL MODE: creating a new signing key now; tokens signed before remain valid
					* until they expire, because the old public keys stay published.
					*****************************************************************************""", message);
			rotateNow();
		}
		Snapshot ready = snapshot();
		logger.info("Signing access tokens with {}, ID tokens with {}; {} key(s) published",
				describe(ready, this.properties.algorithm()), describe(ready, ID_TOKEN_ALGORITHM),
				ready.jwkSet().getKeys().size());
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		if (current == null || this.clock.instant().isAfter(current.loadedAt().plus(this.properties.cacheRefresh()))) {
			return reload();
		}
		return current;
	}

	synchronized Snapshot reload() {
		Instant now = this.clock.instant();
		List<StoredKey> keys = this.repository.findPublished(now);
		List<JWK> jwks = new ArrayList<>();
		Map<String, SigningKey> signing = new HashMap<>();
		StoredKey currentByTime = null;
		for (StoredKey key : keys) {
			boolean active = !key.activatesAt().isAfter(now);
			if (active && currentByTime == null) {
				currentByTime = key;
			}
			JWK jwk = toJwk(key);
			jwks.add(jwk);
			// Newest first: the first active key of an algorithm that this instance can use signs with it.
			if (active && jwk.isPrivate()) {
				signing.putIfAbsent(key.algorithm(), new SigningKey(key.kid(), key.algorithm()));
			}
		}
		Snapshot loaded = new Snapshot(new JWKSet(jwks), Map.copyOf(signing), currentByTime, now);
		this.snapshot = loaded;
		return loaded;
	}

	private JWK toJwk(StoredKey key) {
		JWK publicJwk;
		try {
			publicJwk = JWK.parse(key.publicJwk());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Unreadable public key " + key.kid(), ex);
		}
		if (!key.kekId().equals(this.encryption.kekId())) {
			return publicJwk;
		}
		try {
			byte[] pkcs8 = this.encryption.decrypt(key.privateKey(), key.kid());
			if (publicJwk instanceof RSAKey rsa) {
				RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
					.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
				return new RSAKey.Builder(rsa).privateKey(privateKey).build();
			}
			ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
				.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			return new ECKey.Builder((ECKey) publicJwk).privateKey(privateKey).build();
		}
		catch (GeneralSecurityException ex) {
			logger.error("Cannot decrypt signing key {} although its key-encryption key id matches: it was altered",
					key.kid());
			return publicJwk;
		}
	}

	private static String describe(Snapshot snapshot, String algorithm) {
		SigningKey key = snapshot.signing().get(algorithm);
		return (key != null) ? "key " + key.kid() + " (" + algorithm + ")" : "no usable " + algorithm + " key";
	}

	private StoredKey create(Instant activatesAt, String algorithm) {
		Instant now = this.clock.instant();
		String kid = UUID.randomUUID().toString();
		try {
			JWK jwk;
			byte[] pkcs8;
			if ("ES256".equals(algorithm)) {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
				generator.initialize(new ECGenParameterSpec("secp256r1"));
				KeyPair pair = generator.generateKeyPair();
				jwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).keyID(kid)
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.ES256)
					.build();
				pkcs8 = pair.getPrivate().getEncoded();
			}
			else {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				KeyPair pair = generator.generateKeyPair();
				jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid)
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.build();
				pkcs8 = pair.getPrivate().getEncoded();
			}
			Instant retiresAt = activatesAt.plus(this.properties.rotationPeriod());
			StoredKey key = new StoredKey(kid, algorithm, jwk.toPublicJWK().toJSONString(),
					this.encryption.encrypt(pkcs8, kid), this.encryption.kekId(), now, activatesAt, retiresAt,
					retiresAt.plus(this.properties.retention()));
			this.repository.insert(key);
			logger.info("Created signing key {} ({}), active from {}", kid, algorithm, activatesAt);
			return key;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not generate a signing key", ex);
		}
	}

	/**
	 * The key that signs now.
	 *
	 * @param kid its key id, for the JWS {@code kid} header
	 * @param algorithm {@code RS256} or {@code ES256}
	 */
	public record SigningKey(String kid, String algorithm) {

	}

	/**
	 * The keys as loaded.
	 *
	 * @param jwkSet every published key
	 * @param signing the key that signs now, per algorithm
	 * @param currentByTime the newest active key of any algorithm, usable or not (the key-encryption-key check)
	 * @param loadedAt when
	 */
	record Snapshot(JWKSet jwkSet, Map<String, SigningKey> signing, StoredKey currentByTime, Instant loadedAt) {

	}

}
