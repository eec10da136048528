package dev.postbox.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainExceptionTest {
    @Test
    void eachSubclassHasItsKind() {
        assertThat(new InvalidInputException("f", "x.y", "m").kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        assertThat(new NotAuthenticatedException("a", "m").kind()).isEqualTo(ErrorKind.NOT_AUTHENTICATED);
        assertThat(new ForbiddenException("a", "m").kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(new NotFoundException("a", "m").kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(new ConflictException("a", "m").kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(new ThrottledException("a", "m", Duration.ofSeconds(30)).kind()).isEqualTo(ErrorKind.THROTTLED);
        assertThat(new StoreUnavailableException("posts", new IOException("x")).kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    }

    @Test
    void notFoundHasOneWordingPerThing() {
        assertThat(NotFoundException.noSuchUser()).extracting(NotFoundException::code, Throwable::getMessage)
                .containsExactly("user.not_found", "No such user.");
        assertThat(NotFoundException.noSuchPost()).extracting(NotFoundException::code, Throwable::getMessage)
                .containsExactly("post.not_found", "No such post.");
    }

    @Test
    void exitCodesFollowSysexits() {
        assertThat(ErrorKind.INVALID_INPUT.exitCode()).isEqualTo(65);
        assertThat(ErrorKind.NOT_AUTHENTICATED.exitCode()).isEqualTo(77);
        assertThat(ErrorKind.FORBIDDEN.exitCode()).isEqualTo(77);
        assertThat(ErrorKind.NOT_FOUND.exitCode()).isEqualTo(66);
        assertThat(ErrorKind.CONFLICT.exitCode()).isEqualTo(73);
        assertThat(ErrorKind.THROTTLED.exitCode()).isEqualTo(75);
        assertThat(ErrorKind.UNAVAILABLE.exitCode()).isEqualTo(69);
    }

    @Test
    void userErrorsAreCheapButStoreErrorsKeepTheirCause() {
        ConflictException conflict = new ConflictException("username.taken", "A user with that username already exists.");
        IOException cause = new IOException("connection refused to 10.0.0.1:3306 user=root");
        StoreUnavailableException down = new StoreUnavailableException("user", cause);

        assertThat(conflict.getStackTrace()).isEmpty();
        assertThat(conflict.code()).isEqualTo("username.taken");
        assertThat(conflict.field()).isEmpty();
        assertThat(down.code()).isEqualTo("store.unavailable");
        assertThat(down.getMessage()).isEqualTo("The user store is unavailable; try again shortly.").doesNotContain("10.0.0.1");
        assertThat(down.getCause()).isSameAs(cause);
        assertThat(down.getStackTrace()).isNotEmpty();
    }

    @Test
    void invalidInputCarriesEveryViolationAndLeadsWithTheFirst() {
        InvalidInputException e = new InvalidInputException(List.of(
                new InvalidInputException.Violation("username", "username.invalid", "bad name"),
                new InvalidInputException.Violation("password", "password.too_short", "short")));

        assertThat(e.code()).isEqualTo("username.invalid");
        assertThat(e.getMessage()).isEqualTo("bad name");
        assertThat(e.field()).contains("username");
        assertThat(e.violations()).hasSize(2);
        assertThatThrownBy(() -> new InvalidInputException(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConflictException(null, "m")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void throttledSaysWhenToRetry() {
        assertThat(new ThrottledException("login.throttled", "Too many attempts.", Duration.ofMinutes(1)).retryAfter())
                .isEqualTo(Duration.ofMinutes(1));
    }
}
