package dev.postbox.adapter.mysql;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import java.lang.reflect.Method;

/**
 * Runs each test method as one unit of work of the shared split storage, as a request would
 * run one use case: reads that follow the test's own writes must then see them.
 */
public final class InUnitOfWork implements InvocationInterceptor {
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        MariaDbPair pair = MariaDbPair.Extension.of(extensionContext);
        Throwable[] failure = new Throwable[1];
        pair.sharedSplitStorage().unitOfWork().run(() -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                failure[0] = t;
            }
            return null;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
