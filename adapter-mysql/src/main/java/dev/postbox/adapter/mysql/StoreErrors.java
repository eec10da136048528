package dev.postbox.adapter.mysql;

import dev.postbox.domain.StoreUnavailableException;
import org.jooq.exception.DataAccessException;

import java.sql.SQLException;

/** The one place where database failures become domain errors. */
final class StoreErrors {
    static final String STORE = "mysql";
    private static final int ER_DUP_ENTRY = 1062;

    private StoreErrors() {
    }

    static boolean isDuplicateKey(RuntimeException e) {
        SQLException sql = sqlCause(e);
        return sql != null && sql.getErrorCode() == ER_DUP_ENTRY;
    }

    /**
     * Anything the driver or the pool throws means the store cannot serve this call now: no
     * connection in time, a lost connection, a read-only or missing server. Inputs are validated
     * by the domain before they get here, so the user sees "try again" (503), never SQL.
     */
    static StoreUnavailableException unavailable(RuntimeException e) {
        return new StoreUnavailableException(STORE, e);
    }

    static boolean isStoreFailure(RuntimeException e) {
        return e instanceof DataAccessException || sqlCause(e) != null;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
