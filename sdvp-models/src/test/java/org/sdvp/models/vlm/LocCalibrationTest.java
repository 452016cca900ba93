package org.sdvp.models.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.Json;
import org.sdvp.models.ToyWorld;
import org.sdvp.models.checkpoint.Calibration;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.train.SubTaskSet;

class LocCalibrationTest {
    private static final SubTaskSet DATA = ToyWorld.data(8, 5);

    @Test
    void theBestF1WinsAndTiesGoToTheMorePreciseThreshold() {
        var curve = List.of(
                new LocCalibration.Point(0.2, 0.9, 0.5, 0.643),
                new LocCalibration.Point(0.3, 0.8, 0.7, 0.747),
                new LocCalibration.Point(0.4, 0.7, 0.8, 0.747),
                new LocCalibration.Point(0.5, 0.5, 0.9, 0.643));
        assertEquals(0.4, LocCalibration.best(curve).threshold());
    }

    @Test
    void candidatesAreRoundFiftieths() {
        assertEquals(0.10, LocCalibration.CANDIDATES.get(0));
        assertEquals(0.15, LocCalibration.CANDIDATES.get(1));
        assertEquals(0.70, LocCalibration.CANDIDATES.get(LocCalibration.CANDIDATES.size() - 1));
    }

    /** A lower threshold can only keep more boxes: recall never falls as the threshold falls. */
    @Test
    void recallFallsAsTheThresholdRises() {
        try (VlmModel vlm = TinyVlm.create(DATA, 3)) {
            var curve = LocCalibration.curve(vlm, DATA);
            assertEquals(LocCalibration.CANDIDATES.size(), curve.size());
            for (int i = 1; i < curve.size(); i++)
                assertTrue(curve.get(i).recall() <= curve.get(i - 1).recall(), curve.toString());
        }
    }

    @Test
    void theThresholdTravelsWithTheCheckpointAndDecodesLoc(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("ck");
        try (VlmModel vlm = TinyVlm.create(DATA, 3)) {
            assertNull(vlm.calibration());
            assertEquals(Calibration.DEFAULT_LOC_THRESHOLD, vlm.locThreshold());
            vlm.calibrate(LocCalibration.choose(vlm, DATA, "toy scenes"));
            vlm.calibrate(
                    new Calibration(0.35, "toy scenes", vlm.calibration().valF1(), Map.of("general.loc.recall", 0.5)));
            vlm.save(
                    dir,
                    Provenance.of(
                            "test",
                            "general",
                            3,
                            Json.mapper().createObjectNode(),
                            DATA.sha256(),
                            DATA.size(),
                            Json.mapper().createObjectNode(),
                            Map.of(),
                            null));
        }
        try (VlmModel back = VlmModel.load(dir)) {
            assertEquals(0.35, back.locThreshold());
            assertEquals(
                    LocCalibration.CANDIDATES.size(), back.calibration().valF1().size());
            assertEquals(0.5, back.calibration().heldOut().get("general.loc.recall"));
        }
    }

    @Test
    void checkpointsWithoutCalibrationStillLoadWithTheDefault(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("ck");
        try (VlmModel vlm = TinyVlm.create(DATA, 3)) {
            vlm.save(
                    dir,
                    Provenance.of(
                            "test",
                            "general",
                            3,
                            Json.mapper().createObjectNode(),
                            DATA.sha256(),
                            DATA.size(),
                            Json.mapper().createObjectNode(),
                            Map.of(),
                            null));
        }
        var root = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.mapper().readTree(dir.resolve("config.json").toFile());
        root.remove("calibration");
        Json.write(dir.resolve("config.json"), root);
        try (VlmModel back = VlmModel.load(dir)) {
            assertEquals(Calibration.DEFAULT_LOC_THRESHOLD, back.locThreshold());
        }
    }

    @Test
    void aThresholdOutsideZeroOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Calibration(1.0, "x", Map.of(), Map.of()));
    }
}
