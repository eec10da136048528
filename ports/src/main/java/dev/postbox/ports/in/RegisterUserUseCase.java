package dev.postbox.ports.in;

import dev.postbox.domain.User;

/**
 * Sign up. Every rule broken is reported at once (one violation per field) as an
 * {@link dev.postbox.domain.InvalidInputException}; a taken username (any letter case) is a
 * {@link dev.postbox.domain.ConflictException} with code {@code username.taken}.
 */
public interface RegisterUserUseCase {
    record RegisterUser(String username, String email, String password) {
        @Override
        public String toString() {
            return "RegisterUser[" + username + "]";
        }
    }

    User register(RegisterUser command);
}
