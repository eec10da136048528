package dev.postbox.adapter.http;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SelectMethod;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The security regression suite: one nested suite per threat, each selecting the real tests that
 * defend against it where they live (this module's tests and the ports test-jar). It runs in every
 * build like any other {@code *Test}, so those tests run twice there (once in their own class, once
 * here, reported per threat); alone:
 * {@code ./mvnw -B -ntp -pl adapter-http -am test -Dtest=SecurityRegressionTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * A selected test that is renamed or removed fails the suite's discovery, and a threat left with
 * no test fails it too ({@code failIfNoTests}). The stores' own defences run against real servers
 * in their adapters' integration tests, outside this module's class path: SQL metacharacters in
 * adapter-mysql's {@code UserInputIT}, CQL metacharacters in adapter-cassandra's
 * {@code ContentRoundTripIT}, brute force across two instances on MariaDB in adapter-mysql's
 * {@code SharedLoginThrottleIT}.
 */
@Suite
@SuiteDisplayName("Security regression suite")
@SelectClasses({
        SecurityRegressionTest.SessionFixation.class,
        SecurityRegressionTest.CrossSiteRequestForgery.class,
        SecurityRegressionTest.OpenRedirect.class,
        SecurityRegressionTest.CrossSiteScripting.class,
        SecurityRegressionTest.Clickjacking.class,
        SecurityRegressionTest.CookieFlags.class,
        SecurityRegressionTest.UserEnumerationByMessage.class,
        SecurityRegressionTest.UserEnumerationByTiming.class,
        SecurityRegressionTest.BruteForce.class,
        SecurityRegressionTest.OversizedAndMalformedInput.class,
        SecurityRegressionTest.SqlAndCqlMetacharacters.class,
        SecurityRegressionTest.SecretsInLogsMetricsAndErrorPages.class})
class SecurityRegressionTest {
    private static final String USERS_IN_MEMORY = "dev.postbox.ports.memory.InMemoryUserRepositoryTest";
    private static final String LOGIN_THROTTLE = "dev.postbox.ports.service.LoginThrottleTest";

    @Suite
    @SuiteDisplayName("session fixation")
    @SelectMethod(type = AccountsTest.class, name = "sessionCookieIsHttpOnlyLaxAndNewOnEveryLogin")
    @SelectMethod(type = AccountsTest.class, name = "passwordChangeNeedsTheOldOneAndLogsOutOtherDevices")
    @SelectMethod(type = ApiTest.class, name = "aPlantedSessionCookieIsNeverAdoptedByTheApi")
    static class SessionFixation {
    }

    @Suite
    @SuiteDisplayName("CSRF: missing, wrong or another session's token, cross-site requests")
    @SelectClasses(CsrfTest.class)
    static class CrossSiteRequestForgery {
    }

    @Suite
    @SuiteDisplayName("open redirect")
    @SelectMethod(type = AccountsTest.class, name = "openRedirectVectorsFallBackToPosts", parameterTypes = String.class)
    @SelectMethod(type = AccountsTest.class, name = "openRedirectInTheLoginFormIsNotEchoed")
    @SelectClasses(SafeRedirectFuzzTest.class)
    static class OpenRedirect {
    }

    @Suite
    @SuiteDisplayName("XSS, stored and reflected")
    @SelectMethod(type = SecurityTest.class, name = "postContentIsRenderedEscaped")
    @SelectMethod(type = SecurityTest.class, name = "usernamesAndPathsAreRenderedEscaped")
    @SelectMethod(type = SecurityTest.class, name = "reflectedInputIsEscapedEverywhere", parameterTypes = String.class)
    @SelectClasses(RenderingFuzzTest.class)
    static class CrossSiteScripting {
    }

    @Suite
    @SuiteDisplayName("clickjacking and the other security headers")
    @SelectMethod(type = SecurityTest.class, name = "everyResponseCarriesTheSecurityHeaders", parameterTypes = String.class)
    static class Clickjacking {
    }

    @Suite
    @SuiteDisplayName("cookie flags over http and https, behind trusted and untrusted proxies")
    @SelectMethod(type = SecurityTest.class, name = "secureCookiesFollowTheTrustedProxyOnly")
    static class CookieFlags {
    }

    @Suite
    @SuiteDisplayName("user enumeration by message")
    @SelectMethod(type = AccountsTest.class, name = "unknownUserAndWrongPasswordFailTheSameWay")
    @SelectMethod(type = ApiTest.class, name = "failedLoginIs401WithTheGenericMessage")
    @SelectMethod(type = SharedLoginThrottleTest.class, name = "theRefusalLooksTheSameForAnUnknownUser")
    @SelectMethod(typeName = LOGIN_THROTTLE, name = "theAnswerIsTheSameWhetherOrNotTheUserExists")
    static class UserEnumerationByMessage {
    }

    @Suite
    @SuiteDisplayName("user enumeration by timing")
    @SelectClasses(LoginTimingTest.class)
    static class UserEnumerationByTiming {
    }

    @Suite
    @SuiteDisplayName("brute force")
    @SelectClasses(value = SharedLoginThrottleTest.class, names = LOGIN_THROTTLE)
    static class BruteForce {
    }

    @Suite
    @SuiteDisplayName("oversized and malformed input")
    @SelectMethod(type = SecurityTest.class, name = "oversizedBodyIs413AndNeverReachesTheService")
    @SelectMethod(type = SecurityTest.class, name = "oversizedChunkedBodyIs413")
    @SelectMethod(type = SecurityTest.class, name = "malformedFormEncodingIs400", parameterTypes = String.class)
    @SelectMethod(type = SecurityTest.class, name = "malformedRequestLinesGetAPlainErrorWithoutDetails")
    @SelectMethod(type = SecurityTest.class, name = "malformedAndOversizedInputNeverGives500")
    @SelectMethod(type = HardeningTest.class, name = "headersOverEightKibAre431WithOurPage")
    @SelectMethod(type = HardeningTest.class, name = "aClientSendingOneHeaderByteASecondIsCutOff")
    @SelectMethod(type = HardeningTest.class, name = "beyondTheConcurrencyLimitAndTheQueueRequestsGet503WithRetryAfter")
    @SelectClasses({FormBodyFuzzTest.class, JsonBodyFuzzTest.class})
    static class OversizedAndMalformedInput {
    }

    @Suite
    @SuiteDisplayName("SQL and CQL metacharacters stored verbatim (in memory here; real stores in their adapters' ITs)")
    @SelectMethod(type = SecurityTest.class, name = "sqlAndCqlMetacharactersAreStoredVerbatim")
    @SelectMethod(typeName = USERS_IN_MEMORY, name = "listPrefixIsLiteralNotAPattern")
    static class SqlAndCqlMetacharacters {
    }

    @Suite
    @SuiteDisplayName("secrets in logs, metrics and error pages")
    @SelectClasses(SecretsNeverLeakTest.class)
    static class SecretsInLogsMetricsAndErrorPages {
    }
}
