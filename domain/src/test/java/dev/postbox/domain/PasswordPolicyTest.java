package dev.postbox.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {
    private final PasswordPolicy policy = PasswordPolicy.standard();
    private final Username alice = new Username("alice");

    @Test
    void shipsDjangosCommonPasswordList() {
        assertThat(policy.commonCount()).isGreaterThanOrEqualTo(10_000);
        assertThat(PasswordPolicy.standard()).isSameAs(policy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "Tr0ub4dor&3xyz", "twelve chars", "ñandú-über-straße", "😀😀😀😀😀😀😀😀😀😀😀😀"})
    void acceptsLongUncommonPasswords(String password) {
        assertThatCode(() -> policy.check(password, alice)).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(password, null)).doesNotThrowAnyException();
    }

    @Test
    void requiresAPassword() {
        Expect.invalid(() -> policy.check(null, alice), "password", "password.required", "Enter a password.");
        Expect.invalid(() -> policy.check("", alice), "password", "password.required", "Enter a password.");
    }

    @Test
    void needsAtLeast12CodePoints() {
        String tooShort = "This password is too short. It must contain at least 12 characters.";
        Expect.invalid(() -> policy.check("elevenchars", alice), "password", "password.too_short", tooShort);
        // 11 emoji are 22 chars but 11 code points
        Expect.invalid(() -> policy.check("😀".repeat(11), alice), "password", "password.too_short", tooShort);
        assertThatCode(() -> policy.check("x7".repeat(6), alice)).doesNotThrowAnyException();
    }

    @Test
    void allowsAtMost4096CodePoints() {
        assertThatCode(() -> policy.check("ab".repeat(2048), alice)).doesNotThrowAnyException();
        Expect.invalid(() -> policy.check("ab".repeat(2048) + "c", alice), "password", "password.too_long",
                "Passwords are at most 4096 characters.");
    }

    @Test
    void mustNotBeTheUsernameInAnyCase() {
        Username longName = new Username("Bartholomew.Simpson");
        String message = "The password must not be the username.";

        Expect.invalid(() -> policy.check("Bartholomew.Simpson", longName), "password", "password.is_username", message);
        Expect.invalid(() -> policy.check("bartholomew.simpson", longName), "password", "password.is_username", message);
        Expect.invalid(() -> policy.check(" BARTHOLOMEW.SIMPSON ", longName), "password", "password.is_username", message);
        assertThatCode(() -> policy.check("Bartholomew.Simpson1", longName)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "Password1234", " supernatural ", "123qwe123qwe", "1q2w3e4r5t6y7u8i9o"})
    void refusesCommonPasswordsIgnoringCaseAndSurroundingSpace(String password) {
        Expect.invalid(() -> policy.check(password, alice), "password", "password.too_common", "This password is too common.");
    }
}
