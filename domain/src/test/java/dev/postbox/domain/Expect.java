package dev.postbox.domain;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Asserts the exact error a rule produces: its field, stable code and message. */
final class Expect {
    private Expect() {
    }

    static InvalidInputException invalid(ThrowingCallable call, String field, String code, String message) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.field()).contains(field);
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
        assertThat(e.violations()).containsExactly(new InvalidInputException.Violation(field, code, message));
        return e;
    }
}
