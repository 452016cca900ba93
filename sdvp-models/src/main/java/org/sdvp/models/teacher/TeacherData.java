package org.sdvp.models.teacher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sdvp.models.train.SubTaskSet;

/**
 * What one teacher run trains and validates on, read before training: a world task's split (drawn or from a
 * folder) or a real dataset's annotated scenes ({@link DatasetTeacherData}).
 *
 * @param task the name the checkpoint's provenance records ({@code gqa-sim}, {@code clevr})
 * @param style the visual domain, for the log
 * @param dataId what identifies the data for a resumed run ({@code drawn}, or the folder's absolute path)
 * @param valCalls sub-task calls on the validation scenes, for the teacher's coverage
 * @param recipe how the data was made or read, for the provenance
 * @param dataSeconds how long reading it took
 */
public record TeacherData(
        String task,
        String style,
        String dataId,
        TeacherExamples train,
        TeacherExamples val,
        SubTaskSet valCalls,
        ObjectNode recipe,
        double dataSeconds) {}
