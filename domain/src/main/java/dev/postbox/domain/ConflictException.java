package dev.postbox.domain;

public final class ConflictException extends DomainException {
    public ConflictException(String code, String message) {
        super(code, message, null);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}
