package dev.postbox.ports.crypto;

import dev.postbox.domain.PasswordHash;
import dev.postbox.ports.out.PasswordHasher;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;

/**
 * Password hashes in Django's text formats, so users of a Django deployment keep their passwords:
 * <ul>
 *   <li>{@code argon2$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (Django's Argon2PasswordHasher:
 *       PHC string, base64 without padding). New hashes are always Argon2id; argon2i/argon2d and
 *       the pre-1.3 form without {@code v=} still verify.</li>
 *   <li>{@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>} (Django's default before Argon2;
 *       the salt is used as text, the hash is 32 bytes).</li>
 * </ul>
 * Any hash that is not Argon2id at this hasher's parameters verifies as
 * {@link Verification#MATCH_NEEDS_REHASH}, so the service can store a new one. A malformed or
 * absurd hash (parameters that would cost more than {@link #MAX_MEMORY_KIB},
 * {@link #MAX_ITERATIONS}, {@link #MAX_PARALLELISM} or {@link #MAX_PBKDF2_ITERATIONS}) is a
 * {@link Verification#NO_MATCH}, reported in one log line without the hash itself.
 *
 * <p>At most {@code maxConcurrent} hashes are computed at once (default: one per processor);
 * further callers wait their turn. Each Argon2id hash holds {@code memoryKiB} (19 MiB) while it
 * runs, so without a bound a burst of logins on a small heap (e.g. 14 at once on 256 MiB) ends
 * in an OutOfMemoryError; and since hashing is CPU-bound, more of them at once than processors
 * would not finish sooner anyway.
 */
public final class DjangoPasswordHasher implements PasswordHasher {
    /** OWASP's first Argon2id choice: 19 MiB, 2 passes, 1 lane. */
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    /** Upper bounds when verifying stored hashes: beyond them a hash is refused, not computed. */
    public static final int MAX_MEMORY_KIB = 262_144;
    public static final int MAX_ITERATIONS = 16;
    public static final int MAX_PARALLELISM = 16;
    public static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private static final System.Logger LOG = System.getLogger(DjangoPasswordHasher.class.getName());
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PBKDF2_HASH_BYTES = 32;
    private static final int MAX_ENCODED_LENGTH = 1024;
    private static final String SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore slots;
    /**
     * The 1 KiB blocks of Argon2's memory, cleared and kept between hashes (up to one hash's
     * worth per slot). Allocating them afresh made every login 19 MiB of garbage that outlived
     * young collections: the heap, and so the resident memory, grew by it under logins.
     */
    private final Argon2BytesGenerator.BlockPool blocks;

    /** Argon2id at OWASP's defaults (m=19456 KiB, t=2, p=1). */
    public DjangoPasswordHasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** Argon2id with the given cost, at most one hash per processor at once. */
    public DjangoPasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this(memoryKiB, iterations, parallelism, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Argon2id with the given cost; each must be within the verification bounds.
     *
     * @param maxConcurrent how many hashes may be computed at once (at least 1)
     */
    public DjangoPasswordHasher(int memoryKiB, int iterations, int parallelism, int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1 to " + MAX_PARALLELISM);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1 to " + MAX_ITERATIONS);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memory must be 8 KiB per lane to " + MAX_MEMORY_KIB + " KiB");
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.slots = new Semaphore(maxConcurrent, true);
        this.blocks = new Argon2BytesGenerator.FixedBlockPool(maxConcurrent * memoryKiB);
    }

    @Override
    public PasswordHash hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Argon2 params = new Argon2(Argon2Parameters.ARGON2_id, "argon2id", Argon2Parameters.ARGON2_VERSION_13,
                memoryKiB, iterations, parallelism, salt, null);
        return new PasswordHash(params.encode(argon2(params, utf8(password), HASH_BYTES)));
    }

    /**
     * A PBKDF2-SHA256 hash in Django's format, with a Django-style 22-character salt. Postbox
     * itself stores Argon2id; this is for tools and tests that need what an older Django wrote.
     */
    public PasswordHash hashPbkdf2(String password, int iterations) {
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1 to " + MAX_PBKDF2_ITERATIONS);
        }
        StringBuilder salt = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            salt.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
        }
        try {
            byte[] hash = pbkdf2(password, salt.toString(), iterations);
            return new PasswordHash("pbkdf2_sha256$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(hash));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }

    @Override
    public Verification verify(String password, PasswordHash hash) {
        if (password == null || hash == null) {
            return Verification.NO_MATCH;
        }
        String encoded = hash.value();
        try {
            if (encoded.length() > MAX_ENCODED_LENGTH) {
                throw new Malformed("longer than " + MAX_ENCODED_LENGTH + " characters");
            }
            if (encoded.startsWith("argon2$")) {
                Argon2 stored = Argon2.parse(encoded.substring("argon2$".length()));
                boolean same = MessageDigest.isEqual(argon2(stored, utf8(password), stored.hash.length), stored.hash);
                return !same ? Verification.NO_MATCH : isCurrent(stored) ? Verification.MATCH : Verification.MATCH_NEEDS_REHASH;
            }
            if (encoded.startsWith("pbkdf2_sha256$")) {
                return verifyPbkdf2(password, encoded) ? Verification.MATCH_NEEDS_REHASH : Verification.NO_MATCH;
            }
            throw new Malformed("unknown algorithm");
        } catch (Malformed e) {
            malformed(hash, e.getMessage());
        } catch (RuntimeException | GeneralSecurityException e) {
            malformed(hash, e.getClass().getSimpleName());
        }
        return Verification.NO_MATCH;
    }

    private boolean isCurrent(Argon2 stored) {
        return stored.type == Argon2Parameters.ARGON2_id && stored.version == Argon2Parameters.ARGON2_VERSION_13
                && stored.memoryKiB == memoryKiB && stored.iterations == iterations && stored.parallelism == parallelism
                && stored.hash.length == HASH_BYTES;
    }

    private boolean verifyPbkdf2(String password, String encoded) throws GeneralSecurityException {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4) {
            throw new Malformed("pbkdf2_sha256 needs 4 fields");
        }
        int iterations = Argon2.number(parts[1], 1, MAX_PBKDF2_ITERATIONS, "iterations");
        String salt = parts[2];
        if (salt.isEmpty() || salt.length() > 256) {
            throw new Malformed("bad salt length");
        }
        byte[] expected = decode(Base64.getEncoder(), parts[3]);
        if (expected.length != PBKDF2_HASH_BYTES) {
            throw new Malformed("the hash is not 32 bytes");
        }
        return MessageDigest.isEqual(pbkdf2(password, salt, iterations), expected);
    }

    private byte[] pbkdf2(String password, String salt, int iterations) throws GeneralSecurityException {
        acquire();
        try {
            return pbkdf2Unbounded(password, salt, iterations);
        } finally {
            slots.release();
        }
    }

    private static byte[] pbkdf2Unbounded(String password, String salt, int iterations) throws GeneralSecurityException {
        // SunJCE feeds the password's chars to HMAC as UTF-8, as Django's password.encode() does
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations,
                PBKDF2_HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    private byte[] argon2(Argon2 p, byte[] password, int length) {
        acquire();
        try {
            return argon2Unbounded(p, password, length);
        } finally {
            slots.release();
        }
    }

    /** The slots bounding concurrent hashes; for tests of that bound. */
    Semaphore slots() {
        return slots;
    }

    private void acquire() {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
    }

    private byte[] argon2Unbounded(Argon2 p, byte[] password, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(p.type).withVersion(p.version).withMemoryAsKB(p.memoryKiB)
                .withIterations(p.iterations).withParallelism(p.parallelism).withSalt(p.salt).withBlockPool(blocks).build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        Arrays.fill(password, (byte) 0);
        return out;
    }

    private static byte[] utf8(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes base64 and refuses every non-canonical spelling, as libargon2 and Django's string compare do. */
    private static byte[] decode(Base64.Encoder canonical, String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Malformed("bad base64");
        }
        if (!canonical.encodeToString(bytes).equals(text)) {
            throw new Malformed("non-canonical base64");
        }
        return bytes;
    }

    private static void malformed(PasswordHash hash, String reason) {
        // the algorithm prefix helps an operator find the row; the hash itself never goes to a log
        LOG.log(System.Logger.Level.WARNING, "Unusable password hash ({0}): {1}; treated as a wrong password",
                hash.algorithm().length() > 20 ? "?" : hash.algorithm(), reason);
    }

    /** Thrown inside this class only, for a hash that does not parse. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Django's argon2 hash after {@code argon2$}: {@code argon2id$v=19$m=..,t=..,p=..$salt$hash} ({@code v=} optional). */
    private record Argon2(int type, String typeName, int version, int memoryKiB, int iterations, int parallelism,
                          byte[] salt, byte[] hash) {
        static Argon2 parse(String rest) {
            String[] parts = rest.split("\\$", -1);
            if (parts.length != 5 && parts.length != 4) {
                throw new Malformed("argon2 needs 5 or 6 fields");
            }
            int type = switch (parts[0]) {
                case "argon2id" -> Argon2Parameters.ARGON2_id;
                case "argon2i" -> Argon2Parameters.ARGON2_i;
                case "argon2d" -> Argon2Parameters.ARGON2_d;
                default -> throw new Malformed("unknown argon2 type");
            };
            int next = 1;
            // hashes from argon2 before version 1.3 have no v= field and mean version 0x10
            int version = Argon2Parameters.ARGON2_VERSION_10;
            if (parts.length == 5) {
                if (!parts[1].startsWith("v=")) {
                    throw new Malformed("no version");
                }
                version = number(parts[1].substring(2), 16, 19, "version");
                if (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13) {
                    throw new Malformed("unknown version");
                }
                next = 2;
            }
            String[] costs = parts[next].split(",", -1);
            if (costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=") || !costs[2].startsWith("p=")) {
                throw new Malformed("costs must be m=,t=,p=");
            }
            int parallelism = number(costs[2].substring(2), 1, MAX_PARALLELISM, "parallelism");
            int memory = number(costs[0].substring(2), 8 * parallelism, MAX_MEMORY_KIB, "memory");
            int iterations = number(costs[1].substring(2), 1, MAX_ITERATIONS, "iterations");
            byte[] salt = decode(B64, parts[next + 1]);
            byte[] hash = decode(B64, parts[next + 2]);
            if (salt.length < 8 || salt.length > 64) {
                throw new Malformed("bad salt length");
            }
            if (hash.length < 16 || hash.length > 64) {
                throw new Malformed("bad hash length");
            }
            return new Argon2(type, parts[0], version, memory, iterations, parallelism, salt, hash);
        }

        String encode(byte[] hashed) {
            return "argon2$" + typeName + "$v=" + version + "$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
                    + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hashed);
        }

        /** A decimal without sign or leading zeros, within bounds. */
        static int number(String text, int min, int max, String what) {
            if (text.isEmpty() || text.length() > 9 || (text.length() > 1 && text.charAt(0) == '0')
                    || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Malformed("bad " + what);
            }
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new Malformed(what + " out of range");
            }
            return value;
        }
    }
}
