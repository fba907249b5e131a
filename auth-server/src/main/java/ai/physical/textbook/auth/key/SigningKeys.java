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
import java.util.List;
import java.util.Optional;
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
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private final SigningKeyRepository repository;

	private final TransactionTemplate transactions;

	private final KeyEncryption encryption;

	private final KeyProperties properties;

	private final Clock clock;

	private volatile Snapshot snapshot;

	SigningKeys(SigningKeyRepository repository, TransactionTemplate transactions, KeyEncryption encryption,
			KeyProperties properties, Clock clock) {
		this.repository = repository;
		this.transactions = transactions;
		this.encryption = encryption;
		this.properties = properties;
		this.clock = clock;
	}

	/** The key that signs now: its id and algorithm go into the JWS header of every token. */
	public SigningKey current() {
		Snapshot current = snapshot();
		if (current.signing() == null) {
			throw new IllegalStateException("No usable signing key: check the key-encryption key (TEXTBOOK_KEK)");
		}
		return current.signing();
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
			List<StoredKey> keys = this.repository.findPublished(now);
			Optional<StoredKey> current = keys.stream()
				.filter((key) -> !key.activatesAt().isAfter(now))
				.max(Comparator.comparing(StoredKey::activatesAt));
			boolean successorExists = keys.stream().anyMatch((key) -> key.activatesAt().isAfter(now));
			if (current.isEmpty() && !successorExists) {
				create(now);
				return true;
			}
			if (current.isPresent() && !successorExists
					&& !now.isBefore(current.get().retiresAt().minus(this.properties.prepublish()))) {
				Instant activation = current.get().retiresAt().isAfter(now.plus(this.properties.prepublish()))
						? current.get().retiresAt() : now.plus(this.properties.prepublish());
				StoredKey next = create(activation);
				this.repository.endSigning(current.get().kid(), activation,
						activation.plus(this.properties.retention()));
				logger.info("Published signing key {}; it signs from {} and replaces {}", next.kid(), activation,
						current.get().kid());
				return true;
			}
			return false;
		});
		if (Boolean.TRUE.equals(created)) {
			reload();
		}
		return Boolean.TRUE.equals(created);
	}

	/**
	 * Replaces the signing key at once (key compromise, or a local KEK that changed). The previous key stays
	 * published for {@link KeyProperties#retention()} so tokens it signed keep validating; to stop trusting those
	 * tokens too, shorten its {@code publish_until} (see the authentication guide).
	 * @return the new key id
	 */
	public String rotateNow() {
		String kid = this.transactions.execute((status) -> {
			this.repository.lock();
			Instant now = this.clock.instant();
			this.repository.findPublished(now)
				.stream()
				.filter((key) -> key.activatesAt().isBefore(now) && key.retiresAt().isAfter(now))
				.forEach((key) -> this.repository.endSigning(key.kid(), now, now.plus(this.properties.retention())));
			return create(now).kid();
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
			boolean any = this.repository.findPublished(now)
				.stream()
				.anyMatch((key) -> key.retiresAt().isAfter(now));
			if (!any) {
				create(now);
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
		SigningKey signing = snapshot().signing();
		logger.info("Signing with key {} ({}); {} key(s) published", (signing != null) ? signing.kid() : "none",
				(signing != null) ? signing.algorithm() : "-", snapshot().jwkSet().getKeys().size());
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
		SigningKey signing = null;
		StoredKey currentByTime = null;
		for (StoredKey key : keys) {
			boolean active = !key.activatesAt().isAfter(now);
			if (active && currentByTime == null) {
				currentByTime = key;
			}
			JWK jwk = toJwk(key);
			jwks.add(jwk);
			if (active && signing == null && jwk.isPrivate()) {
				signing = new SigningKey(key.kid(), key.algorithm());
			}
		}
		Snapshot loaded = new Snapshot(new JWKSet(jwks), signing, currentByTime, now);
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

	private StoredKey create(Instant activatesAt) {
		Instant now = this.clock.instant();
		String kid = UUID.randomUUID().toString();
		String algorithm = this.properties.algorithm();
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

	record Snapshot(JWKSet jwkSet, SigningKey signing, StoredKey currentByTime, Instant loadedAt) {

	}

}
