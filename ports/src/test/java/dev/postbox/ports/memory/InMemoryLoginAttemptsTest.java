package dev.postbox.ports.memory;

import dev.postbox.ports.contract.LoginAttemptsContract;
import dev.postbox.ports.out.LoginAttempts;

class InMemoryLoginAttemptsTest extends LoginAttemptsContract {
    private static final InMemoryLoginAttempts STORE = new InMemoryLoginAttempts();

    @Override
    protected LoginAttempts repository() {
        return STORE;
    }
}
