package dev.postbox.ports.crypto;

import dev.postbox.domain.PasswordHash;
import dev.postbox.ports.out.PasswordHasher.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DjangoPasswordHasherTest {
    private static final String PASSWORD = "correct horse battery staple";
    /** Made by Python's hashlib (Django's PBKDF2PasswordHasher format). */
    private static final String DJANGO_PBKDF2 = "pbkdf2_sha256$870000$Gq3zO5cMZ8q6L1aV$U52Umh4AP9J088y9pNGlyPCnHRWj0b7Q3eG0BBIq5gY=";
    /** Made by argon2-cffi (Django's Argon2PasswordHasher format, OWASP parameters). */
    private static final String DJANGO_ARGON2 = "argon2$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0";

    private final DjangoPasswordHasher hasher = new DjangoPasswordHasher();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger julLogger = Logger.getLogger(DjangoPasswordHasher.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private boolean parentHandlers;

    @BeforeEach
    void captureLog() {
        // capture instead of print: the malformed-hash tests would otherwise fill the build log
        parentHandlers = julLogger.getUseParentHandlers();
        julLogger.setUseParentHandlers(false);
        julLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        julLogger.removeHandler(capture);
        julLogger.setUseParentHandlers(parentHandlers);
    }

    private Verification verify(String password, String hash) {
        return hasher.verify(password, new PasswordHash(hash));
    }

    @Test
    void djangosArgon2idHashVerifiesAndIsCurrent() {
        assertThat(verify(PASSWORD, DJANGO_ARGON2)).isEqualTo(Verification.MATCH);
    }

    @Test
    void argon2MemoryIsReusedNotAllocatedPerHash() {
        DjangoPasswordHasher hasher = new DjangoPasswordHasher();
        PasswordHash first = hasher.hash(PASSWORD);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        PasswordHash second = hasher.hash(PASSWORD);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // 19 MiB of blocks per hash without the pool; the rest of a hash allocates a few KiB
        assertThat(allocated).isLessThan(1024 * 1024);
        assertThat(second).isNotEqualTo(first);
        assertThat(hasher.verify(PASSWORD, second)).isEqualTo(Verification.MATCH);
        assertThat(hasher.verify(PASSWORD, first)).isEqualTo(Verification.MATCH);
    }

    @Test
    void djangosPbkdf2HashVerifiesAndAsksForARehash() {
        assertThat(verify(PASSWORD, DJANGO_PBKDF2)).isEqualTo(Verification.MATCH_NEEDS_REHASH);
    }

    @Test
    void aOneCharacterChangeOfThePasswordDoesNotMatch() {
        for (String wrong : List.of("correct horse battery stapl", "correct horse battery staplE", "Correct horse battery staple",
                "correct horse battery staple ", "correct horse  battery staple", "correct horse battery stable")) {
            assertThat(verify(wrong, DJANGO_ARGON2)).as(wrong).isEqualTo(Verification.NO_MATCH);
        }
        assertThat(verify("correct horse battery stapl", DJANGO_PBKDF2)).isEqualTo(Verification.NO_MATCH);
        assertThat(verify("correct horse battery staplf", DJANGO_PBKDF2)).isEqualTo(Verification.NO_MATCH);
        assertThat(logged).as("a wrong password is not a malformed hash").isEmpty();
    }

    @Test
    void aOneCharacterChangeOfTheHashDoesNotMatch() {
        // also the last salt/hash character, whose unused low bits a lenient base64 decoder would ignore
        String[] variants = {
                DJANGO_ARGON2.replace("RlZg$", "RlZh$"),
                DJANGO_ARGON2.substring(0, DJANGO_ARGON2.length() - 1) + "N",
                DJANGO_ARGON2.replace("gy5S", "hy5S"),
                DJANGO_ARGON2.replace("t=2", "t=3"),
                DJANGO_ARGON2.replace("m=19456", "m=19457"),
                DJANGO_PBKDF2.replace("870000", "870001"),
                DJANGO_PBKDF2.replace("Gq3z", "Gq3Z"),
                DJANGO_PBKDF2.replace("gY=", "gZ="),
        };
        for (String variant : variants) {
            assertThat(verify(PASSWORD, variant)).as(variant).isEqualTo(Verification.NO_MATCH);
        }
    }

    @Test
    void newHashesAreArgon2idInDjangosFormatAndVerify() {
        PasswordHash hash = hasher.hash(PASSWORD);

        assertThat(hash.value()).matches("argon2\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify(PASSWORD, hash)).isEqualTo(Verification.MATCH);
        assertThat(hasher.verify(PASSWORD + "!", hash)).isEqualTo(Verification.NO_MATCH);
        assertThat(hasher.hash(PASSWORD)).as("a fresh salt every time").isNotEqualTo(hash);
    }

    @Test
    void unicodeAndEmptyPasswordsWork() {
        String unicode = "pässwörd 🔑 שלום";
        PasswordHash hash = hasher.hash(unicode);

        assertThat(hasher.verify(unicode, hash)).isEqualTo(Verification.MATCH);
        assertThat(hasher.verify("passwörd 🔑 שלום", hash)).isEqualTo(Verification.NO_MATCH);
        // made by Python: hashlib.pbkdf2_hmac('sha256', pw.encode(), salt.encode(), 1000)
        assertThat(verify(unicode, "pbkdf2_sha256$1000$Zs4UWZwEoRhZcqyxRy0pTT$QvmU7muoI2VP79RHEb6+8+n+vAP5InVKfAkAs4TV/Zg="))
                .isEqualTo(Verification.MATCH_NEEDS_REHASH);
        assertThat(hasher.verify("", hasher.hash(""))).isEqualTo(Verification.MATCH);
        assertThat(verify("", "pbkdf2_sha256$1000$salt$lPtWrz6iLl0+0bBUCFsTbKMBt12LQGyALEiUefJzh8Y="))
                .isEqualTo(Verification.MATCH_NEEDS_REHASH);
        assertThat(hasher.verify("", hash)).isEqualTo(Verification.NO_MATCH);
    }

    @Test
    void argon2WithOtherParametersOrTypesVerifiesButAsksForARehash() {
        DjangoPasswordHasher cheap = new DjangoPasswordHasher(1024, 1, 2);
        PasswordHash old = cheap.hash(PASSWORD);
        assertThat(old.value()).startsWith("argon2$argon2id$v=19$m=1024,t=1,p=2$");

        assertThat(cheap.verify(PASSWORD, old)).isEqualTo(Verification.MATCH);
        assertThat(hasher.verify(PASSWORD, old)).isEqualTo(Verification.MATCH_NEEDS_REHASH);
        assertThat(cheap.verify(PASSWORD, new PasswordHash(DJANGO_ARGON2))).isEqualTo(Verification.MATCH_NEEDS_REHASH);
        assertThat(hasher.verify("wrong password", old)).isEqualTo(Verification.NO_MATCH);
    }

    @Test
    void referenceArgon2iVectorsOfBothVersionsVerify() {
        // from the reference implementation's test suite (phc-winner-argon2 src/test.c): password "password", salt "somesalt"
        assertThat(verify("password", "argon2$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA"))
                .isEqualTo(Verification.MATCH_NEEDS_REHASH);
        assertThat(verify("password", "argon2$argon2i$m=65536,t=2,p=1$c29tZXNhbHQ$9sTbSlTio3Biev89thdrlKKiCaYsjjYVJxGAL3swxpQ"))
                .isEqualTo(Verification.MATCH_NEEDS_REHASH);
        assertThat(verify("passwore", "argon2$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA"))
                .isEqualTo(Verification.NO_MATCH);
    }

    @Test
    void pbkdf2HashesWrittenHereVerify() {
        PasswordHash hash = hasher.hashPbkdf2(PASSWORD, 1000);

        assertThat(hash.value()).matches("pbkdf2_sha256\\$1000\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{43}=");
        assertThat(hasher.verify(PASSWORD, hash)).isEqualTo(Verification.MATCH_NEEDS_REHASH);
        assertThat(hasher.verify("other password", hash)).isEqualTo(Verification.NO_MATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "$", "argon2", "argon2$", "argon2$argon2id", "argon2$$$$$", "bcrypt$2b$12$abc", "md5$salt$hash", "!unusable",
            "argon2$argon2x$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=18$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=99999999999,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=4194304,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=19456,t=100000,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=19456,t=2,p=255$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=19456,t=0,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=19456,t=2,p=0$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=4,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=-19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=+19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=019456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$t=2,m=19456,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=19456,t=2$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg==$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=19456,t=2,p=1$MDEy*zQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB_S2U1OhTsM0",
            "argon2$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZ$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=19456,t=2,p=1$$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0",
            "argon2$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$",
            "argon2$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0$extra",
            "pbkdf2_sha256$", "pbkdf2_sha256$870000", "pbkdf2_sha256$870000$Gq3zO5cMZ8q6L1aV",
            "pbkdf2_sha256$99999999999999999999$Gq3zO5cMZ8q6L1aV$U52Umh4AP9J088y9pNGlyPCnHRWj0b7Q3eG0BBIq5gY=",
            "pbkdf2_sha256$2000000000$Gq3zO5cMZ8q6L1aV$U52Umh4AP9J088y9pNGlyPCnHRWj0b7Q3eG0BBIq5gY=",
            "pbkdf2_sha256$0$Gq3zO5cMZ8q6L1aV$U52Umh4AP9J088y9pNGlyPCnHRWj0b7Q3eG0BBIq5gY=",
            "pbkdf2_sha256$-5$Gq3zO5cMZ8q6L1aV$U52Umh4AP9J088y9pNGlyPCnHRWj0b7Q3eG0BBIq5gY=",
            "pbkdf2_sha256$0870000$Gq3zO5cMZ8q6L1aV$U52Umh4AP9J088y9pNGlyPCnHRWj0b7Q3eG0BBIq5gY=",
            "pbkdf2_sha256$870000$$U52Umh4AP9J088y9pNGlyPCnHRWj0b7Q3eG0BBIq5gY=",
            "pbkdf2_sha256$870000$Gq3zO5cMZ8q6L1aV$U52Umh4AP9J088y9pNGlyPCnHRWj0b7Q3eG0BBIq5g",
            "pbkdf2_sha256$870000$Gq3zO5cMZ8q6L1aV$U52Umh4AP9J088y9pNGlyPCnHRWj0b7Q3eG0BBIq5gY=$",
            "pbkdf2_sha256$870000$Gq3zO5cMZ8q6L1aV$AAAA",
            "pbkdf2_sha256$870000$Gq3zO5cMZ8q6L1aV$not base64!",
            "pbkdf2_sha256$ 870000$Gq3zO5cMZ8q6L1aV$U52Umh4AP9J088y9pNGlyPCnHRWj0b7Q3eG0BBIq5gY=",
            "pbkdf2_sha256$８７００００$Gq3zO5cMZ8q6L1aV$U52Umh4AP9J088y9pNGlyPCnHRWj0b7Q3eG0BBIq5gY=",
    })
    void malformedHashesAreANoMatchLoggedOnceWithoutTheHash(String malformed) {
        assertThat(verify(PASSWORD, malformed)).isEqualTo(Verification.NO_MATCH);

        assertThat(logged).hasSize(1);
        String message = MessageFormat.format(logged.get(0).getMessage(), logged.get(0).getParameters());
        assertThat(message).contains("Unusable password hash");
        if (malformed.length() > 30) {
            assertThat(message).doesNotContain(malformed.substring(malformed.length() - 20));
        }
    }

    @Test
    void hugeHashesAndNullsAreANoMatch() {
        assertThat(verify(PASSWORD, "argon2$argon2id$v=19$m=19456,t=2,p=1$" + "A".repeat(100_000) + "$AAAA"))
                .isEqualTo(Verification.NO_MATCH);
        assertThat(hasher.verify(null, new PasswordHash(DJANGO_ARGON2))).isEqualTo(Verification.NO_MATCH);
        assertThat(hasher.verify(PASSWORD, null)).isEqualTo(Verification.NO_MATCH);
    }

    @Test
    void parametersOutsideTheBoundsAreRefusedAtConstruction() {
        assertThatThrownBy(() -> new DjangoPasswordHasher(19456, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DjangoPasswordHasher(19456, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DjangoPasswordHasher(7, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DjangoPasswordHasher(DjangoPasswordHasher.MAX_MEMORY_KIB + 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hashPbkdf2(PASSWORD, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void computesAtMostMaxConcurrentHashesAtOnce() throws Exception {
        DjangoPasswordHasher bounded = new DjangoPasswordHasher(DjangoPasswordHasher.DEFAULT_MEMORY_KIB,
                DjangoPasswordHasher.DEFAULT_ITERATIONS, DjangoPasswordHasher.DEFAULT_PARALLELISM, 2);
        assertThat(bounded.slots().availablePermits()).isEqualTo(2);
        bounded.slots().acquire(2); // both slots busy: the next hash must wait for one
        java.util.concurrent.atomic.AtomicReference<PasswordHash> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread waiter = new Thread(() -> result.set(bounded.hash(PASSWORD)));
        waiter.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!bounded.slots().hasQueuedThreads() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(bounded.slots().hasQueuedThreads()).isTrue();
        assertThat(result.get()).isNull();
        bounded.slots().release(2);
        waiter.join();
        assertThat(bounded.verify(PASSWORD, result.get())).isEqualTo(Verification.MATCH);
        assertThat(bounded.slots().availablePermits()).isEqualTo(2);
    }

    @Test
    void releasesItsSlotWhenVerifyingFailsAndRefusesAZeroBound() {
        DjangoPasswordHasher bounded = new DjangoPasswordHasher(64, 1, 1, 1);
        assertThat(bounded.verify("x", new PasswordHash("argon2$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$AAAA"))).isEqualTo(Verification.NO_MATCH);
        assertThat(bounded.verify(PASSWORD, bounded.hash(PASSWORD))).isEqualTo(Verification.MATCH);
        assertThat(bounded.slots().availablePermits()).isEqualTo(1);
        assertThatThrownBy(() -> new DjangoPasswordHasher(64, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
