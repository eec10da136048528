package dev.postbox.adapter.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Debian Chromium through Selenium: sign up, log out, log in, write a post with emoji and
 * a script tag, see it shown as text, page back through more posts than a page holds, log out.
 */
class BrowserIT {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static TestApp app;
    private static WebDriver driver;
    private static Path profile;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            shoot("FAILED-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.start();
        profile = Files.createTempDirectory("postbox-chromium-");
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        driver = new ChromeDriver(options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            app.close();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshBrowser() {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private static void shoot(String name) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SHOTS);
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void open(String path) {
        driver.get(app.base + path);
    }

    private static void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks the form's button and waits until the browser has left the page. */
    private static void submit(String formSelector) {
        click(driver.findElement(By.cssSelector(formSelector + " button[type=submit]")));
    }

    private static void click(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        try {
            element.click();
        } catch (org.openqa.selenium.WebDriverException e) {
            // When the click's navigation swaps the document before ChromeDriver has finished
            // its post-click bookkeeping, it reports this although the click was delivered;
            // the staleness wait below proves whether it was.
            if (!String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                throw e;
            }
        }
        awaitNavigation(page);
    }

    /** Waits until the browser has left {@code page} and the next document is complete. */
    private static void awaitNavigation(WebElement page) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> isGone(page));
        // while the next document loads, scripts may fail the same way: ask again until it is complete
        wait.ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static boolean isGone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static String path() {
        return driver.getCurrentUrl().substring(app.base.length());
    }

    @Test
    void signUpLogInPostPageBackAndLogOut() {
        String name = TestApp.uniqueName("chrome");
        open("/posts/");
        assertThat(driver.getTitle()).isEqualTo("Welcome · Postbox");
        // our stylesheet loaded under the CSP: the top bar is Django green
        assertThat(driver.findElement(By.cssSelector(".topbar")).getCssValue("background-color")).isEqualTo("rgba(12, 75, 51, 1)");
        shoot("welcome-desktop");

        open("/accounts/signup/");
        type("id_username", name);
        type("id_email", name + "@example.com");
        type("id_password1", "short");
        type("id_password2", "short");
        submit("form[action='/accounts/signup/']");
        assertThat(driver.findElement(By.id("id_password1_error")).getText()).contains("too short");
        shoot("signup-errors-desktop");
        type("id_password1", TestApp.PASSWORD);
        type("id_password2", TestApp.PASSWORD);
        submit("form[action='/accounts/signup/']");
        assertThat(path()).isEqualTo("/posts/list");
        assertThat(driver.findElement(By.cssSelector(".empty")).getText()).contains("No posts yet");

        click(driver.findElement(By.cssSelector(".topbar form[action='/accounts/logout/'] button")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Logged out");

        open("/posts/list");
        assertThat(path()).isEqualTo("/accounts/login/?next=%2Fposts%2Flist");
        type("id_username", name);
        type("id_password", TestApp.PASSWORD);
        shoot("login-desktop");
        submit("form[action='/accounts/login/']");
        assertThat(path()).isEqualTo("/posts/list");

        for (int i = 1; i <= ListPostsLimit.PAGE + 2; i++) {
            open("/posts/create");
            type("content", "Older post number " + i);
            submit("form[action='/posts/create']");
        }
        String tricky = "Hello 🎉👩‍💻 <script>document.title='pwned'</script>\nsecond line & <b>not bold</b>";
        open("/posts/create");
        WebElement area = driver.findElement(By.id("content"));
        area.sendKeys(tricky);
        // the external script counts code points as the server does
        assertThat(driver.findElement(By.id("content-count")).getText()).endsWith(" / 10,000");
        shoot("create-desktop");
        submit("form[action='/posts/create']");
        assertThat(path()).isEqualTo("/posts/list");

        WebElement newest = driver.findElements(By.cssSelector(".post .content")).get(0);
        assertThat(newest.getText()).isEqualTo(tricky.replace("👩‍💻", "👩‍💻"));
        assertThat(newest.findElements(By.tagName("script"))).isEmpty();
        assertThat(newest.findElements(By.tagName("b"))).isEmpty();
        assertThat(driver.getTitle()).isEqualTo("My posts · Postbox");
        assertThat(driver.getPageSource()).contains("&lt;script&gt;");
        shoot("list-desktop");

        click(driver.findElement(By.linkText("Older posts →")));
        assertThat(path()).startsWith("/posts/list?before=");
        String older = driver.findElement(By.cssSelector(".posts")).getText();
        assertThat(older).contains("Older post number 1").doesNotContain("Hello");
        click(driver.findElement(By.linkText("← Newest")));
        assertThat(driver.findElement(By.cssSelector(".posts")).getText()).contains("Hello");

        // Delete: each post's button submits the page's one delete form (form= and formaction=),
        // after the script's confirmation; dismissing it sends nothing
        WebElement delete = driver.findElement(By.cssSelector(".post button[form='delete-post']"));
        delete.click();
        driver.switchTo().alert().dismiss();
        assertThat(driver.findElements(By.cssSelector(".post .content")).get(0).getText()).startsWith("Hello");
        WebElement listed = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(".post button[form='delete-post']")).click();
        driver.switchTo().alert().accept();
        awaitNavigation(listed);
        assertThat(path()).isEqualTo("/posts/list");
        assertThat(driver.findElement(By.cssSelector(".posts")).getText()).doesNotContain("Hello")
                .contains("Older post number " + (ListPostsLimit.PAGE + 2));

        driver.manage().window().setSize(new Dimension(390, 844));
        open("/posts/list");
        shoot("list-phone");
        open("/u/" + name);
        shoot("user-phone");
        open("/posts/create");
        shoot("create-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));

        open("/accounts/logout/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Log out?");
        submit("main form[action='/accounts/logout/']");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Logged out");
        open("/posts/list");
        assertThat(path()).startsWith("/accounts/login/");
    }

    @Test
    void errorPagesAndAdminLookRight() {
        open("/no/such/page");
        assertThat(driver.findElement(By.cssSelector(".status")).getText()).isEqualTo("404");
        shoot("404-desktop");
        String admin = app.superuser("chromeadmin");
        for (int i = 0; i < 3; i++) {
            app.register("member");
        }
        open("/accounts/login/?next=/admin/");
        type("id_username", admin);
        type("id_password", TestApp.PASSWORD);
        submit("form[action='/accounts/login/']");
        assertThat(path()).isEqualTo("/admin/");
        assertThat(driver.findElements(By.cssSelector("table.users tbody tr")).size()).isGreaterThanOrEqualTo(4);
        shoot("admin-desktop");
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/admin/");
        shoot("admin-phone");
        open("/posts/");
        shoot("welcome-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** The list page size, so the test writes one page and a bit. */
    private static final class ListPostsLimit {
        static final int PAGE = dev.postbox.domain.PageRequest.DEFAULT_SIZE;
    }
}
