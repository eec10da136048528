package dev.postbox.ports.service;

import dev.postbox.domain.ConflictException;
import dev.postbox.domain.ForbiddenException;
import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.User;
import dev.postbox.domain.UserId;
import dev.postbox.domain.UserPage;
import dev.postbox.ports.in.ManageUsersUseCase;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.UnitOfWork;
import dev.postbox.ports.out.UserRepository;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/** The administrator's user management; superusers only. */
final class ManageUsersService implements ManageUsersUseCase {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final UnitOfWork unitOfWork;

    ManageUsersService(UserRepository users, SessionRepository sessions, UnitOfWork unitOfWork) {
        this.users = users;
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public UserPage listUsers(ListUsers query) {
        requireSuperuser(query.actor());
        Objects.requireNonNull(query.page(), "page");
        String prefix = query.usernamePrefix() == null ? ""
                : Normalizer.normalize(query.usernamePrefix().strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return users.list(prefix, query.after(), query.page());
    }

    @Override
    public User setActive(User actor, UserId target, boolean active) {
        requireSuperuser(actor);
        if (!active && actor.id().equals(target)) {
            throw new ConflictException("admin.self_deactivate", "You cannot deactivate your own account.");
        }
        return change(target, id -> {
            boolean found = users.setActive(id, active);
            if (found && !active) {
                sessions.deleteAllForUser(id);
            }
            return found;
        });
    }

    @Override
    public User setStaff(User actor, UserId target, boolean staff) {
        requireSuperuser(actor);
        return change(target, id -> users.setStaff(id, staff));
    }

    /** Applies a change that reports whether the user exists, and returns the user as stored after it. */
    private User change(UserId target, Predicate<UserId> update) {
        return unitOfWork.run(() -> {
            if (!update.test(target)) {
                throw NotFoundException.noSuchUser();
            }
            return users.findById(target).orElseThrow(NotFoundException::noSuchUser);
        });
    }

    private static void requireSuperuser(User actor) {
        if (actor == null || !actor.superuser() || !actor.active()) {
            throw new ForbiddenException("admin.forbidden", "Only administrators can do that.");
        }
    }
}
