package dev.postbox.domain;

public final class NotAuthenticatedException extends DomainException {
    public NotAuthenticatedException(String code, String message) {
        super(code, message, null);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_AUTHENTICATED;
    }
}
