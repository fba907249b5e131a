package ai.physical.textbook.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Property-based input generation for the bad-input tests: a seeded generator of hostile strings (markup, SQL,
 * control characters, unpaired surrogates, right-to-left marks, very long values) and bytes that are not UTF-8.
 *
 * <p>Each run uses a fresh seed, logged and named in every failure so a failing case can be replayed with
 * {@code -Dfuzz.seed=<seed>}; {@code -Dfuzz.tries=<n>} sets how many cases each property tries.
 */
public final class Fuzz {

	private static final Logger logger = LoggerFactory.getLogger(Fuzz.class);

	/** Fragments that must be stored and shown as text, never interpreted. */
	public static final List<String> HOSTILE_FRAGMENTS = List.of("<script>alert(1)</script>",
			"\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>", "{{7*7}}", "${7*7}",
			"[[${7*7}]]", "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "' OR '1'='1", "'; DROP TABLE identity.users; --",
			"1; SELECT pg_sleep(5)--", "\\x00", "\u0000", "%00", "../../../../etc/passwd", "\r\nSet-Cookie: evil=1",
			"\u202Egnp.exe", "\uD83E\uDD16", "\uFEFF", "null", "undefined", "[]", "{}", "-1", "9".repeat(40),
			"\u0430dmin@example.org", "admin@example.org\u0000evil");

	private final long seed;

	private final Random random;

	private Fuzz(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
	}

	/** A generator seeded from {@code -Dfuzz.seed} or the clock. */
	public static Fuzz create() {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		logger.info("Fuzz seed {} (replay with -Dfuzz.seed={})", seed, seed);
		return new Fuzz(seed);
	}

	public static int tries(int defaultTries) {
		return Integer.getInteger("fuzz.tries", defaultTries);
	}

	public long seed() {
		return this.seed;
	}

	/** Runs {@code property} {@code tries} times; a failure names the seed and the try. */
	public void check(String property, int tries, Consumer<Fuzz> body) {
		for (int i = 0; i < tries; i++) {
			try {
				body.accept(this);
			}
			catch (AssertionError ex) {
				throw new AssertionError(property + " failed on try " + i + " (replay with -Dfuzz.seed=" + this.seed
						+ "): " + ex.getMessage(), ex);
			}
		}
	}

	public int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	public boolean nextBoolean() {
		return this.random.nextBoolean();
	}

	public <T> T oneOf(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/** A hostile string: a fragment, random code points of every kind, or a mix, up to {@code maxLength} chars. */
	public String hostileString(int maxLength) {
		StringBuilder text = new StringBuilder();
		int parts = 1 + this.random.nextInt(4);
		for (int i = 0; i < parts && text.length() < maxLength; i++) {
			switch (this.random.nextInt(5)) {
				case 0 -> text.append(oneOf(HOSTILE_FRAGMENTS));
				case 1 -> text.append(randomCodePoints(1 + this.random.nextInt(40)));
				case 2 -> text.append("x".repeat(this.random.nextInt(Math.max(1, maxLength))));
				case 3 -> text.append((char) this.random.nextInt(0x20));
				default -> text.append("ok").append(this.random.nextInt(1000));
			}
		}
		return text.length() > maxLength ? text.substring(0, maxLength) : text.toString();
	}

	private String randomCodePoints(int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			int kind = this.random.nextInt(6);
			switch (kind) {
				case 0 -> text.append((char) (0x20 + this.random.nextInt(0x5F)));
				case 1 -> text.append((char) this.random.nextInt(0x20));
				case 2 -> text.appendCodePoint(0xA0 + this.random.nextInt(0x2000));
				case 3 -> text.append((char) (0xD800 + this.random.nextInt(0x800))); // unpaired surrogate
				case 4 -> text.appendCodePoint(0x1F300 + this.random.nextInt(0x300));
				default -> text.append(oneOf(List.of("<", ">", "\"", "'", "&", ";", "%", "\\", "/", "=", "\u202E")));
			}
		}
		return text.toString();
	}

	/** Bytes that are not valid UTF-8 (overlong forms, lone continuation bytes, truncated sequences, 0xFF). */
	public byte[] invalidUtf8() {
		List<byte[]> invalid = List.of(new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0x80 },
				new byte[] { (byte) 0xE2, (byte) 0x82 }, new byte[] { (byte) 0xFF, (byte) 0xFE },
				new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80 });
		byte[] bad = oneOf(invalid);
		byte[] prefix = ("ok" + this.random.nextInt(100)).getBytes(StandardCharsets.US_ASCII);
		byte[] out = new byte[prefix.length + bad.length];
		System.arraycopy(prefix, 0, out, 0, prefix.length);
		System.arraycopy(bad, 0, out, prefix.length, bad.length);
		return out;
	}

}
