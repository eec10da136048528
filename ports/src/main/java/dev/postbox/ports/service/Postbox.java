package dev.postbox.ports.service;

import dev.postbox.domain.PasswordPolicy;
import dev.postbox.domain.SessionPolicy;
import dev.postbox.ports.out.IdGenerator;
import dev.postbox.ports.out.PasswordHasher;
import dev.postbox.ports.out.PostRepository;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.UnitOfWork;
import dev.postbox.ports.out.UserRepository;

import java.time.Clock;
import java.util.Objects;

/**
 * The application core in one object: every use case, built over the driven ports you give it.
 * Embedders and the launcher make one of these; adapters take the use cases from it.
 */
public final class Postbox {
    /** The driven ports a store (or several) provides. */
    public record Storage(UserRepository users, SessionRepository sessions, PostRepository posts, UnitOfWork unitOfWork) {
        public Storage {
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(posts, "posts");
            Objects.requireNonNull(unitOfWork, "unitOfWork");
        }
    }

    private final AccountService accounts;
    private final PostService posts;
    private final AdminService admin;

    public Postbox(Storage storage, PasswordHasher hasher, IdGenerator ids, Clock clock, SessionPolicy sessionPolicy) {
        this.accounts = new AccountService(storage.users(), storage.sessions(), hasher, ids, clock,
                sessionPolicy, PasswordPolicy.standard(), storage.unitOfWork());
        this.posts = new PostService(storage.posts(), storage.users(), ids, storage.unitOfWork());
        this.admin = new AdminService(storage.users(), storage.sessions(), storage.unitOfWork());
    }

    /** Sign-up, log in/out, session resolution, password change, createsuperuser. */
    public AccountService accounts() {
        return accounts;
    }

    /** Create, list and delete posts. */
    public PostService posts() {
        return posts;
    }

    /** User administration. */
    public AdminService admin() {
        return admin;
    }
}
