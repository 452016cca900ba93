package org.sdvp.cli.support;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sdvp.core.io.ProgressBars;

/**
 * Progress bars for long work, all alike: on the command's error writer (picocli's), so standard output
 * stays parseable, and drawn only where a person is watching ({@link ProgressBars}); elsewhere the bar
 * counts silently.
 */
public final class Progress {
    /** Columns a bar may take when the terminal's width is unknown. */
    static final int WIDTH = 100;

    private Progress() {}

    /** @param total the amount of work, or -1 when unknown */
    public static ProgressBar bar(PrintWriter err, String task, long total, String unit) {
        boolean shown = ProgressBars.shown();
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .setUpdateIntervalMillis(shown ? 500 : 60_000)
                .setConsumer(shown ? new InPlace(err) : new DelegatingProgressBarConsumer(line -> {}, WIDTH))
                .build();
    }

    /** Redraws the bar on one line of {@code err} ({@code \r}), ending it when the bar closes. */
    static final class InPlace implements ProgressBarConsumer {
        private final PrintWriter err;

        InPlace(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int getMaxRenderedLength() {
            String columns = System.getenv("COLUMNS");
            try {
                return columns == null ? WIDTH : Math.max(40, Integer.parseInt(columns.strip()) - 1);
            } catch (NumberFormatException e) {
                return WIDTH;
            }
        }

        @Override
        public void accept(String rendered) {
            err.print('\r' + rendered);
            err.flush();
        }

        @Override
        public void close() {
            err.println();
            err.flush();
        }
    }
}
