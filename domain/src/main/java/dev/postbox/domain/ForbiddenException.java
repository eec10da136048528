package dev.postbox.domain;

public final class ForbiddenException extends DomainException {
    public ForbiddenException(String code, String message) {
        super(code, message, null);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.FORBIDDEN;
    }
}
