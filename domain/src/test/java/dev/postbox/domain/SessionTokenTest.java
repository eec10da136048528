package dev.postbox.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SessionTokenTest {
    @Test
    void randomTokensAre43Base64UrlCharactersAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String text = SessionToken.random().reveal();
            assertThat(text).matches("[A-Za-z0-9_-]{43}");
            seen.add(text);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void parseRoundTripsAndTheHashIsSha256Hex() {
        SessionToken token = SessionToken.random();
        SessionToken parsed = SessionToken.parse(token.reveal());

        assertThat(parsed).isEqualTo(token).hasSameHashCodeAs(token);
        assertThat(parsed.hash()).isEqualTo(token.hash());
        // sha256("A" * 43) computed with Python's hashlib
        assertThat(SessionToken.parse("A".repeat(43)).hash().hex()).isEqualTo("0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a");
        assertThat(SessionToken.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ", "ÄAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void malformedTokensAreNotAuthenticated(String text) {
        NotAuthenticatedException e = catchThrowableOfType(NotAuthenticatedException.class, () -> SessionToken.parse(text));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo("session.invalid");
        assertThat(e.getMessage()).isEqualTo("Your session is not valid; please log in.");
        assertThat(e.kind()).isEqualTo(ErrorKind.NOT_AUTHENTICATED);
    }

    @Test
    void toStringNeverShowsTheToken() {
        SessionToken token = SessionToken.random();

        assertThat(token.toString()).isEqualTo("SessionToken[***]");
        assertThat(token.hash().toString()).isEqualTo("SessionTokenHash[" + token.hash().hex().substring(0, 8) + "…]");
    }

    @Test
    void hashesAre64LowerCaseHexDigits() {
        assertThat(new SessionTokenHash("0".repeat(64)).hex()).hasSize(64);
        for (String bad : new String[] {null, "", "0".repeat(63), "0".repeat(65), "A".repeat(64), "g".repeat(64)}) {
            assertThatThrownBy(() -> new SessionTokenHash(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a session token hash is 64 lower-case hex digits");
        }
    }
}
