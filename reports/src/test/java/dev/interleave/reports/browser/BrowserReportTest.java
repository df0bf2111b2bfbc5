package dev.interleave.reports.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.reports.html.HtmlReportRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens the rendered fixture run in headless Chromium, as a developer whose build just failed
 * would, and checks what they see: no sideways scrolling at 1,280 and 420 px, the failing tests
 * first with their reasons, the replay command, the timeline's lanes and the nearest passing
 * schedule. Skipped, saying why, only where Chromium or its driver is not installed.
 *
 * <p>With {@code -Dinterleave.screenshots=DIR} it also saves the pages at both widths as PNGs.
 */
@Timeout(180)
class BrowserReportTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/run");
  static final String FAILING_PAGE = "com.acme.CounterTest_lostUpdate-7124f063.html";
  static final String CROSS_CHECKED_PAGE = "com.acme.FlagTest_publishOrder-a97c5b75.html";
  static final int WIDE = 1280;
  static final int NARROW = 420;

  @TempDir static Path out;
  private static WebDriver driver;

  @BeforeAll
  static void renderAndOpenBrowser() throws IOException {
    Chromium.Install chromium = Chromium.find().orElse(null);
    Assumptions.assumeTrue(chromium != null, Chromium::missing);
    try (Stream<Path> files = Files.list(FIXTURES)) {
      for (Path f : files.toList()) {
        Files.copy(f, out.resolve(f.getFileName()));
      }
    }
    new HtmlReportRenderer().renderRun(out);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.browser().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--allow-file-access-from-files");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromium.driver().toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void pagesDoNotScrollSidewaysAtDesktopOrPhoneWidth() throws IOException {
    for (String page : List.of("index.html", FAILING_PAGE)) {
      for (int width : new int[] {WIDE, NARROW}) {
        open(page, width);
        long inner = number("return document.documentElement.clientWidth;");
        long scroll = number("return document.documentElement.scrollWidth;");
        assertThat(inner).as("%s viewport at %d px", page, width).isBetween(width - 20L, width + 0L);
        assertThat(scroll).as("%s document width at %d px", page, width).isLessThanOrEqualTo(inner);
        screenshot(page, width);
      }
    }
  }

  @Test
  void indexListsTheFailingTestsFirstWithTheirReasons() {
    open("index.html", WIDE);
    List<WebElement> rows = driver.findElements(By.cssSelector("#tests tbody tr"));
    assertThat(rows).hasSizeGreaterThan(4);
    WebElement first = rows.get(0);
    assertThat(first.getAttribute("class")).contains("failed");
    assertThat(first.findElement(By.cssSelector(".badge")).getText()).isEqualTo("FAILED");
    assertThat(first.findElement(By.cssSelector(".col-reason")).getText()).isNotBlank();
    assertThat(driver.findElement(By.cssSelector("#tests")).getText())
        .contains("Invariant 'final counter == 2' was violated in 2 of 37 schedules");
    WebElement filter = driver.findElement(By.id("filter"));
    assertThat(filter.isDisplayed()).as("the script reveals the filter").isTrue();
    filter.sendKeys("counter");
    assertThat(driver.findElement(By.id("shown")).getText()).startsWith("1 of ");
  }

  @Test
  void failingPageShowsReplayCommandTimelineLanesAndNearestPassingSchedule() {
    open(FAILING_PAGE, WIDE);
    String replay = driver.findElement(By.cssSelector("pre.replay code")).getText();
    assertThat(replay).startsWith("mvn ").contains("-Dtest=CounterTest#lostUpdate")
        .contains("-Dinterleave.replay=12345:0.0.0.1.1.2.2.1.2.2.0.0:0").doesNotContain("\n");
    assertThat(driver.findElement(By.cssSelector("button.copy")).isDisplayed()).isTrue();
    List<String> captions = driver.findElements(By.cssSelector("figure.schedule figcaption strong"))
        .stream().map(WebElement::getText).toList();
    assertThat(captions).containsExactly("Counterexample (shrunk)", "Nearest passing schedule");
    WebElement counterexample = driver.findElements(By.cssSelector("figure.schedule")).get(0);
    List<String> lanes = counterexample.findElements(By.cssSelector("svg text.lane-name"))
        .stream().map(WebElement::getText).toList();
    assertThat(lanes).containsExactly("main", "Process-1", "Process-2");
    assertThat(counterexample.getText()).contains("JOIN Process-1", "blocked", "preempted",
        "after sleep");
    assertThat(driver.findElement(By.cssSelector(".observed")).getText()).contains("1");
  }

  @Test
  void stressAgainstControlShowsBothCountsAtEitherWidth() {
    for (int width : new int[] {WIDE, NARROW}) {
      open(CROSS_CHECKED_PAGE, width);
      WebElement section = driver.findElement(By.id("cross-check"));
      assertThat(section.findElement(By.tagName("h2")).getText())
          .isEqualTo("Stress against control");
      assertThat(section.findElement(By.cssSelector(".cross-summary")).getText())
          .startsWith("Every outcome of 40 stress runs was reached under control");
      List<String> rare = section.findElements(By.cssSelector("tr.rare td")).stream()
          .map(WebElement::getText).toList();
      assertThat(rare).containsExactly("flag=1, data=0", "INTERESTING", "3", "0",
          "under control only: a rare interleaving");
      assertThat(number("return document.documentElement.scrollWidth;"))
          .as("document width at %d px", width)
          .isLessThanOrEqualTo(number("return document.documentElement.clientWidth;"));
    }
  }

  private static void open(String page, int width) {
    driver.manage().window().setSize(new Dimension(width, 900));
    driver.get(out.resolve(page).toUri().toString());
    long inner = number("return window.innerWidth;");
    if (inner != width) { // window decorations, if any: size the viewport itself
      driver.manage().window().setSize(new Dimension((int) (2L * width - inner), 900));
      driver.navigate().refresh();
    }
  }

  private static long number(String script) {
    return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
  }

  private static void screenshot(String page, int width) throws IOException {
    String dir = System.getProperty("interleave.screenshots");
    if (dir == null) {
      return;
    }
    String name = (page.equals("index.html") ? "index" : "failing-test") + "-" + width + ".png";
    byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(Path.of(dir));
    Files.write(Path.of(dir).resolve(name), png);
  }
}
