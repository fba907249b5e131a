/**
 * JWT signing keys: generated here, stored in {@code identity.signing_keys} with the private part encrypted
 * (AES-256-GCM) under the key-encryption key from the environment, rotated on a schedule with the next key published
 * before it signs and the retired one published until its tokens expire, and served to every instance from a short
 * in-memory cache ({@link ai.physical.textbook.auth.key.SigningKeys}, the {@code JWKSource}).
 */
package ai.physical.textbook.auth.key;
