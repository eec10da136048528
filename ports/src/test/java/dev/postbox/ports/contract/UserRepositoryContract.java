package dev.postbox.ports.contract;

import dev.postbox.domain.ConflictException;
import dev.postbox.domain.Email;
import dev.postbox.domain.NewUser;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.User;
import dev.postbox.domain.UserId;
import dev.postbox.domain.UserPage;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static dev.postbox.ports.contract.Fixtures.THREADS;
import static dev.postbox.ports.contract.Fixtures.concurrently;
import static dev.postbox.ports.contract.Fixtures.newUser;
import static dev.postbox.ports.contract.Fixtures.now;
import static dev.postbox.ports.contract.Fixtures.random;
import static dev.postbox.ports.contract.Fixtures.username;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link UserRepository} must do. Extend it and return the repository under test;
 * it may be one shared instance over a store that already holds data, since every test makes
 * its own random usernames. A page holds at most its {@link PageRequest#size()} and points at the
 * next one exactly when there are more users.
 */
public abstract class UserRepositoryContract {
    private UserRepository users;

    /** The repository under test; called before every test. */
    protected abstract UserRepository repository();

    @BeforeEach
    void obtainRepository() {
        users = repository();
    }

    @Test
    void insertAssignsAnIdAndStoresEveryField() {
        Instant joined = now().minusSeconds(3600);
        NewUser draft = new NewUser(username("Ins"), new Email("Someone+" + random() + "@Example.ORG"),
                new PasswordHash("argon2$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + random()), true, true, false, joined);

        User stored = users.insert(draft);

        assertThat(stored.id()).isNotNull();
        assertThat(stored).isEqualTo(draft.withId(stored.id()));
        assertThat(stored.lastLoginTime()).isEmpty();
        assertThat(users.findById(stored.id())).contains(stored);
        assertThat(users.findByUsername(draft.username())).contains(stored);
    }

    @Test
    void eachUserGetsItsOwnId() {
        User a = users.insert(newUser(username("ida")));
        User b = users.insert(newUser(username("idb")));

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(users.findById(a.id()).map(User::username)).contains(a.username());
        assertThat(users.findById(b.id()).map(User::username)).contains(b.username());
    }

    @Test
    void findByUsernameIgnoresCaseAndKeepsTheNameAsWritten() {
        Username written = new Username("MiXeD.Case_" + random().toUpperCase(Locale.ROOT));
        User stored = users.insert(newUser(written));

        for (String variant : List.of(written.value(), written.value().toLowerCase(Locale.ROOT), written.value().toUpperCase(Locale.ROOT))) {
            assertThat(users.findByUsername(new Username(variant))).as(variant).contains(stored);
        }
        assertThat(users.findByUsername(new Username(written.value().toLowerCase(Locale.ROOT))).orElseThrow().username().value())
                .isEqualTo(written.value());
    }

    @Test
    void theLongestUsernameIsStoredEvenWhenItsLowerCaseIsLonger() {
        // "İ" lower-cases to "i" plus a combining dot: 150 characters become a 300-character key
        String suffix = random();
        String dotted = "İ".repeat(Username.MAX_LENGTH - suffix.length());
        Username longest = new Username(dotted + suffix);
        assertThat(longest.canonical().codePointCount(0, longest.canonical().length())).isGreaterThan(Username.MAX_LENGTH);

        User stored = users.insert(new NewUser(longest, new Email("long" + random() + "@example.org"),
                new PasswordHash("argon2$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + random()), false, false, true, now()));

        Username otherCase = new Username(dotted + suffix.toUpperCase(Locale.ROOT));
        assertThat(users.findByUsername(longest)).contains(stored);
        assertThat(users.findByUsername(otherCase)).contains(stored);
        assertThatThrownBy(() -> users.insert(new NewUser(otherCase, new Email("long" + random() + "@example.org"),
                stored.passwordHash(), false, false, true, now()))).isInstanceOf(ConflictException.class);
    }

    @Test
    void duplicateUsernameInAnyCaseIsRefusedAndNothingIsOverwritten() {
        String base = "Dup" + random();
        User original = users.insert(newUser(new Username(base)));

        for (String variant : List.of(base, base.toLowerCase(Locale.ROOT), base.toUpperCase(Locale.ROOT), "dUP" + base.substring(3))) {
            NewUser intruder = new NewUser(new Username(variant), new Email("intruder@example.org"),
                    new PasswordHash("pbkdf2_sha256$1$x$intruder"), true, true, true, now());
            assertThatThrownBy(() -> users.insert(intruder))
                    .as(variant)
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("username.taken"));
        }

        assertThat(users.findByUsername(new Username(base))).contains(original);
        assertThat(users.findById(original.id())).contains(original);
    }

    @Test
    void unknownUsersAreNotFoundAndUpdatesReportThat() {
        UserId missing = missingId();

        assertThat(users.findById(missing)).isEmpty();
        assertThat(users.findByUsername(username("ghost"))).isEmpty();
        assertThat(users.updatePassword(missing, new PasswordHash("pbkdf2_sha256$1$a$b"))).isFalse();
        assertThat(users.recordLogin(missing, now())).isFalse();
        assertThat(users.setActive(missing, false)).isFalse();
        assertThat(users.setStaff(missing, true)).isFalse();
        assertThat(users.findById(missing)).isEmpty();
    }

    @Test
    void updatePasswordIsPersistedForThatUserOnly() {
        User alice = users.insert(newUser(username("pwa")));
        User bob = users.insert(newUser(username("pwb")));
        PasswordHash fresh = new PasswordHash("argon2$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$" + random());

        assertThat(users.updatePassword(alice.id(), fresh)).isTrue();

        assertThat(users.findById(alice.id())).contains(alice.withPasswordHash(fresh));
        assertThat(users.findById(bob.id())).contains(bob);
    }

    @Test
    void recordLoginIsPersistedAtMillisecondPrecision() {
        User user = users.insert(newUser(username("login")));
        Instant first = now().minusSeconds(60);
        Instant second = now();

        assertThat(users.recordLogin(user.id(), first)).isTrue();
        assertThat(users.findById(user.id()).orElseThrow().lastLoginTime()).contains(first);
        assertThat(users.recordLogin(user.id(), second)).isTrue();
        assertThat(users.findById(user.id())).contains(user.withLastLogin(second));
    }

    @Test
    void setActiveAndSetStaffArePersisted() {
        User user = users.insert(newUser(username("flags")));
        User other = users.insert(newUser(username("other")));

        assertThat(users.setActive(user.id(), false)).isTrue();
        assertThat(users.findById(user.id())).contains(user.withActive(false));
        assertThat(users.setStaff(user.id(), true)).isTrue();
        assertThat(users.findById(user.id())).contains(user.withActive(false).withStaff(true));
        assertThat(users.setActive(user.id(), true)).isTrue();
        assertThat(users.setStaff(user.id(), false)).isTrue();
        assertThat(users.findByUsername(user.username())).contains(user);
        assertThat(users.findById(other.id())).contains(other);
    }

    @Test
    void settingAFlagToItsCurrentValueStillFindsTheUser() {
        // MySQL reports 0 "affected rows" for an update that changes nothing; that is not "no such user"
        User user = users.insert(newUser(username("same")));

        assertThat(users.setActive(user.id(), true)).isTrue();
        assertThat(users.setStaff(user.id(), false)).isTrue();
        assertThat(users.updatePassword(user.id(), user.passwordHash())).isTrue();
        assertThat(users.findById(user.id())).contains(user);
    }

    @Test
    void unicodeUsernamesOfTheMaximumLengthRoundTrip() {
        // 150 code points: accented Latin, Greek, Cyrillic, CJK (one outside the BMP), Hebrew, Arabic
        String letters = "ÄöüÉèÇñ" + "ΩμέγαΣ" + "ЖЁжё" + "漢字" + new String(Character.toChars(0x20000)) + "שלום" + "مرحبا";
        String name = letters + random();
        StringBuilder padded = new StringBuilder(name);
        while (padded.codePointCount(0, padded.length()) < Username.MAX_LENGTH) {
            padded.append("ø");
        }
        Username username = new Username(padded.toString());
        assertThat(username.value().codePointCount(0, username.value().length())).isEqualTo(Username.MAX_LENGTH);
        NewUser draft = new NewUser(username, new Email("jörg.müller+" + random() + "@example.org"),
                Fixtures.hash("ünïcödé"), false, false, true, now());

        User stored = users.insert(draft);

        assertThat(users.findById(stored.id())).contains(draft.withId(stored.id()));
        assertThat(users.findByUsername(new Username(username.value().toUpperCase(Locale.ROOT)))).contains(stored);
        assertThatThrownBy(() -> users.insert(newUser(new Username(username.value().toLowerCase(Locale.ROOT)))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("username.taken"));
    }

    @Test
    void sixteenThreadsInsertingDistinctNamesAllSucceed() throws InterruptedException {
        String base = "par" + random();
        List<Callable<User>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Username name = new Username(base + "t" + i);
            tasks.add(() -> users.insert(newUser(name)));
        }

        List<Fixtures.Outcome<User>> outcomes = concurrently(tasks);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        Set<UserId> ids = new HashSet<>();
        for (Fixtures.Outcome<User> outcome : outcomes) {
            ids.add(outcome.value().id());
            assertThat(users.findByUsername(outcome.value().username())).contains(outcome.value());
        }
        assertThat(ids).hasSize(THREADS);
    }

    @Test
    void sixteenThreadsInsertingTheSameNameInDifferentCasesExactlyOneWins() throws InterruptedException {
        String base = "race" + random();
        List<Callable<User>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            // every thread spells the same name with a different upper/lower-case pattern
            StringBuilder variant = new StringBuilder(base);
            for (int bit = 0; bit < 4; bit++) {
                if ((i & (1 << bit)) != 0) {
                    variant.setCharAt(bit, Character.toUpperCase(variant.charAt(bit)));
                }
            }
            Username name = new Username(variant.toString());
            tasks.add(() -> users.insert(newUser(name)));
        }

        List<Fixtures.Outcome<User>> outcomes = concurrently(tasks);

        List<User> winners = outcomes.stream().filter(Fixtures.Outcome::succeeded).map(Fixtures.Outcome::value).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Fixtures.Outcome::failure))
                .hasSize(THREADS - 1)
                .allSatisfy(f -> assertThat(f).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("username.taken")));
        assertThat(users.findByUsername(new Username(base))).contains(winners.get(0));
    }

    @Test
    void listPagesThroughAPrefixInCanonicalOrder() {
        String prefix = "lst" + random();
        List<String> suffixes = List.of("b", "A", "c.d", "C", "e", "F", "g@h", "h+i", "i-j", "J_k", "00", "9",
                // canonical order is by code unit (a binary collation): + - . @ _ sort before letters
                "k.l", "k_l", "KL", "k-l", "k+l", "k@l");
        List<User> created = new ArrayList<>();
        for (String suffix : suffixes) {
            created.add(users.insert(newUser(new Username(prefix.toUpperCase(Locale.ROOT) + suffix))));
        }
        users.insert(newUser(new Username(prefix.substring(0, prefix.length() - 1) + "_other")));
        users.insert(newUser(new Username("z" + prefix)));
        List<User> expected = created.stream().sorted(Comparator.comparing(u -> u.username().canonical())).toList();

        List<User> seen = new ArrayList<>();
        Optional<String> after = Optional.empty();
        int pages = 0;
        do {
            UserPage page = users.list(prefix, after, new PageRequest(5));
            assertThat(page.users()).hasSizeLessThanOrEqualTo(5);
            if (page.users().size() < 5) {
                assertThat(page.after()).as("a short page is the last one").isEmpty();
            }
            page.after().ifPresent(cursor ->
                    assertThat(cursor).isEqualTo(page.users().get(page.users().size() - 1).username().canonical()));
            seen.addAll(page.users());
            after = page.after();
            pages++;
        } while (after.isPresent() && pages < 10);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).as("no empty page after the last one").isEqualTo((expected.size() + 4) / 5);
    }

    @Test
    void listStartsStrictlyAfterTheCursor() {
        String prefix = "aft" + random();
        for (String suffix : List.of("a", "b", "c", "d")) {
            users.insert(newUser(new Username(prefix + suffix)));
        }

        UserPage page = users.list(prefix, Optional.of(prefix + "b"), new PageRequest(10));

        assertThat(page.users()).extracting(u -> u.username().value()).containsExactly(prefix + "c", prefix + "d");
        assertThat(page.after()).isEmpty();
        assertThat(users.list(prefix, Optional.of(prefix + "bb"), new PageRequest(10)).users()).hasSize(2);
        assertThat(users.list(prefix, Optional.of(prefix + "d"), new PageRequest(10)).users()).isEmpty();
    }

    @Test
    void listPrefixIsLiteralNotAPattern() {
        // '_' is allowed in usernames and is a LIKE wildcard; '%' never appears in one
        String token = random();
        User underscore = users.insert(newUser(new Username("lk" + token + "_x")));
        users.insert(newUser(new Username("lk" + token + "ax")));
        users.insert(newUser(new Username("x" + token + "y")));

        assertThat(users.list("lk" + token + "_", Optional.empty(), new PageRequest(10)).users()).containsExactly(underscore);
        assertThat(users.list("%" + token, Optional.empty(), new PageRequest(10)).users()).isEmpty();
        assertThat(users.list("_k" + token, Optional.empty(), new PageRequest(10)).users()).isEmpty();
    }

    @Test
    void listWithAnEmptyPrefixReturnsAFullPageOfUsersInOrder() {
        for (int i = 0; i < 3; i++) {
            users.insert(newUser(username("all")));
        }

        UserPage page = users.list("", Optional.empty(), new PageRequest(3));

        assertThat(page.users()).hasSize(3);
        assertThat(page.users()).extracting(u -> u.username().canonical()).isSorted();
    }

    @Test
    void aPagePointsAtTheNextExactlyWhenThereAreMoreUsers() {
        String prefix = "lim" + random();
        for (int i = 0; i < 3; i++) {
            users.insert(newUser(new Username(prefix + i)));
        }

        assertThat(users.list(prefix, Optional.empty(), new PageRequest(1)).users()).hasSize(1);
        assertThat(users.list(prefix, Optional.empty(), new PageRequest(1)).after()).contains(prefix + "0");
        assertThat(users.list(prefix, Optional.empty(), new PageRequest(2)).after()).contains(prefix + "1");
        assertThat(users.list(prefix, Optional.empty(), new PageRequest(3)).after()).as("exactly full: no more").isEmpty();
        assertThat(users.list(prefix, Optional.empty(), PageRequest.MAX).users()).hasSize(3);
    }

    private static UserId missingId() {
        // far above any auto-increment value a test store reaches
        return new UserId(ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE));
    }
}
