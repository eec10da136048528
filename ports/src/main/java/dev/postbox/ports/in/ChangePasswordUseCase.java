package dev.postbox.ports.in;

import dev.postbox.domain.SessionToken;

/**
 * Change the password of the session's user. Ends every session of the user (all devices) and
 * returns a new one for the caller. Wrong current password: {@code password.wrong} on field
 * {@code old_password}; weak new one: the policy's violation on {@code new_password}.
 */
public interface ChangePasswordUseCase {
    record ChangePassword(SessionToken session, String oldPassword, String newPassword) {
        @Override
        public String toString() {
            return "ChangePassword[***]";
        }
    }

    LogInUseCase.LoggedIn changePassword(ChangePassword command);
}
