package dev.postbox.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserTest {
    private static final Instant JOINED = Instant.parse("2024-05-06T07:08:09.123Z");
    private final NewUser draft = new NewUser(new Username("Alice"), new Email("alice@example.org"),
            new PasswordHash("argon2$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"), false, true, true, JOINED);

    @Test
    void aNewUserGetsItsIdAndNoLastLogin() {
        User user = draft.withId(new UserId(42));

        assertThat(user).isEqualTo(new User(new UserId(42), draft.username(), draft.email(), draft.passwordHash(),
                false, true, true, JOINED, null));
        assertThat(user.lastLoginTime()).isEmpty();
    }

    @Test
    void withersChangeOneFieldAndLeaveTheOriginalAlone() {
        User user = draft.withId(new UserId(1));
        Instant login = JOINED.plusSeconds(60);
        PasswordHash other = new PasswordHash("pbkdf2_sha256$1$s$h");

        assertThat(user.withLastLogin(login).lastLoginTime()).contains(login);
        assertThat(user.withPasswordHash(other).passwordHash()).isEqualTo(other);
        assertThat(user.withActive(false).active()).isFalse();
        assertThat(user.withStaff(false).staff()).isFalse();
        assertThat(user.withStaff(false).withStaff(true)).isEqualTo(user);
        assertThat(user.lastLoginTime()).isEmpty();
        assertThat(user.withLastLogin(login).withActive(false).withPasswordHash(other))
                .isEqualTo(new User(user.id(), user.username(), user.email(), other, false, true, false, JOINED, login));
    }

    @Test
    void requiredFieldsAreRequired() {
        assertThatThrownBy(() -> new NewUser(null, draft.email(), draft.passwordHash(), false, false, true, JOINED))
                .isInstanceOf(NullPointerException.class).hasMessage("username");
        assertThatThrownBy(() -> new NewUser(draft.username(), null, draft.passwordHash(), false, false, true, JOINED))
                .isInstanceOf(NullPointerException.class).hasMessage("email");
        assertThatThrownBy(() -> new NewUser(draft.username(), draft.email(), null, false, false, true, JOINED))
                .isInstanceOf(NullPointerException.class).hasMessage("passwordHash");
        assertThatThrownBy(() -> new NewUser(draft.username(), draft.email(), draft.passwordHash(), false, false, true, null))
                .isInstanceOf(NullPointerException.class).hasMessage("dateJoined");
        assertThatThrownBy(() -> new User(null, draft.username(), draft.email(), draft.passwordHash(), false, false, true, JOINED, null))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
    }

    @Test
    void userIdsArePositive() {
        assertThat(new UserId(1).value()).isEqualTo(1);
        assertThat(new UserId(Long.MAX_VALUE).toString()).isEqualTo(Long.toString(Long.MAX_VALUE));
        assertThatThrownBy(() -> new UserId(0)).isInstanceOf(IllegalArgumentException.class).hasMessage("user ids are positive");
        assertThatThrownBy(() -> new UserId(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordHashesNameTheirAlgorithmButNeverPrintTheHash() {
        PasswordHash argon = new PasswordHash("argon2$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$c2VjcmV0aGFzaA");

        assertThat(argon.algorithm()).isEqualTo("argon2");
        assertThat(argon.toString()).isEqualTo("PasswordHash[argon2$***]").doesNotContain("c2VjcmV0aGFzaA");
        assertThat(new PasswordHash("pbkdf2_sha256$1$a$b").algorithm()).isEqualTo("pbkdf2_sha256");
        assertThat(new PasswordHash("!unusable").algorithm()).isEmpty();
        assertThatThrownBy(() -> new PasswordHash(null)).isInstanceOf(NullPointerException.class);
        assertThat(draft.withId(new UserId(3)).toString()).doesNotContain("aGFzaA");
    }
}
