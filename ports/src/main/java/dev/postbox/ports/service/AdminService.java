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

/** The administrator's user management; superusers only. */
public final class AdminService implements ManageUsersUseCase {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final UnitOfWork unitOfWork;

    public AdminService(UserRepository users, SessionRepository sessions, UnitOfWork unitOfWork) {
        this.users = users;
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public UserPage listUsers(ListUsers query) {
        requireSuperuser(query.actor());
        PostService.checkLimit(query.limit());
        String prefix = query.usernamePrefix() == null ? ""
                : Normalizer.normalize(query.usernamePrefix().strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return users.list(prefix, query.after(), query.limit());
    }

    @Override
    public User setActive(User actor, UserId target, boolean active) {
        requireSuperuser(actor);
        if (!active && actor.id().equals(target)) {
            throw new ConflictException("admin.self_deactivate", "You cannot deactivate your own account.");
        }
        return unitOfWork.run(() -> {
            if (!users.setActive(target, active)) {
                throw userNotFound();
            }
            if (!active) {
                sessions.deleteAllForUser(target);
            }
            return users.findById(target).orElseThrow(AdminService::userNotFound);
        });
    }

    @Override
    public User setStaff(User actor, UserId target, boolean staff) {
        requireSuperuser(actor);
        return unitOfWork.run(() -> {
            if (!users.setStaff(target, staff)) {
                throw userNotFound();
            }
            return users.findById(target).orElseThrow(AdminService::userNotFound);
        });
    }

    private static void requireSuperuser(User actor) {
        if (actor == null || !actor.superuser() || !actor.active()) {
            throw new ForbiddenException("admin.forbidden", "Only administrators can do that.");
        }
    }

    private static NotFoundException userNotFound() {
        return new NotFoundException("user.not_found", "No such user.");
    }
}
