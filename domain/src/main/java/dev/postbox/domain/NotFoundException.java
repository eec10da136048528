package dev.postbox.domain;

/** Something the request names does not exist (or must look as if it did not). */
public final class NotFoundException extends DomainException {
    public NotFoundException(String code, String message) {
        super(code, message, null);
    }

    /** No such user, or one the caller may not see (inactive): the same answer for both. */
    public static NotFoundException noSuchUser() {
        return new NotFoundException("user.not_found", "No such user.");
    }

    /** No such post, also for an id that is not a post id at all. */
    public static NotFoundException noSuchPost() {
        return new NotFoundException("post.not_found", "No such post.");
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}
