package org.sdvp.distill.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.sdvp.distill.report.ExperimentReport.Curve;
import org.sdvp.distill.report.ExperimentReport.FrameworkRows;

/** The report's charts (JFreeChart), as PNG data URIs so the HTML needs no other file. */
final class Charts {
    private Charts() {}

    /** Rows × tasks, grouped by task, scores in points. */
    static String scoresBarChart(String framework, FrameworkRows rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (var row : rows.rows().entrySet()) {
            for (var cell : row.getValue().entrySet())
                data.addValue(100 * cell.getValue(), row.getKey(), cell.getKey());
        }
        JFreeChart chart = ChartFactory.createBarChart(
                framework + ": score by row and task",
                "task",
                "score (points)",
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(0, 100);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart, 900, 420);
    }

    /** Training curves, one series each. */
    static String curvesChart(List<Curve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.name());
            for (int i = 0; i < c.steps().size(); i++)
                s.add(c.steps().get(i), c.values().get(i));
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                "training curves", "step", "value", data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart, 900, 360);
    }

    private static String png(JFreeChart chart, int width, int height) {
        BufferedImage image = chart.createBufferedImage(width, height);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
