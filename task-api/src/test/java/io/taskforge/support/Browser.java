package io.taskforge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its ChromeDriver (never a downloaded browser): pages,
 * waits, screenshots under {@code target/screenshots/}, and what the page wrote to its console.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private int width = 1440;
    private int height = 960;
    private boolean mobile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium, or fails saying how to install it. */
    public static Browser start() {
        for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertThat(Files.isExecutable(program))
                    .as(
                            program + " is missing: the browser tests need Debian's Chromium and its driver;"
                                    + " install them with 'apt-get install chromium chromium-driver' (./taskforge test does so when it runs as root)")
                    .isTrue();
        }
        try {
            Path profile = Files.createTempDirectory("taskforge-chromium-");
            ChromeOptions options = new ChromeOptions()
                    .setBinary(CHROMIUM.toFile())
                    // as root, and on a machine whose network refuses Chromium's own background calls
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--user-data-dir=" + profile);
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            Browser browser = new Browser(new ChromeDriver(service, options), profile);
            browser.viewport(browser.width, browser.height, false);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the condition holds (a non-null, non-false answer) and returns its answer. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE)
                .withMessage(what)
                .pollingEvery(Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Clicks the element once it is shown, again when the page replaced it just before the click. */
    public void click(String css) {
        await(css + " clicked", page -> {
            try {
                awaitShown(css).click();
                return true;
            } catch (StaleElementReferenceException replaced) {
                return null;
            }
        });
    }

    /** Waits for an element to be shown and returns it. */
    public WebElement awaitShown(String css) {
        return await(css + " shown", page -> page.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Lays the page out for a screen of this size, a phone's (touch, overlay scroll bars) when {@code mobile}. */
    public void viewport(int width, int height, boolean mobile) {
        this.width = width;
        this.height = height;
        this.mobile = mobile;
        emulate(width, height, mobile);
    }

    private void emulate(int width, int height, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Saves what the window shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        return save(name, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Saves the whole page, as tall as it is, as {@code target/screenshots/<name>.png}. */
    public Path fullPageScreenshot(String name) {
        int fullHeight = ((Number) script("return document.documentElement.scrollHeight")).intValue();
        emulate(width, Math.max(height, fullHeight), mobile);
        try {
            return screenshot(name);
        } finally {
            emulate(width, height, mobile);
        }
    }

    private static Path save(String name, byte[] png) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors the page wrote to its console (its own and failed loads) since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a left-over profile in the temporary folder is harmless
        }
    }
}
