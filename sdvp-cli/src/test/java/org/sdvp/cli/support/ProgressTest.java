package org.sdvp.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sdvp.core.io.ProgressBars;

/** Bars are drawn on the command's error writer where a person watches, and count silently elsewhere. */
class ProgressTest {
    private final String before = System.getProperty(ProgressBars.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(ProgressBars.PROPERTY);
        else System.setProperty(ProgressBars.PROPERTY, before);
    }

    @Test
    void underTestsOrWithoutATerminalTheBarCountsButPrintsNothing() {
        System.setProperty(ProgressBars.PROPERTY, "false");
        StringWriter err = new StringWriter();
        try (ProgressBar bar = Progress.bar(new PrintWriter(err, true), "gqa-sim/test", 10, "q")) {
            bar.stepBy(7);
            assertEquals(7, bar.getCurrent());
        }
        assertEquals("", err.toString());
    }

    @Test
    void atATerminalTheBarRedrawsOneLineOfTheErrorWriter() {
        System.setProperty(ProgressBars.PROPERTY, "true");
        StringWriter err = new StringWriter();
        try (ProgressBar bar = Progress.bar(new PrintWriter(err, true), "gqa-sim/test", 10, "q")) {
            bar.stepBy(7);
        }
        String s = err.toString();
        assertTrue(s.startsWith("\rgqa-sim/test"), s);
        assertTrue(s.contains("7/10"), s);
        // redrawn in place: carriage returns, no line per redraw (the library ends the line only when the bar had
        // been drawn before it closed, so a bar this short may end without one)
        assertTrue(!s.strip().contains("\n"), s);
    }
}
