package dev.opsshell.remote.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsshell.core.testing.Requirements;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (Selenium): a fresh profile
 * per browser, background networking off (this machine refuses it), and Chrome's performance log
 * on, so a test can list every request a page made.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static void require() {
        Requirements.require(Requirements.onPath(CHROMIUM) && Requirements.onPath(CHROMEDRIVER),
                "the Debian packages chromium and chromium-driver; ./scripts/test installs them");
    }

    /** A new headless Chromium whose profile lives under {@code dir}. */
    public static Browser start(Path dir) {
        require();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--window-size=1280,2000",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().withLogFile(dir.resolve("chromedriver.log").toFile()).build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Opens {@code url} and returns once the page has loaded; what the logs held before is dropped. */
    public Browser open(String url) {
        requests();
        console();
        driver.get(url);
        return this;
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Every URL a page requested since the last call (the page itself included). Requests made by
     * Chromium's own pages (chrome://, such as the new tab page it may still be loading at start)
     * are not a page's and are left out: a CI run once saw chrome://new-tab-page-third-party/ here.
     */
    public List<String> requests() {
        List<String> urls = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = parse(e.getMessage()).path("message");
            if (!message.path("method").asText().equals("Network.requestWillBeSent")) continue;
            JsonNode params = message.path("params");
            if (browserOwn(params.path("documentURL").asText()) || browserOwn(params.path("request").path("url").asText())) continue;
            urls.add(params.path("request").path("url").asText());
        }
        return urls;
    }

    static boolean browserOwn(String url) {
        return url.startsWith("chrome://") || url.startsWith("chrome-untrusted://");
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("chromedriver's performance log held no JSON: " + text, e);
        }
    }

    /** What the page's console said since the last call (CSP violations among it). */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** A PNG of one element as it is drawn. */
    public byte[] screenshot(WebElement element) {
        return element.getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
