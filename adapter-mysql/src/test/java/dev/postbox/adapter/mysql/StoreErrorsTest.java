package dev.postbox.adapter.mysql;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreErrorsTest {
    private static RuntimeException fromJooq(SQLException cause) {
        return new DataAccessException("SQL [insert ...]", cause);
    }

    @Test
    void connectionAndServerTroubleIsAStoreFailure() {
        assertThat(StoreErrors.isStoreFailure(fromJooq(new SQLTransientConnectionException("pool timeout", "08001")))).isTrue();
        assertThat(StoreErrors.isStoreFailure(fromJooq(new SQLException("read-only", "HY000", 1290)))).isTrue();
        assertThat(StoreErrors.isStoreFailure(fromJooq(new SQLException("deadlock", "40001", 1213)))).isTrue();
        assertThat(StoreErrors.isStoreFailure(new DataAccessException("no SQL cause"))).isTrue();
    }

    @Test
    void refusedDataIsABugNotAnOutage() {
        assertThat(StoreErrors.isStoreFailure(fromJooq(new SQLException("Data too long for column", "22001", 1406)))).isFalse();
        assertThat(StoreErrors.isStoreFailure(fromJooq(new SQLException("Column cannot be null", "23000", 1048)))).isFalse();
        assertThat(StoreErrors.isStoreFailure(new IllegalStateException("not from the store"))).isFalse();
    }

    @Test
    void aDuplicateKeyIsRecognised() {
        assertThat(StoreErrors.isDuplicateKey(fromJooq(new SQLException("Duplicate entry", "23000", 1062)))).isTrue();
        assertThat(StoreErrors.isDuplicateKey(fromJooq(new SQLException("Data too long", "22001", 1406)))).isFalse();
    }
}
