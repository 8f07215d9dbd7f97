package org.mvoting.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver) driven through its own chromedriver: no driver
 * is downloaded. Where the browser is missing the browser tests are skipped, unless MVOTING_BROWSER_TESTS=required
 * (set by .ci/run, which installs it), where that is a failure.
 */
final class Browser {

    static final String SITE = Api.BASE.replaceFirst("/api/v1$", "");
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("MVOTING_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MVOTING_CHROMIUM", "/usr/bin/chromium"));

    private Browser() {
    }

    /** A fresh browser (own profile, no shared cookies) at the given window size. */
    static WebDriver open(int width, int height) {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!present) {
            if ("required".equals(System.getenv("MVOTING_BROWSER_TESTS"))) {
                throw new IllegalStateException("Chromium/chromedriver not found at " + CHROMIUM + " / " + CHROMEDRIVER);
            }
            Assumptions.abort("no Chromium here (apt install chromium chromium-driver, or run .ci/run)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=ko-KR", "--window-size=" + width + "," + height);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ko-KR,ko"));
        // the console, where Chromium reports every Content-Security-Policy violation (see closeAll)
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Closes every browser (all of them, whatever fails) and then fails if any page broke the Content-Security-Policy:
     * each blocked script, handler or style is a console message of its own, so a green browser test also says the
     * pages it went through run with the policy enforced.
     */
    static void closeAll(List<WebDriver> browsers) {
        List<String> violations = new ArrayList<>();
        for (WebDriver browser : browsers) {
            try {
                for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                    if (entry.getMessage().contains("Content Security Policy")) {
                        violations.add(entry.getMessage());
                    }
                }
            } catch (RuntimeException e) {
                // a browser that is gone has nothing more to say
            }
            try {
                browser.quit();
            } catch (RuntimeException e) {
                // already gone: the others must still be closed
            }
        }
        browsers.clear();
        if (!violations.isEmpty()) {
            throw new AssertionError("the pages broke their Content-Security-Policy:\n" + String.join("\n", violations));
        }
    }
}
