package dev.postbox.domain;

/**
 * A store could not be reached or did not answer in time. The message names the store, never
 * connection strings or credentials; the cause keeps the technical detail for the logs.
 */
public final class StoreUnavailableException extends DomainException {
    public StoreUnavailableException(String store, Throwable cause) {
        super("store.unavailable", "The " + store + " store is unavailable; try again shortly.", cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNAVAILABLE;
    }
}
