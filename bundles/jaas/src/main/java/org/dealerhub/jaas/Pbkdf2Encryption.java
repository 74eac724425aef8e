package org.dealerhub.jaas;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;

/**
 * Salted, slow password hashes for Karaf's JAAS realm: PBKDF2 with HMAC-SHA256 from the JDK, a random 16-byte salt
 * per password and {@value #ITERATIONS} iterations, stored as {@code <iterations>:<salt>:<hash>} (Base64) between
 * the realm's {@code encryption.prefix} and {@code encryption.suffix}. The iterations travel with each hash, so
 * raising them later leaves existing passwords valid. Karaf's realm uses it with {@code encryption.name = pbkdf2}
 * in etc/org.apache.karaf.jaas.cfg; the bundle's {@link Activator} registers it. (Karaf's own basic encryption is an
 * unsalted digest, and its realm passes only algorithm and encoding to an encryption service, so Jasypt's salted
 * digests would run 1,000 iterations.)
 */
public class Pbkdf2Encryption implements EncryptionService, Encryption {

    static final String NAME = "pbkdf2";
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random = new SecureRandom();

    @Override
    public Encryption createEncryption(Map<String, String> params) {
        String algorithm = params.get(EncryptionService.ALGORITHM);
        if (algorithm != null && !algorithm.isEmpty() && !algorithm.equals(ALGORITHM)) {
            throw new IllegalArgumentException("pbkdf2 supports algorithm " + ALGORITHM + " only, not " + algorithm);
        }
        return this;
    }

    @Override
    public String encryptPassword(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return ITERATIONS + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(hash(password, salt, ITERATIONS));
    }

    @Override
    public boolean checkPassword(String password, String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 3) {
            return false;
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] expected = base64.decode(parts[2]);
            return MessageDigest.isEqual(expected, hash(password, base64.decode(parts[1]), Integer.parseInt(parts[0])));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hash(String password, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations " + iterations);
        }
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17", e);
        } finally {
            spec.clearPassword();
        }
    }
}
