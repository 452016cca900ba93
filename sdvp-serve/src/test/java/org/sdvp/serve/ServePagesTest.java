package org.sdvp.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.htmlunit.CollectingAlertHandler;
import org.htmlunit.WebClient;
import org.htmlunit.html.FrameWindow;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sdvp.serve.bench.PageBench;
import org.sdvp.serve.sample.SampleExperiment;

/**
 * The pages in an in-JVM headless browser (HtmlUnit, scripts on) over a synthetic experiment written from
 * files ({@link SampleExperiment#small()}: 4 rows × 2 tasks × 12 questions), served on 127.0.0.1, port 0
 * ({@link Fixture}).
 */
class ServePagesTest {
    static final ServeApp app = Fixture.APP;

    WebClient browser;
    List<String> alerts = new ArrayList<>();

    /** Scripts are off unless a test needs them (ECharts alone takes HtmlUnit tens of seconds). */
    @BeforeEach
    void open() {
        browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.setAlertHandler(new CollectingAlertHandler(alerts));
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void theIndexListsTheExperimentAndItsStage() throws Exception {
        HtmlPage index = browser.getPage(app.url());
        String text = index.asNormalizedText();
        assertTrue(text.contains("exp"), text);
        assertTrue(text.contains("preset sample"), text);
        HtmlPage experiment = index.getAnchorByText("exp").click();
        assertTrue(experiment.getTitleText().startsWith("Experiment exp"), experiment.getTitleText());
    }

    @Test
    void theTableHasEveryRowAndTaskWithScoresDeltasAndIntervals() throws Exception {
        HtmlPage page = browser.getPage(app.url() + "experiment?run=exp");
        HtmlTable table = page.getFirstByXPath("//table[@class='scores']");
        assertEquals(5, table.getRowCount(), "header + 4 rows");
        assertEquals(
                List.of("row", "gqa-sim (n 12)", "count-sim (n 12)"),
                table.getRow(0).getCells().stream()
                        .map(c -> c.asNormalizedText())
                        .toList());
        String sdvp = table.getRow(3).asNormalizedText();
        assertTrue(sdvp.startsWith("sdvp:gqa-sim"), sdvp);
        assertTrue(sdvp.matches("(?s).*\\[[-+]\\d+\\.\\d, [-+]\\d+\\.\\d\\].*"), "interval shown: " + sdvp);
        // the heat map's data: one cell per row × task, each with its question list's address (drawing it is
        // left to the real-browser check: ECharts takes HtmlUnit's JavaScript engine tens of seconds)
        String chart = ((org.htmlunit.html.HtmlElement) page.getFirstByXPath("//div[@class='chart']"))
                .getAttribute("data-chart");
        com.fasterxml.jackson.databind.JsonNode spec =
                org.sdvp.core.io.Json.mapper().readTree(chart);
        assertEquals(8, spec.get("cells").size());
        assertTrue(spec.get("cells").get(0).get(4).asText().startsWith("/questions?run=exp"), chart);
    }

    @Test
    void aCellLeadsToItsQuestionsAndAQuestionToBothRationales() throws Exception {
        HtmlPage page = browser.getPage(app.url() + "experiment?run=exp");
        HtmlTable table = page.getFirstByXPath("//table[@class='scores']");
        HtmlAnchor cell = (HtmlAnchor) table.getCellAt(3, 1).getFirstElementChild();
        HtmlPage questions = cell.click(); // plain links: no script needed
        assertTrue(
                questions.getTitleText().startsWith("baseline vs sdvp:gqa-sim on gqa-sim"), questions.getTitleText());
        HtmlTable list = questions.getHtmlElementById("questions");
        assertEquals(13, list.getRowCount(), "header + 12 questions");

        HtmlAnchor second = questions.getFirstByXPath("//table[@id='questions']//tr[3]//a");
        HtmlPage question = second.click();
        List<?> sides = question.getByXPath("//section[@class='rationale']");
        assertEquals(2, sides.size());
        assertEquals(2, question.getFrames().size(), "one rationale frame per row");
        for (FrameWindow frame : question.getFrames()) {
            HtmlPage trace = (HtmlPage) frame.getEnclosedPage();
            String steps = trace.asNormalizedText();
            assertTrue(steps.contains("BOX0=LOC(image=IMAGE,object='cube')"), steps);
            assertTrue(steps.contains("ANSWER0=VQA"), steps);
            assertTrue(
                    trace.getByXPath("//img[starts-with(@src,'data:image/png')]")
                                    .size()
                            >= 3,
                    "images, boxes and crops drawn");
        }
        assertTrue(question.asNormalizedText().contains("baseline"));
        assertTrue(question.asNormalizedText().contains("sdvp:gqa-sim"));
    }

    @Test
    void filtersChangeTheList() throws Exception {
        browser.getOptions().setJavaScriptEnabled(true);
        HtmlPage all = browser.getPage(app.url() + "questions?run=exp&fw=visprog&a=baseline&b=oracle&task=gqa-sim");
        int everyQuestion = ((HtmlTable) all.getHtmlElementById("questions")).getRowCount() - 1;
        assertEquals(12, everyQuestion);
        HtmlForm form = all.getHtmlElementById("filters");
        HtmlSelect outcome = form.getSelectByName("outcome");
        HtmlPage fixed = outcome.setSelectedAttribute("fixed", true); // the select submits its form on change
        int fixedCount = ((HtmlTable) fixed.getHtmlElementById("questions")).getRowCount() - 1;
        assertTrue(
                fixed.getUrl().toString().contains("outcome=fixed"),
                fixed.getUrl().toString());
        assertTrue(
                fixedCount > 0 && fixedCount < everyQuestion,
                "oracle fixes some of the baseline's misses: " + fixedCount);
        for (Object row : fixed.getByXPath("//table[@id='questions']//tr[position()>1]")) {
            String text = ((org.htmlunit.html.HtmlTableRow) row).asNormalizedText();
            assertTrue(
                    text.contains("✗") && text.contains("✓"),
                    "a fixed question: wrong under A, right under B: " + text);
        }
        HtmlPage typed =
                browser.getPage(app.url() + "questions?run=exp&a=baseline&b=oracle&task=gqa-sim&type=query_color");
        assertEquals(4, ((HtmlTable) typed.getHtmlElementById("questions")).getRowCount() - 1, "ids 0, 3, 6, 9");
        HtmlPage unchanged =
                browser.getPage(app.url() + "questions?run=exp&a=oracle&b=oracle&task=gqa-sim&changed=yes");
        assertEquals(
                1,
                ((HtmlTable) unchanged.getHtmlElementById("questions")).getRowCount(),
                "a row never differs from itself");
    }

    @Test
    void aQuestionTextWithAScriptIsShownNotRun() throws Exception {
        browser.getOptions().setJavaScriptEnabled(true);
        HtmlPage list = browser.getPage(app.url() + "questions?run=exp&a=baseline&b=sdvp_gqa-sim&task=gqa-sim");
        assertTrue(list.asNormalizedText().contains(SampleExperiment.INJECTION), "shown as text");
        HtmlAnchor first = list.getFirstByXPath("//table[@id='questions']//tr[2]//a");
        HtmlPage question = first.click();
        assertTrue(question.asNormalizedText().contains(SampleExperiment.INJECTION));
        for (FrameWindow frame : question.getFrames()) {
            assertTrue(((HtmlPage) frame.getEnclosedPage()).asNormalizedText().contains("alert('xss')"));
        }
        String html = question.getWebResponse().getContentAsString();
        assertFalse(html.contains("<script>alert"), "escaped in the markup");
        assertFalse(html.contains("<img src=x"), "escaped in the markup");
        assertEquals(List.of(), alerts, "no injected script ran");
    }

    @Test
    void aSingleEvaluationListsEveryQuestionAndEachLeadsToItsRationale() throws Exception {
        browser.getOptions().setJavaScriptEnabled(true);
        HtmlPage index = browser.getPage(app.url());
        HtmlPage eval = index.getAnchorByText("single/gqa-sim.json").click();
        HtmlTable list = eval.getHtmlElementById("questions");
        assertEquals(13, list.getRowCount(), "header + every one of the 12 questions, not only the misses");
        HtmlSelect answer = ((HtmlForm) eval.getHtmlElementById("filters")).getSelectByName("answer");
        HtmlPage wrong = answer.setSelectedAttribute("wrong", true); // submits on change
        int wrongCount = ((HtmlTable) wrong.getHtmlElementById("questions")).getRowCount() - 1;
        assertTrue(wrongCount > 0 && wrongCount < 12, "the baseline misses some: " + wrongCount);
        for (Object row : wrong.getByXPath("//table[@id='questions']//tr[position()>1]")) {
            assertTrue(((org.htmlunit.html.HtmlTableRow) row).asNormalizedText().contains("✗"));
        }
        HtmlPage again = browser.getPage(app.url() + "eval?run=single/gqa-sim.json");
        HtmlAnchor second = again.getFirstByXPath("//table[@id='questions']//tr[3]//a");
        HtmlPage question = second.click();
        assertEquals(1, question.getFrames().size(), "its rationale");
        HtmlPage trace = (HtmlPage) question.getFrames().get(0).getEnclosedPage();
        assertTrue(trace.asNormalizedText().contains("ANSWER0=VQA"), trace.asNormalizedText());
        assertTrue(
                trace.getByXPath("//img[starts-with(@src,'data:image/png')]").size() >= 3,
                "images, boxes and crops drawn");
        assertEquals(List.of(), alerts);
    }

    @Test
    void theStagePageShowsTheTeacherAndTheStudentBeforeAndAfter() throws Exception {
        HtmlPage stage = browser.getPage(app.url() + "stage?run=exp/stages/seed-1/sdvp-gqa-sim");
        HtmlTable table = stage.getHtmlElementById("distributions");
        assertEquals(1 + 4 + 1, table.getRowCount(), "header, 4 VQA calls, 1 MATCH call");
        String first = table.getRow(1).asNormalizedText();
        assertTrue(first.contains("What color is the cube?") && first.contains("→") && first.contains("%"), first);
        assertTrue(table.getRow(1).getCell(0).getElementsByTagName("img").size() == 1, "the call's pixels");
    }

    @Test
    void aStageWithoutVqaOrMatchTargetsSaysSoInsteadOfAnEmptyTable() throws Exception {
        java.nio.file.Path runs = java.nio.file.Files.createTempDirectory("sdvp-serve-loc-only");
        java.nio.file.Path stage = java.nio.file.Files.createDirectories(runs.resolve("loc-only"));
        java.nio.file.Files.writeString(stage.resolve("stage.json"), "{\"task\":\"gqa-sim\"}");
        // what a LOC-only stage writes (the demo's ablation-loc-only): no VQA or MATCH target to sample
        java.nio.file.Files.writeString(stage.resolve("distributions.json"), "{\"vqa\":[],\"match\":[]}");
        try (ServeApp own = ServeApp.start(runs, "127.0.0.1", 0)) {
            HtmlPage page = browser.getPage(own.url() + "stage?run=loc-only");
            assertTrue(page.getElementById("distributions") == null, "no empty table");
            assertTrue(page.asNormalizedText().contains("distilled no VQA or MATCH target"), page.asNormalizedText());
        } finally {
            PageBench.delete(runs);
        }
    }
}
