package org.sdvp.models.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.models.train.ResumableTraining;
import org.sdvp.world.task.WorldTaskSpec;

/** A teacher's training killed between two saved states resumes to the uninterrupted weights, byte for byte. */
class TeacherResumeTest {
    private static final TeacherExamples DATA = TeacherBuilder.examples(WorldTaskSpec.get("gqa-sim"), "train", 6, 1);
    private static final TeacherTrainConfig CONFIG = new TeacherTrainConfig(10, 8, 2, 5e-3f, 2, 4f, 5f, 1f, 3);

    private static String train(ResumableTraining resume) throws Exception {
        try (TeacherModel t = TeacherModel.create(TeacherConfig.tiny(), "gqa-sim", 3)) {
            new TeacherTrainer(t, CONFIG).train(DATA, null, resume);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            t.block().saveParameters(new DataOutputStream(bytes));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        }
    }

    private static ResumableTraining state(Path dir) {
        return new ResumableTraining(dir, Map.of("config", CONFIG), DATA.sha256(), 3);
    }

    @Test
    void aTeacherKilledBetweenStatesResumesToTheUninterruptedWeights(@TempDir Path tmp) throws Exception {
        String plain = train(null);
        assertThrows(ResumableTraining.Stopped.class, () -> train(state(tmp).stopAfter(7)));
        assertEquals(plain, train(state(tmp)));
    }
}
