package org.sdvp.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sdvp.serve.sample.SampleExperiment;

/**
 * The real-browser check behind scripts/serve-screenshots.sh (not part of the suite): Debian's Chromium
 * (headless shell) through chromedriver opens every kind of page of a run — runs index, experiment table
 * with its charts, a cell's questions, a filtered list, a question with both rationales, a rationale alone,
 * a stage, an evaluation and one of its questions — fails on any console message of level SEVERE, and saves a screenshot of each.
 *
 * <p>System properties: {@code sdvp.serve.runs} (default: a synthetic experiment written to a temporary
 * folder), {@code sdvp.serve.shots} (where the PNGs go), {@code sdvp.serve.chrome}, {@code sdvp.serve.driver}.
 */
class BrowserCheck {
    @Test
    void everyPageLoadsWithoutConsoleErrors() throws Exception {
        Path runs = runs();
        Path shots = Path.of(System.getProperty("sdvp.serve.shots", "target/screenshots"));
        Files.createDirectories(shots);
        ChromeOptions options = new ChromeOptions();
        // the binary itself, not Debian's /usr/bin wrapper script: chromedriver's quit ends the process it started,
        // and a wrapper that does not exec leaves the browser under it running (scripts/serve-screenshots.sh)
        options.setBinary(System.getProperty("sdvp.serve.chrome", "/usr/lib/chromium/chromium-headless-shell"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("sdvp.serve.driver", "/usr/bin/chromedriver")).toFile()).build();
        Map<String, String> timings = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        // quit() ends Chromium through chromedriver; stop() ends chromedriver even when the session never
        // started. scripts/serve-screenshots.sh also ends whatever this run might leave.
        try (ServeApp app = ServeApp.start(runs, "127.0.0.1", 0)) {
            ChromeDriver driver;
            try {
                driver = new ChromeDriver(service, options);
            } catch (RuntimeException e) {
                service.stop();
                throw e;
            }
            try {
                driver.manage().window().setSize(new Dimension(1400, 1000));
                String base = app.url();
                visit(driver, base, "1-runs", shots, timings, errors);
                // a runs folder without an experiment (a few stages, say) gets the pages it has
                boolean hasExperiment = !driver.findElements(By.cssSelector("table#experiments a")).isEmpty();
                List<WebElement> stages = driver.findElements(By.cssSelector("table#stages a"));
                String cell = null;
                if (hasExperiment) {
                    String experiment = href(driver, "table#experiments a");
                    visit(driver, experiment, "2-experiment", shots, timings, errors);
                    assertFalse(driver.findElements(By.cssSelector("div.chart svg")).isEmpty(), "ECharts drew the heat map");
                    List<WebElement> sdvp = driver.findElements(By.xpath(
                            "//table[@class='scores']//tr[th[starts-with(normalize-space(.),'sdvp')]]//a[@class='cell']"));
                    cell = sdvp.isEmpty() ? href(driver, "table.scores tr:nth-child(3) td a.cell") : sdvp.get(0).getAttribute("href");
                    clickHeatMapCell(driver);
                    visit(driver, cell, "3-questions", shots, timings, errors);
                    String question = href(driver, "table#questions tr:nth-child(2) a.qid");
                    visit(driver, cell + "&outcome=fixed", "4-questions-fixed", shots, timings, errors);
                    List<WebElement> fixed = driver.findElements(By.cssSelector("table#questions a.qid"));
                    if (!fixed.isEmpty()) question = fixed.get(fixed.size() - 1).getAttribute("href");
                    visit(driver, question, "5-question", shots, timings, errors);
                    assertEquals(2, driver.findElements(By.cssSelector("iframe.trace")).size(), "both rationales");
                    String trace = driver.findElement(By.cssSelector("iframe.trace")).getAttribute("src");
                    visit(driver, trace, "6-rationale", shots, timings, errors);
                    driver.get(experiment);
                    stages = driver.findElements(By.cssSelector("ul.stages a"));
                }
                if (!stages.isEmpty()) {
                    // an SDVP stage when there is one (an experiment lists its ablations and baselines' stages too)
                    String stage = stages.stream()
                            .filter(a -> a.getText().matches("(.*/)?sdvp-.*"))
                            .findFirst()
                            .orElse(stages.get(0))
                            .getAttribute("href");
                    visit(driver, stage, "7-stage", shots, timings, errors);
                    assertFalse(driver.findElements(By.cssSelector("#loss svg")).isEmpty(), "loss curve drawn");
                    beforeAndAfter(driver, shots);
                }
                driver.get(base);
                List<WebElement> evals = driver.findElements(By.cssSelector("table#evals a"));
                if (evals.isEmpty() && hasExperiment) {
                    driver.get(cell);
                    evals = driver.findElements(By.cssSelector("a.results"));
                }
                if (!evals.isEmpty()) {
                    visit(driver, evals.get(0).getAttribute("href"), "8-eval", shots, timings, errors);
                    List<WebElement> asked = driver.findElements(By.cssSelector("table#questions a.qid"));
                    if (!asked.isEmpty()) {   // an evaluation with a question file: one question and its rationale
                        visit(driver, asked.get(0).getAttribute("href"), "9-eval-question", shots, timings, errors);
                        assertEquals(1, driver.findElements(By.cssSelector("iframe.trace")).size(), "its rationale");
                    }
                }
            } finally {
                try {
                    driver.quit();
                } finally {
                    service.stop();
                }
            }
        }
        timings.forEach((page, t) -> System.out.println("page " + page + ": " + t));
        assertTrue(errors.isEmpty(), "console errors:\n" + String.join("\n", errors));
    }

    private static void visit(ChromeDriver driver, String url, String name, Path shots, Map<String, String> timings,
                              List<String> errors) throws Exception {
        driver.get(url);
        Thread.sleep(600);   // let ECharts finish its first animation frame before the screenshot
        Object ms = ((JavascriptExecutor) driver).executeScript(
                "var t = performance.getEntriesByType('navigation')[0]; return t ? Math.round(t.loadEventEnd - t.startTime) : -1;");
        timings.put(name, ms + " ms to the load event (" + url + ")");
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            System.out.println("console " + name + ": " + e.getLevel() + " " + e.getMessage());
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(name + ": " + e.getMessage());
        }
    }

    /**
     * Clicks the heat map's cell of the first task and the third row with the mouse, where ECharts drew it, and
     * expects that cell's question list: the chart's click handler is the browser's to run (HtmlUnit never
     * loads ECharts).
     */
    private static void clickHeatMapCell(ChromeDriver driver) {
        WebElement chart = driver.findElement(By.cssSelector("div.chart"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", chart);
        Object at = ((JavascriptExecutor) driver).executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]); var p = c.convertToPixel({seriesIndex: 0}, [0, 2]);"
                        + " var r = arguments[0].getBoundingClientRect(); return [p[0] - r.width / 2, p[1] - r.height / 2];",
                chart);
        List<?> offset = (List<?>) at;
        new Actions(driver)
                .moveToElement(
                        chart,
                        (int) Math.round(((Number) offset.get(0)).doubleValue()),
                        (int) Math.round(((Number) offset.get(1)).doubleValue()))
                .click()
                .perform();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.urlContains("/questions?"));
        System.out.println("heat map click opened " + driver.getCurrentUrl());
        assertFalse(driver.findElements(By.cssSelector("table#questions")).isEmpty(), "the clicked cell's questions");
    }

    /**
     * The stage page's before/after table (teacher vs student), further down the page than the first
     * screenshot reaches: scrolled to its heading and saved as its own screenshot, its pixels checked to be drawn.
     */
    private static void beforeAndAfter(ChromeDriver driver, Path shots) throws Exception {
        List<WebElement> table = driver.findElements(By.id("distributions"));
        if (table.isEmpty()) return; // a stage older than distributions.json: the page shows a note instead
        ((JavascriptExecutor) driver).executeScript(
                "var e = arguments[0]; while (e.previousElementSibling && e.tagName !== 'H2') e = e.previousElementSibling;"
                        + " e.scrollIntoView();",
                table.get(0));
        Thread.sleep(300);
        Object drawn = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(arguments[0].querySelectorAll('img')).every(i => i.complete && i.naturalWidth > 0);",
                table.get(0));
        assertEquals(Boolean.TRUE, drawn, "every call's pixels in the before/after table are drawn");
        Files.write(
                shots.resolve("7b-stage-before-after.png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static String href(ChromeDriver driver, String css) {
        return driver.findElement(By.cssSelector(css)).getAttribute("href");
    }

    private static Path runs() throws Exception {
        String given = System.getProperty("sdvp.serve.runs", "");
        if (!given.isBlank()) return Path.of(given);
        Path dir = Files.createTempDirectory("sdvp-serve-check");
        SampleExperiment.small().write(dir.resolve("sample"));
        return dir;
    }
}
