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
     * A store failure means the store cannot serve this call now: no connection in time, a lost
     * connection, a read-only or missing server. The user sees "try again" (503), never SQL.
     */
    static StoreUnavailableException unavailable(RuntimeException e) {
        return new StoreUnavailableException(STORE, e);
    }

    /**
     * True unless the server refused the statement's data (SQLSTATE class 22, such as "Data too
     * long", or 23, a constraint): that is a bug in Postbox, which the same call would hit again.
     * It goes up as it is, to be logged and answered 500, instead of a 503 that invites a retry and
     * reads as an outage; and it does not mark the replica failed.
     */
    static boolean isStoreFailure(RuntimeException e) {
        SQLException sql = sqlCause(e);
        if (sql != null && refusedData(sql.getSQLState())) {
            return false;
        }
        return e instanceof DataAccessException || sql != null;
    }

    private static boolean refusedData(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"));
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
