package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the mobile-web browser tests do on a phone's screen: sign in with the local SMS code, type, click, wait. */
final class PhoneScreens {

    private PhoneScreens() {
    }

    /** Signs in on the sign-in view with the code the local SMS adapter kept for this phone, once a new one arrived. */
    static void signIn(WebDriver browser, String phone) {
        long before = Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ?", phone);
        type(browser, "phone", phone);
        click(browser, "send-code");
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("code")));
        String code = null;
        for (int i = 0; i < 200 && code == null; i++) {
            if (Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ?", phone) > before) {
                code = Citizens.awaitCodes(List.of(phone), Duration.ofSeconds(5)).get(phone);
            } else {
                Citizens.sleep(100);
            }
        }
        assertTrue(code != null, "no sign-in code arrived");
        type(browser, "code", code);
        click(browser, "verify-code");
    }

    static void type(WebDriver browser, String id, String text) {
        var field = waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    static void click(WebDriver browser, String id) {
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Views re-render after each answer from the server: a stale element is looked up again, not a failure. */
    static WebDriverWait waitFor(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
